//! The recursive test types, in one file for two crates: the hardening
//! suites (`mod shapes` in `hardening/mod.rs`) and the fuzz targets
//! (`fuzz/src/lib.rs` includes it by path), so a crash the fuzzer finds
//! replays in the test suite unchanged.

/// A td enum that contains itself through a `Vec` and through a `Box`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub enum Node {
    Leaf { value: i32 },
    Text { text: String },
    Branch { children: Vec<Node> },
    Boxed { inner: Box<Node> },
    Empty,
}

/// A td struct that contains itself through a bare vector: on the wire a
/// level is just a 4-byte count.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct Tree {
    pub kids: Vec<Tree>,
}

/// An mtproto struct that contains itself behind a flag, with a `true` flag
/// sharing the bit of an `Option` (both set or both unset).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
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
    /// The flags word the encoder writes (and the decoder stores).
    pub fn computed_flags(&self) -> u32 {
        u32::from(self.next.is_some()) | u32::from(self.marked) << 1 | u32::from(self.has_note) << 2
    }

    /// Sets `flags` (recursively) to what decoding this value would store.
    pub fn normalize(&mut self) {
        let mut link = Some(self);
        while let Some(chain) = link {
            chain.flags = chain.computed_flags();
            link = chain.next.as_deref_mut();
        }
    }

    /// Whether every `has_note` agrees with its `note` (one bit, flags.2).
    /// JSON input that makes them disagree is rejected (once a bug, found by
    /// the fuzzer: `fuzz_json_crash_shared_flag_bit` in
    /// `hostile/fuzz_regressions.rs`), so a value read must agree.
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
