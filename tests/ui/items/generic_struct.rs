#[derive(tl_core::TlObject)]
struct Wrapper<T> {
    value: T,
}

fn main() {}
