//! The TL schema rules of `#[derive(TlObject)]`, in one place for both of
//! its halves: `tl-core` evaluates them in `const` (a field whose type is
//! another derived type is only known there), and `tl-derive` runs the same
//! code inside the macro when every field type is a primitive, so that the
//! compiler does not have to interpret it for each derived type.
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
