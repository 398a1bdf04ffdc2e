// td leaves only objects null: an `Option` of a primitive or a vector.
#[derive(tl_core::TlObject)]
struct User {
    id: i64,
    username: Option<String>,
    ids: Option<Vec<i64>>,
}

fn main() {}
