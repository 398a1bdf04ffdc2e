//! Hostile input: lengths that lie, nesting 100 000 levels deep, invalid
//! constructors, UTF-8 and padding. Decoding must fail cleanly, say what and
//! where, allocate no more than a small multiple of the input's length, and
//! never recurse past its depth limit.
//!
//! A counting global allocator (this test binary only) measures what each
//! decode allocates on its own thread; the depth tests run on a thread with
//! a 256 KiB stack, so a recursion that outran the limit would crash the
//! binary instead of passing.

mod hardening;
mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

use hardening::{Chain, Node, Rng, Tree};
use support::{Expected, sample_session};
use tl_core::{ErrorKind, Form, Session, SessionType, Sessions, TlConstructor, TlType};

// ---------------------------------------------------------------------------
// The counting allocator.

/// Counts the bytes requested on the current thread while a measurement is
/// on. Thread-local counters keep the tests that run in parallel apart.
struct Counting;

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    static TOTAL: Cell<usize> = const { Cell::new(0) };
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

fn note_alloc(size: usize) {
    let _ = ON.try_with(|on| {
        if on.get() {
            TOTAL.with(|t| t.set(t.get() + size));
            LARGEST.with(|l| l.set(l.get().max(size)));
            LIVE.with(|live| {
                let now = live.get() + size as isize;
                live.set(now);
                PEAK.with(|p| p.set(p.get().max(now)));
            });
        }
    });
}

fn note_free(size: usize) {
    let _ = ON.try_with(|on| {
        if on.get() {
            LIVE.with(|live| live.set(live.get() - size as isize));
        }
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_alloc(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_alloc(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        note_free(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_free(layout.size());
        note_alloc(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one measured call allocated.
#[derive(Debug, Clone, Copy)]
struct Allocated {
    /// Bytes requested in all (a `realloc` counts its new size).
    total: usize,
    /// Most bytes live at once, counting only what the call allocated.
    peak: usize,
    /// The largest single request.
    largest: usize,
}

/// Runs `f`, counting what it allocates on this thread. The result is
/// dropped after the measurement ends.
fn measure<R>(f: impl FnOnce() -> R) -> (R, Allocated) {
    TOTAL.with(|t| t.set(0));
    LIVE.with(|l| l.set(0));
    PEAK.with(|p| p.set(0));
    LARGEST.with(|l| l.set(0));
    ON.with(|on| on.set(true));
    let result = std::hint::black_box(f());
    ON.with(|on| on.set(false));
    let allocated = Allocated {
        total: TOTAL.with(Cell::get),
        peak: PEAK.with(Cell::get).max(0) as usize,
        largest: LARGEST.with(Cell::get),
    };
    (result, allocated)
}

/// The bound: at most 16 bytes allocated per input byte, plus
/// 1 KiB for the error and its path.
fn bound(input_len: usize) -> usize {
    16 * input_len + 1024
}

/// What a failed decode may allocate: the boxed error and a few path
/// segments.
const ERROR_ONLY: usize = 512;

// ---------------------------------------------------------------------------
// Lengths that claim more than the input holds.

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
    let min = tl_core::min_wire_len::<Session>(Form::BARE);
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

// ---------------------------------------------------------------------------
// Depth.

const SMALL_STACK: usize = 256 * 1024;
/// JSON decoding takes about 5.5 KiB of stack per nesting level in a debug
/// build (serde_json, serde_path_to_error and the derived visitors): its
/// 127-level limit needs about 750 KiB, so the JSON depth tests run on
/// 1 MiB. See `json_at_the_recursion_limit_fits_256_kib`.
const JSON_STACK: usize = 1024 * 1024;
const LEVELS: usize = 100_000;

/// Runs `f` on a thread with a 256 KiB stack: deep recursion would crash the
/// whole test binary rather than fail one test.
fn on_small_stack<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    on_stack(SMALL_STACK, f)
}

fn on_stack<R: Send + 'static>(size: usize, f: impl FnOnce() -> R + Send + 'static) -> R {
    std::thread::Builder::new()
        .name(format!("{} KiB stack", size / 1024))
        .stack_size(size)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

/// `tree` boxed at the top, then `levels - 1` bare trees of one kid each.
fn tree_bytes(levels: usize) -> Vec<u8> {
    let mut bytes = Expected::default().id(Tree::ID);
    for _ in 1..levels {
        bytes = bytes.int32(1);
    }
    bytes.int32(0).bytes()
}

/// `nodeBoxed` `levels - 1` times, then `nodeEmpty`.
fn node_bytes(levels: usize) -> Vec<u8> {
    let boxed = <Node as TlType>::CONSTRUCTORS[3];
    let empty = <Node as TlType>::CONSTRUCTORS[4];
    assert_eq!((boxed.name, empty.name), ("nodeBoxed", "nodeEmpty"));
    let mut bytes = Vec::with_capacity(4 * levels);
    for _ in 1..levels {
        bytes.extend_from_slice(&boxed.id.to_le_bytes());
    }
    bytes.extend_from_slice(&empty.id.to_le_bytes());
    bytes
}

/// `chain` `levels` deep through `next`: each level is the id, flags, value;
/// the `ids` vectors (empty) follow innermost first.
fn chain_bytes(levels: usize) -> Vec<u8> {
    let mut bytes = Expected::default();
    for level in 0..levels {
        let flags = if level + 1 < levels { 1 } else { 0 };
        bytes = bytes.id(Chain::ID).int32(flags).int64(level as i64);
        if level + 1 == levels {
            bytes = bytes.id(tl_core::wire::VECTOR).int32(0);
        }
    }
    for _ in 1..levels {
        bytes = bytes.id(tl_core::wire::VECTOR).int32(0);
    }
    bytes.bytes()
}

/// Drops a deep tree without deep recursion.
fn drop_tree(tree: Tree) {
    let mut stack = vec![tree];
    while let Some(mut tree) = stack.pop() {
        stack.append(&mut tree.kids);
    }
}

fn drop_chain(chain: Chain) {
    let mut next = Some(Box::new(chain));
    while let Some(mut chain) = next {
        next = chain.next.take();
    }
}

fn drop_node(node: Node) {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match node {
            Node::Branch { children } => stack.extend(children),
            Node::Boxed { inner } => stack.push(*inner),
            _ => {}
        }
    }
}

fn depth_path(segment: &str, levels: usize) -> String {
    vec![segment; levels].join(".")
}

#[test]
fn tree_100_000_levels_deep_is_a_depth_error() {
    let message = on_small_stack(|| {
        let bytes = tree_bytes(LEVELS);
        assert_eq!(bytes.len(), 4 * LEVELS + 4);
        let error = tl_core::from_bytes::<Tree>(&bytes).unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::DepthLimitExceeded { limit: 128 });
        // The 129th tree starts after the id and 128 counts.
        assert_eq!(error.offset(), Some(4 + 4 * 128));
        assert_eq!(error.path().len(), 2 * 128);
        error.to_string()
    });
    assert_eq!(
        message,
        format!(
            "objects nested deeper than the limit of 128 at byte 516 in `{}`",
            depth_path("kids[0]", 128)
        )
    );
}

#[test]
fn node_100_000_levels_deep_is_a_depth_error() {
    on_small_stack(|| {
        let bytes = node_bytes(LEVELS);
        let error = tl_core::from_bytes::<Node>(&bytes).unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::DepthLimitExceeded { limit: 128 });
        assert_eq!(error.path_string(), depth_path("inner", 128));
        // After the id of the 129th node (which starts at byte 512).
        assert_eq!(error.offset(), Some(516));
        // Inside a vector of nodes too.
        let mut bytes = Expected::default()
            .id(tl_core::wire::VECTOR)
            .int32(1)
            .bytes();
        bytes.extend(node_bytes(LEVELS));
        let error = tl_core::from_bytes::<Vec<Node>>(&bytes).unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::DepthLimitExceeded { limit: 128 });
        assert!(error.path_string().starts_with("[0].inner.inner."));
    });
}

#[test]
fn chain_100_000_levels_deep_is_a_depth_error() {
    on_small_stack(|| {
        let bytes = chain_bytes(LEVELS);
        let error = tl_core::from_bytes::<Chain>(&bytes).unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::DepthLimitExceeded { limit: 128 });
        assert_eq!(error.path_string(), depth_path("next", 128));
        assert_eq!(error.offset(), Some(128 * 16 + 4));
    });
}

/// The deepest input the default limit accepts decodes on a 256 KiB stack
/// (in debug builds too), and one more level is the error.
#[test]
fn default_limit_fits_a_small_stack() {
    on_small_stack(|| {
        let tree = tl_core::from_bytes::<Tree>(&tree_bytes(128)).unwrap();
        drop_tree(tree);
        let node = tl_core::from_bytes::<Node>(&node_bytes(128)).unwrap();
        drop_node(node);
        let chain = tl_core::from_bytes::<Chain>(&chain_bytes(128)).unwrap();
        drop_chain(chain);
        for error in [
            tl_core::from_bytes::<Tree>(&tree_bytes(129)).unwrap_err(),
            tl_core::from_bytes::<Node>(&node_bytes(129)).unwrap_err(),
            tl_core::from_bytes::<Chain>(&chain_bytes(129)).unwrap_err(),
        ] {
            assert_eq!(error.kind(), &ErrorKind::DepthLimitExceeded { limit: 128 });
        }
    });
}

#[test]
fn max_depth_lowers_and_raises_the_limit() {
    on_small_stack(|| {
        assert_eq!(tl_core::wire::DEFAULT_MAX_DEPTH, 128);
        // Lowered.
        let ten = tree_bytes(10);
        let tree = tl_core::from_bytes_with_max_depth::<Tree>(&ten, 10).unwrap();
        drop_tree(tree);
        let error = tl_core::from_bytes_with_max_depth::<Tree>(&ten, 9).unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::DepthLimitExceeded { limit: 9 });
        assert_eq!(
            error.to_string(),
            format!(
                "objects nested deeper than the limit of 9 at byte 40 in `{}`",
                depth_path("kids[0]", 9)
            )
        );
        // Zero: not even the top object.
        let error = tl_core::from_bytes_with_max_depth::<Tree>(&tree_bytes(1), 0).unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::DepthLimitExceeded { limit: 0 });
        assert_eq!(error.offset(), Some(4));
        // Unit constructors and primitives are not nested objects... but
        // a unit variant is an object, and counts.
        let error = tl_core::from_bytes_with_max_depth::<SessionType>(
            &tl_core::to_bytes(&SessionType::Mac).unwrap(),
            0,
        )
        .unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::DepthLimitExceeded { limit: 0 });
        // Raised: 129 levels pass with a limit of 129, 200 and 1000.
        for limit in [129, 200, 1000] {
            let tree = tl_core::from_bytes_with_max_depth::<Tree>(&tree_bytes(129), limit).unwrap();
            drop_tree(tree);
        }
        for limit in [129, 200] {
            let node = tl_core::from_bytes_with_max_depth::<Node>(&node_bytes(129), limit).unwrap();
            drop_node(node);
            let chain =
                tl_core::from_bytes_with_max_depth::<Chain>(&chain_bytes(129), limit).unwrap();
            drop_chain(chain);
        }
        // A raised limit still stops 100 000 levels.
        let error =
            tl_core::from_bytes_with_max_depth::<Tree>(&tree_bytes(LEVELS), 200).unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::DepthLimitExceeded { limit: 200 });
    });
}

/// A limit raised far enough decodes deep input, given the stack for it.
#[test]
fn raised_limit_decodes_deep_input_on_a_big_stack() {
    let levels = 5_000;
    std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            let tree =
                tl_core::from_bytes_with_max_depth::<Tree>(&tree_bytes(levels), levels).unwrap();
            let mut depth = 0;
            let mut at = &tree;
            while let Some(kid) = at.kids.first() {
                depth += 1;
                at = kid;
            }
            assert_eq!(depth + 1, levels);
            drop_tree(tree);
            let chain =
                tl_core::from_bytes_with_max_depth::<Chain>(&chain_bytes(levels), levels).unwrap();
            drop_chain(chain);
        })
        .unwrap()
        .join()
        .unwrap();
}

/// `{"_":"tree","kids":[` 100 000 times: the object limit (128, as in
/// binary) stops it, with the path and the position.
#[test]
fn json_tree_100_000_levels_deep_is_an_error() {
    let message = on_stack(JSON_STACK, || {
        let text = format!(
            "{}{}",
            r#"{"_":"tree","kids":["#.repeat(LEVELS),
            "]}".repeat(LEVELS)
        );
        let error = tl_core::json::from_str::<Tree>(&text).unwrap_err();
        assert!(error.inner().is_data());
        assert_eq!(error.path(), depth_path("kids[0]", 128));
        error.to_string()
    });
    // The 129th object opens at column 20 * 128 + 1.
    assert_eq!(
        message,
        format!(
            "{}: objects nested deeper than the limit of 128 at line 1 column 2561",
            depth_path("kids[0]", 128)
        )
    );
}

const JSON_NODE_LEAF: &str = r#"{"_":"nodeEmpty"}"#;

fn json_node_boxed(levels: usize) -> String {
    format!(
        "{}{JSON_NODE_LEAF}{}",
        r#"{"_":"nodeBoxed","inner":"#.repeat(levels),
        "}".repeat(levels)
    )
}

/// The tag last: entries before it are buffered, then replayed.
fn json_node_boxed_tag_last(levels: usize) -> String {
    format!(
        "{}{JSON_NODE_LEAF}{}",
        r#"{"inner":"#.repeat(levels),
        r#","_":"nodeBoxed"}"#.repeat(levels)
    )
}

fn json_tree(levels: usize) -> String {
    let tree = tl_core::from_bytes_with_max_depth::<Tree>(&tree_bytes(levels), levels).unwrap();
    let text = tl_core::json::to_string(&tree).unwrap();
    drop_tree(tree);
    text
}

#[test]
fn json_node_and_chain_100_000_levels_deep_are_errors() {
    let messages = on_stack(JSON_STACK, || {
        let chain = format!(
            "{}{}{}",
            r#"{"_":"chain","value":"1","ids":[],"next":"#.repeat(LEVELS),
            r#"{"_":"chain","value":"1","ids":[]}"#,
            "}".repeat(LEVELS)
        );
        let branch = format!(
            "{}{}",
            r#"{"_":"nodeBranch","children":["#.repeat(LEVELS),
            "]}".repeat(LEVELS)
        );
        let boxed = json_node_boxed(LEVELS);
        [
            tl_core::json::from_str::<Node>(&boxed).unwrap_err(),
            tl_core::json::from_str::<Chain>(&chain).unwrap_err(),
            tl_core::json::from_str::<Node>(&branch).unwrap_err(),
            tl_core::json::from_slice::<Node>(boxed.as_bytes()).unwrap_err(),
            tl_core::json::from_str::<Node>(&json_node_boxed_tag_last(LEVELS)).unwrap_err(),
        ]
        .map(|error| (error.path().len(), error.to_string()))
    });
    let [boxed, chain, branch, slice, tag_last] = &messages;
    for (what, (path_len, message)) in [
        ("boxed", boxed),
        ("chain", chain),
        ("branch", branch),
        ("slice", slice),
    ] {
        assert!(*path_len > 128 * 4, "{what}: {message:.100}");
        assert!(
            message.contains(": objects nested deeper than the limit of 128 at line 1 column"),
            "{what}: {}",
            &message[message.len().saturating_sub(200)..]
        );
    }
    // Buffered values may nest twice the object levels left (127 below the
    // top object): 254 objects buffered under the top one read, the 255th
    // (at column 9 * 255 + 1) is the error, on the path to it.
    assert_eq!(tag_last.0, "inner.".len() * 255 - 1, "{:.100}", tag_last.1);
    assert!(
        tag_last.1.ends_with(
            ": arrays and objects before the tag nested deeper than the object limit of 128 \
             allows at line 1 column 2296"
        ),
        "{}",
        &tag_last.1[tag_last.1.len() - 200..]
    );
}

/// Arrays nested 100 000 deep in a value no field reads are skipped
/// without recursion: the object decodes.
#[test]
fn json_unknown_field_100_000_arrays_deep_is_skipped() {
    on_stack(JSON_STACK, || {
        let junk = format!("{}{}", "[".repeat(LEVELS), "]".repeat(LEVELS));
        let text = format!(r#"{{"_":"nodeEmpty","junk":{junk}}}"#);
        drop_node(tl_core::json::from_str::<Node>(&text).unwrap());
        let text = format!(r#"{{"_":"tree","kids":[],"junk":{junk}}}"#);
        drop_tree(tl_core::json::from_str::<Tree>(&text).unwrap());
    });
}

/// The deepest JSON the default limit accepts decodes within `JSON_STACK`,
/// tag first or tag last, and one more level is the error.
#[test]
fn json_at_the_limit_fits_1_mib() {
    on_stack(JSON_STACK, json_at_the_limit);
}

/// Binary decoding takes under 1 KiB of stack per level in a debug build
/// (256 levels fit in 256 KiB); JSON takes about 5.5 KiB, so 128 levels
/// overflow a 256 KiB thread. A stack overflow aborts the process, so the
/// attempt runs in a child process (this test binary, running
/// `json_on_256_kib_in_a_child`). A lower limit
/// (`from_str_with_max_depth`) is the remedy for small stacks today.
#[test]
#[ignore = "bug: JSON decoding needs ~5.5 KiB of stack per level in debug builds: \
            128 levels overflow a 256 KiB stack"]
fn json_at_the_limit_fits_256_kib() {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "json_on_256_kib_in_a_child", "--test-threads=1"])
        .env("TL_HOSTILE_CHILD", "1")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Does nothing unless run by `json_at_the_limit_fits_256_kib`.
#[test]
fn json_on_256_kib_in_a_child() {
    if std::env::var_os("TL_HOSTILE_CHILD").is_some() {
        on_small_stack(json_at_the_limit);
    }
}

/// 128 objects nested (127 around the innermost) decode; 129 do not.
fn json_at_the_limit() {
    drop_node(tl_core::json::from_str::<Node>(&json_node_boxed(127)).unwrap());
    drop_node(tl_core::json::from_str::<Node>(&json_node_boxed_tag_last(127)).unwrap());
    let error = tl_core::json::from_str::<Node>(&json_node_boxed(128)).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("objects nested deeper than the limit of 128"),
        "{error}"
    );
    // Tag last: the top object buffers the rest, within the buffer's budget
    // (twice the object levels left), and replays it tag first, so the
    // object limit is what stops it.
    let error = tl_core::json::from_str::<Node>(&json_node_boxed_tag_last(128)).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("objects nested deeper than the limit of 128 at line 1 column 3345"),
        "{error}"
    );
}

/// JSON counts TL objects as binary does: a value decoded from binary under
/// a limit reads back from its JSON under the same limit, and one more
/// level fails both ways.
#[test]
fn json_and_binary_limits_agree() {
    on_stack(JSON_STACK, || {
        let text = json_tree(128);
        drop_tree(tl_core::json::from_str::<Tree>(&text).unwrap());
        assert!(tl_core::json::from_str::<Tree>(&json_tree(129)).is_err());
        for limit in [1, 9, 40] {
            let text = json_tree(limit);
            drop_tree(tl_core::json::from_str_with_max_depth::<Tree>(&text, limit).unwrap());
            let deeper = json_tree(limit + 1);
            let error = tl_core::json::from_str_with_max_depth::<Tree>(&deeper, limit).unwrap_err();
            assert!(
                error.to_string().contains(&format!(
                    "objects nested deeper than the limit of {limit} at"
                )),
                "{error}"
            );
        }
    });
    // Raised past serde_json's own 128 arrays and objects: 300 tree levels
    // are 600 of them (on a stack for 300 levels of a debug build).
    on_stack(16 * JSON_STACK, || {
        let text = json_tree(300);
        drop_tree(tl_core::json::from_str_with_max_depth::<Tree>(&text, 300).unwrap());
        assert!(tl_core::json::from_str_with_max_depth::<Tree>(&text, 299).is_err());
    });
}

/// Through serde alone (`serde_json::from_str`), the derived `Deserialize`
/// counts objects against the default limit, and serde_json keeps its own.
#[test]
fn serde_json_directly_keeps_both_limits() {
    on_stack(JSON_STACK, || {
        drop_node(serde_json::from_str::<Node>(&json_node_boxed(100)).unwrap());
        let error = serde_json::from_str::<Node>(&json_node_boxed(LEVELS)).unwrap_err();
        assert!(
            error.to_string().contains("recursion limit exceeded"),
            "{error}"
        );
        // A tree of 64 levels is 128 arrays and objects: serde_json's limit.
        let error = serde_json::from_str::<Tree>(&json_tree(64)).unwrap_err();
        assert!(
            error.to_string().contains("recursion limit exceeded"),
            "{error}"
        );
    });
}

// ---------------------------------------------------------------------------
// Bool, UTF-8, padding, flags: what and where.

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
                expected: &tl_core::wire::BOOL_CONSTRUCTORS,
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

/// Invalid UTF-8 sequences of every kind, short and long strings, nested.
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
}

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

#[test]
fn non_zero_padding_is_an_error_at_the_padding() {
    // Every padding byte of short and long strings.
    for len in [0usize, 1, 2, 4, 5, 6, 254, 255, 256] {
        let text = "x".repeat(len);
        let good = Expected::default().string(&text).bytes();
        let header = if len < 254 { 1 } else { 4 };
        for pad in header + len..good.len() {
            let mut bytes = good.clone();
            bytes[pad] = 0x20;
            let error = tl_core::from_bytes_bare::<String>(&bytes).unwrap_err();
            assert_eq!(error.kind(), &ErrorKind::NonZeroPadding, "len {len}");
            // The offset is the first padding byte, whichever is non-zero.
            assert_eq!(error.offset(), Some(header + len), "len {len}, byte {pad}");
            let error = tl_core::from_bytes_bare::<Vec<u8>>(&bytes).unwrap_err();
            assert_eq!(error.kind(), &ErrorKind::NonZeroPadding);
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

/// The other half of the shared-bit rule, on the encoder: `has_note: true`
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

// ---------------------------------------------------------------------------
// Regressions from the cargo-fuzz targets in `fuzz/`.

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
