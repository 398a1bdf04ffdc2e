#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct Wrapper<X> {
    value: X,
}

#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto", function, returns = bool)]
struct WithReturns<X> {
    query: X,
}

fn main() {}
