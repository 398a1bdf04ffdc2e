#[derive(tl_core::TlObject)]
enum Update {
    #[tl(name = "updateTest")]
    Test { count: i32 },
    #[tl(other, name = "updateOther", id = 0x12345678)]
    Other(tl_core::Unknown),
}

fn main() {}
