//! `tl_gen::parse` and `tl_gen::Config::generate` on arbitrary text: the
//! checks of `parse_tl`, then generated code written in both layouts,
//! failing exactly where parsing did. The checks are in
//! `tl_fuzz::parse_tl`, shared with the stable replay
//! `tl-gen/tests/fuzz_replay.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tl_fuzz::parse_tl::check_with_generator(data);
});
