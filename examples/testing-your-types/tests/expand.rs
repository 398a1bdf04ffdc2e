//! Expansion snapshot of a derived type: what `#[derive(TlObject)]` writes
//! for `tests/expand/error.rs`, compared with `tests/expand/error.expanded.rs`.
//!
//! Needs `cargo-expand` on the `PATH` (`cargo install --locked
//! cargo-expand`; stable Rust is enough), so it is ignored by default; run
//! it with `cargo test -p my-tl-types --test expand -- --ignored`. The first run
//! writes `error.expanded.rs` (review it, then commit it); later runs fail on
//! any difference. `MACROTEST=overwrite` rewrites the snapshot after a
//! deliberate change. README.md has the details.

#[test]
#[ignore = "needs cargo-expand; see README.md"]
fn expand() {
    macrotest::expand("tests/expand/*.rs");
}
