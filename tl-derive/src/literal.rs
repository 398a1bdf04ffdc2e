//! Schema lines and ids computed in the macro.
//!
//! A constructor whose field types the macro can name itself (TL primitives,
//! vectors of them, or fields with a `ty` text) gets its schema line, id and
//! field forms as literals, computed here by the same `tl-schema` code that
//! tl-core runs in `const`. Interpreting that code in `const` is most of a
//! derive's compile time, so this path is what keeps a derived struct as
//! cheap to build as serde's. A constructor with a field of another derived
//! type (whose name only its own impl knows) keeps the `const` path.
//!
//! The macro sees type names, not types: `String` could name the user's own
//! type. Each assumption is therefore checked at compile time by a trait
//! bound equating the field type with tl-core's type of that name, which the
//! type checker proves for free where `const` evaluation would not be.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Expr, Lit, Type};
use tl_schema::{
    Condition, Declaration, Dialect as SchemaDialect, FieldDecl, Form, TypeDesc, TypeRef,
};

use crate::ast::{Constructor, FieldKind};
use crate::attr::Dialect;
use crate::type_text;

/// What the macro computed for one constructor.
pub struct Literal {
    /// The schema line.
    pub schema: String,
    /// Its id (CRC-32 of the normalized line).
    pub computed_id: u32,
    /// The form bits of each field with a value (`None` for flags words and
    /// `true` flags), by field index.
    pub forms: Vec<Option<u32>>,
    /// The fields whose `TypeDesc` was inferred from the Rust type's name,
    /// with that desc, for the compile-time check.
    pub assumed: Vec<(usize, &'static TypeDesc)>,
}

pub fn schema_dialect(dialect: Dialect) -> SchemaDialect {
    match dialect {
        Dialect::Td => SchemaDialect::Td,
        Dialect::Mtproto => SchemaDialect::Mtproto,
        Dialect::Ton => SchemaDialect::Ton,
    }
}

/// The `TypeDesc` a Rust type has in tl-core, if the macro can tell from its
/// name: `i32`, `i64`, `f64`, `bool`, `String`, `Vec<u8>`, `[u8; 16]`,
/// `[u8; 32]`, and `Vec<T>` of those: exactly the types
/// [`canonical_type`] spells back.
pub fn primitive_desc(ty: &Type) -> Option<&'static TypeDesc> {
    match vec_element(ty) {
        Some(element) if is_named(element, "u8") => Some(&TypeDesc::Bytes),
        // Vectors are rare enough beside the primitives that leaking their
        // descs (the element is `&'static`, as in every derived type's
        // `DESC`) costs nothing that matters.
        Some(element) => Some(Box::leak(Box::new(TypeDesc::Vector(primitive_desc(
            element,
        )?)))),
        None => scalar_desc(ty),
    }
}

/// [`primitive_desc`] of a type that is not a vector; never allocates.
pub fn scalar_desc(ty: &Type) -> Option<&'static TypeDesc> {
    match ty {
        Type::Array(array) if is_named(&array.elem, "u8") => match array_len(&array.len)? {
            16 => Some(&TypeDesc::Int128),
            32 => Some(&TypeDesc::Int256),
            _ => None,
        },
        Type::Path(path) if path.qself.is_none() && is_std_path(&path.path) => {
            let last = path.path.segments.last()?;
            if !last.arguments.is_empty() {
                return None;
            }
            match last.ident.to_string().as_str() {
                "i32" => Some(&TypeDesc::Int32),
                "i64" => Some(&TypeDesc::Int64),
                "f64" => Some(&TypeDesc::Double),
                "bool" => Some(&TypeDesc::Bool),
                "String" => Some(&TypeDesc::String),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `T` of a field typed `Vec<T>` (or `std::vec::Vec<T>`).
fn vec_element(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() || !is_std_path(&path.path) {
        return None;
    }
    let last = path.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match (last.ident == "Vec", args.args.len(), args.args.first()?) {
        (true, 1, syn::GenericArgument::Type(element)) => Some(element),
        _ => None,
    }
}

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

/// A path the macro may read by its last name: a bare name (`String`), or
/// the standard library's (`std::string::String`, `core::primitive::i64`).
/// Any other path (`crate::String`) names the user's own type.
fn is_std_path(path: &syn::Path) -> bool {
    let mut segments = path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string());
    match path.segments.len() {
        1 => path.leading_colon.is_none(),
        2 | 3 => matches!(segments.next().as_deref(), Some("std" | "alloc" | "core")),
        _ => false,
    }
}

fn is_named(ty: &Type, name: &str) -> bool {
    matches!(ty, Type::Path(path) if path.qself.is_none() && path.path.is_ident(name))
}

fn array_len(expr: &Expr) -> Option<usize> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(int) => int.base10_parse().ok(),
            _ => None,
        },
        _ => None,
    }
}

/// The schema line, id and forms of `constructor`, when every field's TL
/// type is known here.
pub fn compute(constructor: &Constructor, dialect: Dialect, result: &str) -> Option<Literal> {
    let dialect = schema_dialect(dialect);
    let mut forms = Vec::with_capacity(constructor.fields.len());
    let mut assumed = Vec::new();
    let mut decls = Vec::with_capacity(constructor.fields.len());
    let texts: Vec<Option<String>> = constructor
        .fields
        .iter()
        .map(|field| field.attrs.ty.as_ref().map(syn::LitStr::value))
        .collect();
    for (index, field) in constructor.fields.iter().enumerate() {
        let condition = field.attrs.flag.as_ref().map(|flag| Condition {
            flags: &flag.word,
            bit: flag.bit,
        });
        match (&field.kind, condition) {
            (FieldKind::Flags, _) => {
                forms.push(None);
                decls.push(FieldDecl::Flags { name: &field.name });
                continue;
            }
            (FieldKind::FlagTrue, Some(condition)) => {
                forms.push(None);
                decls.push(FieldDecl::True {
                    name: &field.name,
                    condition,
                });
                continue;
            }
            (FieldKind::With | FieldKind::FlagTrue, _) => return None,
            _ => {}
        }
        let ty = crate::fields::value_type(field)?;
        let desc = primitive_desc(ty);
        let (form, text) = match (texts[index].as_deref(), desc) {
            (Some(text), _) => {
                let parsed = type_text::parse(text).ok()?;
                (Form::from_bits(parsed.boxed_bits), Some(text))
            }
            (None, Some(desc)) => {
                let mut form = Form::default_for(desc, dialect);
                if field.attrs.bare.is_some() {
                    form = form.with_innermost(desc, false);
                }
                if field.attrs.boxed.is_some() {
                    form = form.with_innermost(desc, true);
                }
                (form, None)
            }
            (None, None) => return None,
        };
        // A `ty` text is checked against the real type in `const` instead.
        if let (Some(desc), None) = (desc, &texts[index]) {
            assumed.push((index, desc));
        }
        forms.push(Some(form.bits()));
        decls.push(FieldDecl::Value {
            name: &field.name,
            ty: TypeRef {
                // A field with a `ty` text renders from the text; its desc
                // only serves the text check, which stays in `const`.
                desc: desc.unwrap_or(&TypeDesc::Int32),
                form,
                text,
            },
            condition,
        });
    }
    let declaration = Declaration {
        name: &constructor.name,
        fields: &decls,
        result,
        dialect,
    };
    let mut buf = vec![0u8; declaration.schema_len()];
    declaration.schema_into(&mut buf);
    let schema = String::from_utf8(buf).ok()?;
    let computed_id = tl_schema::constructor_id(&schema, dialect);
    Some(Literal {
        schema,
        computed_id,
        forms,
        assumed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(text: &str) -> Option<&'static TypeDesc> {
        primitive_desc(&syn::parse_str(text).unwrap())
    }

    #[test]
    fn primitives_are_recognized_by_name() {
        assert_eq!(desc("i32"), Some(&TypeDesc::Int32));
        assert_eq!(desc("i64"), Some(&TypeDesc::Int64));
        assert_eq!(desc("f64"), Some(&TypeDesc::Double));
        assert_eq!(desc("bool"), Some(&TypeDesc::Bool));
        assert_eq!(desc("String"), Some(&TypeDesc::String));
        assert_eq!(desc("std::string::String"), Some(&TypeDesc::String));
        assert_eq!(desc("Vec<u8>"), Some(&TypeDesc::Bytes));
        assert_eq!(desc("[u8; 16]"), Some(&TypeDesc::Int128));
        assert_eq!(desc("[u8; 32]"), Some(&TypeDesc::Int256));
        assert_eq!(
            desc("Vec<Vec<i64>>"),
            Some(&TypeDesc::Vector(&TypeDesc::Vector(&TypeDesc::Int64)))
        );
    }

    #[test]
    fn other_types_are_left_to_const() {
        for text in [
            "SessionType",
            "Vec<User>",
            "u64",
            "[u8; 8]",
            "Option<i32>",
            "Box<i32>",
            "&str",
            "crate::String",
            "my::i64",
            "Vec<crate::String>",
        ] {
            assert_eq!(desc(text), None, "{text}");
        }
    }
}
