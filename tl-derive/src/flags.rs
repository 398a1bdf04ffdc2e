//! Flags words in generated code, from the facts in `prop`: a word is the
//! OR of the bits its present fields set (when encoding, and when reading
//! JSON, which has no words), a conditional field is read when its bit is
//! set, and a bit no field uses is an error when decoding.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::Constructor;
use crate::names::binding;

/// `let __field{word}: u32 = ...;`: the word as the OR of the bits of the
/// fields `present` says are there (`present(i)` is a `bool` expression).
pub fn or_word(
    constructor: &Constructor,
    word: usize,
    present: impl Fn(usize) -> TokenStream,
) -> TokenStream {
    let word_binding = binding(word);
    // `bool as u32` shifted to the bit: no branch for the compiler to
    // build and check per conditional field, none at run time either.
    let terms = constructor
        .flag_members(word)
        .map(|(index, mask)| {
            let present = present(index);
            match mask.trailing_zeros() {
                0 => quote!((#present) as u32),
                bit => quote!(((#present) as u32) << #bit),
            }
        })
        .collect::<Vec<_>>();
    quote!(let #word_binding: u32 = 0u32 #(| #terms)*;)
}

/// Whether field `index`'s bit is set in its word's binding.
pub fn bit_is_set(constructor: &Constructor, index: usize) -> TokenStream {
    let flag = constructor.fields[index].attrs.flag.as_ref();
    let word = flag
        .and_then(|flag| constructor.flags_word(&flag.word))
        .map(binding)
        .unwrap_or_else(|| {
            proc_macro2::Ident::new("__missing_flags", proc_macro2::Span::call_site())
        });
    let mask = flag.map_or(0, |flag| 1u32 << flag.bit);
    quote!(#word & #mask != 0)
}

/// After word `word` is read into its binding: the error for a bit no
/// field uses, at byte `at` (a newer layer's field we could not skip).
pub fn reject_unknown(
    krate: &TokenStream,
    constructor: &Constructor,
    word: usize,
    at: TokenStream,
) -> TokenStream {
    let binding = binding(word);
    let name = &constructor.fields[word].name;
    let known = constructor.known_bits(word);
    let check = crate::propagate::or_return(
        krate,
        quote!(#krate::__private::check_flags(#binding, #known, #name, #at)),
    );
    quote!(#check;)
}
