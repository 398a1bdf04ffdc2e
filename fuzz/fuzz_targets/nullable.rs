//! A td struct with nullable objects everywhere, from TL bytes (exact
//! round trip) and td JSON (absent, `null` and present read as
//! documented). The checks are in `tl_fuzz::nullable`, shared with the
//! stable replay `tests/tests/fuzz_replay.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tl_fuzz::nullable::check(data);
});
