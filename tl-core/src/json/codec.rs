//! The JSON traits of TL values, and the adapters that carry a style into
//! serde's `Serialize` and `DeserializeSeed`.

use core::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer};
use serde::ser::{Serialize, Serializer};

use super::style::JsonStyle;

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
pub(crate) struct Styled<'a, T: ?Sized>(pub &'a T, pub JsonStyle);

impl<T: JsonEncode + ?Sized> Serialize for Styled<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_json(serializer, self.1)
    }
}

/// A style as a `DeserializeSeed` of `T` (used for fields).
pub(crate) struct StyledSeed<T>(JsonStyle, PhantomData<fn() -> T>);

impl<T> StyledSeed<T> {
    /// A seed reading `T` in `style`.
    #[inline]
    pub(crate) const fn new(style: JsonStyle) -> Self {
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
