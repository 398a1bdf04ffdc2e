//! Every error the derive emits, with its message and span: the `.stderr`
//! files beside the cases in `tests/ui/` are reviewed, not just blessed.
//!
//! After a deliberate change of a message, run
//! `TRYBUILD=overwrite cargo test -p tl-tests --test compile_fail` and
//! review the diff of `tests/ui/*.stderr`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}
