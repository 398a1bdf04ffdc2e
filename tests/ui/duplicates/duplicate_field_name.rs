#[derive(tl_core::TlObject)]
struct Message {
    text: String,
    #[tl(rename = "text")]
    caption: String,
}

fn main() {}
