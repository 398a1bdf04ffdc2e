#[derive(tl_core::TlObject)]
struct Error(i32, String);

fn main() {}
