#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Message {
    #[tl(flags)]
    flags: i32,
    #[tl(flag = "flags.0")]
    pinned: bool,
}

fn main() {}
