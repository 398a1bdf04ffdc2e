#[derive(tl_core::TlObject)]
#[tl(dialect = "MTProto")]
struct Ping {
    ping_id: i64,
}

fn main() {}
