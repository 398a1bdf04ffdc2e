//! Types and checks shared by the fuzz targets.
//!
//! The recursive types are those of the hardening suites
//! (`tests/tests/hardening/shapes.rs`, included by path), so a crash found
//! here replays there as a regression test. The `.tl` parser's checks are
//! in [`parse_tl`], which the stable test `tl-gen/tests/fuzz_replay.rs`
//! compiles by path to replay this target's seeds and crashes. Likewise
//! [`catch_all`], [`nullable`] and [`replies`] (with [`oracle`], what they
//! compare against), which `tests/tests/fuzz_replay.rs` compiles by path.

use std::fmt::Debug;

pub mod catch_all;
pub mod nullable;
pub mod oracle;
pub mod parse_tl;
pub mod replies;

#[path = "../../tests/tests/hardening/shapes.rs"]
mod shapes;
pub use shapes::{Chain, Node, Tree};

/// Binary: when `data` decodes, the value re-encodes, the re-encoding
/// decodes to the same value, and it is `data` itself: the decoder accepts
/// canonical input only.
pub fn check_binary<T>(data: &[u8], max_depth: usize) -> Option<T>
where
    T: for<'de> tl_core::TlDecode<'de> + tl_core::TlEncode + PartialEq + Debug,
{
    let value = tl_core::from_bytes_with_max_depth::<T>(data, max_depth).ok()?;
    let bytes = tl_core::to_bytes(&value).expect("a decoded value re-encodes");
    let again = tl_core::from_bytes_with_max_depth::<T>(&bytes, max_depth)
        .expect("a re-encoded value decodes");
    assert_eq!(again, value, "decode(encode(decode(input))) differs");
    assert_eq!(
        tl_core::to_bytes(&again).unwrap(),
        bytes,
        "encoding is not stable"
    );
    assert_eq!(bytes, data, "decoding accepted a non-canonical input");
    Some(value)
}

/// JSON: a value read from JSON writes, and reads back equal, in both tag
/// styles.
pub fn check_json<T>(text: &str) -> Option<T>
where
    T: for<'de> tl_core::json::JsonDecode<'de> + tl_core::json::JsonEncode + PartialEq + Debug,
{
    let value = tl_core::json::from_str::<T>(text).ok()?;
    json_round_trip(&value);
    Some(value)
}

/// `value` -> JSON (both styles) -> value.
pub fn json_round_trip<T>(value: &T)
where
    T: for<'de> tl_core::json::JsonDecode<'de> + tl_core::json::JsonEncode + PartialEq + Debug,
{
    for json in [
        tl_core::json::to_string(value).expect("a value writes as JSON"),
        tl_core::json::to_string_td(value).expect("a value writes as td JSON"),
    ] {
        let back = tl_core::json::from_str::<T>(&json)
            .unwrap_or_else(|e| panic!("JSON output does not read back: {e}\n{json}"));
        assert_eq!(&back, value, "JSON round trip differs: {json}");
    }
}
