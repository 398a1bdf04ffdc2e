#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Message {
    #[tl(flags)]
    flags: u32,
    #[tl(flag = "flags.0", ty = "true", bare, boxed)]
    pinned: bool,
}

fn main() {}
