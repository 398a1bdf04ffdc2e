//! Every error the derive emits, with its message and span: the `.stderr`
//! files beside the cases in `tests/ui/<topic>/` are reviewed, not just
//! blessed.
//!
//! One folder per topic: `attributes` (the syntax of `#[tl(...)]`, unknown
//! and contradicting attributes), `flags` (flags words and conditional
//! fields), `ids` (constructor ids given or computed), `duplicates` (two
//! fields or constructors with one name or id), `enums` (variants and what
//! an enum may carry), `items` (Rust items the derive does not take:
//! generics, tuple structs, unions, the lifetime `'de`), `types` (field
//! types and `ty` texts), `with` (codec modules) and `recovery` (several
//! mistakes reported at once, and fallback impls that keep one mistake from
//! causing errors at every use).
//!
//! After a deliberate change of a message, run
//! `TRYBUILD=overwrite cargo test -p tl-tests --test compile_fail` and
//! review the diff of `tests/ui/*/*.stderr`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    // Every topic folder; trybuild expands the glob.
    cases.compile_fail("ui/*/*.rs");
}
