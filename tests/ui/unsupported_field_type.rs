#[derive(tl_core::TlObject)]
struct Message {
    id: u64,
    text: String,
}

fn main() {}
