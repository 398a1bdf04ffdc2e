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

pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let model = Input::from_syn(input, &mut errors);
    if let Some(model) = &model {
        valid::check(model, &mut errors);
    }
    match model {
        Some(model) if errors.is_empty() => match &model {
            Input::Struct(data) => expand_struct(data),
            Input::Enum(data) => expand_enum(&input.ident, data),
        },
        _ => {
            let mut out = errors.into_compile_errors();
            out.extend(fallback::fallback(input));
            out
        }
    }
}

fn expand_struct(data: &Struct) -> TokenStream {
    let schema::StructSchema {
        items,
        impls,
        id_check,
    } = schema::for_struct(data);
    let encode = encode::for_struct(data);
    let decode = decode::for_struct(data);
    let json = json::for_struct(data);
    in_const_block(quote! {
        #items

        #impls

        #encode

        #decode

        #id_check

        #json
    })
}

fn expand_enum(ident: &syn::Ident, data: &Enum) -> TokenStream {
    let schema = schema::for_enum(ident, data);
    let encode = encode::for_enum(data);
    let decode = decode::for_enum(data);
    let json = json::for_enum(data);
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
