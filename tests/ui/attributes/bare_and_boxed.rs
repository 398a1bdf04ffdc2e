#[derive(tl_core::TlObject)]
struct Error {
    code: i32,
}

#[derive(tl_core::TlObject)]
struct Holder {
    #[tl(bare, boxed)]
    error: Error,
}

fn main() {}
