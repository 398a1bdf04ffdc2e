//! The TL schema rules of `#[derive(TlObject)]`, in one place for both of
//! its halves: `tl-derive` runs them inside the macro for every part of a
//! schema line it can name (names, conditions, primitive field types) and
//! `tl-core` evaluates them in `const` for what only a field type's own impl
//! knows: the name of another derived type, filled into the gaps of a
//! [`Line`], whose known pieces carry their CRC so that the compiler hashes
//! only those names.
//!
//! Users reach these items as `tl_core::schema` and `tl_core::crc32`.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod crc32;
mod line;
mod schema;

pub use crate::crc32::{Crc32Run, crc32};
pub use crate::line::{Line, Segment};
pub use crate::schema::*;
