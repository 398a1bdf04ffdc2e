//! Schema lines as the derive emits them: the text it knows, with the field
//! types only `const` evaluation can name left as gaps.
//!
//! Rendering a whole [`Declaration`](crate::Declaration) and hashing it in
//! `const` costs a few interpreted steps per character of the line, which
//! made a derived type with a field of another derived type take twice as
//! long to compile as serde's derive. A [`Line`] carries every stretch the
//! macro could render as text, together with the CRC of that stretch's
//! normalized form, so `const` evaluation copies the stretches in one step
//! each and only renders and hashes the type names in the gaps.

use crate::crc32::Crc32Run;
use crate::normalize::{Normalized, normalized_crc};
use crate::render::render_type;
use crate::text::Sink;
use crate::types::{Dialect, Form, TypeDesc};

/// A piece of a [`Line`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text of the line as written, with the CRC run of its normalized form
    /// (what [`normalize_into`](crate::normalize_into) makes of it in its
    /// place in the line).
    Text {
        /// The text as the schema line writes it.
        text: &'a str,
        /// The run of its normalized bytes.
        crc: Crc32Run,
    },
    /// A field type, rendered from its desc: always a whole field type,
    /// right after the field's `:` or condition `?`.
    Type {
        /// What the field's Rust type is.
        desc: &'a TypeDesc,
        /// Which levels are boxed.
        form: Form,
    },
}

/// A schema line as text segments and field types.
///
/// ```
/// use tl_schema::{constructor_id, Crc32Run, Dialect, Form, Line, Segment, TypeDesc};
///
/// const SESSION: TypeDesc = TypeDesc::Object { name: "session", ty: "Session" };
/// const LINE: Line = Line {
///     segments: &[
///         Segment::Text { text: "sessions sessions:", crc: Crc32Run::of(b"sessions sessions:") },
///         Segment::Type { desc: &TypeDesc::Vector(&SESSION), form: Form::BARE },
///         Segment::Text { text: " = Sessions", crc: Crc32Run::of(b" = Sessions") },
///     ],
///     dialect: Dialect::Td,
/// };
/// const LEN: usize = LINE.len();
/// const BYTES: [u8; LEN] = LINE.bytes::<LEN>();
/// let text = core::str::from_utf8(&BYTES).unwrap();
/// assert_eq!(text, "sessions sessions:vector<session> = Sessions");
/// assert_eq!(LINE.id(&BYTES), constructor_id(text, Dialect::Td));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The pieces in order.
    pub segments: &'a [Segment<'a>],
    /// The schema family, which names the types in the gaps.
    pub dialect: Dialect,
}

impl Line<'_> {
    /// The length in bytes of the line's text.
    #[allow(clippy::len_without_is_empty)] // a schema line is never empty
    pub const fn len(&self) -> usize {
        let mut len = 0;
        let mut i = 0;
        while i < self.segments.len() {
            len += match &self.segments[i] {
                Segment::Text { text, .. } => text.len(),
                Segment::Type { desc, form } => self.rendered_len(desc, *form),
            };
            i += 1;
        }
        len
    }

    /// The line's text as UTF-8 bytes; `N` must be [`Line::len`].
    pub const fn bytes<const N: usize>(&self) -> [u8; N] {
        let mut buf = [0u8; N];
        let mut sink = Sink {
            buf: &mut buf,
            len: 0,
        };
        self.render(&mut sink);
        assert!(sink.len == N, "schema buffer length differs from Line::len");
        buf
    }

    /// The constructor id of the line, given its text (from
    /// [`Line::bytes`]): the texts' runs appended, and only the types
    /// rendered into the text hashed byte by byte. Equal to
    /// [`constructor_id`](crate::constructor_id) of the text when each run
    /// is that of its text's normalized form; a text that is not the line's
    /// own is hashed whole.
    pub const fn id(&self, bytes: &[u8]) -> u32 {
        let ton = matches!(self.dialect, Dialect::Ton);
        let mtproto = matches!(self.dialect, Dialect::Mtproto);
        let mut out = Normalized::new(&mut []);
        let mut offset = 0;
        let mut i = 0;
        while i < self.segments.len() {
            match &self.segments[i] {
                Segment::Text { text, crc } => {
                    out.resume(out.crc.append(*crc));
                    offset += text.len();
                }
                Segment::Type { desc, form } => {
                    let end = offset + self.rendered_len(desc, *form);
                    if end > bytes.len() {
                        return normalized_crc(bytes, self.dialect);
                    }
                    if mtproto && matches!(desc, TypeDesc::Bytes) {
                        // A field typed `bytes` hashes as `string`.
                        out.put_str(b"string");
                    } else {
                        while offset < end {
                            out.put_within_token(bytes[offset], ton);
                            offset += 1;
                        }
                    }
                    offset = end;
                }
            }
            i += 1;
        }
        if offset != bytes.len() {
            return normalized_crc(bytes, self.dialect);
        }
        out.crc.finish()
    }

    const fn render(&self, sink: &mut Sink<'_>) {
        let mut i = 0;
        while i < self.segments.len() {
            match &self.segments[i] {
                Segment::Text { text, .. } => sink.put(text),
                Segment::Type { desc, form } => render_type(sink, desc, *form, self.dialect),
            }
            i += 1;
        }
    }

    const fn rendered_len(&self, desc: &TypeDesc, form: Form) -> usize {
        let mut sink = Sink {
            buf: &mut [],
            len: 0,
        };
        render_type(&mut sink, desc, form, self.dialect);
        sink.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::constructor_id;

    const SESSION: TypeDesc = TypeDesc::Object {
        name: "session",
        ty: "Session",
    };
    const SESSIONS: TypeDesc = TypeDesc::Vector(&SESSION);
    const NESTED: TypeDesc = TypeDesc::Vector(&SESSIONS);
    const STATE: TypeDesc = TypeDesc::Union {
        ty: "AuthorizationState",
    };

    fn text(piece: &'static str) -> Segment<'static> {
        // Only valid where the piece normalizes to itself.
        Segment::Text {
            text: piece,
            crc: Crc32Run::of(piece.as_bytes()),
        }
    }

    fn check(line: Line<'_>, expected: &str) {
        let mut buf = [0u8; 256];
        let len = line.len();
        assert_eq!(len, expected.len(), "{expected}");
        line.render(&mut Sink {
            buf: &mut buf,
            len: 0,
        });
        assert_eq!(&buf[..len], expected.as_bytes());
        assert_eq!(
            line.id(expected.as_bytes()),
            constructor_id(expected, line.dialect),
            "{expected}"
        );
    }

    #[test]
    fn gaps_hash_as_the_whole_line_does() {
        let cases: [(Dialect, &TypeDesc, Form, &str); 8] = [
            (Dialect::Td, &SESSIONS, Form::BARE, "vector<session>"),
            (Dialect::Td, &NESTED, Form::BARE, "vector<vector<session>>"),
            (
                Dialect::Mtproto,
                &SESSIONS,
                Form::from_bits(0b11),
                "Vector<Session>",
            ),
            (
                Dialect::Ton,
                &NESTED,
                Form::from_bits(0b100),
                "(vector (vector Session))",
            ),
            (Dialect::Td, &STATE, Form::BOXED, "AuthorizationState"),
            (Dialect::Td, &STATE, Form::BARE, "%AuthorizationState"),
            (Dialect::Mtproto, &TypeDesc::Bytes, Form::BARE, "bytes"),
            (
                Dialect::Mtproto,
                &TypeDesc::Vector(&TypeDesc::Bytes),
                Form::BOXED,
                "Vector<bytes>",
            ),
        ];
        for (dialect, desc, form, rendered) in cases {
            let segments = [
                text("x a:int b:"),
                Segment::Type { desc, form },
                text(" c:flags.0?"),
                Segment::Type { desc, form },
                text(" = X"),
            ];
            let expected = ["x a:int b:", rendered, " c:flags.0?", rendered, " = X"].concat();
            check(
                Line {
                    segments: &segments,
                    dialect,
                },
                &expected,
            );
        }
    }

    #[test]
    fn a_text_that_is_not_the_lines_own_is_hashed_whole() {
        let segments = [
            text("x a:"),
            Segment::Type {
                desc: &SESSION,
                form: Form::BARE,
            },
            text(" = X"),
        ];
        let line = Line {
            segments: &segments,
            dialect: Dialect::Td,
        };
        for other in ["x", "x a:session = X and more", ""] {
            assert_eq!(
                line.id(other.as_bytes()),
                constructor_id(other, Dialect::Td)
            );
        }
    }
}
