//! JSON text into td enums with a catch-all variant: an unknown object
//! writes back as the JSON value it was read from, in both tag styles; a
//! known one writes stably. The checks are in `tl_fuzz::catch_all`,
//! shared with the stable replay `tests/tests/fuzz_replay.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tl_fuzz::catch_all::check_json(data);
});
