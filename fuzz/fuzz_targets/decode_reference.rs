//! Binary decoding of the reference types from arbitrary bytes: no panic,
//! and every value decoded re-encodes to bytes that decode to it again
//! (and go through JSON unchanged).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_core::{Session, SessionType, Sessions};
use tl_fuzz::{check_binary, json_round_trip};

fuzz_target!(|data: &[u8]| {
    let depth = tl_core::wire::DEFAULT_MAX_DEPTH;
    if let Some(value) = check_binary::<Session>(data, depth) {
        json_round_trip(&value);
    }
    if let Some(value) = check_binary::<Sessions>(data, depth) {
        json_round_trip(&value);
    }
    if let Some(value) = check_binary::<SessionType>(data, depth) {
        json_round_trip(&value);
    }
    // Bare forms too: no leading constructor id.
    if let Ok(value) = tl_core::from_bytes_bare::<Sessions>(data) {
        let bytes = tl_core::to_bytes_bare(&value).unwrap();
        assert_eq!(tl_core::from_bytes_bare::<Sessions>(&bytes).unwrap(), value);
    }
    let _ = tl_core::from_bytes_bare::<Session>(data);
});
