#[derive(tl_core::TlObject)]
#[tl(function, returns = bool, ty = "Ok")]
struct SetName {
    name: String,
}

fn main() {}
