//! TL bytes into td enums with a catch-all variant: every input decoded,
//! known constructor or not, re-encodes to exactly the input. The checks
//! are in `tl_fuzz::catch_all`, shared with the stable replay
//! `tests/tests/fuzz_replay.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tl_fuzz::catch_all::check_binary(data);
});
