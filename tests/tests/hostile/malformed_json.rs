//! Malformed JSON input: invalid UTF-8, lone surrogates, flag bits that two
//! fields share, and the paths errors print.

use crate::hardening::{Chain, Node};

#[test]
fn json_invalid_utf8_and_lone_surrogates_are_errors() {
    let mut text = br#"{"_":"nodeText","text":"ab"}"#.to_vec();
    text[24] = 0xff;
    let error = tl_core::json::from_slice::<Node>(&text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "text: invalid unicode code point at line 1 column 25"
    );
    let error = tl_core::json::from_str::<Node>(r#"{"_":"nodeText","text":"\ud800"}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "text: unexpected end of hex escape at line 1 column 31"
    );
}

/// A `true` flag and an `Option` on one bit (`has_note` and `note` on
/// `flags.2`) must agree. Binary input cannot make them disagree (one bit
/// sets both), but JSON names them separately: `"note"` without
/// `"has_note"` reads as `has_note: false, note: Some(..)`, which the
/// binary encoder writes with the bit set, so it decodes back as
/// `has_note: true`; `"has_note": true` without `"note"` reads as a value
/// that `to_bytes` refuses (`MissingConditional`).
#[test]
fn json_shared_flag_bit_must_agree() {
    // `note` alone implies `has_note`: one bit carries both.
    let note_only = r#"{"_":"chain","value":"1","note":"x","ids":[]}"#;
    let value = tl_core::json::from_str::<Chain>(note_only).unwrap();
    assert!(value.has_note && value.note.as_deref() == Some("x"));
    let bytes = tl_core::to_bytes(&value).unwrap();
    assert_eq!(tl_core::from_bytes::<Chain>(&bytes).unwrap(), value);
    // `has_note` without `note`, or explicitly false beside a note, is an
    // error naming both fields.
    for text in [
        r#"{"_":"chain","value":"1","has_note":true,"ids":[]}"#,
        r#"{"_":"chain","value":"1","has_note":false,"note":"x","ids":[]}"#,
    ] {
        let error = tl_core::json::from_str::<Chain>(text).unwrap_err();
        assert!(
            error.to_string().starts_with(
                "fields `has_note` and `note` share flag bit flags.2: give both or neither"
            ),
            "{error}"
        );
    }
}

/// An error inside a member whose key is the empty string, or a key that
/// would not read back in a dotted path, names the key quoted in brackets;
/// other keys are dotted, and the top level is `.`.
#[test]
fn json_error_paths_quote_keys_that_need_it() {
    let cases = [
        (r#"{"_":"nodeEmpty","":[x]}"#, r#"[""]"#, 22),
        (r#"{"_":"nodeEmpty","a.b":[x]}"#, r#"["a.b"]"#, 25),
        (r#"{"_":"nodeEmpty","a b":[x]}"#, r#"["a b"]"#, 25),
        (r#"{"_":"nodeEmpty","k":[x]}"#, "k", 23),
        (
            r#"{"_":"nodeBoxed","inner":{"_":"nodeEmpty","":[x]}}"#,
            r#"inner[""]"#,
            47,
        ),
    ];
    for (text, path, column) in cases {
        let error = tl_core::json::from_str::<Node>(text).unwrap_err();
        assert_eq!(error.path(), path, "{text}");
        assert_eq!(
            error.to_string(),
            format!("{path}: expected value at line 1 column {column}")
        );
    }
    let error = tl_core::json::from_str::<Node>("[").unwrap_err();
    assert_eq!(error.path(), ".");
    assert!(!error.to_string().starts_with('.'), "{error}");
}
