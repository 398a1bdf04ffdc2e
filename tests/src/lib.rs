//! Integration tests of tl-derive live in `tests/`. This library holds only
//! the README's examples, compiled and run as doc tests.

/// The repository's README: every `rust` block in it is a doc test.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
