//! JSON forms of the TL primitives, vectors, boxes and options.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::{self, SerializeSeq, Serializer};

use super::base64;
use super::codec::{JsonDecode, JsonEncode, Styled, StyledSeed};
use super::style::JsonStyle;

/// The largest integer JavaScript holds exactly: int53's range.
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// Types whose JSON is serde's own form of the value.
macro_rules! serde_native {
    ($($ty:ty => $method:ident($($deref:tt)?)),+ $(,)?) => {$(
        impl JsonEncode for $ty {
            #[inline]
            fn serialize_json<S: Serializer>(&self, serializer: S, _: JsonStyle) -> Result<S::Ok, S::Error> {
                serializer.$method($($deref)? self)
            }
        }
    )+};
}

impl JsonEncode for f64 {
    /// JSON has no NaN or infinities; writing one is an error rather than
    /// serde_json's silent `null`.
    #[inline]
    fn serialize_json<S: Serializer>(
        &self,
        serializer: S,
        _: JsonStyle,
    ) -> Result<S::Ok, S::Error> {
        if self.is_finite() {
            serializer.serialize_f64(*self)
        } else {
            Err(ser::Error::custom(format!(
                "double {self} cannot be written in JSON"
            )))
        }
    }
}

serde_native!(
    i32 => serialize_i32(*),
    bool => serialize_bool(*),
    str => serialize_str(),
    String => serialize_str(),
    Cow<'_, str> => serialize_str(),
);

impl JsonEncode for i64 {
    #[inline]
    fn serialize_json<S: Serializer>(
        &self,
        serializer: S,
        style: JsonStyle,
    ) -> Result<S::Ok, S::Error> {
        if style.int53() {
            if !(-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(self) {
                return Err(ser::Error::custom(format!(
                    "int53 value {self} is beyond ±(2^53 - 1), which JSON readers cannot hold exactly"
                )));
            }
            serializer.serialize_i64(*self)
        } else {
            let mut buf = itoa_buffer();
            serializer.serialize_str(format_i64(*self, &mut buf))
        }
    }
}

/// Room for the longest `i64` in decimal.
fn itoa_buffer() -> [u8; 20] {
    [0; 20]
}

/// `value` in decimal, without allocating.
fn format_i64(value: i64, buf: &mut [u8; 20]) -> &str {
    let mut n = value.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if value < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    core::str::from_utf8(&buf[at..]).unwrap_or_default()
}

impl JsonEncode for [u8] {
    #[inline]
    fn serialize_json<S: Serializer>(
        &self,
        serializer: S,
        _: JsonStyle,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64::encode(self))
    }
}

/// Byte containers, written as their bytes are (base64).
macro_rules! bytes_json {
    ($($ty:ty),+) => {$(
        impl JsonEncode for $ty {
            #[inline]
            fn serialize_json<S: Serializer>(
                &self,
                serializer: S,
                style: JsonStyle,
            ) -> Result<S::Ok, S::Error> {
                self[..].serialize_json(serializer, style)
            }
        }
    )+};
}

bytes_json!(Vec<u8>, Cow<'_, [u8]>);

impl<const N: usize> JsonEncode for [u8; N] {
    #[inline]
    fn serialize_json<S: Serializer>(
        &self,
        serializer: S,
        style: JsonStyle,
    ) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize_json(serializer, style)
    }
}

impl<T: JsonEncode> JsonEncode for Vec<T> {
    #[inline]
    fn serialize_json<S: Serializer>(
        &self,
        serializer: S,
        style: JsonStyle,
    ) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&Styled(item, style))?;
        }
        seq.end()
    }
}

/// `Box<T>` and `&T` write `T`'s JSON.
macro_rules! same_as_pointee {
    ($($pointer:ty),*) => {$(
        impl<T: JsonEncode + ?Sized> JsonEncode for $pointer {
            #[inline]
            fn serialize_json<S: Serializer>(
                &self,
                serializer: S,
                style: JsonStyle,
            ) -> Result<S::Ok, S::Error> {
                (**self).serialize_json(serializer, style)
            }
        }
    )*};
}

same_as_pointee!(Box<T>, &T);

impl<T: JsonEncode> JsonEncode for Option<T> {
    #[inline]
    fn serialize_json<S: Serializer>(
        &self,
        serializer: S,
        style: JsonStyle,
    ) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => serializer.serialize_some(&Styled(value, style)),
            None => serializer.serialize_none(),
        }
    }
}

/// Reads an integer written as a number or as a decimal string, checked
/// against a range.
struct IntegerVisitor {
    min: i64,
    max: i64,
    what: &'static str,
}

impl IntegerVisitor {
    fn check<E: de::Error>(&self, value: i128) -> Result<i64, E> {
        if (self.min as i128..=self.max as i128).contains(&value) {
            Ok(value as i64)
        } else {
            Err(E::custom(format!(
                "{} value {value} is out of range {}..={}",
                self.what, self.min, self.max
            )))
        }
    }
}

impl Visitor<'_> for IntegerVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an {} as a number or a decimal string", self.what)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<i64, E> {
        self.check(value.into())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<i64, E> {
        self.check(value.into())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<i64, E> {
        // Integers written as 1e3 or 5.0 by some encoders; fractions are not.
        // `%`, not `fract`: core has no `fract` without std.
        if value % 1.0 == 0.0 && value.abs() < 9.3e18 {
            self.check(value as i128)
        } else {
            Err(E::invalid_type(de::Unexpected::Float(value), &self))
        }
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<i64, E> {
        match value.parse::<i128>() {
            Ok(parsed) if !value.starts_with('+') => self.check(parsed),
            _ => Err(E::invalid_value(de::Unexpected::Str(value), &self)),
        }
    }
}

fn integer<'de, D: Deserializer<'de>>(
    deserializer: D,
    min: i64,
    max: i64,
    what: &'static str,
) -> Result<i64, D::Error> {
    deserializer.deserialize_any(IntegerVisitor { min, max, what })
}

impl<'de> JsonDecode<'de> for i32 {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        _: JsonStyle,
    ) -> Result<Self, D::Error> {
        integer(deserializer, i32::MIN.into(), i32::MAX.into(), "int32").map(|v| v as i32)
    }
}

impl<'de> JsonDecode<'de> for i64 {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        style: JsonStyle,
    ) -> Result<Self, D::Error> {
        if style.int53() {
            integer(deserializer, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER, "int53")
        } else {
            integer(deserializer, i64::MIN, i64::MAX, "int64")
        }
    }
}

struct DoubleVisitor;

impl Visitor<'_> for DoubleVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a double as a number")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<f64, E> {
        Ok(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<f64, E> {
        Ok(value as f64)
    }
}

impl<'de> JsonDecode<'de> for f64 {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        _: JsonStyle,
    ) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DoubleVisitor)
    }
}

impl<'de> JsonDecode<'de> for bool {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        _: JsonStyle,
    ) -> Result<Self, D::Error> {
        serde::Deserialize::deserialize(deserializer)
    }
}

impl<'de> JsonDecode<'de> for String {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        _: JsonStyle,
    ) -> Result<Self, D::Error> {
        serde::Deserialize::deserialize(deserializer)
    }
}

/// A string borrowed from the JSON text, which a string with escapes (or a
/// reader that does not lend its input) cannot be.
struct BorrowedStrVisitor;

impl<'de> Visitor<'de> for BorrowedStrVisitor {
    type Value = &'de str;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string without escapes, to borrow (use String or Cow<str> for any string)")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<&'de str, E> {
        Ok(value)
    }
}

impl<'de: 'a, 'a> JsonDecode<'de> for &'a str {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        _: JsonStyle,
    ) -> Result<Self, D::Error> {
        deserializer.deserialize_str(BorrowedStrVisitor)
    }
}

/// A string borrowed from the JSON text where it can be, owned otherwise.
struct CowStrVisitor;

impl<'de> Visitor<'de> for CowStrVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(value.into()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(value))
    }
}

impl<'de: 'a, 'a> JsonDecode<'de> for Cow<'a, str> {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        _: JsonStyle,
    ) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CowStrVisitor)
    }
}

/// Bytes are base64 in JSON: there is nothing to borrow.
impl<'de: 'a, 'a> JsonDecode<'de> for &'a [u8] {
    fn deserialize_json<D: Deserializer<'de>>(_: D, _: JsonStyle) -> Result<Self, D::Error> {
        Err(de::Error::custom(
            "bytes are base64 in JSON and cannot be borrowed: use Vec<u8> or Cow<[u8]>",
        ))
    }
}

impl<'de: 'a, 'a> JsonDecode<'de> for Cow<'a, [u8]> {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        _: JsonStyle,
    ) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Base64Visitor).map(Cow::Owned)
    }
}

struct Base64Visitor;

impl Visitor<'_> for Base64Visitor {
    type Value = Vec<u8>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("bytes as a base64 string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Vec<u8>, E> {
        base64::decode(value).map_err(E::custom)
    }
}

impl<'de> JsonDecode<'de> for Vec<u8> {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        _: JsonStyle,
    ) -> Result<Self, D::Error> {
        deserializer.deserialize_str(Base64Visitor)
    }
}

impl<'de, const N: usize> JsonDecode<'de> for [u8; N] {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        style: JsonStyle,
    ) -> Result<Self, D::Error> {
        let bytes = Vec::<u8>::deserialize_json(deserializer, style)?;
        <[u8; N]>::try_from(bytes.as_slice()).map_err(|_| {
            de::Error::custom(format!(
                "expected {N} bytes ({} bits) in base64, found {}",
                N * 8,
                bytes.len()
            ))
        })
    }
}

struct VecVisitor<T>(JsonStyle, PhantomData<fn() -> T>);

impl<'de, T: JsonDecode<'de>> Visitor<'de> for VecVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // The hint comes from the input: cap it so that a lying hint cannot
        // allocate ahead of the elements that are really there.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element_seed(StyledSeed::new(self.0))? {
            items.push(item);
        }
        Ok(items)
    }
}

impl<'de, T: JsonDecode<'de>> JsonDecode<'de> for Vec<T> {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        style: JsonStyle,
    ) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(VecVisitor(style, PhantomData))
    }
}

impl<'de, T: JsonDecode<'de>> JsonDecode<'de> for Box<T> {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        style: JsonStyle,
    ) -> Result<Self, D::Error> {
        T::deserialize_json(deserializer, style).map(Box::new)
    }
}

struct OptionVisitor<T>(JsonStyle, PhantomData<fn() -> T>);

impl<'de, T: JsonDecode<'de>> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::deserialize_json(deserializer, self.0).map(Some)
    }
}

impl<'de, T: JsonDecode<'de>> JsonDecode<'de> for Option<T> {
    #[inline]
    fn deserialize_json<D: Deserializer<'de>>(
        deserializer: D,
        style: JsonStyle,
    ) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor(style, PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::format_i64;

    #[test]
    fn decimal() {
        for value in [0, 1, -1, 42, i64::MIN, i64::MAX, -1001234567890] {
            assert_eq!(format_i64(value, &mut [0; 20]), alloc::format!("{value}"));
        }
    }
}
