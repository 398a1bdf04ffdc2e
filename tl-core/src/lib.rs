//! Telegram TL objects from plain Rust types.
//!
//! `tl-core` is the runtime of `#[derive(TlObject)]`: it turns a Rust struct
//! or enum into a TL constructor with its schema line, its CRC-32 constructor
//! id, TL binary encoding and (with the `serde` feature) the `"_"`-tagged JSON
//! that TDLib, tdl and MadelineProto exchange.
//!
//! ```
//! use tl_core::{TlConstructor, TlObject};
//!
//! /// `error code:int32 message:string = Error`
//! #[derive(TlObject, Debug, PartialEq)]
//! #[tl(id = 0x9bdd8f1a)]
//! struct Error {
//!     code: i32,
//!     message: String,
//! }
//!
//! assert_eq!(Error::SCHEMA, "error code:int32 message:string = Error");
//! assert_eq!(Error::ID as i32, -1679978726);
//! let value = Error { code: 420, message: "FLOOD_WAIT_3".into() };
//! let bytes = tl_core::to_bytes(&value)?;
//! assert_eq!(&bytes[..8], &[0x1a, 0x8f, 0xdd, 0x9b, 0xa4, 0x01, 0x00, 0x00]);
//! assert_eq!(tl_core::from_bytes::<Error>(&bytes)?, value);
//! # Ok::<(), tl_core::Error>(())
//! ```
//!
//! The crate is `no_std` with `alloc`; the default `std` feature adds nothing
//! the codec needs, and exists so that later additions never force a
//! breaking split.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod builtin;
mod error;
mod flags;
#[cfg(feature = "serde")]
pub mod json;
mod nullable;
mod primitives;
// The reference types are derived with our own macro.
#[cfg(feature = "derive")]
mod reference;
pub mod schema;
mod traits;
mod unknown;
pub mod wire;

#[doc(hidden)]
pub mod __private;

use alloc::vec::Vec;

use crate::schema::Form;
use crate::wire::{Reader, Writer};

pub use crate::error::{Error, ErrorKind, PathSegment};
pub use crate::flags::Flags;
#[cfg(feature = "derive")]
pub use crate::reference::{Session, SessionType, Sessions, TdError};
pub use crate::traits::{TlConstructor, TlDecode, TlEncode, TlFunction, TlObject, TlType};
pub use crate::unknown::Unknown;

/// Derives [`TlConstructor`] (structs), [`TlObject`], [`TlType`],
/// [`TlEncode`] and [`TlDecode`] for a struct with named fields or an enum,
/// and with the `serde` feature the JSON traits and serde's.
///
/// Attributes, all under `#[tl(...)]`: on the type or a variant `name`,
/// `id` (with `force`), and on the type `ty`, `dialect`, `crate`; on a
/// variant `other` (the catch-all, holding an [`Unknown`]); on a field
/// `rename`, `ty`, `flags` (a [`Flags`] or `u32` word), `flag = "flags.N"`,
/// `bare`, `boxed`, `default` and `with = "module"`. In the td dialect, an
/// `Option<T>` field without `flag` is an object TDLib may leave null: see
/// the README's "Nullable objects" for its JSON and binary forms.
///
/// A type may have lifetime parameters, for fields that borrow from the
/// input when decoded: `&'a str`, `&'a [u8]`, `Cow<'a, str>`,
/// `Cow<'a, [u8]>` (`tests/tests/borrowed.rs`). Type and const parameters
/// are an error: a TL constructor is one concrete type.
///
/// A `with` module reads and writes a field of any Rust type:
///
/// ```
/// use tl_core::TlConstructor;
///
/// /// A `u16` port carried as an `int32`.
/// mod port {
///     use tl_core::Error;
///     use tl_core::schema::{Form, TypeDesc};
///     use tl_core::wire::{Reader, Writer};
///     pub const DESC: TypeDesc = TypeDesc::Int32;
///     pub fn encode(value: &u16, writer: &mut Writer<'_>, _: Form) {
///         writer.put_i32(i32::from(*value));
///     }
///     pub fn decode(reader: &mut Reader<'_>, _: Form) -> Result<u16, Error> {
///         let value = reader.read_i32()?;
///         u16::try_from(value).map_err(|_| Error::custom(format!("port {value} out of range")))
///     }
///     pub fn serialize_json<S: serde::Serializer>(
///         value: &u16, serializer: S, _: tl_core::json::JsonStyle,
///     ) -> Result<S::Ok, S::Error> {
///         serializer.serialize_u16(*value)
///     }
///     pub fn deserialize_json<'de, D: serde::Deserializer<'de>>(
///         deserializer: D, _: tl_core::json::JsonStyle,
///     ) -> Result<u16, D::Error> {
///         serde::Deserialize::deserialize(deserializer)
///     }
/// }
///
/// #[derive(tl_core::TlObject, Debug, PartialEq)]
/// struct Endpoint {
///     host: String,
///     #[tl(with = "port")]
///     port: u16,
/// }
///
/// assert_eq!(Endpoint::SCHEMA, "endpoint host:string port:int32 = Endpoint");
/// let value = Endpoint { host: "example.org".into(), port: 443 };
/// let bytes = tl_core::to_bytes(&value)?;
/// assert_eq!(tl_core::from_bytes::<Endpoint>(&bytes)?, value);
/// # Ok::<(), tl_core::Error>(())
/// ```
#[cfg(feature = "derive")]
pub use tl_derive::TlObject;

/// Encodes `value` boxed: its constructor id, then its fields.
///
/// Fails only where TL cannot encode the value: a `string` or `bytes` of
/// 2^24 bytes or more, a vector of more than `i32::MAX` elements, or a
/// conditional field missing behind a flag bit another field set.
///
/// One pass writes the bytes: the output starts with room for any small
/// object and grows as a vector does, which costs less than walking the
/// value twice (once for [`TlEncode::encoded_len`], once to write).
#[inline]
pub fn to_bytes<T: TlEncode + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    encode_in(value, Form::BOXED)
}

/// Encodes `value` bare: its fields without the constructor id.
#[inline]
pub fn to_bytes_bare<T: TlEncode + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    encode_in(value, Form::BARE)
}

/// The capacity [`to_bytes`] starts with: a `Peer`, a `session` or an
/// `auth.authorization` fits, so most single objects are written without
/// growing, and an allocation this small costs what a smaller one does.
const FIRST_CAPACITY: usize = 256;

#[inline]
fn encode_in<T: TlEncode + ?Sized>(value: &T, form: Form) -> Result<Vec<u8>, Error> {
    let mut writer = Writer::owned(Vec::with_capacity(FIRST_CAPACITY));
    value.encode(&mut writer, form);
    writer.finish_owned()
}

/// Appends the boxed encoding of `value` to `out`, in one pass as
/// [`to_bytes`] does. On error `out` is left as it was.
#[inline]
pub fn to_writer<T: TlEncode + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    let start = out.len();
    let mut writer = Writer::new(out);
    value.encode(&mut writer, Form::BOXED);
    let result = writer.finish().map(drop);
    if result.is_err() {
        out.truncate(start);
    }
    result
}

/// Decodes a boxed value; all of `bytes` must be consumed.
#[inline]
pub fn from_bytes<'de, T: TlDecode<'de>>(bytes: &'de [u8]) -> Result<T, Error> {
    decode_in(Reader::new(bytes), Form::BOXED)
}

/// Decodes a bare value (no leading constructor id); all of `bytes` must be
/// consumed.
#[inline]
pub fn from_bytes_bare<'de, T: TlDecode<'de>>(bytes: &'de [u8]) -> Result<T, Error> {
    decode_in(Reader::new(bytes), Form::BARE)
}

/// Decodes a boxed value whose objects nest at most `max_depth` deep (the
/// default is [`wire::DEFAULT_MAX_DEPTH`]).
#[inline]
pub fn from_bytes_with_max_depth<'de, T: TlDecode<'de>>(
    bytes: &'de [u8],
    max_depth: usize,
) -> Result<T, Error> {
    decode_in(Reader::with_max_depth(bytes, max_depth), Form::BOXED)
}

#[inline]
fn decode_in<'de, T: TlDecode<'de>>(reader: Reader<'de>, form: Form) -> Result<T, Error> {
    T::decode_whole(&mut reader.for_whole_value(), form)
}
