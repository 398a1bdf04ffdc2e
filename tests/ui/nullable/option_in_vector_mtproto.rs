#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Peer {
    id: i64,
}

#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Peers {
    peers: Vec<Option<Peer>>,
}

fn main() {}
