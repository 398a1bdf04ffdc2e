#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Message {
    #[tl(flags, default)]
    flags: u32,
    #[tl(flag = "flags.0", default)]
    views: Option<i32>,
}

fn main() {}
