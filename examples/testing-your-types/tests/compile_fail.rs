//! Types that must not compile, with the exact error message: each case in
//! `tests/ui/` is compiled by trybuild and its compiler output compared with
//! the `.stderr` file beside it.
//!
//! Add a case when a mistake should be caught at compile time (an id from
//! an old layer, a field of the wrong type). After a deliberate change of a
//! message, run
//! `TRYBUILD=overwrite cargo test -p my-tl-types --test compile_fail` and
//! review the diff of `tests/ui/*.stderr` before committing it.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
