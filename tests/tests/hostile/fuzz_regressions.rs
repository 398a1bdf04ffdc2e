//! Regressions from the cargo-fuzz targets in `fuzz/`: each crash input,
//! replayed as it was found.

use crate::hardening::Chain;

/// `decode_json`, crash-fd9105b8c0bf4bd90699461856939abe87370e3c (after
/// 28 124 runs): the nested chain has `"note"` but no `"has_note"` (the
/// fuzzer misspelled it `"as_noote"`), so it reads as `has_note: false`
/// with a note; through binary it comes back with `has_note: true`. Also
/// shows that a struct's tag may be missing (`"@tqpe"` is an unknown key).
const FUZZ_JSON_SHARED_BIT: &str = r#"{"@tqpe":"chain","value":"-2","next":{"@type":"chain","value":"2","marked":true,"as_noote":true,"note":"n","ids":["1","2"]},"marked":false,"has_note":false,"ids":[]}"#;

#[test]
fn fuzz_json_crash_shared_flag_bit() {
    if let Ok(value) = tl_core::json::from_str::<Chain>(FUZZ_JSON_SHARED_BIT) {
        let bytes = tl_core::to_bytes(&value).unwrap();
        assert_eq!(tl_core::from_bytes::<Chain>(&bytes).unwrap(), value);
    }
}
