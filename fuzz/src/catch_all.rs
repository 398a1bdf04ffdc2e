//! The properties of the `catch_all_binary` and `catch_all_json` targets:
//! td enums with `#[tl(other)] Other(tl_core::Unknown)`, read from any
//! input, give back what they read, known constructor or not.
//!
//! Depends on `tl_core`, `serde_json` and [`super::oracle`] only:
//! `tests/tests/fuzz_replay.rs` compiles both by path on stable.

use serde_json::Value;
use tl_core::{ErrorKind, TlObject, Unknown};

use super::oracle::{self, Style};

/// A nested object with a vector of objects and a `bytes` field.
#[derive(TlObject, Debug, Clone, PartialEq)]
pub struct Photo {
    pub id: i64,
    pub sizes: Vec<PhotoSize>,
    pub caption: String,
}

#[derive(TlObject, Debug, Clone, PartialEq)]
pub struct PhotoSize {
    pub kind: String,
    pub width: i32,
    pub height: i32,
    pub progressive_sizes: Vec<i32>,
    pub minithumbnail: Vec<u8>,
}

/// A partial enum nested in a declared variant of another.
#[derive(TlObject, Debug, Clone, PartialEq)]
pub enum OptionValue {
    Boolean {
        value: bool,
    },
    Empty,
    Integer {
        #[tl(ty = "int64")]
        value: i64,
    },
    String {
        value: String,
    },
    #[tl(other)]
    Other(Unknown),
}

/// Declared constructors of every kind around the catch-all: unit, scalar
/// fields, a nested object, vectors of objects, of numbers, of doubles
/// and of strings, another partial enum, and itself through a vector.
#[derive(TlObject, Debug, Clone, PartialEq)]
pub enum Update {
    #[tl(name = "updateOption")]
    Option { name: String, value: OptionValue },
    #[tl(name = "updatePhoto")]
    Photo {
        chat_id: i64,
        photo: Photo,
        thumbnails: Vec<PhotoSize>,
    },
    #[tl(name = "updateScores")]
    Scores {
        ids: Vec<i64>,
        scores: Vec<f64>,
        labels: Vec<String>,
    },
    #[tl(name = "updateBatch")]
    Batch { updates: Vec<Update> },
    #[tl(name = "updateLoggedOut")]
    LoggedOut,
    #[tl(other)]
    Other(Unknown),
}

/// Whether a value is the catch-all variant at its top level.
pub trait CatchAll {
    fn unknown(&self) -> Option<&Unknown>;
}

impl CatchAll for Update {
    fn unknown(&self) -> Option<&Unknown> {
        match self {
            Update::Other(unknown) => Some(unknown),
            _ => None,
        }
    }
}

impl CatchAll for OptionValue {
    fn unknown(&self) -> Option<&Unknown> {
        match self {
            OptionValue::Other(unknown) => Some(unknown),
            _ => None,
        }
    }
}

/// Everything `catch_all_binary` checks of one input.
pub fn check_binary(data: &[u8]) {
    binary_case::<Update>(data);
    binary_case::<OptionValue>(data);
}

/// Everything `catch_all_json` checks of one input; text that is not
/// UTF-8 goes through `from_slice`, which must fail cleanly.
pub fn check_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        // serde_json's `from_slice` skips a string it does not read (a
        // repeated tag, an unknown field) without checking its UTF-8, so
        // such input may read; what it reads must still write stably.
        if let Ok(value) = tl_core::json::from_slice::<Update>(data) {
            for style in Style::BOTH {
                let written = style.write(&value).expect("a value read writes");
                let back = tl_core::json::from_str::<Update>(&written).expect("it reads back");
                assert_eq!(style.write(&back).expect("it writes again"), written);
            }
        }
        return;
    };
    json_case::<Update>(text);
    json_case::<OptionValue>(text);
}

/// TL bytes: known or not, a value decoded re-encodes to the input. A
/// known one also goes through JSON and back to the same bytes; an
/// unknown one, which kept no fields, cannot be written as JSON (an
/// error, not a guess).
pub fn binary_case<T>(data: &[u8]) -> Option<T>
where
    T: for<'de> tl_core::TlDecode<'de>
        + tl_core::TlEncode
        + for<'de> tl_core::json::JsonDecode<'de>
        + tl_core::json::JsonEncode
        + CatchAll
        + std::fmt::Debug,
{
    let value = oracle::exact_binary::<T>(data)?;
    if let Some(unknown) = value.unknown() {
        let id = u32::from_le_bytes(data[..4].try_into().expect("an id was read"));
        assert_eq!(unknown.id(), Some(id), "the catch-all lost the id");
        assert_eq!(unknown.wire_body(), Some(&data[4..]), "it lost the body");
        for style in Style::BOTH {
            assert!(
                style.write(&value).is_err(),
                "a catch-all read from TL bytes wrote JSON"
            );
        }
        return Some(value);
    }
    for style in Style::BOTH {
        let text = match style.write(&value) {
            Ok(text) => text,
            // JSON has no NaN or infinities, which a `double` may hold.
            Err(e) if e.to_string().contains("cannot be written in JSON") => continue,
            Err(e) => panic!("a known value does not write as JSON: {e}\n{value:?}"),
        };
        let back = tl_core::json::from_str::<T>(&text)
            .unwrap_or_else(|e| panic!("its JSON does not read back: {e}\n{text}"));
        assert_eq!(
            tl_core::to_bytes(&back).expect("it re-encodes"),
            data,
            "TL bytes -> JSON -> TL bytes differs: {text}"
        );
    }
    Some(value)
}

/// JSON: a value read writes back in both styles; an unknown one as the
/// very object it read (see [`oracle::expected_unknown`]), a known one as
/// text that reads back and writes again identically. As TL bytes, an
/// unknown one read from JSON is an `UnknownBody` error; a known one
/// encodes to bytes that decode and write the same JSON.
pub fn json_case<T>(text: &str) -> Option<T>
where
    T: for<'de> tl_core::TlDecode<'de>
        + tl_core::TlEncode
        + for<'de> tl_core::json::JsonDecode<'de>
        + tl_core::json::JsonEncode
        + CatchAll
        + std::fmt::Debug,
{
    let value = tl_core::json::from_str::<T>(text).ok()?;
    for style in Style::BOTH {
        let written = style
            .write(&value)
            .unwrap_or_else(|e| panic!("a value read from JSON does not write: {e}\n{value:?}"));
        let parsed = oracle::value_of(&written)
            .unwrap_or_else(|| panic!("tl-core wrote text that is not JSON: {written}"));
        if let Some(unknown) = value.unknown() {
            let expected = oracle::expected_unknown(text, style)
                .unwrap_or_else(|| panic!("a catch-all was read from {text:?}, not one object"));
            assert_eq!(
                parsed, expected,
                "the catch-all did not write back what it read ({style:?})\ninput:   {text}\nwritten: {written}"
            );
            assert!(
                written.starts_with(&format!("{{\"{}\":", style.key())),
                "the tag is not first: {written}"
            );
            assert_eq!(unknown.wire_body(), None);
        }
        let back = tl_core::json::from_str::<T>(&written)
            .unwrap_or_else(|e| panic!("written JSON does not read back: {e}\n{written}"));
        let again = style.write(&back).expect("a value read back writes");
        assert_eq!(again, written, "writing is not stable ({style:?})");
    }
    match tl_core::to_bytes(&value) {
        Ok(bytes) => {
            assert!(value.unknown().is_none(), "an unknown from JSON encoded");
            let back = tl_core::from_bytes::<T>(&bytes)
                .unwrap_or_else(|e| panic!("TL bytes of a JSON value do not decode: {e}"));
            assert_eq!(
                json_value(&back),
                json_value(&value),
                "JSON -> TL bytes -> JSON differs"
            );
        }
        // Also for an unknown nested in a known variant.
        Err(error) => assert!(
            matches!(error.kind(), ErrorKind::UnknownBody { .. }),
            "a value read from JSON does not encode: {error}\n{value:?}"
        ),
    }
    Some(value)
}

fn json_value<T: tl_core::json::JsonEncode>(value: &T) -> Value {
    let text = tl_core::json::to_string(value).expect("a value writes as JSON");
    oracle::value_of(&text).expect("written JSON is JSON")
}
