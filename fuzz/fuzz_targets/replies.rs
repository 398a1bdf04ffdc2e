//! `json::envelope` and `json::reply_from_str::<F>` on any text: no panic,
//! `@extra` back unchanged, replies consistent with their types. The
//! checks are in `tl_fuzz::replies`, shared with the stable replay
//! `tests/tests/fuzz_replay.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tl_fuzz::replies::check(data);
});
