//! TDLib's `error code:int32 message:string = Error`, expanded.

use tl_core::TlObject;

#[derive(TlObject)]
#[tl(id = 0x9bdd8f1a)]
pub struct Error {
    pub code: i32,
    pub message: String,
}

fn main() {}
