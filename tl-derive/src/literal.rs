//! Schema lines and ids computed in the macro.
//!
//! The macro renders every part of a constructor's schema line it can name
//! itself: names, conditions, `ty` texts, and the types of fields that are
//! TL primitives or vectors of them, computed by the same `tl-schema` code
//! that tl-core runs in `const`. A field of another derived type (or with a
//! `with` module) is a gap: only its impl knows its TL name. Without gaps,
//! the line, id and forms are literals. With gaps, the line goes to `const`
//! as a [`tl_schema::Line`]: the text between the gaps, each piece with the
//! CRC of its normalized form, so that `const` evaluation copies the pieces
//! and hashes only the names it fills in. Interpreting a whole declaration
//! character by character in `const` is what used to make such a derive
//! build twice as slow as serde's.
//!
//! The macro sees type names, not types: `String` could name the user's own
//! type. Each assumption is therefore checked at compile time by a trait
//! bound equating the field type with tl-core's type of that name, which the
//! type checker proves for free where `const` evaluation would not be.

use proc_macro2::TokenStream;
use quote::quote;
use tl_schema::{Condition, Crc32Run, Declaration, Dialect, FieldDecl, Form, TypeDesc, TypeRef};

use crate::ast::{Constructor, Field, FieldKind};
use crate::syntax::primitive_desc;
use crate::type_text;

/// What the macro computed for one constructor.
pub struct Literal {
    /// The schema line's text, split at its gaps: one more piece than gaps.
    pub pieces: Vec<Piece>,
    /// What fills each gap, in line order.
    pub gaps: Vec<Gap>,
    /// The form bits of each field whose type the macro named (`None` for
    /// flags words, `true` flags and gaps), by field index.
    pub forms: Vec<Option<u32>>,
    /// The fields whose `TypeDesc` was inferred from the Rust type's name,
    /// with that desc, for the compile-time check.
    pub assumed: Vec<(usize, &'static TypeDesc)>,
    dialect: Dialect,
}

/// What a gap in the line stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Gap {
    /// The type of the field at this index.
    Field(usize),
    /// A function's result type.
    Result,
}

/// Text of a schema line between gaps.
pub struct Piece {
    /// As the line writes it.
    pub text: String,
    /// The CRC run of its normalized form.
    pub crc: Crc32Run,
}

impl Literal {
    /// The whole line and its id, when it has no gaps.
    pub fn complete(&self) -> Option<(&str, u32)> {
        match (self.gaps.is_empty(), self.pieces.first()) {
            (true, Some(piece)) => Some((
                &piece.text,
                tl_schema::constructor_id(&piece.text, self.dialect),
            )),
            _ => None,
        }
    }
}

/// Stands for a gap in the rendered line: a byte that no name, condition or
/// (validated) `ty` text holds, and that normalization keeps.
const GAP: &str = "\u{1}";

/// The tl-core type that has `desc`, by absolute path: the type the macro
/// assumed a field has when it read `desc` from the field type's name.
pub fn canonical_type(krate: &TokenStream, desc: &TypeDesc) -> TokenStream {
    match desc {
        TypeDesc::Int32 => quote!(::core::primitive::i32),
        TypeDesc::Int64 => quote!(::core::primitive::i64),
        TypeDesc::Double => quote!(::core::primitive::f64),
        TypeDesc::Bool => quote!(::core::primitive::bool),
        TypeDesc::String => quote!(#krate::__private::String),
        TypeDesc::Bytes => quote!(#krate::__private::Vec<::core::primitive::u8>),
        TypeDesc::Int128 => quote!([::core::primitive::u8; 16]),
        TypeDesc::Int256 => quote!([::core::primitive::u8; 32]),
        TypeDesc::Vector(element) => {
            let element = canonical_type(krate, element);
            quote!(#krate::__private::Vec<#element>)
        }
        // Never assumed: only primitives are read by name.
        TypeDesc::Object { .. } | TypeDesc::Union { .. } => quote!(()),
    }
}

/// The schema line of `constructor`, with gaps where a field's type is
/// only known in `const`, and the forms of the other fields. `head` is what
/// the line starts with (the name, and a generic function's `{X:Type}`);
/// `result` is the type after `=`, or `None` when only `const` can name it
/// (a function's `returns`). A generic function's query is `name:!X`.
pub fn compute(
    constructor: &Constructor,
    dialect: Dialect,
    head: &str,
    result: Option<&str>,
    param: Option<&str>,
) -> Literal {
    let mut forms = Vec::with_capacity(constructor.fields.len());
    let mut assumed = Vec::new();
    let mut gaps = Vec::new();
    let mut decls = Vec::with_capacity(constructor.fields.len());
    let query_text = param.map(|param| format!("!{param}"));
    let texts: Vec<Option<String>> = constructor
        .fields
        .iter()
        .map(|field| match field.kind {
            FieldKind::Query => query_text.clone(),
            _ => field.attrs.ty.as_ref().map(syn::LitStr::value),
        })
        .collect();
    for (index, field) in constructor.fields.iter().enumerate() {
        let name = &field.name;
        let condition = field.attrs.flag.as_ref().map(|flag| Condition {
            flags: &flag.word,
            bit: flag.bit,
        });
        if let FieldKind::Flags = field.kind {
            forms.push(None);
            decls.push(FieldDecl::Flags { name });
            continue;
        }
        if let (FieldKind::FlagTrue, Some(condition)) = (&field.kind, condition) {
            forms.push(None);
            decls.push(FieldDecl::True { name, condition });
            continue;
        }
        if let (FieldKind::Query, Some(text)) = (&field.kind, texts[index].as_deref()) {
            forms.push(None);
            decls.push(written(name, text, condition));
            continue;
        }
        let ty = match known_type(field, texts[index].as_deref(), dialect) {
            // A field with a `ty` text renders from the text; its desc only
            // serves the text check, which stays in `const`.
            Some(Known::Text(text, form)) => TypeRef {
                desc: &TypeDesc::Int32,
                form,
                text: Some(text),
            },
            Some(Known::Primitive(desc, form)) => {
                assumed.push((index, desc));
                TypeRef {
                    desc,
                    form,
                    text: None,
                }
            }
            None => {
                gaps.push(Gap::Field(index));
                forms.push(None);
                decls.push(written(name, GAP, condition));
                continue;
            }
        };
        forms.push(Some(ty.form.bits()));
        decls.push(FieldDecl::Value {
            name,
            ty,
            condition,
        });
    }
    if result.is_none() {
        gaps.push(Gap::Result);
    }
    let declaration = Declaration {
        name: head,
        fields: &decls,
        result: result.unwrap_or(GAP),
        dialect,
    };
    let mut line = vec![0u8; declaration.schema_len()];
    declaration.schema_into(&mut line);
    let line_text = String::from_utf8_lossy(&line);
    // Normalizing can lengthen the text (`bytes` hashes as `string`).
    let mut normalized = vec![0u8; tl_schema::normalize_into(&line_text, dialect, &mut [])];
    tl_schema::normalize_into(&line_text, dialect, &mut normalized);
    // Normalizing keeps the gap byte: both texts have the same gaps.
    let pieces = line_text
        .split(GAP)
        .zip(normalized.split(|byte| GAP.as_bytes() == [*byte]))
        .map(|(text, normalized)| Piece {
            text: text.to_owned(),
            crc: Crc32Run::of(normalized),
        })
        .collect();
    Literal {
        pieces,
        gaps,
        forms,
        assumed,
        dialect,
    }
}

/// How the macro knows a field's type, when it does.
enum Known<'t> {
    /// From its `ty` text.
    Text(&'t str, Form),
    /// From the name of a TL primitive (or a vector of them).
    Primitive(&'static TypeDesc, Form),
}

/// The field type the macro can name, from `text` (its `ty` text) or its
/// Rust type, and its form; `None` for a type only its impl can name.
fn known_type<'t>(field: &Field, text: Option<&'t str>, dialect: Dialect) -> Option<Known<'t>> {
    if let Some(text) = text {
        // Validation has rejected a `ty` text that does not parse.
        let parsed = type_text::parse(text).ok()?;
        return Some(Known::Text(text, Form::from_bits(parsed.boxed_bits)));
    }
    let desc = field.value_type().and_then(primitive_desc)?;
    if field.attrs.with.is_some() {
        return None;
    }
    let mut form = Form::default_for(desc, dialect);
    if let Some(boxed) = field.innermost_boxed() {
        form = form.with_innermost(desc, boxed);
    }
    Some(Known::Primitive(desc, form))
}

/// The form bits of a field with a value, when the macro knows them: then
/// generated code writes them as a literal rather than a `const` item.
pub fn known_form(field: &Field, dialect: Dialect) -> Option<u32> {
    if matches!(
        field.kind,
        FieldKind::Flags | FieldKind::FlagTrue | FieldKind::Query
    ) {
        return None;
    }
    let text = field.attrs.ty.as_ref().map(syn::LitStr::value);
    let form = match known_type(field, text.as_deref(), dialect)? {
        Known::Text(_, form) | Known::Primitive(_, form) => form,
    };
    Some(form.bits())
}

/// The fewest bytes a field of a TL primitive type or vector takes, when
/// the macro reads the type from its `ty` text or its name: `min_wire_len`
/// of that type, which the field's text check or `assume_same_type` check
/// proves it is.
pub fn known_min_len(field: &Field) -> Option<usize> {
    if field.attrs.with.is_some() {
        return None;
    }
    if let Some(text) = &field.attrs.ty {
        // `check_type_text` proves the field's type is the one the text
        // names, and the wire decides how few bytes that takes.
        return type_text::parse(&text.value()).ok()?.min_len;
    }
    let desc = field.value_type().and_then(primitive_desc)?;
    Some(primitive_min_len(desc))
}

/// `MIN_LEN` of tl-core's type for `desc`: a vector's count, a string's
/// length byte, a number's bytes.
fn primitive_min_len(desc: &TypeDesc) -> usize {
    match desc {
        TypeDesc::Int32 | TypeDesc::Bool | TypeDesc::String | TypeDesc::Bytes => 4,
        TypeDesc::Vector(_) | TypeDesc::Union { .. } => 4,
        TypeDesc::Int64 | TypeDesc::Double => 8,
        TypeDesc::Int128 => 16,
        TypeDesc::Int256 => 32,
        TypeDesc::Object { .. } => 0,
    }
}

/// A field whose type the line writes as `text` (a query's `!X`, a gap's
/// marker): the desc and form of a rendered type do not apply.
fn written<'t>(name: &'t str, text: &'t str, condition: Option<Condition<'t>>) -> FieldDecl<'t> {
    FieldDecl::Value {
        name,
        ty: TypeRef {
            desc: &TypeDesc::Int32,
            form: Form::BARE,
            text: Some(text),
        },
        condition,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line of a struct in `dialect`, with every gap filled by `fill`:
    /// its text, and its id from the pieces' runs and the filled names as
    /// `tl_schema::Line::id` computes it.
    fn line_with_gaps(source: &str, fill: &[(&'static TypeDesc, &str)]) -> (String, u32, u32) {
        let input: syn::DeriveInput = syn::parse_str(source).unwrap();
        let mut errors = crate::errors::Errors::default();
        let Some(crate::ast::Input::Struct(data)) =
            crate::ast::Input::from_syn(&input, &mut errors)
        else {
            panic!("not a struct");
        };
        assert!(errors.is_empty());
        let literal = compute(
            &data.constructor,
            data.container.dialect,
            &data.constructor.name,
            Some(&data.container.ty),
            None,
        );
        assert_eq!(literal.gaps.len(), fill.len());
        assert_eq!(literal.pieces.len(), fill.len() + 1);
        let mut segments = Vec::new();
        for (index, piece) in literal.pieces.iter().enumerate() {
            segments.push(tl_schema::Segment::Text {
                text: &piece.text,
                crc: piece.crc,
            });
            if let Some((desc, _)) = fill.get(index) {
                let form = Form::default_for(desc, literal.dialect);
                segments.push(tl_schema::Segment::Type { desc, form });
            }
        }
        let line = tl_schema::Line {
            segments: &segments,
            dialect: literal.dialect,
        };
        let mut text = vec![0u8; line.len()];
        let mut expected = String::new();
        for (index, piece) in literal.pieces.iter().enumerate() {
            expected.push_str(&piece.text);
            if let Some((_, name)) = fill.get(index) {
                expected.push_str(name);
            }
        }
        text.copy_from_slice(expected.as_bytes());
        let id = line.id(&text);
        let whole = tl_schema::constructor_id(&expected, literal.dialect);
        (expected, id, whole)
    }

    #[test]
    fn gaps_leave_the_id_unchanged() {
        static PEER: TypeDesc = TypeDesc::Union { ty: "Peer" };
        static PEERS: TypeDesc = TypeDesc::Vector(&PEER);
        static SESSION: TypeDesc = TypeDesc::Object {
            name: "session",
            ty: "Session",
        };
        static SESSIONS: TypeDesc = TypeDesc::Vector(&SESSION);
        let (text, id, whole) = line_with_gaps(
            r#"#[tl(dialect = "mtproto")]
            struct Message {
                #[tl(flags)] flags: u32,
                #[tl(flag = "flags.1")] out: bool,
                #[tl(flag = "flags.2")] from: Option<Peer>,
                id: i32,
                data: Vec<u8>,
                peers: Vec<Peer>,
            }"#,
            &[(&PEER, "Peer"), (&PEERS, "Vector<Peer>")],
        );
        assert_eq!(
            text,
            "message flags:# out:flags.1?true from:flags.2?Peer id:int data:bytes peers:Vector<Peer> = Message"
        );
        assert_eq!(id, whole);
        // `?true` dropped, `bytes` hashed as `string`, `<` a space.
        let normalized =
            "message flags:# from:flags.2?Peer id:int data:string peers:Vector Peer = Message";
        assert_eq!(whole, tl_schema::crc32(normalized.as_bytes()));

        let (text, id, whole) = line_with_gaps(
            "struct Sessions { sessions: Vec<Session>, ttl: i32 }",
            &[(&SESSIONS, "vector<session>")],
        );
        assert_eq!(
            text,
            "sessions sessions:vector<session> ttl:int32 = Sessions"
        );
        assert_eq!(id, whole);
    }
}
