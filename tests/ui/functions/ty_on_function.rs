/// A function's `ty` is the text of what it returns, checked against its
/// `returns` type: `bool` is TL `Bool`, not `Ok`.
#[derive(tl_core::TlObject)]
#[tl(function, returns = bool, ty = "Ok")]
struct SetName {
    name: String,
}

fn main() {}
