#[derive(tl_core::TlObject)]
#[tl(id = "0x9bdd8f1a")]
struct Error {
    code: i32,
    message: String,
}

fn main() {}
