/// A generic type gets the generics error, and fallback impls for every
/// instance: neither the field of another derived type nor a call adds an
/// error of its own.
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
