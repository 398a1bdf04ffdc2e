//! Errors collected while reading and checking the input, each at its own
//! span, so that one build reports all of a user's mistakes. A leaf module:
//! attributes, the model and the checks all report here.

use proc_macro2::Span;

/// Errors collected while reading and checking the input.
#[derive(Default)]
pub struct Errors {
    errors: Vec<syn::Error>,
}

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    pub fn at(&mut self, span: Span, message: impl std::fmt::Display) {
        self.errors.push(syn::Error::new(span, message));
    }

    /// An error covering all of `tokens` (a whole type, not its first token).
    pub fn spanned(&mut self, tokens: &impl quote::ToTokens, message: impl std::fmt::Display) {
        self.errors.push(syn::Error::new_spanned(tokens, message));
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// All errors as one `compile_error!` token stream.
    pub fn into_compile_errors(self) -> proc_macro2::TokenStream {
        self.errors
            .into_iter()
            .map(|e| e.to_compile_error())
            .collect()
    }
}
