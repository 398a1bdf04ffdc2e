#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Message {
    #[tl(flags)]
    flags: u32,
    #[tl(flags, flag = "flags.1", ty = "#", bare, boxed)]
    flags2: u32,
}

fn main() {}
