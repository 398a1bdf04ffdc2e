#[derive(tl_core::TlObject)]
struct Everything {
    #[tl(ty = "vector<long")]
    ids: Vec<i64>,
    #[tl(ty = "List<long>")]
    list: Vec<i64>,
    #[tl(ty = "int53 int53")]
    chat_id: i64,
    #[tl(ty = "")]
    empty: i32,
}

fn main() {}
