#[derive(tl_core::TlObject)]
#[tl(ty = "RichText")]
struct RichTextPlain {
    text: String,
}

#[derive(tl_core::TlObject)]
enum RichText {
    #[tl(name = "richTextPlain", id = 0x12345678, force)]
    Plain(RichTextPlain),
}

fn main() {}
