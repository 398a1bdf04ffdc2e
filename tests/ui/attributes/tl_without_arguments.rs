#[derive(tl_core::TlObject)]
#[tl]
struct Error {
    #[tl = "code"]
    code: i32,
}

fn main() {}
