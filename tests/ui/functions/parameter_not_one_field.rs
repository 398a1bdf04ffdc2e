// The query's type parameter must be exactly one field's whole type.
#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto", function)]
struct Unused<X> {
    layer: i32,
    marker: std::marker::PhantomData<X>,
}

#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto", function)]
struct Twice<X> {
    first: X,
    second: X,
}

#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto", function)]
struct Nested<X> {
    query: X,
    queries: Vec<X>,
}

fn main() {}
