/// The published id of `error code:int32 message:string = Error` is
/// 0x9bdd8f1a, but `code` is an `i64` here.
#[derive(tl_core::TlObject)]
#[tl(id = 0x9bdd8f1a)]
struct Error {
    code: i64,
    message: String,
}

fn main() {}
