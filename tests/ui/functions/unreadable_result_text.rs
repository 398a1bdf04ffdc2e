/// A function's `ty` is read like a field's: a text that is no TL type is
/// an error at the text, saying why, before anything is compared.
#[derive(tl_core::TlObject)]
#[tl(dialect = "mtproto", function, returns = Vec<i64>, ty = "Vector<long")]
struct GetIds {}

fn main() {}
