//! The driver: parse into the model, validate, then generate each concern
//! in turn (schema line and id, encoding, decoding, JSON), or the errors
//! beside fallback impls. Everything lands inside one
//! `const _: () = { ... };` block, so the helper `const` items stay private
//! to the impls.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::{Enum, Input, Struct};
use crate::errors::Errors;
use crate::{decode, encode, fallback, json, schema, valid};

/// The derive's output: with the JSON impls when tl-core has its `serde`
/// feature (which turns on this crate's).
pub fn derive(input: &DeriveInput) -> TokenStream {
    derive_with(input, cfg!(feature = "serde"))
}

/// The derive's output, with the JSON impls or without.
pub fn derive_with(input: &DeriveInput, json: bool) -> TokenStream {
    let mut errors = Errors::default();
    let model = Input::from_syn(input, &mut errors);
    if let Some(model) = &model {
        valid::check(model, &mut errors);
    }
    match model {
        Some(model) if errors.is_empty() => match &model {
            Input::Struct(data) => expand_struct(data, json),
            Input::Enum(data) => expand_enum(&input.ident, data, json),
        },
        _ => {
            let mut out = errors.into_compile_errors();
            out.extend(fallback::fallback(input));
            out
        }
    }
}

fn expand_struct(data: &Struct, json: bool) -> TokenStream {
    let schema::StructSchema {
        items,
        impls,
        id_check,
    } = schema::for_struct(data);
    let encode = encode::for_struct(data);
    let decode = decode::for_struct(data);
    let json = if json {
        json::for_struct(data)
    } else {
        TokenStream::new()
    };
    in_const_block(quote! {
        #items

        #impls

        #encode

        #decode

        #id_check

        #json
    })
}

fn expand_enum(ident: &syn::Ident, data: &Enum, json: bool) -> TokenStream {
    let schema = schema::for_enum(ident, data);
    let encode = encode::for_enum(data);
    let decode = decode::for_enum(data);
    let json = if json {
        json::for_enum(data)
    } else {
        TokenStream::new()
    };
    in_const_block(quote! {
        #schema

        #encode

        #decode

        #json
    })
}

/// `const _: () = { ... };`: the impls with their helper items, which stay
/// private to the block.
fn in_const_block(items: TokenStream) -> TokenStream {
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        const _: () = {
            #items
        };
    }
}
