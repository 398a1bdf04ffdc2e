#[derive(tl_core::TlObject)]
enum Update {
    #[tl(name = "updateTest")]
    Test { count: i32 },
    #[tl(other)]
    Other(tl_core::Unknown),
    #[tl(other)]
    Rest(tl_core::Unknown),
}

fn main() {}
