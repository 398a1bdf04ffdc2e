/// Borrowed fields are fine, but the lifetime `'de` is the derive's own.
#[derive(tl_core::TlObject)]
struct Message<'de> {
    text: &'de str,
}

fn main() {}
