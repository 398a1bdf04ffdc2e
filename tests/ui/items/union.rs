#[derive(tl_core::TlObject)]
union Value {
    int: i32,
    long: i64,
}

fn main() {}
