#[derive(tl_core::TlObject)]
#[tl(id = 0x1_0000_0000)]
struct Big {
    value: i32,
}

#[derive(tl_core::TlObject)]
#[tl(id = -2147483649)]
struct Small {
    value: i32,
}

fn main() {}
