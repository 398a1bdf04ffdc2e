// `null = Null` has the id that stands for `None`: it cannot be nullable.
#[derive(tl_core::TlObject)]
struct Null {}

#[derive(tl_core::TlObject)]
struct Holder {
    value: Option<Null>,
}

fn main() {}
