//! JSON in the `"_"` convention of MadelineProto, PWRTelegram, tdl and
//! mtkruto, and TDLib's own `"@type"` form.
//!
//! Every derived type implements `serde::Serialize` and `Deserialize`:
//!
//! - Output: `"_"` first, holding the full constructor name, then the fields
//!   in schema order under their TL names. `int64` is a string (no precision
//!   loss in JavaScript), `int32`, `int53` and `double` are numbers, `Bool`
//!   is `true`/`false`, `bytes`, `int128` and `int256` are base64, vectors are
//!   arrays. Flags words are left out (they are recomputed); absent
//!   conditional fields are left out.
//! - [`TdJson`] (or [`to_string_td`]) writes the same value with `"@type"`
//!   instead of `"_"`, at every level.
//! - Input is liberal where TDLib is: the tag may be `"_"` or `"@type"`, a
//!   name or the numeric constructor id, anywhere in the object (a tag that
//!   comes first is read without buffering); `int64` and `int32` may be
//!   strings or numbers; unknown fields, `"@extra"` and `"@client_id"` are
//!   ignored. A missing field is an error unless the field is marked
//!   `#[tl(default)]`. `int53` values beyond ±(2^53 - 1) are rejected, both
//!   ways, because JavaScript cannot hold them exactly.
//!
//! ```
//! use tl_core::{Session, SessionType};
//! # let session = tl_core::Session {
//! #     id: 1, is_current: true, is_password_pending: false, is_unconfirmed: false,
//! #     can_accept_secret_chats: true, can_accept_calls: true, r#type: SessionType::Iphone,
//! #     api_id: 10, application_name: "Telegram iOS".into(), application_version: "11.0".into(),
//! #     is_official_application: true, device_model: "iPhone 15".into(), platform: "iOS".into(),
//! #     system_version: "18.0".into(), log_in_date: 1, last_active_date: 2,
//! #     ip_address: "192.0.2.1".into(), location: "Berlin".into(),
//! # };
//! let json = tl_core::json::to_string(&session)?;
//! assert!(json.starts_with(r#"{"_":"session","id":"1","is_current":true,"#));
//! assert!(json.contains(r#""type":{"_":"sessionTypeIphone"}"#));
//! let td = tl_core::json::to_string_td(&session)?;
//! assert!(td.starts_with(r#"{"@type":"session","id":"1","#));
//! assert_eq!(tl_core::json::from_str::<Session>(&td)?, session);
//! # Ok::<(), tl_core::json::JsonError>(())
//! ```

mod base64;
mod buffer;
mod primitives;
#[doc(hidden)]
pub mod support;

use core::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer};

use self::buffer::TapeSeed;
use serde::ser::{Serialize, Serializer};

pub use self::base64::Base64Error;

/// Which key carries the constructor name in output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TagKey {
    /// `"_"`: MadelineProto, PWRTelegram, tdl, mtkruto.
    #[default]
    Underscore,
    /// `"@type"`: TDLib's own JSON interface.
    AtType,
}

impl TagKey {
    /// The key as written in JSON.
    pub const fn key(self) -> &'static str {
        match self {
            TagKey::Underscore => "_",
            TagKey::AtType => "@type",
        }
    }
}

/// How a value is written and read: the tag key of objects, whether an
/// `i64` is an `int53` (a JSON number) rather than an `int64` (a string),
/// and how deep objects may still nest while reading.
///
/// ```
/// use tl_core::json::JsonStyle;
///
/// let style = JsonStyle::DEFAULT.with_max_depth(16);
/// assert_eq!(style.max_depth(), 16);
/// assert_eq!(JsonStyle::TD.max_depth(), tl_core::wire::DEFAULT_MAX_DEPTH);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct JsonStyle {
    tag: TagKey,
    int53: bool,
    /// The limit on object nesting, for messages.
    max_depth: u32,
    /// How many more levels of objects may be entered.
    depth_left: u32,
}

impl Default for JsonStyle {
    fn default() -> Self {
        JsonStyle::DEFAULT
    }
}

const DEFAULT_MAX_DEPTH: u32 = crate::wire::DEFAULT_MAX_DEPTH as u32;

impl JsonStyle {
    /// `"_"` tags, `int64` as strings, objects nested at most
    /// [`DEFAULT_MAX_DEPTH`](crate::wire::DEFAULT_MAX_DEPTH) deep, as in
    /// binary.
    pub const DEFAULT: JsonStyle = JsonStyle {
        tag: TagKey::Underscore,
        int53: false,
        max_depth: DEFAULT_MAX_DEPTH,
        depth_left: DEFAULT_MAX_DEPTH,
    };

    /// `"@type"` tags: TDLib's form.
    pub const TD: JsonStyle = JsonStyle {
        tag: TagKey::AtType,
        ..JsonStyle::DEFAULT
    };

    /// The tag key.
    pub const fn tag(self) -> TagKey {
        self.tag
    }

    /// Whether `i64` values are `int53` numbers.
    pub const fn int53(self) -> bool {
        self.int53
    }

    /// The same style, reading objects nested at most `max_depth` deep
    /// (values above `u32::MAX` are `u32::MAX`). Deeper input is an error,
    /// not a stack overflow; each level takes a few KiB of stack in debug
    /// builds, less in release.
    #[must_use]
    pub const fn with_max_depth(self, max_depth: usize) -> JsonStyle {
        let max_depth = if max_depth > u32::MAX as usize {
            u32::MAX
        } else {
            max_depth as u32
        };
        JsonStyle {
            max_depth,
            depth_left: max_depth,
            ..self
        }
    }

    /// The limit on object nesting while reading.
    pub const fn max_depth(self) -> usize {
        self.max_depth as usize
    }

    /// The style of a field: the same tag key and depth, and `int53` as the
    /// field's type says.
    #[must_use]
    pub const fn field(self, int53: bool) -> JsonStyle {
        JsonStyle { int53, ..self }
    }

    /// The style inside one more level of objects, or the error of going
    /// past the limit.
    #[inline]
    pub(crate) fn nested<E: serde::de::Error>(self) -> Result<JsonStyle, E> {
        match self.depth_left.checked_sub(1) {
            Some(depth_left) => Ok(JsonStyle { depth_left, ..self }),
            None => Err(E::custom(format_args!(
                "objects nested deeper than the limit of {}",
                self.max_depth
            ))),
        }
    }

    /// How many levels of arrays and objects a value buffered before its
    /// object's tag may nest: twice the object levels left, since a TL
    /// vector of objects takes two (an array and an object) per level.
    pub(crate) fn tape_seed(self, tape: &mut alloc::vec::Vec<u8>) -> TapeSeed<'_> {
        TapeSeed::new(tape, self.depth_left.saturating_mul(2), self.max_depth)
    }
}

/// JSON output of a TL value in a [`JsonStyle`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a TL type",
    label = "no TL JSON form for this field",
    note = "derive TlObject on it, or use a TL primitive"
)]
pub trait JsonEncode {
    /// Serializes the value in `style`.
    fn serialize_json<S: Serializer>(
        &self,
        serializer: S,
        style: JsonStyle,
    ) -> Result<S::Ok, S::Error>;
}

/// JSON input of a TL value in a [`JsonStyle`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a TL type",
    label = "no TL JSON form for this field",
    note = "derive TlObject on it, or use a TL primitive"
)]
pub trait JsonDecode<'de>: Sized {
    /// Deserializes a value in `style`.
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        style: JsonStyle,
    ) -> Result<Self, D::Error>;
}

/// A value with its style, as a `Serialize` (used for fields).
pub struct Styled<'a, T: ?Sized>(pub &'a T, pub JsonStyle);

impl<T: JsonEncode + ?Sized> Serialize for Styled<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_json(serializer, self.1)
    }
}

/// A style as a `DeserializeSeed` of `T` (used for fields).
pub struct StyledSeed<T>(JsonStyle, PhantomData<fn() -> T>);

impl<T> StyledSeed<T> {
    /// A seed reading `T` in `style`.
    #[inline]
    pub const fn new(style: JsonStyle) -> Self {
        StyledSeed(style, PhantomData)
    }
}

impl<'de, T: JsonDecode<'de>> DeserializeSeed<'de> for StyledSeed<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize_json(deserializer, self.0)
    }
}

/// Serializes a value with TDLib's `"@type"` key instead of `"_"`, at every
/// level.
///
/// ```
/// let json = serde_json::to_string(&tl_core::json::TdJson(&tl_core::SessionType::Mac)).unwrap();
/// assert_eq!(json, r#"{"@type":"sessionTypeMac"}"#);
/// ```
pub struct TdJson<'a, T: ?Sized>(pub &'a T);

impl<T: JsonEncode + ?Sized> Serialize for TdJson<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_json(serializer, JsonStyle::TD)
    }
}

#[cfg(feature = "json")]
mod text;
#[cfg(feature = "json")]
pub use text::{
    JsonError, from_slice, from_slice_with_max_depth, from_str, from_str_with_max_depth, to_string,
    to_string_td,
};
