//! `#[derive(TlObject)]`: Telegram TL constructors from Rust structs and
//! enums. Use it through `tl_core`, which re-exports it and holds the
//! runtime the generated code calls; its documentation has the attributes.
//!
//! The data path, one private module per step, read top to bottom:
//!
//! - model: `ast` turns syn's tree into our model, reading `attr`ibutes;
//!   `prop` computes the facts several generators need (flags words,
//!   shared bits, forms) once, on the model;
//! - `valid` checks the model, collecting every error in `errors`;
//! - generation, driven by `expand`, each step with a struct and an enum
//!   entry: `schema` (line and id, `TlConstructor`, `TlType`, `TlObject`,
//!   rendering in the macro with `literal` what it can), `encode`,
//!   `decode` (with `runs` of fixed-size fields and `flags` words), `json`;
//! - `fallback`: impls beside the errors, so one mistake does not cascade.
//!
//! Leaves that every step may use: `names` (paths, items and bindings of
//! generated code), `syntax` (reading Rust types), `type_text` (`ty`
//! texts), `generics`, `case`, `propagate` (errors passed up in generated
//! code). Every error found on the way is reported in
//! one build, each at its own span.

// The data path (its order is the list above).
mod ast;
mod attr;
mod decode;
mod encode;
mod expand;
mod fallback;
mod flags;
mod json;
mod literal;
mod prop;
mod runs;
mod schema;
mod valid;

// Leaves.
mod case;
mod errors;
mod generics;
mod names;
mod propagate;
mod syntax;
mod type_text;

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
