#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto", function)]
struct InvokeWithLayer<X, Y> {
    layer: i32,
    query: X,
    other: Y,
}

fn main() {}
