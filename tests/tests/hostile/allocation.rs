//! Lengths that claim more than the input holds, and the bound on what a
//! decode allocates: at most 16 bytes per input byte plus 1 KiB, binary and
//! JSON, valid or not.

use std::time::{Duration, Instant};

use tl_core::{ErrorKind, Session, SessionType, Sessions, TlConstructor, TlType};

use crate::counting_alloc::{Allocated, ERROR_ONLY, bound, measure};
use crate::deep::json_node_boxed_tag_last;
use crate::hardening::{self, Chain, Node, Rng, Tree};
use crate::support::{Expected, sample_session};

/// Unit constructor, `unit = Unit`: bare in a td vector, it takes no bytes.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Unit;

#[test]
fn eight_bytes_claiming_2_pow_31_elements_allocate_almost_nothing() {
    for count in [0x7fff_ffff_u32, 0x8000_0000, 0xffff_ffff, 0x4000_0000] {
        let expected = ErrorKind::InvalidLength {
            count: i64::from(count as i32),
        };
        let boxed = Expected::default()
            .id(tl_core::wire::VECTOR)
            .int32(count as i32)
            .bytes();
        let bare = Expected::default().int32(count as i32).int32(0).bytes();
        let sessions = Expected::default()
            .id(Sessions::ID)
            .int32(count as i32)
            .bytes();
        assert_eq!(boxed.len(), 8);
        let results = [
            measure(|| tl_core::from_bytes::<Vec<i64>>(&boxed).map(drop)),
            measure(|| tl_core::from_bytes::<Vec<Vec<i32>>>(&boxed).map(drop)),
            measure(|| tl_core::from_bytes::<Vec<Node>>(&boxed).map(drop)),
            measure(|| tl_core::from_bytes::<Vec<SessionType>>(&boxed).map(drop)),
            measure(|| tl_core::from_bytes::<Vec<String>>(&boxed).map(drop)),
            measure(|| tl_core::from_bytes::<Vec<bool>>(&boxed).map(drop)),
            measure(|| tl_core::from_bytes::<Vec<Vec<u8>>>(&boxed).map(drop)),
            measure(|| tl_core::from_bytes_bare::<Vec<Tree>>(&bare).map(drop)),
            measure(|| tl_core::from_bytes_bare::<Vec<Session>>(&bare).map(drop)),
            measure(|| tl_core::from_bytes_bare::<Vec<[u8; 32]>>(&bare).map(drop)),
            measure(|| tl_core::from_bytes_bare::<Vec<Unit>>(&bare).map(drop)),
            measure(|| tl_core::from_bytes::<Sessions>(&sessions).map(drop)),
        ];
        let most = results.iter().map(|(_, a)| a.total).max().unwrap_or(0);
        eprintln!("count {count:#x}: at most {most} bytes allocated (the error)");
        for (index, (result, allocated)) in results.into_iter().enumerate() {
            let error = result.expect_err("a count the input cannot hold");
            assert_eq!(error.kind(), &expected, "case {index}, count {count:#x}");
            assert!(
                allocated.total <= ERROR_ONLY,
                "case {index}, count {count:#x}: {allocated:?}"
            );
        }
    }
    // The message says what and where.
    let sessions = Expected::default().id(Sessions::ID).int32(i32::MAX).bytes();
    assert_eq!(
        tl_core::from_bytes::<Sessions>(&sessions)
            .unwrap_err()
            .to_string(),
        "invalid vector length 2147483647: negative or more elements than the input holds \
         at byte 4 in `sessions`"
    );
}

#[test]
fn string_length_prefix_of_2_pow_24_minus_1_with_4_bytes_behind() {
    let input = [0xfe, 0xff, 0xff, 0xff, b'a', b'b', b'c', b'd'];
    let expected = ErrorKind::UnexpectedEnd {
        needed: 16_777_220,
        available: 8,
    };
    let (string, a) = measure(|| tl_core::from_bytes_bare::<String>(&input).map(drop));
    let (bytes, b) = measure(|| tl_core::from_bytes_bare::<Vec<u8>>(&input).map(drop));
    for (result, allocated) in [(string, a), (bytes, b)] {
        let error = result.unwrap_err();
        assert_eq!(error.kind(), &expected);
        assert_eq!(error.offset(), Some(0));
        assert!(allocated.total <= ERROR_ONLY, "{allocated:?}");
    }
    // Inside a session: the field is named and the offset is the prefix's.
    let mut bytes = tl_core::to_bytes(&sample_session(1)).unwrap();
    let at = 4 + 8 + 5 * 4 + 4 + 4; // id, Bools, type, api_id
    bytes.truncate(at);
    bytes.extend_from_slice(&input);
    let (result, allocated) = measure(|| tl_core::from_bytes::<Session>(&bytes).map(drop));
    let error = result.unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "unexpected end of input: needed 16777220 bytes, 8 left at byte {at} in \
             `application_name`"
        )
    );
    assert!(allocated.total <= ERROR_ONLY, "{allocated:?}");
}

#[test]
fn nested_vectors_claiming_huge_counts() {
    // Outer counts as large as the input allows, inner ones that lie.
    for outer in [1usize, 10, 1000] {
        let mut bytes = Expected::default().int32(outer as i32);
        for _ in 0..outer {
            bytes = bytes.int32(i32::MAX);
        }
        let bytes = bytes.bytes();
        let (result, allocated) =
            measure(|| tl_core::from_bytes_bare::<Vec<Vec<Vec<i64>>>>(&bytes).map(drop));
        let error = result.unwrap_err();
        assert_eq!(
            error.kind(),
            &ErrorKind::InvalidLength {
                count: i32::MAX.into()
            }
        );
        assert_eq!(error.path_string(), "[0]");
        assert!(
            allocated.total <= bound(bytes.len()),
            "{outer}: {allocated:?} for {} bytes",
            bytes.len()
        );
    }
    // Every level as large as it may be, failing at the deepest.
    let bytes = Expected::default()
        .int32(3)
        .int32(2)
        .int32(1)
        .int32(0x00ff_ffff)
        .bytes();
    let (result, allocated) =
        measure(|| tl_core::from_bytes_bare::<Vec<Vec<Vec<Vec<i32>>>>>(&bytes).map(drop));
    assert_eq!(result.unwrap_err().path_string(), "[0][0][0]");
    assert!(allocated.total <= bound(bytes.len()), "{allocated:?}");
}

/// The worst case the length check allows: a count of sessions as high as
/// the rest of the input could hold at the minimum session size, and then
/// no sessions.
#[test]
fn largest_allowed_count_allocates_a_small_multiple() {
    let min = <Session as TlType>::MIN_LEN;
    assert!(min >= 76, "{min}");
    for padding in [0usize, 76, 7600, 76_000] {
        let count = padding / min;
        let bytes = Expected::default()
            .id(Sessions::ID)
            .int32(count as i32)
            .raw(&vec![0; padding])
            .bytes();
        let (result, allocated) = measure(|| tl_core::from_bytes::<Sessions>(&bytes).map(drop));
        assert!(result.is_err());
        let ratio = allocated.total as f64 / bytes.len() as f64;
        assert!(
            allocated.total <= bound(bytes.len()),
            "{count} sessions claimed: {allocated:?}, {ratio:.1} per input byte"
        );
    }
}

/// Random and mutated inputs: no decode of `Sessions` (or the recursive
/// types) allocates more than 16 bytes per input byte plus 1 KiB.
#[test]
fn allocation_is_bounded_by_16_times_the_input() {
    let mut rng = Rng::new(0x5e55_1075);
    let words = hardening::interesting_words();
    let valid: Vec<Vec<u8>> = (0..16)
        .map(|_| tl_core::to_bytes(&hardening::sessions(&mut rng)).unwrap())
        .collect();
    let mut worst = (0.0f64, 0usize, 0usize);
    let mut check = |name: &str, input: &[u8], allocated: Allocated| {
        assert!(
            allocated.total <= bound(input.len()),
            "{name}: {allocated:?} for {} bytes: {input:02x?}",
            input.len()
        );
        let ratio = allocated.total as f64 / input.len().max(1) as f64;
        if input.len() >= 64 && ratio > worst.0 {
            worst = (ratio, allocated.total, input.len());
        }
    };
    for case in 0..20_000 {
        let input = if case % 4 == 0 {
            let len = rng.below(600);
            rng.bytes(len)
        } else {
            let base = rng.pick(&valid);
            let other = rng.pick(&valid);
            hardening::mutate(&mut rng, base, other, &words)
        };
        let (_, a) = measure(|| tl_core::from_bytes::<Sessions>(&input).map(drop));
        check("Sessions", &input, a);
        let (_, a) = measure(|| tl_core::from_bytes_bare::<Sessions>(&input).map(drop));
        check("bare Sessions", &input, a);
        let (_, a) = measure(|| tl_core::from_bytes::<Session>(&input).map(drop));
        check("Session", &input, a);
    }
    let valid: Vec<Vec<u8>> = (0..16)
        .flat_map(|_| {
            [
                tl_core::to_bytes(&hardening::node(&mut rng, 5)).unwrap(),
                tl_core::to_bytes(&hardening::tree(&mut rng, 5)).unwrap(),
                tl_core::to_bytes(&hardening::chain(&mut rng, 5)).unwrap(),
            ]
        })
        .collect();
    for _ in 0..20_000 {
        let base = rng.pick(&valid);
        let other = rng.pick(&valid);
        let input = hardening::mutate(&mut rng, base, other, &words);
        let (_, a) = measure(|| tl_core::from_bytes::<Node>(&input).map(drop));
        check("Node", &input, a);
        let (_, a) = measure(|| tl_core::from_bytes::<Tree>(&input).map(drop));
        check("Tree", &input, a);
        let (_, a) = measure(|| tl_core::from_bytes::<Chain>(&input).map(drop));
        check("Chain", &input, a);
    }
    eprintln!(
        "most allocated per input byte (inputs of 64 bytes or more): {:.2} ({} bytes for {})",
        worst.0, worst.1, worst.2
    );
}

/// The largest allocation is bounded too: no single request for a huge
/// buffer, whatever the counts say.
#[test]
fn valid_values_allocate_about_their_own_size() {
    let sessions = Sessions {
        sessions: (0..50).map(sample_session).collect(),
        inactive_session_ttl_days: 7,
    };
    let bytes = tl_core::to_bytes(&sessions).unwrap();
    let (value, allocated) = measure(|| tl_core::from_bytes::<Sessions>(&bytes).unwrap());
    assert_eq!(value, sessions);
    assert!(allocated.total <= bound(bytes.len()), "{allocated:?}");
    assert!(allocated.peak <= allocated.total);
    eprintln!(
        "50 sessions: {} input bytes, {} allocated ({:.2} per byte), largest request {}",
        bytes.len(),
        allocated.total,
        allocated.total as f64 / bytes.len() as f64,
        allocated.largest
    );
}

/// JSON cases: entries before the tag are buffered (as serde's untagged
/// content is), ignored entries are skipped.
fn json_cases() -> Vec<(&'static str, String)> {
    vec![
        (
            "array of zeros before the tag",
            format!(
                r#"{{"junk":[{}0],"_":"nodeLeaf","value":1}}"#,
                "0,".repeat(20_000)
            ),
        ),
        (
            "array of empty arrays before the tag",
            format!(
                r#"{{"junk":[{}[]],"_":"nodeLeaf","value":1}}"#,
                "[],".repeat(20_000)
            ),
        ),
        (
            "array of empty objects before the tag",
            format!(
                r#"{{"junk":[{}{{}}],"_":"nodeLeaf","value":1}}"#,
                "{},".repeat(20_000)
            ),
        ),
        (
            "many keys before the tag",
            format!(
                r#"{{{}"_":"nodeLeaf","value":1}}"#,
                (0..5_000)
                    .map(|i| format!(r#""k{i}":0,"#))
                    .collect::<String>()
            ),
        ),
        (
            "ignored array after the tag",
            format!(
                r#"{{"_":"nodeLeaf","junk":[{}0],"value":1}}"#,
                "0,".repeat(20_000)
            ),
        ),
        (
            "branch of 5000 empty nodes",
            format!(
                r#"{{"_":"nodeBranch","children":[{}{{"_":"nodeEmpty"}}]}}"#,
                r#"{"_":"nodeEmpty"},"#.repeat(5_000)
            ),
        ),
        (
            "nodes nested 120 deep, each tag last",
            json_node_boxed_tag_last(120),
        ),
        (
            "tree of 5000 leaves",
            format!(
                r#"{{"_":"tree","kids":[{}{{"kids":[]}}]}}"#,
                r#"{"kids":[]},"#.repeat(5_000)
            ),
        ),
    ]
}

fn measure_json(name: &str, text: &str) -> Allocated {
    let (result, allocated) = measure(|| match name {
        "tree of 5000 leaves" => tl_core::json::from_str::<Tree>(text).map(drop),
        _ => tl_core::json::from_str::<Node>(text).map(drop),
    });
    eprintln!(
        "JSON {name}: {} bytes of text, {} allocated in all ({:.1} per byte), peak {} \
         ({:.1} per byte), ok: {}",
        text.len(),
        allocated.total,
        allocated.total as f64 / text.len() as f64,
        allocated.peak,
        allocated.peak as f64 / text.len() as f64,
        result.is_ok()
    );
    allocated
}

/// JSON: every value is at least one byte of text, so what the reader
/// builds stays a multiple of the text. Entries before an enum's tag go on
/// a tape of at most 3 bytes per byte of text (`1e9`), replayed tag first,
/// so objects nested with late tags are buffered once, not once per level.
#[test]
fn json_allocation_is_bounded() {
    for (name, text) in &json_cases() {
        let allocated = measure_json(name, text);
        assert!(
            allocated.peak <= 4 * text.len() + 1024,
            "{name}: {allocated:?} for {} bytes",
            text.len()
        );
    }
}

/// The binary bound (16 bytes per input byte, in all) holds for JSON too.
#[test]
fn json_allocation_is_bounded_like_binary() {
    for (name, text) in &json_cases() {
        let allocated = measure_json(name, text);
        assert!(
            allocated.total <= bound(text.len()),
            "{name}: {allocated:?} for {} bytes",
            text.len()
        );
    }
}

/// A vector of bare field-less constructors takes 4 bytes whatever its
/// count; with a vector of such vectors, each inner vector could claim as
/// many elements as there are bytes left, making the work quadratic. Such
/// elements draw on one budget of the input's length instead.
#[test]
fn vector_of_vectors_of_zero_width_elements_is_linear() {
    // n inner vectors, the i-th claiming as many units as bytes after it.
    let n: i32 = 10_000;
    let mut bytes = Expected::default().int32(n);
    for i in 0..n {
        bytes = bytes.int32(4 * (n - 1 - i));
    }
    let bytes = bytes.bytes();
    let started = Instant::now();
    let (result, allocated) = measure(|| tl_core::from_bytes_bare::<Vec<Vec<Unit>>>(&bytes));
    let elapsed = started.elapsed();
    let error = result.unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::InvalidLength { .. }),
        "{error}"
    );
    assert!(
        elapsed < Duration::from_millis(500),
        "40 KB took {elapsed:?}"
    );
    assert!(allocated.total <= bound(bytes.len()), "{allocated:?}");

    // Within the budget, zero-width elements decode: 3 vectors of 4 units
    // in 16 bytes.
    let bytes = Expected::default()
        .int32(3)
        .int32(4)
        .int32(4)
        .int32(4)
        .bytes();
    let value = tl_core::from_bytes_bare::<Vec<Vec<Unit>>>(&bytes).unwrap();
    assert_eq!(value.iter().map(Vec::len).sum::<usize>(), 12);
    assert_eq!(tl_core::to_bytes_bare(&value).unwrap(), bytes);
}
