// A type named `Flags` that is not tl_core's: the type checker says so.
struct Flags(u8);

#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Message {
    #[tl(flags)]
    flags: Flags,
    #[tl(flag = "flags.0")]
    out: bool,
}

fn main() {}
