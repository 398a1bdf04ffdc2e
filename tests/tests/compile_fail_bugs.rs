//! Compile-fail cases whose `.stderr` is what the derive *should* print,
//! not what it prints today: a type with a bad attribute (or generic
//! parameters) still cascades into trait errors where it is used as a field
//! of another derived type or through the JSON API, because the fallback
//! impls cover the binary traits only. Ignored until that is fixed; run with
//! `cargo test -p tl-tests --test compile_fail_bugs -- --ignored`.

#[test]
#[ignore = "bug: fallback impls lack the JSON traits (and generics get none): \
            use sites of a type with a bad attribute cascade into E0277 errors"]
fn ui_bugs() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui_bugs/*.rs");
}
