#[derive(tl_core::TlObject)]
struct Chat {
    #[tl(ty = "int32")]
    chat_id: i64,
}

fn main() {}
