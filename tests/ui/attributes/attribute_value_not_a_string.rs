#[derive(tl_core::TlObject)]
#[tl(name = error)]
struct Error {
    #[tl(rename = 5)]
    code: i32,
}

fn main() {}
