/// A generic struct gets no fallback impls: does its use elsewhere add
/// errors of its own?
#[derive(tl_core::TlObject)]
struct Wrapper<T> {
    value: T,
}

#[derive(tl_core::TlObject)]
struct Holder {
    wrapped: Wrapper<i32>,
}

fn main() {
    let _ = tl_core::to_bytes(&Wrapper { value: 1 });
}
