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
mod content;
mod primitives;
#[doc(hidden)]
pub mod support;

use core::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer};
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

/// How a value is written and read: the tag key of objects, and whether an
/// `i64` is an `int53` (a JSON number) rather than an `int64` (a string).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct JsonStyle {
    tag: TagKey,
    int53: bool,
}

impl JsonStyle {
    /// `"_"` tags, `int64` as strings.
    pub const DEFAULT: JsonStyle = JsonStyle {
        tag: TagKey::Underscore,
        int53: false,
    };

    /// `"@type"` tags: TDLib's form.
    pub const TD: JsonStyle = JsonStyle {
        tag: TagKey::AtType,
        int53: false,
    };

    /// The tag key.
    pub const fn tag(self) -> TagKey {
        self.tag
    }

    /// Whether `i64` values are `int53` numbers.
    pub const fn int53(self) -> bool {
        self.int53
    }

    /// The style of a field: the same tag key, and `int53` as the field's
    /// type says.
    #[must_use]
    pub const fn field(self, int53: bool) -> JsonStyle {
        JsonStyle {
            tag: self.tag,
            int53,
        }
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
pub use text::{JsonError, from_slice, from_str, to_string, to_string_td};
