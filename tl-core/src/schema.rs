//! TL schema rules a user meets: how a type is named in a schema
//! ([`TypeDesc`], which a `with` module declares as its `DESC`), boxed and
//! bare forms ([`Form`], passed to every encode and decode), dialects,
//! constructor facts and ids. They come from the `tl-schema` crate, whose
//! other half (schema lines with gaps and their CRC runs) only generated
//! code uses.
//!
//! ```
//! use tl_core::schema::{Dialect, constructor_id, crc32};
//!
//! assert_eq!(constructor_id("boolTrue = Bool", Dialect::Td), 0x997275b5);
//! assert_eq!(crc32(b"boolTrue = Bool"), 0x997275b5);
//! ```

pub use tl_schema::{ConstructorInfo, Dialect, Form, TypeDesc, constructor_id, crc32};
