/// Two constructors named `richTextPlain` in one enum (one from a variant
/// holding a struct): the ids differ, so `check_distinct_ids` passes, and
/// JSON `{"_":"richTextPlain",...}` always reads the first variant.
#[derive(tl_core::TlObject)]
#[tl(ty = "RichText")]
struct RichTextPlain {
    text: String,
    bold: bool,
}

#[derive(tl_core::TlObject)]
enum RichText {
    Plain { text: String },
    Styled(RichTextPlain),
}

fn main() {}
