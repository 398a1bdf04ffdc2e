#[derive(tl_core::TlObject)]
#[tl(other)]
struct Update {
    count: i32,
}

fn main() {}
