#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Message {
    #[tl(flags)]
    flags: u32,
    #[tl(flag = "flags2.0")]
    pinned: bool,
}

fn main() {}
