//! Hostile input: lengths that lie, nesting 100 000 levels deep, invalid
//! constructors, UTF-8 and padding. Decoding must fail cleanly, say what and
//! where, allocate no more than a small multiple of the input's length, and
//! never recurse past its depth limit.
//!
//! A counting global allocator (this test binary only) measures what each
//! decode allocates on its own thread; the depth tests run on a thread with
//! a 256 KiB stack, so a recursion that outran the limit would crash the
//! binary instead of passing.
//!
//! One module per topic:
//!
//! - `allocation`: lengths and counts that claim more than the input holds,
//!   and the bound on what any decode allocates, binary and JSON;
//! - `depth`: the nesting limit, binary and JSON, on small stacks;
//! - `malformed_wire`: invalid Bools, UTF-8, padding, length prefixes, flag
//!   bits and constructor ids in binary input, each named with its offset
//!   and path;
//! - `malformed_json`: invalid JSON text, flag bits shared by two fields, and
//!   the paths JSON errors print;
//! - `fuzz_regressions`: crashes found by the cargo-fuzz targets in `fuzz/`.
//!
//! Helpers shared between them: `counting_alloc` (the allocator and
//! `measure`) and `deep` (deeply nested inputs, and drops that do not
//! recurse).

#[path = "../hardening/mod.rs"]
mod hardening;
#[path = "../support/mod.rs"]
mod support;

mod counting_alloc;
mod deep;

mod allocation;
mod depth;
mod fuzz_regressions;
mod malformed_json;
mod malformed_wire;
