#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Message {
    #[tl(flag = "flags.0")]
    pinned: bool,
    #[tl(flags)]
    flags: u32,
}

fn main() {}
