//! Type names as a schema writes them, per dialect and form, and the check of
//! a field's `#[tl(ty = "...")]` text against them.

use crate::text::{Sink, starts_with_at};
use crate::types::{Dialect, Form, TypeDesc};

/// The name of a type in `dialect`, with `form` deciding bare or boxed at
/// each level.
pub(crate) const fn render_type(
    sink: &mut Sink<'_>,
    desc: &TypeDesc,
    form: Form,
    dialect: Dialect,
) {
    let td = matches!(dialect, Dialect::Td);
    match desc {
        TypeDesc::Int32 => sink.put(if td { "int32" } else { "int" }),
        TypeDesc::Int64 => sink.put(if td { "int64" } else { "long" }),
        TypeDesc::Double => sink.put("double"),
        TypeDesc::Bool => sink.put("Bool"),
        TypeDesc::String => sink.put("string"),
        TypeDesc::Bytes => sink.put("bytes"),
        TypeDesc::Int128 => sink.put("int128"),
        TypeDesc::Int256 => sink.put("int256"),
        TypeDesc::Vector(element) => {
            let ton = matches!(dialect, Dialect::Ton);
            if ton {
                sink.put("(");
            }
            sink.put(if form.is_boxed() { "Vector" } else { "vector" });
            sink.put(if ton { " " } else { "<" });
            render_type(sink, element, form.element(), dialect);
            sink.put(if ton { ")" } else { ">" });
        }
        TypeDesc::Object { name, ty } => sink.put(if form.is_boxed() { ty } else { name }),
        TypeDesc::Union { ty } => {
            if !form.is_boxed() {
                sink.put("%");
            }
            sink.put(ty);
        }
    }
}

/// Capacity for rendering one field type in `const` checks.
pub const TYPE_TEXT_CAPACITY: usize = 512;

/// Whether `text` (a `#[tl(ty = "...")]`) names the type that `desc` renders
/// to in `form` and `dialect`. `int53` stands for `int64`: same bytes,
/// different JSON. Compared as it renders, without a buffer: `const`
/// evaluation pays for every byte a check touches, in every derived type.
pub const fn type_text_matches(text: &str, desc: &TypeDesc, form: Form, dialect: Dialect) -> bool {
    match match_type(text.as_bytes(), 0, desc, form, dialect) {
        Some(end) => end == text.len(),
        None => false,
    }
}

/// Where the name of `desc` ends in `text` when it starts at `at`.
const fn match_type(
    text: &[u8],
    at: usize,
    desc: &TypeDesc,
    form: Form,
    dialect: Dialect,
) -> Option<usize> {
    let td = matches!(dialect, Dialect::Td);
    match desc {
        TypeDesc::Int32 => match_str(text, at, if td { "int32" } else { "int" }),
        TypeDesc::Int64 if td => match match_str(text, at, "int64") {
            Some(end) => Some(end),
            None => match_str(text, at, "int53"),
        },
        TypeDesc::Int64 => match_str(text, at, "long"),
        TypeDesc::Double => match_str(text, at, "double"),
        TypeDesc::Bool => match_str(text, at, "Bool"),
        TypeDesc::String => match_str(text, at, "string"),
        TypeDesc::Bytes => match_str(text, at, "bytes"),
        TypeDesc::Int128 => match_str(text, at, "int128"),
        TypeDesc::Int256 => match_str(text, at, "int256"),
        TypeDesc::Vector(element) => {
            let ton = matches!(dialect, Dialect::Ton);
            let mut at = at;
            if ton {
                at = match match_str(text, at, "(") {
                    Some(end) => end,
                    None => return None,
                };
            }
            let vector = if form.is_boxed() { "Vector" } else { "vector" };
            at = match match_str(text, at, vector) {
                Some(end) => end,
                None => return None,
            };
            at = match match_str(text, at, if ton { " " } else { "<" }) {
                Some(end) => end,
                None => return None,
            };
            at = match match_type(text, at, element, form.element(), dialect) {
                Some(end) => end,
                None => return None,
            };
            match_str(text, at, if ton { ")" } else { ">" })
        }
        TypeDesc::Object { name, ty } => {
            match_str(text, at, if form.is_boxed() { ty } else { name })
        }
        TypeDesc::Union { ty } => {
            let mut at = at;
            if !form.is_boxed() {
                at = match match_str(text, at, "%") {
                    Some(end) => end,
                    None => return None,
                };
            }
            match_str(text, at, ty)
        }
    }
}

/// Where `expected` ends in `text` when it starts at `at`.
const fn match_str(text: &[u8], at: usize, expected: &str) -> Option<usize> {
    if starts_with_at(text, at, expected.as_bytes()) {
        Some(at + expected.len())
    } else {
        None
    }
}

/// The name of a type in `dialect` and `form`, in a fixed buffer with its
/// length (which may exceed the buffer for absurdly nested types).
pub const fn rendered_type(
    desc: &TypeDesc,
    form: Form,
    dialect: Dialect,
) -> ([u8; TYPE_TEXT_CAPACITY], usize) {
    let mut buf = [0u8; TYPE_TEXT_CAPACITY];
    let mut sink = Sink {
        buf: &mut buf,
        len: 0,
    };
    render_type(&mut sink, desc, form, dialect);
    let len = sink.len;
    (buf, len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::format;
    use std::string::String;

    const USER: TypeDesc = TypeDesc::Object {
        name: "user",
        ty: "User",
    };
    const PEER: TypeDesc = TypeDesc::Union { ty: "Peer" };
    const USERS: TypeDesc = TypeDesc::Vector(&USER);
    const IDS: TypeDesc = TypeDesc::Vector(&TypeDesc::Int64);
    const NESTED: TypeDesc = TypeDesc::Vector(&USERS);

    /// What the streaming comparison answers must be what comparing the
    /// rendered name answers, `int53` aside.
    fn rendered(desc: &TypeDesc, form: Form, dialect: Dialect) -> String {
        let (buf, len) = rendered_type(desc, form, dialect);
        String::from_utf8(buf[..len].to_vec()).unwrap()
    }

    #[test]
    fn a_text_matches_exactly_what_renders() {
        let forms = [
            Form::BARE,
            Form::BOXED,
            Form::from_bits(1),
            Form::from_bits(2),
        ];
        let dialects = [Dialect::Td, Dialect::Mtproto, Dialect::Ton];
        let descs = [
            &USER,
            &PEER,
            &USERS,
            &IDS,
            &NESTED,
            &TypeDesc::Int32,
            &TypeDesc::Bytes,
        ];
        for desc in descs {
            for form in forms {
                for dialect in dialects {
                    let name = rendered(desc, form, dialect);
                    assert!(type_text_matches(&name, desc, form, dialect), "{name}");
                    for other in descs
                        .iter()
                        .flat_map(|d| forms.map(|f| rendered(d, f, dialect)))
                    {
                        if other != name {
                            assert!(
                                !type_text_matches(&other, desc, form, dialect),
                                "{other} {name}"
                            );
                        }
                    }
                    // A prefix or an extension of the name is not the name.
                    assert!(!type_text_matches(
                        &name[..name.len() - 1],
                        desc,
                        form,
                        dialect
                    ));
                    assert!(!type_text_matches(&format!("{name}>"), desc, form, dialect));
                }
            }
        }
    }

    #[test]
    fn int53_stands_for_int64_in_td_only() {
        assert!(type_text_matches(
            "int53",
            &TypeDesc::Int64,
            Form::BARE,
            Dialect::Td
        ));
        assert!(type_text_matches(
            "vector<int53>",
            &IDS,
            Form::BARE,
            Dialect::Td
        ));
        assert!(type_text_matches(
            "vector<int64>",
            &IDS,
            Form::BARE,
            Dialect::Td
        ));
        assert!(!type_text_matches(
            "int53",
            &TypeDesc::Int64,
            Form::BARE,
            Dialect::Mtproto
        ));
        assert!(!type_text_matches(
            "int53",
            &TypeDesc::Int32,
            Form::BARE,
            Dialect::Td
        ));
    }
}
