//! Code for one constructor's fields: schema declaration, length, encoding,
//! decoding. Shared by structs and by enum variants with named fields.
//!
//! Field values are reached through bindings `__field{i}` (references when
//! encoding, values when decoding), so the same code serves `self` of a
//! struct and a matched enum variant.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, LitStr, Type};
use tl_schema::Dialect;

use crate::ast::{Constructor, Field, FieldKind};
use crate::literal::Literal;
use crate::names::binding;
use crate::runs::Runs;

/// Paths and names the generated code of one constructor uses.
pub struct Context<'a> {
    pub krate: &'a TokenStream,
    pub dialect: Dialect,
    /// Prefix of the `const` items of this constructor (one per enum variant).
    pub prefix: String,
    /// The TL type the constructor builds.
    pub result: &'a str,
}

impl Context<'_> {
    pub fn dialect_tokens(&self) -> TokenStream {
        let krate = self.krate;
        match self.dialect {
            Dialect::Td => quote!(#krate::schema::Dialect::Td),
            Dialect::Mtproto => quote!(#krate::schema::Dialect::Mtproto),
            Dialect::Ton => quote!(#krate::schema::Dialect::Ton),
        }
    }

    pub fn item(&self, name: &str) -> Ident {
        format_ident!("__TL_{}{}", self.prefix, name)
    }

    fn form(&self, index: usize) -> Ident {
        self.item(&format!("FORM_{index}"))
    }
}

/// The `TypeDesc` of the field's value: of `T` for `Option<T>` under a
/// flag, the `with` module's `DESC`, else the field type's; none for flags
/// words and `flags.N?true`.
fn value_desc(krate: &TokenStream, field: &Field) -> Option<TokenStream> {
    if let Some(path) = field.attrs.with.as_ref() {
        return Some(quote_spanned!(path.span()=> #path::DESC));
    }
    let ty = field.value_type()?;
    // Used in `const` items, outside the impls that have the lifetimes.
    let static_ty = crate::generics::to_static(ty);
    Some(quote_spanned!(ty.span()=> <#static_ty as #krate::TlType>::DESC))
}

/// `#path::#function` of a field's `with` module, spanned at the path so
/// that a missing function is reported there.
fn with_fn(field: &Field, function: &str) -> TokenStream {
    let Some(path) = field.attrs.with.as_ref() else {
        return TokenStream::new();
    };
    let function = Ident::new(function, path.span());
    quote_spanned!(path.span()=> #path::#function)
}

/// A constructor's schema: the `const` items its code refers to, and the
/// expressions of its schema line and id.
pub struct Schema {
    pub items: TokenStream,
    pub schema: TokenStream,
    pub id: TokenStream,
    /// The check of a declared id, when it is left to `const`.
    pub id_check: TokenStream,
}

/// The schema of `constructor`: literals when the macro can name every
/// field type (see `literal`), else a [`Line`](tl_schema::Line) with gaps
/// filled in `const`.
pub fn schema(cx: &Context, constructor: &Constructor) -> Schema {
    let literal = crate::literal::compute(constructor, cx.dialect, cx.result);
    let mut items = forms(cx, constructor, &literal);
    let (schema, id, id_check) = match literal.complete() {
        Some((schema, computed_id)) => {
            let (id, id_check) = literal_id(constructor, schema, computed_id);
            (quote!(#schema), id, id_check)
        }
        None => {
            items.extend(line(cx, constructor, &literal));
            let krate = cx.krate;
            let line = cx.item("LINE");
            let bytes = cx.item("SCHEMA_BYTES");
            let (id, id_check) = line_id(
                cx,
                constructor,
                &quote!(&#bytes),
                &quote!(#line.id(&#bytes)),
            );
            (quote!(#krate::__private::schema_str(&#bytes)), id, id_check)
        }
    };
    Schema {
        items,
        schema,
        id,
        id_check,
    }
}

/// `const` items: the form of each field with a value, the checks of `ty`
/// texts against the Rust types, and the check of the types the macro read
/// by name.
fn forms(cx: &Context, constructor: &Constructor, literal: &Literal) -> TokenStream {
    let krate = cx.krate;
    let dialect = cx.dialect_tokens();
    let mut items = TokenStream::new();
    for (index, field) in constructor.fields.iter().enumerate() {
        let Some(desc) = value_desc(krate, field) else {
            continue;
        };
        let form = cx.form(index);
        let value = match literal.forms.get(index) {
            Some(Some(bits)) => quote!(#krate::schema::Form::from_bits(#bits)),
            _ => {
                let mut value = quote!(#krate::schema::Form::default_for(&#desc, #dialect));
                if field.attrs.bare.is_some() {
                    value = quote!(#value.with_innermost(&#desc, false));
                }
                if field.attrs.boxed.is_some() {
                    value = quote!(#value.with_innermost(&#desc, true));
                }
                value
            }
        };
        items.extend(quote!(const #form: #krate::schema::Form = #value;));
        if let Some(text) = &field.attrs.ty {
            items.extend(type_text_check(cx, text, &desc, &form, &field.name));
        }
    }
    if !literal.assumed.is_empty() {
        // The macro read these types by name: check they are tl-core's, each
        // at its field type.
        let checks = literal.assumed.iter().filter_map(|(index, desc)| {
            let ty = constructor.fields[*index].value_type()?;
            let canonical = crate::literal::canonical_type(krate, desc);
            let private = Ident::new("__tl_private", ty.span());
            Some(quote_spanned! {ty.span()=>
                #private::assume_same_type::<#ty, #canonical>();
            })
        });
        items.extend(quote! {
            const _: () = {
                use #krate::__private as __tl_private;
                #(#checks)*
            };
        });
    }
    items
}

/// The id of a line without gaps: the computed one, or the declared one,
/// checked here.
fn literal_id(
    constructor: &Constructor,
    schema: &str,
    computed: u32,
) -> (TokenStream, TokenStream) {
    match (&constructor.id, constructor.force) {
        (Some(declared), None) if declared.value != computed => {
            let mut message = vec![0u8; 256 + schema.len()];
            let len =
                tl_schema::id_mismatch_message_into(&mut message, declared.value, computed, schema);
            message.truncate(len);
            let message = String::from_utf8_lossy(&message);
            let value = declared.value;
            (
                quote!(#value),
                quote_spanned!(declared.span=> ::core::compile_error!(#message);),
            )
        }
        (Some(declared), _) => {
            let value = declared.value;
            (quote!(#value), TokenStream::new())
        }
        (None, _) => (quote!(#computed), TokenStream::new()),
    }
}

/// The line with gaps and its text, as `const` items.
fn line(cx: &Context, constructor: &Constructor, literal: &Literal) -> TokenStream {
    let krate = cx.krate;
    let dialect = cx.dialect_tokens();
    let mut segments = Vec::with_capacity(literal.pieces.len() + literal.gaps.len());
    for (position, piece) in literal.pieces.iter().enumerate() {
        let text = &piece.text;
        let (state, shift) = (piece.crc.state(), piece.crc.shift());
        segments.push(quote! {
            #krate::schema::Segment::Text {
                text: #text,
                crc: #krate::schema::Crc32Run::from_parts(#state, #shift),
            }
        });
        let Some(&index) = literal.gaps.get(position) else {
            continue;
        };
        let Some(desc) = value_desc(krate, &constructor.fields[index]) else {
            continue;
        };
        let form = cx.form(index);
        segments.push(quote!(#krate::schema::Segment::Type { desc: &#desc, form: #form }));
    }
    let line = cx.item("LINE");
    let schema_len = cx.item("SCHEMA_LEN");
    let schema_bytes = cx.item("SCHEMA_BYTES");
    quote! {
        const #line: #krate::schema::Line = #krate::schema::Line {
            segments: &[#(#segments),*],
            dialect: #dialect,
        };
        const #schema_len: usize = #line.len();
        const #schema_bytes: [u8; #schema_len] = #line.bytes::<#schema_len>();
    }
}

fn type_text_check(
    cx: &Context,
    text: &LitStr,
    desc: &TokenStream,
    form: &Ident,
    name: &str,
) -> TokenStream {
    let krate = cx.krate;
    let dialect = cx.dialect_tokens();
    spanned_check(
        text.span(),
        krate,
        "check_type_text",
        quote!(#text, &#desc, #form, #dialect, #name),
    )
}

/// A compile-time check, `__private::#function(#args)`, whose failure
/// rustc reports at `span`: the call's first token must carry the span, so
/// the module is imported under a name spanned there.
pub fn spanned_check(
    span: Span,
    krate: &TokenStream,
    function: &str,
    args: TokenStream,
) -> TokenStream {
    let private = Ident::new("__tl_private", span);
    let function = Ident::new(function, span);
    quote_spanned! {span=>
        const _: () = {
            use #krate::__private as #private;
            #private::#function(#args)
        };
    }
}

/// The id expression of a line with gaps: forced, or computed in `const`;
/// plus the check of a declared id, spanned at the attribute.
fn line_id(
    cx: &Context,
    constructor: &Constructor,
    bytes: &TokenStream,
    computed: &TokenStream,
) -> (TokenStream, TokenStream) {
    match (&constructor.id, constructor.force) {
        (Some(id), Some(_)) => {
            let value = id.value;
            (quote!(#value), TokenStream::new())
        }
        (Some(id), None) => {
            let value = id.value;
            let check = spanned_check(
                id.span,
                cx.krate,
                "check_declared_id",
                quote!(#bytes, #computed, #value),
            );
            (quote!(#value), check)
        }
        (None, _) => (computed.clone(), TokenStream::new()),
    }
}

/// Which bindings a piece of code reads, for a destructuring pattern without
/// unused variables.
pub fn pattern(constructor: &Constructor, used: impl Fn(&FieldKind) -> bool) -> TokenStream {
    let fields = constructor.fields.iter().enumerate().map(|(index, field)| {
        let ident = field.ident;
        if used(&field.kind) {
            let binding = binding(index);
            quote!(#ident: #binding)
        } else {
            quote!(#ident: _)
        }
    });
    quote!({ #(#fields),* })
}

pub fn len_uses(kind: &FieldKind) -> bool {
    matches!(
        kind,
        FieldKind::Plain | FieldKind::FlagOption { .. } | FieldKind::With
    )
}

pub fn encode_uses(kind: &FieldKind) -> bool {
    !matches!(kind, FieldKind::Flags)
}

/// The terms of the encoded length of the fields (bare): none for fields
/// that take no bytes.
pub fn encoded_len(cx: &Context, constructor: &Constructor) -> Vec<TokenStream> {
    let krate = cx.krate;
    let terms = constructor
        .fields
        .iter()
        .enumerate()
        .filter_map(|(index, field)| {
            let binding = binding(index);
            let form = cx.form(index);
            Some(match &field.kind {
                FieldKind::Flags => quote!(4usize),
                FieldKind::FlagTrue => return None,
                FieldKind::Plain => {
                    let encoded_len = trait_fn(krate, field.ty, "TlEncode", "encoded_len");
                    quote!(#encoded_len(#binding, #form))
                }
                FieldKind::With => {
                    let encoded_len = with_fn(field, "encoded_len");
                    quote!(#encoded_len(#binding, #form))
                }
                FieldKind::FlagOption { inner } => {
                    let encoded_len = trait_fn(krate, inner, "TlEncode", "encoded_len");
                    quote! {
                    match #binding {
                        ::core::option::Option::Some(value) => #encoded_len(value, #form),
                        ::core::option::Option::None => 0usize,
                    }
                    }
                }
            })
        });
    terms.collect()
}

/// The fewest bytes the fields take (bare).
pub fn min_len(cx: &Context, constructor: &Constructor) -> TokenStream {
    let krate = cx.krate;
    let terms = constructor
        .fields
        .iter()
        .enumerate()
        .filter_map(|(index, field)| {
            let form = cx.form(index);
            match &field.kind {
                FieldKind::Flags => Some(quote!(4usize)),
                FieldKind::Plain => {
                    let ty = field.ty;
                    Some(quote!(#krate::min_wire_len::<#ty>(#form)))
                }
                FieldKind::With => {
                    let desc = value_desc(krate, field)?;
                    Some(quote!(#krate::__private::desc_min_len(&#desc, #form)))
                }
                FieldKind::FlagTrue | FieldKind::FlagOption { .. } => None,
            }
        });
    sum(terms)
}

/// `a + b + ...` of `usize` terms; `0usize` for none.
pub fn sum(terms: impl IntoIterator<Item = TokenStream>) -> TokenStream {
    let terms: Vec<TokenStream> = terms.into_iter().collect();
    if terms.is_empty() {
        quote!(0usize)
    } else {
        quote!(#(#terms)+*)
    }
}

/// `<#ty as #krate::#trait>::#function`, spanned at the field type so that
/// a type without the trait is reported there.
pub fn trait_fn(krate: &TokenStream, ty: &Type, trait_name: &str, function: &str) -> TokenStream {
    let trait_ident = Ident::new(trait_name, ty.span());
    let function = Ident::new(function, ty.span());
    quote_spanned!(ty.span()=> <#ty as #krate::#trait_ident>::#function)
}

/// The bit mask of a flag reference.
fn bit_mask(bit: u8) -> TokenStream {
    let mask = 1u32 << bit;
    quote!(#mask)
}

/// Statements writing the fields, after the flags words are computed from
/// the conditional fields.
pub fn encode(cx: &Context, constructor: &Constructor) -> TokenStream {
    let krate = cx.krate;
    let fields = &constructor.fields;
    let mut out = TokenStream::new();
    // Flags words first: each is the OR of the bits its fields set.
    for (index, word) in fields.iter().enumerate() {
        if !matches!(word.kind, FieldKind::Flags) {
            continue;
        }
        let word_binding = binding(index);
        let terms = fields.iter().enumerate().filter_map(|(i, field)| {
            let flag = field.attrs.flag.as_ref().filter(|f| f.word == word.name)?;
            let binding = binding(i);
            let mask = bit_mask(flag.bit);
            Some(match field.kind {
                FieldKind::FlagTrue => quote!(if *#binding { #mask } else { 0u32 }),
                _ => quote!(if #binding.is_some() { #mask } else { 0u32 }),
            })
        });
        out.extend(quote! { let #word_binding: u32 = 0u32 #(| #terms)*; });
    }
    let runs = Runs::of(constructor);
    for (index, field) in fields.iter().enumerate() {
        let binding = binding(index);
        let form = cx.form(index);
        if runs.contains(index) {
            out.extend(runs.encode_at(krate, constructor, index));
            continue;
        }
        out.extend(match &field.kind {
            FieldKind::Flags => quote!(__writer.put_u32(#binding);),
            FieldKind::FlagTrue => shared_bit_check(cx, constructor, index).unwrap_or_default(),
            FieldKind::Plain => {
                let encode = trait_fn(krate, field.ty, "TlEncode", "encode");
                quote!(#encode(#binding, __writer, #form);)
            }
            FieldKind::With => {
                let encode = with_fn(field, "encode");
                quote!(#encode(#binding, __writer, #form);)
            }
            FieldKind::FlagOption { inner } => {
                let encode = trait_fn(krate, inner, "TlEncode", "encode");
                let mut code = quote! {
                    if let ::core::option::Option::Some(value) = #binding {
                        #encode(value, __writer, #form);
                    }
                };
                if let Some(check) = shared_bit_check(cx, constructor, index) {
                    code.extend(check);
                }
                code
            }
        });
    }
    out
}

/// When another field shares this conditional field's bit, a set bit with
/// this field absent (`None`, or `false`) could not be read back as the same
/// value: record an error instead.
fn shared_bit_check(cx: &Context, constructor: &Constructor, index: usize) -> Option<TokenStream> {
    let krate = cx.krate;
    let fields = &constructor.fields;
    let flag = fields[index].attrs.flag.as_ref()?;
    let shared = fields.iter().enumerate().any(|(i, other)| {
        i != index
            && other
                .attrs
                .flag
                .as_ref()
                .is_some_and(|f| f.word == flag.word && f.bit == flag.bit)
    });
    if !shared {
        return None;
    }
    let word = fields
        .iter()
        .position(|f| matches!(f.kind, FieldKind::Flags) && f.name == flag.word)?;
    let word_binding = binding(word);
    let binding = binding(index);
    let mask = bit_mask(flag.bit);
    let name = &fields[index].name;
    let absent = match fields[index].kind {
        FieldKind::FlagTrue => quote!(!*#binding),
        _ => quote!(#binding.is_none()),
    };
    Some(quote! {
        if #word_binding & #mask != 0 && #absent {
            __writer.fail(#krate::Error::new(#krate::ErrorKind::MissingConditional { field: #name }));
        }
    })
}

/// Statements reading the fields into bindings.
pub fn decode(cx: &Context, constructor: &Constructor) -> TokenStream {
    let krate = cx.krate;
    let fields = &constructor.fields;
    let mut out = TokenStream::new();
    let runs = Runs::of(constructor);
    for (index, field) in fields.iter().enumerate() {
        if runs.contains(index) {
            out.extend(runs.decode_at(krate, constructor, index));
            continue;
        }
        let binding = binding(index);
        let form = cx.form(index);
        let name = &field.name;
        let read = |ty: &Type| {
            quote_spanned! {ty.span()=>
                #krate::__private::in_field(
                    <#ty as #krate::TlDecode<'de>>::decode(__reader, #form),
                    #name,
                )?
            }
        };
        let flag_test = |flag: &crate::attr::FlagRef| {
            let word = fields
                .iter()
                .position(|f| matches!(f.kind, FieldKind::Flags) && f.name == flag.word)
                .map(self::binding)
                .unwrap_or_else(|| Ident::new("__missing_flags", Span::call_site()));
            let mask = bit_mask(flag.bit);
            quote!(#word & #mask != 0)
        };
        out.extend(match &field.kind {
            FieldKind::Flags => {
                let known = fields
                    .iter()
                    .filter_map(|f| f.attrs.flag.as_ref().filter(|flag| flag.word == field.name))
                    .fold(0u32, |mask, flag| mask | 1 << flag.bit);
                quote! {
                    let __start = __reader.position();
                    let #binding: u32 = #krate::__private::in_field(__reader.read_u32(), #name)?;
                    if #binding & !#known != 0 {
                        return ::core::result::Result::Err(#krate::Error::at(
                            #krate::ErrorKind::UnknownFlags { flags: #name, bits: #binding & !#known },
                            __start,
                        ));
                    }
                }
            }
            FieldKind::Plain => {
                let value = read(field.ty);
                quote!(let #binding = #value;)
            }
            FieldKind::With => {
                let decode = with_fn(field, "decode");
                quote! {
                    let #binding = #krate::__private::in_field(#decode(__reader, #form), #name)?;
                }
            }
            FieldKind::FlagTrue => {
                let test = field.attrs.flag.as_ref().map(flag_test);
                quote!(let #binding: bool = #test;)
            }
            FieldKind::FlagOption { inner } => {
                let test = field.attrs.flag.as_ref().map(flag_test);
                let value = read(inner);
                quote! {
                    let #binding = if #test {
                        ::core::option::Option::Some(#value)
                    } else {
                        ::core::option::Option::None
                    };
                }
            }
        });
    }
    out
}

/// `{ a: __field0, b: __field1 }`, building the value from the bindings.
pub fn construct(constructor: &Constructor) -> TokenStream {
    let fields = constructor.fields.iter().enumerate().map(|(index, field)| {
        let ident = field.ident;
        let binding = binding(index);
        quote!(#ident: #binding)
    });
    quote!({ #(#fields),* })
}
