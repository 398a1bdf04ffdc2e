//! Malformed binary input: Bool, UTF-8, padding, length prefixes, flags and
//! constructor ids. Each error says what and where.

use tl_core::schema::ConstructorInfo;
use tl_core::{ErrorKind, Session, Sessions, TlConstructor, TlType};

use crate::hardening::{self, Chain, Node, Rng, Tree};
use crate::support::{self, Expected, sample_session};

/// Bools at the top, in a vector, and in mtproto.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Switches {
    first: bool,
    list: Vec<bool>,
}

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto")]
struct MtSwitches {
    #[tl(flags)]
    flags: u32,
    #[tl(flag = "flags.0")]
    quiet: bool,
    enabled: bool,
    #[tl(flag = "flags.1")]
    maybe: Option<bool>,
}

#[test]
fn bool_other_than_bool_true_or_false_is_an_error() {
    let not_bools = [
        0u32,
        1,
        0xdead_beef,
        tl_core::wire::BOOL_TRUE ^ 1,
        tl_core::wire::BOOL_FALSE.swap_bytes(),
        tl_core::wire::VECTOR,
        Session::ID,
    ];
    for found in not_bools {
        let bytes = Expected::default()
            .id(Switches::ID)
            .boolean(true)
            .int32(3)
            .boolean(false)
            .boolean(true)
            .id(found)
            .bytes();
        let error = tl_core::from_bytes::<Switches>(&bytes).unwrap_err();
        assert_eq!(
            error.kind(),
            &ErrorKind::UnexpectedConstructor {
                expected_type: "Bool",
                expected: &[
                    ConstructorInfo {
                        name: "boolTrue",
                        id: 0x997275b5,
                    },
                    ConstructorInfo {
                        name: "boolFalse",
                        id: 0xbc799737,
                    },
                ],
                found,
            }
        );
        assert_eq!(error.offset(), Some(20));
        assert_eq!(error.path_string(), "list[2]");
        let known = match found {
            tl_core::wire::VECTOR => " (vector)",
            _ => "",
        };
        assert_eq!(
            error.to_string(),
            format!(
                "unexpected constructor id {found:#010x}{known}: expected Bool \
                 (boolTrue#997275b5, boolFalse#bc799737) at byte 20 in `list[2]`"
            )
        );
    }
    // The first field, and in mtproto after a flags word.
    let bytes = Expected::default().id(Switches::ID).int32(7).bytes();
    let error = tl_core::from_bytes::<Switches>(&bytes).unwrap_err();
    assert_eq!(error.offset(), Some(4));
    assert_eq!(error.path_string(), "first");
    let bytes = Expected::default()
        .id(MtSwitches::ID)
        .int32(0b11)
        .boolean(true)
        .id(tl_core::wire::BOOL_TRUE.rotate_left(8))
        .bytes();
    let error = tl_core::from_bytes::<MtSwitches>(&bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unexpected constructor id 0x7275b599: expected Bool (boolTrue#997275b5, \
         boolFalse#bc799737) at byte 12 in `maybe`"
    );
    // A `true` flag has no bytes; a Bool where an object is expected names it.
    let error = tl_core::from_bytes::<Session>(&support::BOOL_TRUE).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unexpected constructor id 0x997275b5 (boolTrue): expected Session \
         (session#09759a3c) at byte 0"
    );
}

/// A string and a bytes field.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Text {
    text: String,
    data: Vec<u8>,
}

/// Invalid UTF-8 sequences of every kind, short and long strings, nested
/// and as the first field.
#[test]
fn invalid_utf8_is_an_error_at_the_string() {
    let invalid: &[&[u8]] = &[
        &[0xff],
        &[0x80],                   // lone continuation byte
        &[0xc0, 0x80],             // overlong NUL
        &[0xe0, 0x80, 0xaf],       // overlong '/'
        &[0xed, 0xa0, 0x80],       // UTF-16 surrogate
        &[0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
        &[0xf8, 0x88, 0x80, 0x80, 0x80],
        &[b'o', b'k', 0xe2, 0x82], // truncated at the end
        &[0xe2, 0x82, b'x'],       // truncated in the middle
    ];
    for &bad in invalid {
        for filler in [0usize, 1, 300] {
            let mut text = vec![b'a'; filler];
            text.extend_from_slice(bad);
            let mut session = sample_session(4);
            session.device_model = "placeholder".into();
            let sessions = Sessions {
                sessions: vec![sample_session(1), session],
                inactive_session_ttl_days: 1,
            };
            let good = tl_core::to_bytes(&sessions).unwrap();
            let placeholder = Expected::default().string("placeholder").bytes();
            let at = good
                .windows(placeholder.len())
                .position(|w| w == placeholder)
                .unwrap();
            let mut bytes = good[..at].to_vec();
            bytes.extend(Expected::default().string(&text).bytes());
            bytes.extend_from_slice(&good[at + placeholder.len()..]);
            let error = tl_core::from_bytes::<Sessions>(&bytes).unwrap_err();
            assert_eq!(error.kind(), &ErrorKind::InvalidUtf8, "{bad:x?}");
            assert_eq!(error.offset(), Some(at));
            assert_eq!(
                error.to_string(),
                format!("string is not valid UTF-8 at byte {at} in `sessions[1].device_model`")
            );
            // The same bytes are fine as `bytes`.
            let raw = Expected::default().string(&text).bytes();
            assert_eq!(tl_core::from_bytes_bare::<Vec<u8>>(&raw).unwrap(), text);
        }
    }
    // The first field of a bare struct: at byte 0, named.
    let mut bytes = tl_core::to_bytes_bare(&Text {
        text: "ab".into(),
        data: vec![],
    })
    .unwrap();
    bytes[1] = 0xff;
    let error = tl_core::from_bytes_bare::<Text>(&bytes).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidUtf8);
    assert_eq!(error.path_string(), "text");
    assert_eq!(error.offset(), Some(0));
}

/// Every padding byte of every padding length is checked, with the offset
/// of the first padding byte.
#[test]
fn non_zero_padding_is_an_error_at_the_padding() {
    // Every padding byte of short and long strings, alone and as the first
    // field of a bare struct.
    for len in [0usize, 1, 2, 3, 4, 5, 6, 7, 8, 254, 255, 256] {
        let text = "x".repeat(len);
        let good = Expected::default().string(&text).bytes();
        let good_field = tl_core::to_bytes_bare(&Text {
            text: text.clone(),
            data: vec![],
        })
        .unwrap();
        let header = if len < 254 { 1 } else { 4 };
        for pad in header + len..good.len() {
            for value in [0x20, 1] {
                let mut bytes = good.clone();
                bytes[pad] = value;
                let error = tl_core::from_bytes_bare::<String>(&bytes).unwrap_err();
                assert_eq!(error.kind(), &ErrorKind::NonZeroPadding, "len {len}");
                // The offset is the first padding byte, whichever is non-zero.
                assert_eq!(error.offset(), Some(header + len), "len {len}, byte {pad}");
                let error = tl_core::from_bytes_bare::<Vec<u8>>(&bytes).unwrap_err();
                assert_eq!(error.kind(), &ErrorKind::NonZeroPadding);
                let mut bytes = good_field.clone();
                bytes[pad] = value;
                let error = tl_core::from_bytes_bare::<Text>(&bytes).unwrap_err();
                assert_eq!(
                    error.kind(),
                    &ErrorKind::NonZeroPadding,
                    "len {len}, byte {pad}"
                );
                assert_eq!(error.offset(), Some(header + len), "len {len}, byte {pad}");
                assert_eq!(error.path_string(), "text");
                assert_eq!(
                    error.to_string(),
                    format!(
                        "non-zero padding after string or bytes at byte {} in `text`",
                        header + len
                    )
                );
            }
        }
    }
    // Nested, with the path.
    let mut sessions = Sessions {
        sessions: vec![sample_session(1)],
        inactive_session_ttl_days: 1,
    };
    sessions.sessions[0].platform = "abcde".into();
    let mut bytes = tl_core::to_bytes(&sessions).unwrap();
    let at = bytes.windows(6).position(|w| w == b"\x05abcde").unwrap();
    bytes[at + 7] = 1;
    let error = tl_core::from_bytes::<Sessions>(&bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "non-zero padding after string or bytes at byte {} in `sessions[0].platform`",
            at + 6
        )
    );
}

#[test]
fn length_prefix_0xff_is_an_error() {
    let mut bytes = tl_core::to_bytes(&sample_session(2)).unwrap();
    let at = 4 + 8 + 5 * 4 + 4 + 4;
    bytes[at] = 0xff;
    let error = tl_core::from_bytes::<Session>(&bytes).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidLengthPrefix);
    assert_eq!(
        error.to_string(),
        format!("invalid string length prefix 0xff at byte {at} in `application_name`")
    );
}

/// TL writes lengths below 254 in one byte; `0xfe` and three bytes of a
/// length below 254 is a second encoding of the same string. Padding is
/// held to zero so that "two inputs do not decode to the same value"; the
/// long prefix is not held to 254 or more, so they do.
#[test]
fn long_length_prefix_for_a_short_string_is_rejected() {
    let bytes = [0xfe, 3, 0, 0, b'a', b'b', b'c', 0];
    let error = tl_core::from_bytes_bare::<String>(&bytes).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::NonCanonicalLength { len: 3 });
    assert_eq!(error.offset(), Some(0));
}

#[test]
fn unknown_flag_bits_are_an_error_naming_the_word() {
    let good = Chain {
        flags: 0,
        value: 5,
        next: Some(Box::new(Chain {
            flags: 0,
            value: 6,
            next: None,
            marked: true,
            has_note: false,
            note: None,
            ids: vec![],
        })),
        marked: false,
        has_note: false,
        note: None,
        ids: vec![1],
    };
    let mut bytes = tl_core::to_bytes(&good).unwrap();
    // Outer flags at 4; inner flags at 4 + 4 + 8 + 4.
    bytes[4] |= 0x20;
    let error = tl_core::from_bytes::<Chain>(&bytes).unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::UnknownFlags {
            flags: "flags",
            bits: 0x20
        }
    );
    assert_eq!(
        error.to_string(),
        "flags word `flags` has bits 0x00000020 set that no field uses at byte 4"
    );
    let mut bytes = tl_core::to_bytes(&good).unwrap();
    bytes[23] = 0x80;
    let error = tl_core::from_bytes::<Chain>(&bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        "flags word `flags` has bits 0x80000000 set that no field uses at byte 20 in `next`"
    );
}

#[test]
fn wrong_boxed_ids_name_the_expected_constructors() {
    let good = Chain {
        flags: 1,
        value: 5,
        next: Some(Box::new(Chain {
            flags: 0,
            value: 6,
            next: None,
            marked: false,
            has_note: false,
            note: None,
            ids: vec![],
        })),
        marked: false,
        has_note: false,
        note: None,
        ids: vec![1],
    };
    let good_bytes = tl_core::to_bytes(&good).unwrap();
    // The nested chain's id, at 16.
    let mut bytes = good_bytes.clone();
    bytes[16..20].copy_from_slice(&tl_core::wire::BOOL_FALSE.to_le_bytes());
    let error = tl_core::from_bytes::<Chain>(&bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "unexpected constructor id 0xbc799737 (boolFalse): expected Chain \
             (chain#{:08x}) at byte 16 in `next`",
            Chain::ID
        )
    );
    // The inner `ids` vector's id, at 32.
    let mut bytes = good_bytes.clone();
    bytes[32..36].copy_from_slice(&Chain::ID.to_le_bytes());
    let error = tl_core::from_bytes::<Chain>(&bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "unexpected constructor id {:#010x}: expected Vector (vector#1cb5c415) at byte 32 \
             in `next.ids`",
            Chain::ID
        )
    );
    // An enum lists its constructors.
    let error = tl_core::from_bytes::<Node>(&0x1234_5678u32.to_le_bytes()).unwrap_err();
    let names: Vec<String> = <Node as TlType>::CONSTRUCTORS
        .iter()
        .map(|c| format!("{}#{:08x}", c.name, c.id))
        .collect();
    assert_eq!(
        error.to_string(),
        format!(
            "unexpected constructor id 0x12345678: expected Node ({}) at byte 0",
            names.join(", ")
        )
    );
}

/// Decoding never reads past the end: every prefix of every encoding is an
/// `UnexpectedEnd` (or, for a prefix that is itself complete, trailing-free
/// success), never a panic.
#[test]
fn every_prefix_of_recursive_values_is_handled() {
    let mut rng = Rng::new(7);
    for _ in 0..50 {
        for bytes in [
            tl_core::to_bytes(&hardening::node(&mut rng, 4)).unwrap(),
            tl_core::to_bytes(&hardening::chain(&mut rng, 4)).unwrap(),
            tl_core::to_bytes(&hardening::tree(&mut rng, 4)).unwrap(),
        ] {
            for len in 0..bytes.len() {
                let prefix = &bytes[..len];
                let _ = tl_core::from_bytes::<Node>(prefix);
                let _ = tl_core::from_bytes::<Chain>(prefix);
                let _ = tl_core::from_bytes::<Tree>(prefix);
            }
        }
    }
}

/// The encoder's half of the shared-bit rule (JSON's is
/// `malformed_json::json_shared_flag_bit_must_agree`): `has_note: true`
/// with `note: None`, and `has_note: false` with `note: Some(..)`, would
/// both decode as another value, so both are refused.
#[test]
fn encoding_an_option_without_its_shared_true_flag_is_an_error() {
    let value = Chain {
        flags: 0,
        value: 1,
        next: None,
        marked: false,
        has_note: false,
        note: Some("x".into()),
        ids: vec![],
    };
    let error = tl_core::to_bytes(&value).unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::MissingConditional { field: "has_note" }
    );
    let value = Chain {
        has_note: true,
        note: None,
        ..value
    };
    let error = tl_core::to_bytes(&value).unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::MissingConditional { field: "note" }
    );
}
