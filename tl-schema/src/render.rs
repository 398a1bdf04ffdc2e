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
/// different JSON.
pub const fn type_text_matches(text: &str, desc: &TypeDesc, form: Form, dialect: Dialect) -> bool {
    let (buf, len) = rendered_type(desc, form, dialect);
    let text = text.as_bytes();
    if len != text.len() || len > TYPE_TEXT_CAPACITY {
        return false;
    }
    let int64 = if matches!(dialect, Dialect::Td) {
        b"int64"
    } else {
        b"long\0"
    };
    let mut i = 0;
    while i < len {
        if starts_with_at(text, i, b"int53") && starts_with_at(&buf, i, int64) {
            i += 5;
            continue;
        }
        if buf[i] != text[i] {
            return false;
        }
        i += 1;
    }
    true
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
