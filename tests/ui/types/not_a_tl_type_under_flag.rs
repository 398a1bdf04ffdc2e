/// A conditional field whose type derives nothing: reported at its type,
/// as a plain field's is.
struct Plain {
    value: i32,
}

#[derive(tl_core::TlObject)]
struct Holder {
    #[tl(flags)]
    flags: u32,
    #[tl(flag = "flags.0")]
    plain: Option<Plain>,
}

fn main() {}
