/// Builds `RichTextError` (its own ident) unless told otherwise.
#[derive(tl_core::TlObject)]
struct RichTextError {
    code: i32,
}

#[derive(tl_core::TlObject)]
enum RichText {
    Plain { text: String },
    Error(RichTextError),
}

fn main() {}
