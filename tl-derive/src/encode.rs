//! `TlEncode`: a value's bytes. Flags words are recomputed from the
//! conditional fields; runs of fixed-size fields are written in one step
//! (`runs`). The length is `TlEncode::encoded_len`'s default, which
//! counts what `encode` writes: no second walk of the fields per type.
//!
//! Field values are reached through bindings `__field{i}` (references), so
//! the same code serves `self` of a struct and a matched enum variant.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Constructor, Enum, FieldKind, Struct, VariantKind};
use crate::flags;
use crate::names::{Context, binding, binding_at, private_call, trait_call, value_desc, with_fn};
use crate::runs::Runs;

/// The `TlEncode` impl of a struct: its id when boxed, then its fields.
pub fn for_struct(data: &Struct) -> TokenStream {
    let container = &data.container;
    let krate = &container.krate;
    let impl_encode = container.header.impl_of(quote!(#krate::TlEncode));
    let constructor = &data.constructor;
    let cx = Context::of_struct(container);
    let encode_pattern = pattern(constructor, encode_uses);
    let id = quote!(<Self as #krate::TlConstructor>::ID);
    let encode = encode(&cx, constructor, &Runs::of(constructor), &id);
    quote! {
        #[automatically_derived]
        #impl_encode {
            #[inline]
            fn encode(&self, __writer: &mut #krate::wire::Writer<'_>, __form: #krate::schema::Form) {
                let Self #encode_pattern = self;
                if __form.is_boxed() {
                    __writer.put_u32(#id);
                }
                #encode
            }
        }
    }
}

/// The `TlEncode` impl of an enum: always boxed, the variant's id, then its
/// fields (or its struct's, bare).
pub fn for_enum(data: &Enum) -> TokenStream {
    let container = &data.container;
    let krate = &container.krate;
    let impl_encode = container.header.impl_of(quote!(#krate::TlEncode));
    let mut encode_arms = Vec::new();
    for (index, variant) in data.variants.iter().enumerate() {
        let cx = Context::of_variant(container, index);
        let variant_ident = variant.ident;
        let id = quote!(__TL_CONSTRUCTORS[#index].id);
        match &variant.kind {
            VariantKind::Own { constructor, .. } => {
                let encode_pattern = pattern(constructor, encode_uses);
                let runs = Runs::with_leading_id(constructor);
                let put_id = (!runs.writes_id()).then(|| quote!(__writer.put_u32(#id);));
                let encode = encode(&cx, constructor, &runs, &id);
                encode_arms.push(quote! {
                    Self::#variant_ident #encode_pattern => {
                        #put_id
                        #encode
                    }
                });
            }
            VariantKind::Newtype { .. } => {
                encode_arms.push(quote! {
                    Self::#variant_ident(inner) => {
                        __writer.put_u32(#id);
                        #krate::TlEncode::encode(inner, __writer, #krate::schema::Form::BARE);
                    }
                });
            }
        }
    }
    if let Some(other) = &data.other {
        let variant_ident = other.ident;
        let span = other.ty.span();
        encode_arms.push(quote_spanned! {span=>
            Self::#variant_ident(__unknown) => #krate::__private::unknown_encode(__unknown, __writer),
        });
    }
    quote! {
        #[automatically_derived]
        #impl_encode {
            #[inline]
            fn encode(&self, __writer: &mut #krate::wire::Writer<'_>, _: #krate::schema::Form) {
                match self {
                    #(#encode_arms)*
                }
            }
        }
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

/// Which bindings encoding reads: every field but the flags words, which
/// are recomputed.
pub fn encode_uses(kind: &FieldKind) -> bool {
    !matches!(kind, FieldKind::Flags)
}

/// The fewest bytes the fields take (bare): a literal for the fields the
/// macro knows by name, a `const` term for each other one.
pub fn min_len(cx: &Context, constructor: &Constructor) -> TokenStream {
    let krate = cx.krate;
    let mut known = 0usize;
    let mut terms = Vec::new();
    for (index, field) in constructor.fields.iter().enumerate() {
        // Conditional fields may be absent: they add nothing to the minimum.
        match &field.kind {
            FieldKind::Flags => known += 4,
            FieldKind::Plain | FieldKind::Query => {
                if let Some(len) = crate::literal::known_min_len(field) {
                    known += len;
                    continue;
                }
                let form = cx.field_form(index, field);
                let ty = field.ty;
                terms.push(quote!(#krate::__private::min_wire_len::<#ty>(#form)));
            }
            FieldKind::With => {
                if let Some(desc) = value_desc(krate, field) {
                    let form = cx.field_form(index, field);
                    terms.push(quote!(#krate::__private::desc_min_len(&#desc, #form)));
                }
            }
            FieldKind::FlagTrue | FieldKind::FlagOption { .. } => {}
        }
    }
    if known > 0 || terms.is_empty() {
        terms.insert(0, quote!(#known));
    }
    quote!(#(#terms)+*)
}

/// Statements writing the fields, after the flags words are computed from
/// the conditional fields; `id` is the constructor id, which the first of
/// `runs` may write.
fn encode(cx: &Context, constructor: &Constructor, runs: &Runs, id: &TokenStream) -> TokenStream {
    let krate = cx.krate;
    let fields = &constructor.fields;
    let mut out = TokenStream::new();
    // Flags words first: each is the OR of the bits its fields set.
    for (index, word) in fields.iter().enumerate() {
        if matches!(word.kind, FieldKind::Flags) {
            out.extend(flags::or_word(constructor, index, |member| {
                let binding = binding(member);
                match fields[member].kind {
                    FieldKind::FlagTrue => quote!(*#binding),
                    _ => quote!(#binding.is_some()),
                }
            }));
        }
    }
    for (index, field) in fields.iter().enumerate() {
        let binding = binding(index);
        let form = cx.field_form(index, field);
        if runs.contains(index) {
            out.extend(runs.encode_at(krate, constructor, index, id));
            continue;
        }
        out.extend(match &field.kind {
            FieldKind::Flags => quote!(__writer.put_u32(#binding);),
            FieldKind::FlagTrue => shared_bit_check(cx, constructor, index).unwrap_or_default(),
            FieldKind::Plain | FieldKind::Query => {
                let value = binding_at(index, field.ty.span());
                let args = quote!(#value, __writer, #form);
                let encode = trait_call(krate, field.ty, "TlEncode", "encode", args);
                quote!(#encode;)
            }
            FieldKind::With => {
                let encode = with_fn(field, "encode");
                quote!(#encode(#binding, __writer, #form);)
            }
            FieldKind::FlagOption { inner } => match shared_bit_set(constructor, index) {
                // Another field shares the bit: a set bit with this field
                // absent could not be read back as the same value.
                Some(set) => {
                    let name = &field.name;
                    let value = binding_at(index, inner.span());
                    let args = quote!(#value, __writer, #form, #set, #name);
                    let encode = private_call(krate, inner, "encode_flagged", args);
                    quote!(#encode;)
                }
                None => {
                    let value = binding_at(index, inner.span());
                    let args = quote!(#value, __writer, #form);
                    let encode = private_call(krate, inner, "encode_some", args);
                    quote!(#encode;)
                }
            },
        });
    }
    out
}

/// When another field shares this conditional field's bit, a set bit with
/// this field absent (`false`) could not be read back as the same value:
/// record an error instead.
fn shared_bit_check(cx: &Context, constructor: &Constructor, index: usize) -> Option<TokenStream> {
    let krate = cx.krate;
    let set = shared_bit_set(constructor, index)?;
    let binding = binding(index);
    let name = &constructor.fields[index].name;
    Some(quote! {
        if #set && !*#binding {
            __writer.fail(#krate::Error::new(#krate::ErrorKind::MissingConditional { field: #name }));
        }
    })
}

/// Whether field `index`'s bit is set, when another field shares the bit.
fn shared_bit_set(constructor: &Constructor, index: usize) -> Option<TokenStream> {
    if constructor.sharers(index).is_empty() {
        return None;
    }
    Some(flags::bit_is_set(constructor, index))
}
