#[derive(tl_core::TlObject)]
struct Error {
    #[tl(serde::rename = "code")]
    code: i32,
}

fn main() {}
