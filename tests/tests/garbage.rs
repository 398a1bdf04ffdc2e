//! A bounded, deterministic fuzzer on stable Rust: 200 000 random and
//! mutated inputs, binary and JSON, decoded as several types.
//!
//! For every input: decoding returns (a panic fails the test, naming the
//! input); every error says where (a byte offset within the input, or a
//! JSON line and column); and every value decoded re-encodes to bytes (or
//! text) that decode to the same value, and re-encode to the same bytes.
//!
//! The cargo-fuzz targets in `fuzz/` run the same checks for as long as one
//! likes; this suite keeps a fixed sample in `cargo test`.

mod hardening;

use std::fmt::Debug;
use std::panic::{AssertUnwindSafe, catch_unwind};

use hardening::{Chain, Node, Rng, Tree};
use tl_core::{ErrorKind, Session, SessionType, Sessions, TlDecode, TlEncode, TlType};

/// Cases per part; 200 000 in all.
const RANDOM_BINARY: usize = 40_000;
const MUTATED_BINARY: usize = 110_000;
const MUTATED_JSON: usize = 50_000;

#[derive(Default, Debug)]
struct Tally {
    ok: usize,
    errors: usize,
}

/// Whether the flag fields sharing a bit agree (both set or both unset).
trait SharedBits {
    fn shared_bits_agree(&self) -> bool {
        true
    }
}

impl SharedBits for Session {}
impl SharedBits for Sessions {}
impl SharedBits for Node {}
impl SharedBits for Tree {}

impl SharedBits for Chain {
    fn shared_bits_agree(&self) -> bool {
        Chain::shared_bits_agree(self)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Decodes `input` as `T`, checking the round trip of a value and the
/// position of an error.
fn binary<T>(name: &str, input: &[u8], tally: &mut Tally)
where
    T: for<'de> TlDecode<'de> + TlEncode + PartialEq + Debug,
{
    let result = catch_unwind(AssertUnwindSafe(|| tl_core::from_bytes::<T>(input)))
        .unwrap_or_else(|_| panic!("decoding {name} panicked on {}", hex(input)));
    match result {
        Ok(value) => {
            tally.ok += 1;
            let bytes = tl_core::to_bytes(&value)
                .unwrap_or_else(|e| panic!("{name} {value:?} decoded but does not encode: {e}"));
            let back = tl_core::from_bytes::<T>(&bytes).unwrap_or_else(|e| {
                panic!(
                    "{name}: the re-encoding of {} does not decode: {e}",
                    hex(input)
                )
            });
            assert_eq!(back, value, "{name}: round trip of {}", hex(input));
            assert_eq!(tl_core::to_bytes(&back).unwrap(), bytes, "{name}: unstable");
            // Canonical input only: a second encoding of a value is refused.
            assert_eq!(
                bytes,
                input,
                "{name}: {} decoded but re-encodes differently",
                hex(input)
            );
        }
        Err(error) => {
            tally.errors += 1;
            let offset = error.offset().unwrap_or_else(|| {
                panic!("{name}: error without offset: {error} on {}", hex(input))
            });
            assert!(offset <= input.len(), "{name}: {error} past the end");
            let message = error.to_string();
            assert!(
                message.contains(&format!(" at byte {offset}")),
                "{name}: {message}"
            );
            if let ErrorKind::UnexpectedConstructor { expected, .. } = error.kind() {
                assert!(!expected.is_empty(), "{name}: {message}");
            }
        }
    }
}

fn decode_all(input: &[u8], tally: &mut Tally) {
    binary::<Session>("Session", input, tally);
    binary::<Sessions>("Sessions", input, tally);
    binary::<SessionType>("SessionType", input, tally);
    binary::<Node>("Node", input, tally);
    binary::<Tree>("Tree", input, tally);
    binary::<Chain>("Chain", input, tally);
    binary::<Vec<Node>>("Vec<Node>", input, tally);
    // Bare: no constructor id to get past, so random bytes go deeper.
    let result = catch_unwind(|| tl_core::from_bytes_bare::<Sessions>(input))
        .unwrap_or_else(|_| panic!("decoding bare Sessions panicked on {}", hex(input)));
    if let Ok(value) = result {
        tally.ok += 1;
        let bytes = tl_core::to_bytes_bare(&value).unwrap();
        assert_eq!(tl_core::from_bytes_bare::<Sessions>(&bytes).unwrap(), value);
    }
}

fn valid_binary(rng: &mut Rng) -> Vec<Vec<u8>> {
    let mut valid = Vec::new();
    for _ in 0..24 {
        valid.push(tl_core::to_bytes(&hardening::session(rng)).unwrap());
        valid.push(tl_core::to_bytes(&hardening::sessions(rng)).unwrap());
        valid.push(tl_core::to_bytes(&hardening::session_type(rng)).unwrap());
        valid.push(tl_core::to_bytes(&hardening::node(rng, 4)).unwrap());
        valid.push(tl_core::to_bytes(&hardening::tree(rng, 4)).unwrap());
        valid.push(tl_core::to_bytes(&hardening::chain(rng, 4)).unwrap());
        let nodes: Vec<Node> = (0..3).map(|_| hardening::node(rng, 2)).collect();
        valid.push(tl_core::to_bytes(&nodes).unwrap());
        valid.push(tl_core::to_bytes_bare(&hardening::sessions(rng)).unwrap());
    }
    valid
}

fn report(part: &str, tally: &Tally) {
    eprintln!("{part}: {} decoded, {} errors", tally.ok, tally.errors);
}

#[test]
fn random_bytes() {
    let mut rng = Rng::new(0xb17e_5eed);
    let ids = hardening::interesting_words();
    let mut tally = Tally::default();
    for case in 0..RANDOM_BINARY {
        let len = match case % 4 {
            0 => rng.below(16),
            1 => rng.below(64),
            2 => rng.below(256),
            _ => rng.below(1024),
        };
        let mut input = rng.bytes(len);
        // Mostly behind a known id, or nothing gets past the first check.
        if !case.is_multiple_of(5) && input.len() >= 4 {
            let id = *rng.pick(&ids);
            input[..4].copy_from_slice(&id.to_le_bytes());
        }
        // Small counts and lengths are likelier to lead somewhere.
        if case % 3 == 0 {
            for byte in input.iter_mut().skip(4) {
                if rng.one_in(2) {
                    *byte &= 0x03;
                }
            }
        }
        decode_all(&input, &mut tally);
    }
    report("random bytes", &tally);
}

#[test]
fn mutated_encodings() {
    let mut rng = Rng::new(0x0123_4567);
    let valid = valid_binary(&mut rng);
    let words = hardening::interesting_words();
    let mut tally = Tally::default();
    for valid_input in &valid {
        // Every valid input decodes as what it is.
        decode_all(valid_input, &mut tally);
    }
    let decoded_valid = tally.ok;
    assert!(decoded_valid >= valid.len(), "{tally:?}");
    for _ in 0..MUTATED_BINARY {
        let base = rng.pick(&valid);
        let other = rng.pick(&valid);
        let input = hardening::mutate(&mut rng, base, other, &words);
        decode_all(&input, &mut tally);
    }
    report("mutated binary", &tally);
    // Mutations that still decode are common enough to check something.
    assert!(tally.ok > decoded_valid + 1000, "{tally:?}");
}

// ---------------------------------------------------------------------------
// JSON.

fn json<T>(name: &str, text: &[u8], tally: &mut Tally)
where
    T: for<'de> tl_core::json::JsonDecode<'de>
        + tl_core::json::JsonEncode
        + TlEncode
        + for<'de> TlDecode<'de>
        + SharedBits
        + PartialEq
        + Debug,
{
    let shown = || String::from_utf8_lossy(text).into_owned();
    let result = catch_unwind(AssertUnwindSafe(|| match std::str::from_utf8(text) {
        Ok(text) => tl_core::json::from_str::<T>(text),
        Err(_) => tl_core::json::from_slice::<T>(text),
    }))
    .unwrap_or_else(|_| panic!("reading {name} panicked on {:?}", shown()));
    match result {
        Ok(value) => {
            tally.ok += 1;
            for written in [
                tl_core::json::to_string(&value),
                tl_core::json::to_string_td(&value),
            ] {
                let written = written.unwrap_or_else(|e| {
                    panic!(
                        "{name}: {value:?} read from {:?} does not write: {e}",
                        shown()
                    )
                });
                let back = tl_core::json::from_str::<T>(&written).unwrap_or_else(|e| {
                    panic!(
                        "{name}: {written} (from {:?}) does not read back: {e}",
                        shown()
                    )
                });
                assert_eq!(back, value, "{name}: {written}");
            }
            // Fields on one flag bit that disagree are refused on input
            // (hostile/malformed_json.rs, `json_shared_flag_bit_must_agree`).
            assert!(
                value.shared_bits_agree(),
                "{name}: {value:?} read from {:?}",
                shown()
            );
            let bytes = tl_core::to_bytes(&value)
                .unwrap_or_else(|e| panic!("{name}: {value:?} does not encode: {e}"));
            let back = tl_core::from_bytes::<T>(&bytes).unwrap();
            assert_eq!(back, value, "{name}: binary round trip of {:?}", shown());
        }
        Err(error) => {
            tally.errors += 1;
            assert!(error.line() >= 1, "{name}: {error} has no position");
            // Every error names where it is: `.` at the top level, `[""]`
            // under an empty key (hostile/malformed_json.rs,
            // `json_error_paths_quote_keys_that_need_it`).
            assert!(!error.path().is_empty(), "{error:?}: {:?}", shown());
        }
    }
}

fn json_all(text: &[u8], tally: &mut Tally) {
    json::<Sessions>("Sessions", text, tally);
    json::<Session>("Session", text, tally);
    json::<Node>("Node", text, tally);
    json::<Tree>("Tree", text, tally);
    json::<Chain>("Chain", text, tally);
}

/// Replacements for a JSON token: other types, edge numbers, other tags.
fn json_tokens() -> Vec<String> {
    let mut tokens: Vec<String> = [
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1e3",
        "1.5",
        "1e999",
        "-1e999",
        "2147483648",
        "-2147483649",
        "9007199254740993",
        "\"9223372036854775808\"",
        "\"-9223372036854775808\"",
        "18446744073709551616",
        "\"\"",
        "\"x\"",
        "\"\\ud800\"",
        "\"+1\"",
        "[]",
        "{}",
        "[null]",
        "{\"_\":null}",
        "\"_\"",
        "\"@type\"",
        "\"@extra\"",
        "-722616727",
        "0x1",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for constructors in [
        <Session as TlType>::CONSTRUCTORS,
        <Sessions as TlType>::CONSTRUCTORS,
        <SessionType as TlType>::CONSTRUCTORS,
        <Node as TlType>::CONSTRUCTORS,
        <Tree as TlType>::CONSTRUCTORS,
        <Chain as TlType>::CONSTRUCTORS,
    ] {
        for c in constructors {
            tokens.push(format!("\"{}\"", c.name));
            tokens.push(c.id.to_string());
            tokens.push((c.id as i32).to_string());
        }
    }
    tokens
}

/// Where tokens start and end in `text`: strings, numbers and literals.
fn token_spans(text: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                spans.push((start, i.min(text.len())));
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                let start = i;
                while i < text.len() && !b",]}: ".contains(&text[i]) {
                    i += 1;
                }
                spans.push((start, i));
            }
            _ => i += 1,
        }
    }
    spans
}

fn mutate_json(rng: &mut Rng, text: &[u8], other: &[u8], tokens: &[String]) -> Vec<u8> {
    let mut out = text.to_vec();
    for _ in 0..1 + rng.below(3) {
        let spans = token_spans(&out);
        match rng.below(6) {
            // Replace a token.
            0 | 1 if !spans.is_empty() => {
                let (start, end) = *rng.pick(&spans);
                out.splice(start..end, rng.pick(tokens).bytes());
            }
            // Swap two tokens (moves the tag, puts keys in value position).
            2 if spans.len() >= 2 => {
                let (a, b) = (*rng.pick(&spans), *rng.pick(&spans));
                let (first, second) = if a.0 < b.0 { (a, b) } else { (b, a) };
                if first.1 <= second.0 {
                    let second_text = out[second.0..second.1].to_vec();
                    let first_text = out[first.0..first.1].to_vec();
                    out.splice(second.0..second.1, first_text);
                    out.splice(first.0..first.1, second_text);
                }
            }
            // Splice a token of another document.
            3 => {
                let other_spans = token_spans(other);
                if let (Some(&(s, e)), false) = (other_spans.first(), spans.is_empty()) {
                    let (s, e) = if rng.one_in(2) {
                        *rng.pick(&other_spans)
                    } else {
                        (s, e)
                    };
                    let (start, end) = *rng.pick(&spans);
                    out.splice(start..end, other[s..e].iter().copied());
                }
            }
            // Byte-level edits (may break UTF-8 or the syntax).
            _ => {
                let words = [0u32, 0x2c2c_2c2c, 0x7d5d_7d5d, 0x2222_2222];
                out = hardening::mutate(rng, &out, other, &words);
            }
        }
    }
    out
}

#[test]
fn mutated_json() {
    let mut rng = Rng::new(0x15_0a_0b);
    let mut valid: Vec<Vec<u8>> = Vec::new();
    for _ in 0..16 {
        valid.push(
            tl_core::json::to_string(&hardening::sessions(&mut rng))
                .unwrap()
                .into(),
        );
        valid.push(
            tl_core::json::to_string_td(&hardening::session(&mut rng))
                .unwrap()
                .into(),
        );
        valid.push(
            tl_core::json::to_string(&hardening::node(&mut rng, 3))
                .unwrap()
                .into(),
        );
        valid.push(
            tl_core::json::to_string(&hardening::tree(&mut rng, 3))
                .unwrap()
                .into(),
        );
        valid.push(
            tl_core::json::to_string(&hardening::chain(&mut rng, 3))
                .unwrap()
                .into(),
        );
    }
    let tokens = json_tokens();
    let mut tally = Tally::default();
    for text in &valid {
        json_all(text, &mut tally);
    }
    let decoded_valid = tally.ok;
    for _ in 0..MUTATED_JSON {
        let base = rng.pick(&valid);
        let other = rng.pick(&valid);
        let text = mutate_json(&mut rng, base, other, &tokens);
        json_all(&text, &mut tally);
    }
    report("mutated JSON", &tally);
    assert!(tally.ok > decoded_valid + 1000, "{tally:?}");
}
