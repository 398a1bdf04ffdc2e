//! JSON text through serde_json, with errors that carry the JSON path.

use alloc::string::{String, ToString};
use core::fmt;

use super::{JsonDecode, JsonEncode, JsonStyle, Styled, StyledSeed};

/// A JSON error: what went wrong, where in the text (line and column), and
/// the path to the value (`sessions[2].type`).
#[derive(Debug)]
pub struct JsonError {
    path: String,
    inner: serde_json::Error,
}

impl JsonError {
    /// The path to the offending value, such as `sessions[2].type`; `.` for
    /// the top level.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The line of the error in the input, from 1 (0 when serializing).
    pub fn line(&self) -> usize {
        self.inner.line()
    }

    /// The column of the error in the input, from 1 (0 when serializing).
    pub fn column(&self) -> usize {
        self.inner.column()
    }

    /// serde_json's error.
    pub fn inner(&self) -> &serde_json::Error {
        &self.inner
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path == "." {
            fmt::Display::fmt(&self.inner, f)
        } else {
            write!(f, "{}: {}", self.path, self.inner)
        }
    }
}

impl core::error::Error for JsonError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        Some(&self.inner)
    }
}

/// JSON with `"_"` tags.
pub fn to_string<T: JsonEncode + ?Sized>(value: &T) -> Result<String, JsonError> {
    to_string_in(value, JsonStyle::DEFAULT)
}

/// JSON with TDLib's `"@type"` tags.
pub fn to_string_td<T: JsonEncode + ?Sized>(value: &T) -> Result<String, JsonError> {
    to_string_in(value, JsonStyle::TD)
}

fn to_string_in<T: JsonEncode + ?Sized>(value: &T, style: JsonStyle) -> Result<String, JsonError> {
    let mut track = serde_path_to_error::Track::new();
    let mut out = alloc::vec::Vec::with_capacity(128);
    let mut serializer = serde_json::Serializer::new(&mut out);
    let result = serde::Serialize::serialize(
        &Styled(value, style),
        serde_path_to_error::Serializer::new(&mut serializer, &mut track),
    );
    match result {
        // serde_json writes UTF-8 only.
        Ok(()) => Ok(String::from_utf8(out).unwrap_or_default()),
        Err(inner) => Err(JsonError {
            path: track.path().to_string(),
            inner,
        }),
    }
}

/// Reads a value from JSON text (`"_"` or `"@type"` tags).
pub fn from_str<'de, T: JsonDecode<'de>>(text: &'de str) -> Result<T, JsonError> {
    from_deserializer(serde_json::Deserializer::from_str(text))
}

/// Reads a value from JSON bytes (`"_"` or `"@type"` tags).
pub fn from_slice<'de, T: JsonDecode<'de>>(bytes: &'de [u8]) -> Result<T, JsonError> {
    from_deserializer(serde_json::Deserializer::from_slice(bytes))
}

fn from_deserializer<'de, R: serde_json::de::Read<'de>, T: JsonDecode<'de>>(
    mut deserializer: serde_json::Deserializer<R>,
) -> Result<T, JsonError> {
    let mut track = serde_path_to_error::Track::new();
    let result = serde::de::DeserializeSeed::deserialize(
        StyledSeed::<T>::new(JsonStyle::DEFAULT),
        serde_path_to_error::Deserializer::new(&mut deserializer, &mut track),
    )
    .and_then(|value| deserializer.end().map(|()| value));
    result.map_err(|inner| JsonError {
        path: track.path().to_string(),
        inner,
    })
}
