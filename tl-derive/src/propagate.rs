//! Errors passed up in generated code: tl-core's `try_!` and `try_in!`,
//! a `match` that returns the error, where `?` would cost the type checker
//! a `Try` and a `From` resolution at every use in every derived type
//! (decoders and JSON alike). A macro of tl-core's rather than the `match`
//! itself: the derive's output is a few tokens instead of forty.

use proc_macro2::TokenStream;
use quote::quote;

/// `result` (a `Result`) unwrapped, its error returned as it is.
pub fn or_return(krate: &TokenStream, result: TokenStream) -> TokenStream {
    quote!(#krate::__private::try_!(#result))
}

/// `result` unwrapped, its error returned as one out of field `name`.
pub fn or_return_in(krate: &TokenStream, result: TokenStream, name: &str) -> TokenStream {
    quote!(#krate::__private::try_in!(#result, #name))
}
