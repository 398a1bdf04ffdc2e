#[derive(tl_core::TlObject)]
#[tl(crate = "my runtime")]
struct Ping {
    ping_id: i64,
}

fn main() {}
