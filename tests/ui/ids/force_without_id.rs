#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto", force)]
struct IpPortSecret {
    ipv4: i32,
    port: i32,
    secret: Vec<u8>,
}

fn main() {}
