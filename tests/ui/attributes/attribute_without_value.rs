#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto", id)]
struct Message {
    #[tl(flags)]
    flags: u32,
    #[tl(flag)]
    pinned: bool,
    #[tl(rename)]
    id: i32,
}

fn main() {}
