//! Benchmarks of tl-derive against its peers.
//!
//! The benchmarks themselves are `benches/codec.rs`; this library holds the
//! ratio table printed at the end of `cargo bench -p tl-bench` and by
//! `cargo run -p tl-bench --bin report`, read from criterion's
//! `<target>/criterion/*/*/new/estimates.json`, and the generated types of
//! the `messages.messages` case (compiled once here for both benchmark
//! targets). See `README.md`.

pub mod report;
pub mod telegram;
