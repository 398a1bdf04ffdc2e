#[derive(tl_core::TlObject)]
enum Update {
    #[tl(name = "updateTest")]
    Test { count: i32 },
    #[tl(other)]
    Other(String),
}

fn main() {}
