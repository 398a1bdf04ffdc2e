/// `with` on a flags word or a conditional field, and a `with` that is not
/// a path: each is reported at the attribute.
mod seconds {}

#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Misused {
    #[tl(flags, with = "seconds")]
    flags: u32,
    #[tl(flag = "flags.0", with = "seconds")]
    maybe: Option<i32>,
    #[tl(with = "not a path")]
    broken: i32,
}

fn main() {}
