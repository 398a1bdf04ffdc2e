/// A generic function returns what its query returns: its line already
/// says `= X`, so a `ty` has nothing to name.
#[derive(tl_core::TlObject)]
#[tl(function, ty = "Bool")]
struct InvokeWithLayer<X> {
    layer: i32,
    query: X,
}

fn main() {}
