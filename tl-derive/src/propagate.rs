//! Errors passed up in generated code: a `match` that returns the error,
//! where `?` would cost the type checker a `Try` and a `From` resolution at
//! every use in every derived type (decoders and JSON alike).

use proc_macro2::TokenStream;
use quote::quote;

/// `result` (a `Result`) unwrapped, its error returned as it is.
pub fn or_return(result: TokenStream) -> TokenStream {
    quote! {
        match #result {
            ::core::result::Result::Ok(__value) => __value,
            ::core::result::Result::Err(__error) => return ::core::result::Result::Err(__error),
        }
    }
}

/// `result` unwrapped, its error returned as one out of field `name`.
pub fn or_return_in(krate: &TokenStream, result: TokenStream, name: &str) -> TokenStream {
    quote! {
        match #result {
            ::core::result::Result::Ok(__value) => __value,
            ::core::result::Result::Err(__error) => {
                return ::core::result::Result::Err(#krate::__private::field_error(__error, #name));
            }
        }
    }
}
