#[derive(tl_core::TlObject)]
enum Never {}

fn main() {}
