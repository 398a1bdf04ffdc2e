//! The TL schema rules of `#[derive(TlObject)]`, in one place for both of
//! its halves: `tl-derive` runs them inside the macro for every part of a
//! schema line it can name (names, conditions, primitive field types) and
//! `tl-core` evaluates them in `const` for what only a field type's own impl
//! knows: the name of another derived type, filled into the gaps of a
//! [`Line`], whose known pieces carry their CRC so that the compiler hashes
//! only those names.
//!
//! Users reach the items they need (type descriptions, forms, dialects,
//! ids) as `tl_core::schema`; the rest serves generated code.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(test)]
extern crate std;

mod crc32;
mod declaration;
mod line;
mod message;
mod normalize;
mod render;
mod text;
mod types;

pub use crate::crc32::{Crc32Run, crc32};
pub use crate::declaration::{Condition, ConstructorInfo, Declaration, FieldDecl, TypeRef};
pub use crate::line::{Line, Segment};
pub use crate::message::{hex_id, id_mismatch_message_into};
pub use crate::normalize::{constructor_id, normalize_into};
pub use crate::render::{TYPE_TEXT_CAPACITY, rendered_type, type_text_matches};
pub use crate::types::{Dialect, Form, TypeDesc};
