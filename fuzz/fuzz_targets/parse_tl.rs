//! `tl_gen::parse` on arbitrary text: no panic, diagnostics that point
//! into the text, every declaration read back from its `source_line`. The
//! generator has its own target, `generate_tl`. The checks are in
//! `tl_fuzz::parse_tl`, shared with the stable replay
//! `tl-gen/tests/fuzz_replay.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tl_fuzz::parse_tl::check(data);
});
