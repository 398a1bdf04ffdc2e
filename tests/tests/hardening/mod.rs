//! Shared by the hardening suites (`hostile/`, `garbage.rs`,
//! `properties.rs`): a deterministic PRNG, recursive test types and their
//! sample values, and an input mutator.
//!
//! The recursive types live in `shapes.rs`, which the fuzz crate includes
//! too, so a crash the fuzzer finds replays here as it is.
#![allow(dead_code)]

use tl_core::{Session, SessionType, Sessions, TlType};

mod shapes;
pub use shapes::{Chain, Node, Tree};

/// SplitMix64: tiny, fast, and good enough to drive a fuzzer; fixed seeds
/// make every run see the same inputs.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `1 / n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next_u64() as u8).collect()
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A short string, sometimes non-ASCII.
    pub fn string(&mut self) -> String {
        const PIECES: &[&str] = &["a", "Zürich", "日本", "🦀", " ", "\"", "\\", "\u{0}", "x"];
        let len = if self.one_in(20) { 300 } else { self.below(6) };
        (0..len).map(|_| *self.pick(PIECES)).collect()
    }
}

pub fn session(rng: &mut Rng) -> Session {
    const TYPES: &[SessionType] = &[
        SessionType::Android,
        SessionType::Apple,
        SessionType::Ipad,
        SessionType::Unknown,
        SessionType::Windows,
        SessionType::Xbox,
    ];
    Session {
        id: rng.next_u64() as i64,
        is_current: rng.one_in(2),
        is_password_pending: rng.one_in(2),
        is_unconfirmed: rng.one_in(2),
        can_accept_secret_chats: rng.one_in(2),
        can_accept_calls: rng.one_in(2),
        r#type: *rng.pick(TYPES),
        api_id: rng.next_u32() as i32,
        application_name: rng.string(),
        application_version: rng.string(),
        is_official_application: rng.one_in(2),
        device_model: rng.string(),
        platform: rng.string(),
        system_version: rng.string(),
        log_in_date: rng.next_u32() as i32,
        last_active_date: rng.next_u32() as i32,
        ip_address: rng.string(),
        location: rng.string(),
    }
}

pub fn sessions(rng: &mut Rng) -> Sessions {
    Sessions {
        sessions: (0..rng.below(4)).map(|_| session(rng)).collect(),
        inactive_session_ttl_days: rng.next_u32() as i32,
    }
}

pub fn session_type(rng: &mut Rng) -> SessionType {
    let constructors = <SessionType as TlType>::CONSTRUCTORS;
    let id = constructors[rng.below(constructors.len())].id;
    tl_core::from_bytes(&id.to_le_bytes()).unwrap()
}

pub fn node(rng: &mut Rng, depth: usize) -> Node {
    match rng.below(if depth == 0 { 3 } else { 5 }) {
        0 => Node::Leaf {
            value: rng.next_u32() as i32,
        },
        1 => Node::Text { text: rng.string() },
        2 => Node::Empty,
        3 => Node::Branch {
            children: (0..rng.below(4)).map(|_| node(rng, depth - 1)).collect(),
        },
        _ => Node::Boxed {
            inner: Box::new(node(rng, depth - 1)),
        },
    }
}

pub fn tree(rng: &mut Rng, depth: usize) -> Tree {
    let kids = if depth == 0 { 0 } else { rng.below(4) };
    Tree {
        kids: (0..kids).map(|_| tree(rng, depth - 1)).collect(),
    }
}

pub fn chain(rng: &mut Rng, depth: usize) -> Chain {
    let has_note = rng.one_in(2);
    let mut value = Chain {
        flags: 0,
        value: rng.next_u64() as i64,
        next: (depth > 0 && rng.one_in(2)).then(|| Box::new(chain(rng, depth - 1))),
        marked: rng.one_in(2),
        has_note,
        note: has_note.then(|| rng.string()),
        ids: (0..rng.below(3)).map(|_| rng.next_u64() as i64).collect(),
    };
    value.normalize();
    value
}

/// Values the mutator writes over a 4-byte word: ids every decoder here
/// knows, and counts and lengths at the edges.
pub fn interesting_words() -> Vec<u32> {
    let mut words = vec![
        0,
        1,
        2,
        3,
        4,
        0xfd,
        0xfe,
        0xff,
        0x100,
        0xffff,
        0x00ff_fffe,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_fffe,
        0xffff_ffff,
        tl_core::wire::BOOL_TRUE,
        tl_core::wire::BOOL_FALSE,
        tl_core::wire::VECTOR,
    ];
    for constructors in [
        <Session as TlType>::CONSTRUCTORS,
        <Sessions as TlType>::CONSTRUCTORS,
        <SessionType as TlType>::CONSTRUCTORS,
        <Node as TlType>::CONSTRUCTORS,
        <Tree as TlType>::CONSTRUCTORS,
        <Chain as TlType>::CONSTRUCTORS,
    ] {
        words.extend(constructors.iter().map(|c| c.id));
    }
    words
}

/// One to four random edits of `input`, sometimes splicing in a piece of
/// `other`.
pub fn mutate(rng: &mut Rng, input: &[u8], other: &[u8], words: &[u32]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = out.len();
        match rng.below(10) {
            // Flip a bit.
            0 if len > 0 => {
                let at = rng.below(len);
                out[at] ^= 1 << rng.below(8);
            }
            // Set a byte to an edge value.
            1 if len > 0 => {
                let at = rng.below(len);
                let random = rng.next_u32() as u8;
                out[at] = *rng.pick(&[0, 1, 0x7f, 0x80, 0xfd, 0xfe, 0xff, random]);
            }
            // Overwrite an aligned word with an interesting one.
            2 | 3 if len >= 4 => {
                let at = rng.below(len / 4) * 4;
                let word = *rng.pick(words);
                out[at..at + 4].copy_from_slice(&word.to_le_bytes());
            }
            // Insert random bytes.
            4 => {
                let at = rng.below(len + 1);
                let count = 1 + rng.below(8);
                let bytes = rng.bytes(count);
                out.splice(at..at, bytes);
            }
            // Delete a range.
            5 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(8)).min(len);
                out.drain(at..end);
            }
            // Truncate.
            6 if len > 0 => out.truncate(rng.below(len)),
            // Splice a piece of another valid input.
            7 if !other.is_empty() => {
                let from = rng.below(other.len());
                let to = (from + 1 + rng.below(64)).min(other.len());
                let at = rng.below(len + 1);
                let end = (at + rng.below(64)).min(len);
                out.splice(at..end, other[from..to].iter().copied());
            }
            // Duplicate a range (repeats a vector element or an object).
            8 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(64)).min(len);
                let piece = out[at..end].to_vec();
                out.splice(end..end, piece);
            }
            // Add one to a little-endian word (counts, lengths).
            _ if len >= 4 => {
                let at = rng.below(len / 4) * 4;
                let word = u32::from_le_bytes(out[at..at + 4].try_into().unwrap());
                let delta = *rng.pick(&[1u32, u32::MAX, 4, 0x100]);
                out[at..at + 4].copy_from_slice(&word.wrapping_add(delta).to_le_bytes());
            }
            _ => out.push(rng.next_u32() as u8),
        }
    }
    out
}
