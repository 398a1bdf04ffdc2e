//! What the catch-all, nullable and reply targets compare against: JSON
//! read by serde_json alone, and TL bytes re-encoded.
//!
//! Depends on `tl_core`, `serde` and `serde_json` only, so the stable
//! replay `tests/tests/fuzz_replay.rs` compiles it by path next to the
//! targets' checks.

use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::{Map, Value};

/// Binary: `data` decodes as `T` only if re-encoding gives `data` back,
/// and the re-encoding decodes and re-encodes to the same bytes. Compared
/// as bytes, not values, so that a `double` NaN (never equal to itself)
/// still checks. Returns the value decoded.
pub fn exact_binary<T>(data: &[u8]) -> Option<T>
where
    T: for<'de> tl_core::TlDecode<'de> + tl_core::TlEncode + fmt::Debug,
{
    let value = tl_core::from_bytes::<T>(data).ok()?;
    let bytes = tl_core::to_bytes(&value)
        .unwrap_or_else(|e| panic!("a decoded value does not re-encode: {e}\n{value:?}"));
    assert_eq!(
        bytes, data,
        "re-encoding differs from the input it was decoded from: {value:?}"
    );
    let again = tl_core::from_bytes::<T>(&bytes).expect("a re-encoded value decodes");
    assert_eq!(
        tl_core::to_bytes(&again).expect("a re-decoded value re-encodes"),
        bytes,
        "encoding is not stable"
    );
    Some(value)
}

/// The two JSON forms a value is written in: `"_"` and TDLib's `"@type"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Underscore,
    AtType,
}

impl Style {
    pub const BOTH: [Style; 2] = [Style::Underscore, Style::AtType];

    pub fn key(self) -> &'static str {
        match self {
            Style::Underscore => "_",
            Style::AtType => "@type",
        }
    }

    pub fn write<T: tl_core::json::JsonEncode + ?Sized>(
        self,
        value: &T,
    ) -> Result<String, tl_core::json::JsonError> {
        match self {
            Style::Underscore => tl_core::json::to_string(value),
            Style::AtType => tl_core::json::to_string_td(value),
        }
    }
}

/// serde_json's own reading of `text`, with no depth limit (tl-core lifts
/// serde_json's, and counts its own), or `None` if it is not JSON.
pub fn value_of(text: &str) -> Option<Value> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    deserializer.disable_recursion_limit();
    let value = <Value as de::Deserialize>::deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(value)
}

/// The entries of the JSON object `text` that `read` says to read, given
/// those read so far, in order, repeated keys included, or `None` if it
/// is not an object. The others are only skipped, as tl-core skips what
/// it does not read: serde_json skips a number without checking its range
/// (`1e999`), which it would refuse to read as a `Value`. `V` is what an
/// entry is read as: a `Value`, or a `Box<RawValue>` to keep its text.
pub fn entries<V: de::DeserializeOwned>(text: &str, read: Keep<V>) -> Option<Vec<(String, V)>> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    deserializer.disable_recursion_limit();
    let entries = de::Deserializer::deserialize_map(&mut deserializer, Entries(read)).ok()?;
    deserializer.end().ok()?;
    Some(entries)
}

/// Whether to read the entry of a key, given the entries read before it.
pub type Keep<V = Value> = fn(&str, &[(String, V)]) -> bool;

struct Entries<V>(Keep<V>);

impl<'de, V: de::DeserializeOwned> Visitor<'de> for Entries<V> {
    type Value = Vec<(String, V)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if (self.0)(&key, &entries) {
                let value = map.next_value()?;
                entries.push((key, value));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(entries)
    }
}

/// The part of a JSON value a check looks at: for an object, the keys
/// that matter and their shapes; anything else is only skipped (see
/// [`entries`]).
#[derive(Clone, Copy)]
pub enum Shape {
    /// Read as `null`, or as `true` for any other value.
    Opaque,
    Array(&'static Shape),
    /// The shape of a key's value, `None` for a key to skip.
    Object(fn(&str) -> Option<Shape>),
}

/// `text` read as `shape`: `None` where it does not have that shape.
pub fn outline(text: &str, shape: Shape) -> Option<Value> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    deserializer.disable_recursion_limit();
    let value = shape.deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(value)
}

impl<'de> DeserializeSeed<'de> for Shape {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Shape {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value of the expected shape")
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        match self {
            Shape::Opaque => IgnoredAny::deserialize(deserializer).map(|_| Value::Bool(true)),
            Shape::Array(_) => deserializer.deserialize_seq(self),
            Shape::Object(_) => deserializer.deserialize_map(self),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let Shape::Array(&item) = self else {
            return Err(de::Error::custom("an array where none belongs"));
        };
        let mut items = Vec::new();
        while let Some(value) = seq.next_element_seed(item)? {
            items.push(value);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let Shape::Object(field) = self else {
            return Err(de::Error::custom("an object where none belongs"));
        };
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            match field(&key) {
                Some(shape) => {
                    let value = map.next_value_seed(shape)?;
                    out.insert(key, value);
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Value::Object(out))
    }
}

/// What a catch-all variant must write back for `text` in `style`,
/// according to its documentation (README, "Enums"), computed from
/// serde_json's reading of the text rather than tl-core's tape:
///
/// - the first tag key (`"_"` or `"@type"`) of the top-level object is
///   the tag; a later one there is dropped (and skipped unread); a name stays a string and a
///   number becomes the `u32` id it denotes (an `int` is sign-cast);
/// - every other entry stays, with every tag key below the top level,
///   in arrays and objects, renamed to `style`'s key;
/// - as in any JSON value, a repeated key means its last value.
///
/// `None` when the text is not a JSON object (then nothing is expected).
pub fn expected_unknown(text: &str, style: Style) -> Option<Value> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    deserializer.disable_recursion_limit();
    let value = Renamed {
        tag: style.key(),
        top: true,
    }
    .deserialize(&mut deserializer)
    .ok()?;
    deserializer.end().ok()?;
    Some(value)
}

/// A JSON value read with tag keys renamed to `tag`.
#[derive(Clone, Copy)]
struct Renamed {
    tag: &'static str,
    /// The top-level object, whose first tag is the constructor.
    top: bool,
}

impl Renamed {
    fn nested(self) -> Renamed {
        Renamed { top: false, ..self }
    }
}

impl<'de> DeserializeSeed<'de> for Renamed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// The id a numeric tag denotes, as tl-core's README documents it: a
/// `u32`, or a signed `int` as published ids often are.
fn tag_id(value: &Value) -> Option<Value> {
    if let Some(id) = value.as_u64() {
        return u32::try_from(id).ok().map(Value::from);
    }
    let id = i32::try_from(value.as_i64()?).ok()?;
    Some(Value::from(id as u32))
}

impl<'de> Visitor<'de> for Renamed {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.nested())? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        let mut tagged = false;
        while let Some(key) = map.next_key::<String>()? {
            let is_tag = key == "_" || key == "@type";
            if self.top && is_tag && tagged {
                // tl-core skips a repeated tag, unread.
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let value = map.next_value_seed(self.nested())?;
            if !is_tag {
                out.insert(key, value);
            } else if !self.top {
                out.insert(self.tag.to_owned(), value);
            } else {
                tagged = true;
                let tag = match value {
                    Value::String(_) => value,
                    number => tag_id(&number)
                        .ok_or_else(|| de::Error::custom("a tag that names no constructor"))?,
                };
                out.insert(self.tag.to_owned(), tag);
            }
        }
        if self.top && !tagged {
            return Err(de::Error::custom("no tag"));
        }
        Ok(Value::Object(out))
    }
}
