/// Six mistakes: all are reported in one build, each at its own span.
#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto", colour = "blue")]
struct Message {
    #[tl(flags)]
    flags: u64,
    #[tl(flag = "flags.40")]
    pinned: bool,
    #[tl(flag = "flags2.0")]
    silent: bool,
    views: Option<i32>,
    #[tl(rename = "views")]
    view_count: i32,
    id: u64,
}

fn main() {}
