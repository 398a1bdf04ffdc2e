#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto")]
struct User {
    id: i64,
    username: Option<String>,
}

fn main() {}
