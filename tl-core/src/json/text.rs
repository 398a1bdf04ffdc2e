//! JSON text through serde_json, with errors that carry the JSON path.

use alloc::string::String;
use core::fmt::{self, Write};

use super::codec::{JsonDecode, JsonEncode, Styled, StyledSeed};
use super::style::JsonStyle;

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

    /// An error about the whole text, not one value in it.
    #[cfg(feature = "derive")]
    pub(crate) fn at_top(inner: serde_json::Error) -> JsonError {
        JsonError {
            path: String::from("."),
            inner,
        }
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

/// Renders a tracked path as `sessions[2].type`, `.` for the top level. A
/// key that would not read back in that form (empty, or holding `.`, `[`,
/// `]`, `"` or whitespace) is quoted in brackets: `[""]`, `["a.b"]`.
fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(out, "[{index}]");
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                let plain = !key.is_empty()
                    && !key.contains(|c: char| {
                        matches!(c, '.' | '[' | ']' | '"') || c.is_whitespace()
                    });
                if !plain {
                    let _ = write!(out, "[{key:?}]");
                } else {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
            }
            Segment::Unknown => out.push_str(if out.is_empty() { "?" } else { ".?" }),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
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
            path: path_text(&track.path()),
            inner,
        }),
    }
}

/// Reads a value from JSON text (`"_"` or `"@type"` tags), with objects
/// nested at most [`DEFAULT_MAX_DEPTH`](crate::wire::DEFAULT_MAX_DEPTH)
/// deep.
pub fn from_str<'de, T: JsonDecode<'de>>(text: &'de str) -> Result<T, JsonError> {
    from_str_with_max_depth(text, crate::wire::DEFAULT_MAX_DEPTH)
}

/// Reads a value from JSON bytes (`"_"` or `"@type"` tags), with objects
/// nested at most [`DEFAULT_MAX_DEPTH`](crate::wire::DEFAULT_MAX_DEPTH)
/// deep.
pub fn from_slice<'de, T: JsonDecode<'de>>(bytes: &'de [u8]) -> Result<T, JsonError> {
    from_slice_with_max_depth(bytes, crate::wire::DEFAULT_MAX_DEPTH)
}

/// [`from_str`] with objects nested at most `max_depth` deep: deeper input
/// is an error, whatever the depth, rather than a stack overflow.
///
/// The limit counts TL objects as the binary decoder does
/// ([`from_bytes_with_max_depth`](crate::from_bytes_with_max_depth)), so a
/// value read from binary under a limit reads back from its JSON under the
/// same limit. serde_json's own fixed limit (128 arrays and objects) is
/// lifted in its place: skipping unknown values does not recurse, and a
/// buffered value (entries before an enum's tag) may nest twice the object
/// levels left. A `JsonDecode` written by hand that reads arbitrary
/// nested JSON must bound its own recursion.
///
/// ```
/// use tl_core::json::from_str_with_max_depth;
///
/// let text = r#"{"_":"sessionTypeMac"}"#;
/// assert!(from_str_with_max_depth::<tl_core::SessionType>(text, 1).is_ok());
/// let error = from_str_with_max_depth::<tl_core::SessionType>(text, 0).unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "objects nested deeper than the limit of 0 at line 1 column 1"
/// );
/// ```
pub fn from_str_with_max_depth<'de, T: JsonDecode<'de>>(
    text: &'de str,
    max_depth: usize,
) -> Result<T, JsonError> {
    from_deserializer(serde_json::Deserializer::from_str(text), max_depth)
}

/// [`from_slice`] with objects nested at most `max_depth` deep; see
/// [`from_str_with_max_depth`].
pub fn from_slice_with_max_depth<'de, T: JsonDecode<'de>>(
    bytes: &'de [u8],
    max_depth: usize,
) -> Result<T, JsonError> {
    from_deserializer(serde_json::Deserializer::from_slice(bytes), max_depth)
}

fn from_deserializer<'de, R: serde_json::de::Read<'de>, T: JsonDecode<'de>>(
    mut deserializer: serde_json::Deserializer<R>,
    max_depth: usize,
) -> Result<T, JsonError> {
    // Our limit, counted in the derived code, replaces serde_json's.
    deserializer.disable_recursion_limit();
    let mut track = serde_path_to_error::Track::new();
    let result = serde::de::DeserializeSeed::deserialize(
        StyledSeed::<T>::new(JsonStyle::DEFAULT.with_max_depth(max_depth)),
        serde_path_to_error::Deserializer::new(&mut deserializer, &mut track),
    )
    .and_then(|value| deserializer.end().map(|()| value));
    result.map_err(|inner| JsonError {
        path: path_text(&track.path()),
        inner,
    })
}
