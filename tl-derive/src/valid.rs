//! Checks of the model that need no type information: flags, attribute
//! combinations, duplicate names.
//!
//! What needs the field types' own impls (ids, `ty` text against the Rust
//! type, a variant struct's result type) is checked at compile time by
//! tl-core's `const fn`s, with the error spanned here.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::spanned::Spanned;

use syn::Type;
use tl_schema::Dialect;

use crate::ast::{Constructor, Enum, Field, FieldKind, Function, Input, Struct, VariantKind};
use crate::errors::Errors;
use crate::syntax::{
    first_type_argument, is_path, names_type, option_inner, primitive_desc, vec_element,
};
use crate::type_text;

pub fn check(input: &Input, errors: &mut Errors) {
    match input {
        Input::Struct(data) => check_struct(data, errors),
        Input::Enum(data) => check_enum(data, errors),
    }
}

fn check_struct(data: &Struct, errors: &mut Errors) {
    check_constructor(&data.constructor, data.container.dialect, errors);
    check_function(data, errors);
}

/// `function`, `returns` and a generic function's query.
fn check_function(data: &Struct, errors: &mut Errors) {
    let attrs = &data.container.attrs;
    if let (Some(returns), None) = (&attrs.returns, attrs.function) {
        errors.spanned(
            returns,
            "`returns` is for functions: write #[tl(function, returns = ...)]",
        );
    }
    let Some(function_span) = attrs.function else {
        return;
    };
    let fields = &data.constructor.fields;
    if let (Some(ty), Some(Function::Generic { param })) = (&attrs.ty, &data.function) {
        errors.at(
            ty.span(),
            format!(
                "`ty` on a generic function: it returns what its query returns, `{param}`, \
                 which its line already says"
            ),
        );
    }
    match &data.function {
        Some(Function::Returns(_)) => {
            if let Some(ty) = &attrs.ty {
                check_readable(ty, errors);
            }
        }
        None => errors.at(
            function_span,
            "a function needs the type of its result: #[tl(function, returns = Sessions)]; or, \
             for a generic function such as invokeWithLayer, one type parameter that is one \
             field's type (`struct InvokeWithLayer<X> { layer: i32, query: X }`)",
        ),
        Some(Function::Generic { param }) => {
            let queries: Vec<_> = fields
                .iter()
                .filter(|field| matches!(field.kind, FieldKind::Query))
                .collect();
            if queries.is_empty() {
                errors.at(
                    param.span(),
                    format!(
                        "the type parameter `{param}` of a generic function is the type of its \
                         query, a field of type `{param}` exactly (`query: {param}`)"
                    ),
                );
            }
            for extra in queries.iter().skip(1) {
                errors.spanned(
                    extra.ty,
                    format!(
                        "a generic function has one query: `{param}` is already the type of \
                         field `{}`",
                        queries[0].ident
                    ),
                );
            }
            for field in fields {
                if !matches!(field.kind, FieldKind::Query) && mentions(field.ty, param) {
                    errors.spanned(
                        field.ty,
                        format!(
                            "`{param}` is the query's type, `!{param}` in the schema: it can only \
                             be a field's whole type (`query: {param}`)"
                        ),
                    );
                }
            }
        }
    }
}

/// Whether `ty` names `ident` anywhere.
fn mentions(ty: &Type, ident: &syn::Ident) -> bool {
    fn walk(tokens: proc_macro2::TokenStream, ident: &syn::Ident) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(found) => found == *ident,
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), ident),
            _ => false,
        })
    }
    walk(quote::ToTokens::to_token_stream(ty), ident)
}

fn check_enum(data: &Enum, errors: &mut Errors) {
    if let Some(span) = data.container.attrs.function {
        errors.at(
            span,
            "`function` on an enum: a TL function is one constructor, so derive it on a struct",
        );
    }
    if let Some(returns) = &data.container.attrs.returns {
        errors.spanned(
            returns,
            "`returns` on an enum: a TL function is one constructor, so derive it on a struct",
        );
    }
    let attrs = &data.container.attrs.constructor;
    if let Some(name) = &attrs.name {
        errors.at(
            name.span(),
            "`name` on an enum: each variant is its own constructor, so put \
             #[tl(name = \"...\")] on the variants",
        );
    }
    if let Some(id) = &attrs.id {
        errors.at(
            id.span,
            "`id` on an enum: each variant is its own constructor, so put #[tl(id = ...)] on \
             the variants",
        );
    }
    if let Some(span) = attrs.force {
        errors.at(
            span,
            "`force` on an enum: put #[tl(id = ..., force)] on the variant",
        );
    }
    let mut names: HashMap<&str, Span> = HashMap::new();
    for variant in &data.variants {
        if let VariantKind::Own { constructor, .. } = &variant.kind {
            check_constructor(constructor, data.container.dialect, errors);
            if names
                .insert(&constructor.name, constructor.name_span)
                .is_some()
            {
                errors.at(
                    constructor.name_span,
                    format!(
                        "duplicate constructor name `{}` in this enum: each variant must be a \
                         different TL constructor; give it another name with \
                         #[tl(name = \"...\")]",
                        constructor.name
                    ),
                );
            }
        }
    }
}

fn check_constructor(constructor: &Constructor, dialect: Dialect, errors: &mut Errors) {
    if let (Some(force), None) = (constructor.force, &constructor.id) {
        errors.at(
            force,
            "`force` needs an id to force: write #[tl(id = 0x..., force)]",
        );
    }
    // Flags words seen so far, by name.
    let mut flags_words: HashMap<String, usize> = HashMap::new();
    let mut names: HashMap<&str, ()> = HashMap::new();
    for (index, field) in constructor.fields.iter().enumerate() {
        let attrs = &field.attrs;
        if names.insert(&field.name, ()).is_some() {
            let span = attrs
                .rename
                .as_ref()
                .map_or(field.ident.span(), |r| r.span());
            errors.at(
                span,
                format!(
                    "duplicate field name `{}`: TL field names must be unique; change \
                     #[tl(rename = \"...\")]",
                    field.name
                ),
            );
        }
        // Flags words and `true` flags get their own errors for these below.
        let typed = !matches!(
            field.kind,
            FieldKind::Flags | FieldKind::FlagTrue | FieldKind::Query
        );
        if !matches!(
            field.kind,
            FieldKind::Flags | FieldKind::With | FieldKind::Query
        ) {
            check_type(field.ty, dialect, false, errors);
        }
        if let Some(with) = &attrs.with
            && !matches!(field.kind, FieldKind::With)
        {
            errors.spanned(
                with,
                "`with` is for plain fields: a flags word is recomputed, and a conditional \
                 field's codec cannot see its flag",
            );
        }
        if let (true, Some(bare), Some(_)) = (typed, attrs.bare, attrs.boxed) {
            errors.at(bare, "`bare` and `boxed` contradict each other: keep one");
        }
        if let Some(ty) = &attrs.ty
            && typed
        {
            check_readable(ty, errors);
        }
        if attrs.default.is_some() && !matches!(field.kind, FieldKind::Plain | FieldKind::With) {
            errors.at(
                attrs.default.unwrap_or_else(Span::call_site),
                "`default` is for plain fields: flags words are recomputed and conditional \
                 fields already default to absent",
            );
        }
        match &field.kind {
            FieldKind::Flags => {
                if !is_path(field.ty, "u32") && !names_type(field.ty, "Flags") {
                    errors.at(
                        field.ty.span(),
                        "a `flags` field holds a `#` word: declare it as `tl_core::Flags` (or \
                         `u32`, to keep the word read)",
                    );
                }
                let flag = attrs.flag.as_ref().map(|f| f.span);
                reject_type_attrs(errors, attrs, flag, "a `flags` field, which is a `#` word");
                flags_words.insert(field.name.clone(), index);
            }
            FieldKind::FlagTrue | FieldKind::FlagOption { .. } => {
                let Some(flag) = &attrs.flag else { continue };
                if !flags_words.contains_key(&flag.word) {
                    let later = constructor.fields[index + 1..]
                        .iter()
                        .any(|f| matches!(f.kind, FieldKind::Flags) && f.name == flag.word);
                    let message = if later {
                        format!(
                            "flags field `{}` must come before the fields that use it: TL \
                             reads fields in order",
                            flag.word
                        )
                    } else {
                        format!(
                            "no flags field `{0}` before this field; declare \
                             `#[tl(flags)] {0}: u32` ahead of the fields that use it",
                            flag.word
                        )
                    };
                    errors.at(flag.span, message);
                }
                if matches!(field.kind, FieldKind::FlagTrue) {
                    reject_type_attrs(
                        errors,
                        attrs,
                        None,
                        "a `bool` flag, which is `flags.N?true` and has no bytes",
                    );
                }
            }
            FieldKind::With => {}
            FieldKind::Query => {
                reject_type_attrs(
                    errors,
                    attrs,
                    None,
                    "a generic function's query, `!X`, which is written boxed as itself",
                );
                if let Some(span) = attrs.default {
                    errors.at(span, "`default` cannot apply to a generic function's query");
                }
            }
            FieldKind::Plain => {
                if let Some(inner) = option_inner(field.ty) {
                    check_nullable(field, inner, dialect, errors);
                }
            }
        }
    }
}

/// A plain `Option<inner>` field: a nullable object in td, an error in
/// the other dialects, which have no null.
fn check_nullable(field: &Field, inner: &Type, dialect: Dialect, errors: &mut Errors) {
    if dialect != Dialect::Td {
        errors.spanned(
            field.ty,
            "an `Option` field needs #[tl(flag = \"flags.N\")]: TL has no \
             optional fields outside flags",
        );
        return;
    }
    if primitive_desc(inner).is_some() || vec_element(inner).is_some() {
        errors.spanned(
            inner,
            "only TL objects may be null: a nullable field (`Option<T>` without `flag`) holds \
             a derived struct or enum, since TDLib never leaves a number, string or vector \
             null; for a field TDLib may leave out, use #[tl(default)]",
        );
    }
    let attrs = &field.attrs;
    // `ty` may name the object as the line writes it (`countryInfo`); the
    // form only the wire would use is fixed: a present value is boxed.
    reject_attrs(
        errors,
        [(attrs.bare, "bare"), (attrs.boxed, "boxed")],
        "a nullable field: on the wire a present value is always boxed, so that `None` (the \
         id of `null`) is told apart",
    );
    if let Some(span) = attrs.default {
        errors.at(
            span,
            "`default` on a nullable field: an absent or `null` value already reads as `None`",
        );
    }
}

/// Reports each attribute about a field's type (`ty`, `bare`, `boxed`, and
/// `flag` when given) on a field that has no type of its own: `what`.
fn reject_type_attrs(
    errors: &mut Errors,
    attrs: &crate::attr::FieldAttrs,
    flag: Option<Span>,
    what: &str,
) {
    reject_attrs(
        errors,
        [
            (flag, "flag"),
            (attrs.ty.as_ref().map(|t| t.span()), "ty"),
            (attrs.bare, "bare"),
            (attrs.boxed, "boxed"),
        ],
        what,
    );
}

/// Reports each attribute given (its span, its name) as one that cannot
/// apply to `what`.
fn reject_attrs<const N: usize>(errors: &mut Errors, attrs: [(Option<Span>, &str); N], what: &str) {
    for (span, name) in attrs {
        if let Some(span) = span {
            errors.at(span, format!("`{name}` cannot apply to {what}"));
        }
    }
}

/// Reports Rust types that have no TL type with what to use instead, once,
/// at the type: rustc's trait errors would say it four times, less clearly.
/// `nested`: inside a `Vec`, `Box` or `Option`.
fn check_type(ty: &Type, dialect: Dialect, nested: bool, errors: &mut Errors) {
    let Type::Path(path) = ty else { return };
    let Some(last) = path.path.segments.last() else {
        return;
    };
    if path.qself.is_some() {
        return;
    }
    let name = last.ident.to_string();
    let inner = first_type_argument(&last.arguments);
    let advice = match name.as_str() {
        "Vec" if inner.is_some_and(|inner| is_path(inner, "u8")) => return,
        "Option" if nested && dialect != Dialect::Td => {
            errors.spanned(
                ty,
                "an `Option` inside another type: TL has no null outside flags but td's \
                 nullable objects (`Vec<Option<T>>` in the td dialect)",
            );
            return;
        }
        "Option" if inner.is_some_and(|inner| option_inner(inner).is_some()) => {
            errors.spanned(
                ty,
                "`Option<Option<T>>` has two nulls that TL cannot tell apart: use one `Option`",
            );
            return;
        }
        "Vec" | "Box" | "Option" => {
            if let Some(inner) = inner {
                check_type(inner, dialect, true, errors);
            }
            return;
        }
        "u64" | "usize" => "TL integers are signed: use `i64` (int64 / long)",
        "u32" => {
            "TL integers are signed: use `i32` (int32 / int), or mark a flags word with #[tl(flags)]"
        }
        "u8" | "u16" | "i8" | "i16" => "TL has no small integers: use `i32` (int32 / int)",
        "i128" | "u128" => "TL's int128 is raw bytes: use `[u8; 16]`",
        "f32" => "TL has no single precision: use `f64` (double)",
        "char" => "TL has no characters: use `String`",
        "HashMap" | "BTreeMap" | "IndexMap" => {
            "TL has no maps: use a `Vec` of a derived struct holding key and value"
        }
        "HashSet" | "BTreeSet" => "TL has no sets: use a `Vec`",
        _ => return,
    };
    errors.at(ty.span(), format!("`{name}` is not a TL type: {advice}"));
}

/// A `ty` text the macro cannot read: an error at the text, saying why.
fn check_readable(ty: &syn::LitStr, errors: &mut Errors) {
    if let Err(message) = type_text::parse(&ty.value()) {
        errors.at(
            ty.span(),
            format!("cannot read TL type `{}`: {message}", ty.value()),
        );
    }
}
