//! The type of a `#` flags word field.

/// A `#` flags word whose bits are the conditional fields' presence: the
/// recommended type of a `#[tl(flags)]` field.
///
/// The word is recomputed from the conditional fields on every write, and
/// checked against them on every read, so it carries no information of its
/// own. `Flags` holds none: it is zero-sized and all its values are equal,
/// so a value compares equal to itself after a round trip whatever it was
/// built with. A `u32` field holds the word as read instead (and is ignored
/// on write), for code that wants to see it.
///
/// ```
/// use tl_core::{Flags, TlObject};
///
/// #[derive(TlObject, Debug, PartialEq)]
/// #[tl(dialect = "mtproto")]
/// struct Message {
///     #[tl(flags)]
///     flags: Flags,
///     #[tl(flag = "flags.1")]
///     out: bool,
///     #[tl(flag = "flags.3")]
///     reply_to: Option<i32>,
///     text: String,
/// }
///
/// let value = Message { flags: Flags, out: true, reply_to: Some(7), text: "hi".into() };
/// let bytes = tl_core::to_bytes(&value)?;
/// assert_eq!(&bytes[4..8], &[0b1010, 0, 0, 0]);
/// assert_eq!(tl_core::from_bytes::<Message>(&bytes)?, value);
/// # Ok::<(), tl_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Flags;

/// The Rust types a `#[tl(flags)]` field may have: built from the word the
/// decoder read (or the JSON reader computed).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a `#` flags word",
    label = "a `flags` field is `tl_core::Flags` or `u32`",
    note = "`tl_core::Flags` keeps nothing (the word is recomputed on write); `u32` keeps the word read"
)]
pub trait FlagsWord {
    /// The field's value for `word`.
    fn from_word(word: u32) -> Self;
}

impl FlagsWord for u32 {
    #[inline]
    fn from_word(word: u32) -> u32 {
        word
    }
}

impl FlagsWord for Flags {
    #[inline]
    fn from_word(_: u32) -> Flags {
        Flags
    }
}
