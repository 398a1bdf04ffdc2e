//! `#[derive(TlObject)]`: Telegram TL constructors from Rust structs and
//! enums. Use it through `tl_core`, which re-exports it and holds the
//! runtime the generated code calls; its documentation has the attributes.
//!
//! The pipeline (private modules): `ast` turns syn's tree into our model,
//! reading attributes with `attr`; `valid` checks the model; `expand`
//! generates, with schema lines and ids computed in `literal` where the
//! field types allow. Every error found on the way is reported in one build,
//! each at its own span.

mod ast;
mod attr;
mod case;
mod expand;
mod fields;
mod generics;
mod json;
mod literal;
mod names;
mod runs;
mod syntax;
mod type_text;
mod valid;

#[cfg(test)]
mod expansion_tests;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `TlObject`, `TlType`, `TlEncode`, `TlDecode` (and `TlConstructor`
/// for structs, `Serialize` and `Deserialize` with tl-core's `serde`
/// feature). See `tl_core`'s documentation for the attributes.
#[proc_macro_derive(TlObject, attributes(tl))]
pub fn derive_tl_object(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
