//! The error of every encode and decode: what went wrong, at which byte, in
//! which field.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::builtin::well_known_name;
use crate::schema::ConstructorInfo;

/// An encoding or decoding failure.
///
/// It says *what* ([`Error::kind`]), *where* in the input ([`Error::offset`],
/// a byte offset) and *in which field* ([`Error::path`], such as
/// `sessions[2].type`). It is one pointer wide, so `Result<T, Error>` stays
/// small on the hot path.
///
/// ```
/// let err = tl_core::from_bytes::<tl_core::Session>(&[0x3c, 0x9a, 0x75]).unwrap_err();
/// assert_eq!(err.offset(), Some(0));
/// assert!(err.to_string().contains("unexpected end of input"));
/// ```
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    offset: Option<usize>,
    /// Innermost segment first: segments are pushed as the error travels
    /// outwards through the fields that contained it.
    path: Vec<PathSegment>,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ended before a value was complete.
    UnexpectedEnd {
        /// Bytes the value needed.
        needed: usize,
        /// Bytes that were left.
        available: usize,
    },
    /// A constructor id that the expected type does not have.
    UnexpectedConstructor {
        /// The TL type that was expected (`SessionType`, `Bool`).
        expected_type: &'static str,
        /// Its constructors.
        expected: &'static [ConstructorInfo],
        /// The id found in the input.
        found: u32,
    },
    /// Input left over after a complete value.
    TrailingBytes {
        /// How many bytes were left.
        count: usize,
    },
    /// A `string` whose bytes are not UTF-8.
    InvalidUtf8,
    /// A string or bytes length prefix of `0xff`, which TL does not define.
    InvalidLengthPrefix,
    /// A length below 254 written in the 4-byte form: a second encoding of
    /// the same value.
    NonCanonicalLength {
        /// The length.
        len: usize,
    },
    /// A vector with a negative element count, or more elements than the
    /// remaining input could hold.
    InvalidLength {
        /// The count read from the input.
        count: i64,
    },
    /// Padding after a string or bytes that is not zero.
    NonZeroPadding,
    /// A string or bytes too long to encode (TL's limit is 2^24 - 1 bytes).
    TooLong {
        /// The length of the value.
        len: usize,
    },
    /// Objects nested deeper than the decoder's limit.
    DepthLimitExceeded {
        /// The limit in force.
        limit: usize,
    },
    /// A flags word with bits set that no field of the constructor uses.
    UnknownFlags {
        /// The `#` field.
        flags: &'static str,
        /// The bits that no field uses.
        bits: u32,
    },
    /// Fields that share a flag bit disagree: one is present (a `true` flag
    /// set, or an `Option` holding a value) and this one is absent, so the
    /// bytes could not be read back as the same value.
    MissingConditional {
        /// The absent field.
        field: &'static str,
    },
    /// A catch-all value read from JSON, written as TL bytes: JSON holds
    /// no TL body to write.
    UnknownBody {
        /// The constructor's name (or id).
        constructor: String,
    },
    /// A message from a custom codec (`#[tl(with = "...")]`).
    Custom(String),
}

/// One step of the path to the value an error is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// A named field.
    Field(&'static str),
    /// An element of a vector.
    Index(usize),
}

impl Error {
    /// An error of the given kind, without position.
    #[cold]
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                offset: None,
                path: Vec::new(),
            }),
        }
    }

    /// An error of the given kind at byte `offset` of the input.
    #[cold]
    pub fn at(kind: ErrorKind, offset: usize) -> Self {
        let mut error = Error::new(kind);
        error.inner.offset = Some(offset);
        error
    }

    /// A custom message, for codecs written by hand.
    #[cold]
    pub fn custom(message: impl fmt::Display) -> Self {
        Error::new(ErrorKind::Custom(alloc::format!("{message}")))
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The byte offset in the input where the offending value starts, when
    /// decoding.
    pub fn offset(&self) -> Option<usize> {
        self.inner.offset
    }

    /// The path from the outermost value to the offending one, outermost
    /// first.
    pub fn path(&self) -> impl DoubleEndedIterator<Item = &PathSegment> + ExactSizeIterator {
        self.inner.path.iter().rev()
    }

    /// The path rendered as `sessions[2].type`; empty at the top level.
    pub fn path_string(&self) -> String {
        let mut out = String::new();
        for segment in self.path() {
            match segment {
                PathSegment::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                PathSegment::Index(index) => {
                    use core::fmt::Write;
                    let _ = write!(out, "[{index}]");
                }
            }
        }
        out
    }

    /// Adds the field the error happened in (used by generated code).
    #[cold]
    #[must_use]
    pub(crate) fn in_field(mut self, name: &'static str) -> Self {
        self.inner.path.push(PathSegment::Field(name));
        self
    }

    /// Adds the vector element the error happened in.
    #[cold]
    #[must_use]
    pub fn in_element(mut self, index: usize) -> Self {
        self.inner.path.push(PathSegment::Index(index));
        self
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::UnexpectedEnd { needed, available } => write!(
                f,
                "unexpected end of input: needed {needed} bytes, {available} left"
            ),
            ErrorKind::UnexpectedConstructor {
                expected_type,
                expected,
                found,
            } => {
                write!(
                    f,
                    "unexpected constructor id {found:#010x}{}: expected {expected_type} (",
                    well_known_name(*found)
                        .map(|name| alloc::format!(" ({name})"))
                        .unwrap_or_default()
                )?;
                const SHOWN: usize = 8;
                for (i, info) in expected.iter().take(SHOWN).enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}#{:08x}", info.name, info.id)?;
                }
                if expected.len() > SHOWN {
                    write!(f, ", and {} more", expected.len() - SHOWN)?;
                }
                f.write_str(")")
            }
            ErrorKind::TrailingBytes { count } => {
                write!(f, "{count} trailing bytes after a complete value")
            }
            ErrorKind::InvalidUtf8 => f.write_str("string is not valid UTF-8"),
            ErrorKind::InvalidLengthPrefix => f.write_str("invalid string length prefix 0xff"),
            ErrorKind::NonCanonicalLength { len } => write!(
                f,
                "length {len} written with the 4-byte prefix, which TL uses only from 254 bytes on"
            ),
            ErrorKind::InvalidLength { count } => write!(
                f,
                "invalid vector length {count}: negative or more elements than the input holds"
            ),
            ErrorKind::NonZeroPadding => f.write_str("non-zero padding after string or bytes"),
            ErrorKind::TooLong { len } => write!(
                f,
                "string or bytes of {len} bytes is too long for TL (at most 16777215)"
            ),
            ErrorKind::DepthLimitExceeded { limit } => {
                write!(f, "objects nested deeper than the limit of {limit}")
            }
            ErrorKind::UnknownFlags { flags, bits } => write!(
                f,
                "flags word `{flags}` has bits {bits:#010x} set that no field uses"
            ),
            ErrorKind::MissingConditional { field } => write!(
                f,
                "field `{field}` is absent but a field sharing its flag bit is present: \
                 fields on one bit are present together"
            ),
            ErrorKind::UnknownBody { constructor } => write!(
                f,
                "cannot write constructor `{constructor}` as TL bytes: it was read from JSON \
                 by a catch-all variant, and JSON holds no TL body"
            ),
            ErrorKind::Custom(message) => f.write_str(message),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.inner.kind, f)?;
        if let Some(offset) = self.inner.offset {
            write!(f, " at byte {offset}")?;
        }
        if !self.inner.path.is_empty() {
            write!(f, " in `{}`", self.path_string())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("offset", &self.inner.offset)
            .field("path", &self.path_string())
            .finish()
    }
}

impl core::error::Error for Error {}

/// The error for a constructor id the expected type does not have.
#[cold]
pub fn unexpected_constructor(
    expected_type: &'static str,
    expected: &'static [ConstructorInfo],
    found: u32,
    offset: usize,
) -> Error {
    Error::at(
        ErrorKind::UnexpectedConstructor {
            expected_type,
            expected,
            found,
        },
        offset,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn display_has_what_where_and_path() {
        static EXPECTED: [ConstructorInfo; 1] = [ConstructorInfo {
            name: "sessionTypeAndroid",
            id: 0x84836098,
        }];
        let error = Error::at(
            ErrorKind::UnexpectedConstructor {
                expected_type: "SessionType",
                expected: &EXPECTED,
                found: 0x997275b5,
            },
            40,
        )
        .in_field("type")
        .in_element(2)
        .in_field("sessions");
        assert_eq!(
            error.to_string(),
            "unexpected constructor id 0x997275b5 (boolTrue): expected SessionType \
             (sessionTypeAndroid#84836098) at byte 40 in `sessions[2].type`"
        );
        assert_eq!(error.path_string(), "sessions[2].type");
        assert_eq!(core::mem::size_of::<Error>(), core::mem::size_of::<usize>());
    }
}
