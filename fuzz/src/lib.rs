//! Types and checks shared by the fuzz targets.
//!
//! The recursive types here are the same shapes as the ones in
//! `tests/tests/hostile.rs` and `tests/tests/garbage.rs`, so a crash found
//! here can be replayed there as a regression test.

use std::fmt::Debug;

use tl_core::TlObject;

/// A td enum that contains itself through a `Vec` and through a `Box`.
#[derive(TlObject, Debug, Clone, PartialEq)]
pub enum Node {
    Leaf { value: i32 },
    Text { text: String },
    Branch { children: Vec<Node> },
    Boxed { inner: Box<Node> },
    Empty,
}

/// A td struct that contains itself through a (bare) vector.
#[derive(TlObject, Debug, Clone, PartialEq)]
pub struct Tree {
    pub kids: Vec<Tree>,
}

/// An mtproto struct that contains itself behind a flag, with a `true`
/// flag sharing the bit of an `Option` (both set or both unset).
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto")]
pub struct Chain {
    #[tl(flags)]
    pub flags: u32,
    pub value: i64,
    #[tl(flag = "flags.0")]
    pub next: Option<Box<Chain>>,
    #[tl(flag = "flags.1")]
    pub marked: bool,
    #[tl(flag = "flags.2")]
    pub has_note: bool,
    #[tl(flag = "flags.2")]
    pub note: Option<String>,
    pub ids: Vec<i64>,
}

impl Chain {
    /// Whether every `has_note` agrees with its `note` (one bit, flags.2).
    /// JSON input that makes them disagree is rejected (it was a bug, found
    /// by this fuzzer: `tests/tests/hostile.rs`,
    /// `fuzz_json_crash_shared_flag_bit`), so a value read must agree.
    pub fn shared_bits_agree(&self) -> bool {
        let mut link = Some(self);
        while let Some(chain) = link {
            if chain.has_note != chain.note.is_some() {
                return false;
            }
            link = chain.next.as_deref();
        }
        true
    }
}

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
