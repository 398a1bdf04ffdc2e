/// A field whose type derives nothing: rustc names the missing trait.
struct Plain {
    value: i32,
}

#[derive(tl_core::TlObject)]
struct Holder {
    plain: Plain,
}

fn main() {}
