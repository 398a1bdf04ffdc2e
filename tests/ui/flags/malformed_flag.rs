#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Message {
    #[tl(flags)]
    flags: u32,
    #[tl(flag = "flags:3")]
    pinned: bool,
    #[tl(flag = "3")]
    silent: bool,
    #[tl(flag = "flags.x")]
    post: bool,
}

fn main() {}
