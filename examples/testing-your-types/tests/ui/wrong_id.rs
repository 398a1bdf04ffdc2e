//! Checks that a wrong `#[tl(id = ...)]` is a compile error naming the
//! declared id, the computed id and the schema line, pointing at the id.
//!
//! 0x200250ba is `userEmpty#200250ba id:int = User` from the layers before
//! 64-bit user ids; with `id: i64` the line is `userEmpty id:long = User`,
//! whose CRC-32 is 0xd3bc4b7a.

use tl_core::TlObject;

#[derive(TlObject)]
#[tl(dialect = "mtproto", ty = "User", id = 0x200250ba)]
pub struct UserEmpty {
    pub id: i64,
}

fn main() {}
