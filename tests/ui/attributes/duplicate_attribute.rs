#[derive(tl_core::TlObject)]
#[tl(name = "error")]
#[tl(name = "failure")]
struct Error {
    #[tl(rename = "code", rename = "error_code")]
    code: i32,
}

fn main() {}
