#[derive(tl_core::TlObject)]
struct User {
    id: i64,
    username: Option<String>,
}

fn main() {}
