//! The catch-all variant's value: a constructor its enum does not declare.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::error::{Error, ErrorKind, unexpected_constructor};
use crate::schema::ConstructorInfo;
use crate::wire::{Reader, Writer};

/// A constructor that an enum with a catch-all variant does not declare:
/// `#[tl(other)] Other(tl_core::Unknown)`.
///
/// What it keeps depends on where it was read:
///
/// - **JSON**: the constructor name (or the numeric id, when the tag was a
///   number) and the whole object, written back unchanged: the tag first,
///   in the key of the style being written (`"_"` or `"@type"`, at every
///   level), then the other entries in their order. JSON holds no TL body,
///   so it cannot be written as TL bytes (an error, not a guess).
/// - **TL bytes**: the id and the bytes after it, but only where the rest
///   of the input is that body: a catch-all value that is the whole input
///   of [`from_bytes`](crate::from_bytes). TL has no lengths: a reader that
///   meets an id it has no schema for cannot tell where the body ends, so
///   anywhere else (inside an object, in a vector) the unknown id stays a
///   decoding error naming the id, the type and the offset. Such a value is
///   written back as the same bytes; it has no fields to write as JSON.
///
/// The enum's [`TlObject::constructor_id`](crate::TlObject::constructor_id)
/// is the id kept (`0` when the value came from JSON by name), and
/// [`constructor_name`](crate::TlObject::constructor_name) and
/// [`schema`](crate::TlObject::schema) are `""`: they return `'static`
/// text, which a name read at run time is not. [`Unknown::name`] has it.
///
/// ```
/// use tl_core::{TlObject, Unknown};
///
/// #[derive(TlObject, Debug, PartialEq)]
/// enum Update {
///     #[tl(name = "updateOption")]
///     Option { name: String },
///     #[tl(other)]
///     Other(Unknown),
/// }
///
/// let json = r#"{"@type":"updateConnectionState","state":{"@type":"connectionStateReady"}}"#;
/// let update: Update = tl_core::json::from_str(json)?;
/// let Update::Other(unknown) = &update else { panic!("declared") };
/// assert_eq!(unknown.name(), Some("updateConnectionState"));
/// assert_eq!(tl_core::json::to_string_td(&update)?, json);
/// # Ok::<(), tl_core::json::JsonError>(())
/// ```
#[derive(Clone, PartialEq)]
pub struct Unknown {
    id: Option<u32>,
    name: Option<String>,
    body: Body,
}

#[derive(Clone, PartialEq)]
enum Body {
    /// The TL bytes after the id.
    Wire(Vec<u8>),
    /// The object's entries but its tag, on a JSON tape
    /// (`json::buffer`).
    #[cfg(feature = "serde")]
    Json(Vec<u8>),
}

impl Unknown {
    /// The constructor name, when the value was read from JSON with a
    /// named tag.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The constructor id, when the value was read from TL bytes or from
    /// JSON whose tag was a number.
    pub fn id(&self) -> Option<u32> {
        self.id
    }

    /// The TL bytes after the id, when the value was read from TL bytes.
    pub fn wire_body(&self) -> Option<&[u8]> {
        match &self.body {
            Body::Wire(body) => Some(body),
            #[cfg(feature = "serde")]
            Body::Json(_) => None,
        }
    }

    /// A value read from JSON: its tag and the tape of its other entries.
    #[cfg(feature = "serde")]
    pub(crate) fn from_json(name: Option<String>, id: Option<u32>, tape: Vec<u8>) -> Unknown {
        Unknown {
            id,
            name,
            body: Body::Json(tape),
        }
    }

    /// The tape of the entries of a value read from JSON.
    #[cfg(feature = "serde")]
    pub(crate) fn json_tape(&self) -> Option<&[u8]> {
        match &self.body {
            Body::Json(tape) => Some(tape),
            Body::Wire(_) => None,
        }
    }

    /// The name, else the id in hex, for messages.
    fn to_string_lossy(&self) -> String {
        match (&self.name, self.id) {
            (Some(name), _) => name.clone(),
            (None, Some(id)) => alloc::format!("{id:#010x}"),
            (None, None) => String::from("?"),
        }
    }
}

/// Reads the body of constructor `id`, which no variant of the enum
/// `expected_type` declares (`expected`), into its catch-all variant: the
/// rest of the input when the enum value is the whole input, else the
/// error naming the id, the type and `start`.
#[inline]
pub fn unknown_from_wire(
    reader: &mut Reader<'_>,
    id: u32,
    start: usize,
    expected_type: &'static str,
    expected: &'static [ConstructorInfo],
) -> Result<Unknown, Error> {
    if !reader.starts_whole_value(start) {
        return Err(unexpected_constructor(expected_type, expected, id, start));
    }
    let body = reader.take(reader.remaining())?.to_vec();
    Ok(Unknown {
        id: Some(id),
        name: None,
        body: Body::Wire(body),
    })
}

/// Writes the id and the body read from TL bytes; a value read from JSON
/// has no TL body, which is an error.
#[inline]
pub fn unknown_encode(value: &Unknown, writer: &mut Writer<'_>) {
    match (&value.body, value.id) {
        (Body::Wire(body), Some(id)) => {
            writer.put_u32(id);
            writer.put_raw(body);
        }
        _ => writer.fail(Error::new(ErrorKind::UnknownBody {
            constructor: value.to_string_lossy(),
        })),
    }
}

impl fmt::Debug for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("Unknown");
        if let Some(name) = &self.name {
            out.field("name", name);
        }
        if let Some(id) = self.id {
            out.field("id", &format_args!("{id:#010x}"));
        }
        match &self.body {
            Body::Wire(body) => out.field("wire_body_len", &body.len()),
            #[cfg(feature = "serde")]
            Body::Json(tape) => out.field("json", &crate::json::TapeText(tape)),
        };
        out.finish()
    }
}
