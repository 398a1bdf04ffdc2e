#[derive(tl_core::TlObject)]
#[tl(namespace = "auth")]
struct Authorization {
    #[tl(optional)]
    user_id: i64,
}

fn main() {}
