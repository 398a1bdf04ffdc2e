//! JSON decoding (`tl_core::json::from_str`) of the reference types and the
//! recursive types from arbitrary text: no panic, and every value read
//! writes back to JSON that reads back equal, and round-trips through binary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_core::{Session, Sessions};
use tl_fuzz::{Chain, Node, Tree, check_json};

fn binary_round_trip<T>(value: &T)
where
    T: for<'de> tl_core::TlDecode<'de> + tl_core::TlEncode + PartialEq + std::fmt::Debug,
{
    match tl_core::to_bytes(value) {
        Ok(bytes) => {
            let back = tl_core::from_bytes::<T>(&bytes)
                .unwrap_or_else(|e| panic!("binary of a JSON value does not decode: {e}"));
            assert_eq!(&back, value);
        }
        Err(error) => panic!("a value read from JSON does not encode: {error}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        // Not UTF-8: the slice reader must still fail cleanly.
        let _ = tl_core::json::from_slice::<Sessions>(data);
        return;
    };
    if let Some(value) = check_json::<Sessions>(text) {
        binary_round_trip(&value);
    }
    if let Some(value) = check_json::<Session>(text) {
        binary_round_trip(&value);
    }
    if let Some(value) = check_json::<Node>(text) {
        binary_round_trip(&value);
    }
    if let Some(value) = check_json::<Tree>(text) {
        binary_round_trip(&value);
    }
    if let Some(value) = check_json::<Chain>(text) {
        assert!(
            value.shared_bits_agree(),
            "JSON gave a flag bit two meanings"
        );
        binary_round_trip(&value);
    }
});
