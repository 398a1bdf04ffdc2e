//! How a value is written and read: the tag key, `int53`, and the depth
//! limit.

use super::buffer::TapeSeed;

/// Which key carries the constructor name in output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TagKey {
    /// `"_"`: MadelineProto, PWRTelegram, tdl, mtkruto.
    #[default]
    Underscore,
    /// `"@type"`: TDLib's own JSON interface.
    AtType,
}

impl TagKey {
    /// The key as written in JSON.
    pub const fn key(self) -> &'static str {
        match self {
            TagKey::Underscore => "_",
            TagKey::AtType => "@type",
        }
    }
}

/// How a value is written and read: the tag key of objects, whether an
/// `i64` is an `int53` (a JSON number) rather than an `int64` (a string),
/// and how deep objects may still nest while reading.
///
/// ```
/// use tl_core::json::JsonStyle;
///
/// let style = JsonStyle::DEFAULT.with_max_depth(16);
/// assert_eq!(style.max_depth(), 16);
/// assert_eq!(JsonStyle::TD.max_depth(), tl_core::wire::DEFAULT_MAX_DEPTH);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct JsonStyle {
    tag: TagKey,
    int53: bool,
    /// The limit on object nesting, for messages.
    max_depth: u32,
    /// How many more levels of objects may be entered.
    depth_left: u32,
}

impl Default for JsonStyle {
    fn default() -> Self {
        JsonStyle::DEFAULT
    }
}

const DEFAULT_MAX_DEPTH: u32 = crate::wire::DEFAULT_MAX_DEPTH as u32;

impl JsonStyle {
    /// `"_"` tags, `int64` as strings, objects nested at most
    /// [`DEFAULT_MAX_DEPTH`](crate::wire::DEFAULT_MAX_DEPTH) deep, as in
    /// binary.
    pub const DEFAULT: JsonStyle = JsonStyle {
        tag: TagKey::Underscore,
        int53: false,
        max_depth: DEFAULT_MAX_DEPTH,
        depth_left: DEFAULT_MAX_DEPTH,
    };

    /// `"@type"` tags: TDLib's form.
    pub const TD: JsonStyle = JsonStyle {
        tag: TagKey::AtType,
        ..JsonStyle::DEFAULT
    };

    /// The tag key.
    pub const fn tag(self) -> TagKey {
        self.tag
    }

    /// Whether `i64` values are `int53` numbers.
    pub const fn int53(self) -> bool {
        self.int53
    }

    /// The same style, reading objects nested at most `max_depth` deep
    /// (values above `u32::MAX` are `u32::MAX`). Deeper input is an error,
    /// not a stack overflow; each level takes a few KiB of stack in debug
    /// builds, less in release.
    #[must_use]
    pub const fn with_max_depth(self, max_depth: usize) -> JsonStyle {
        let max_depth = if max_depth > u32::MAX as usize {
            u32::MAX
        } else {
            max_depth as u32
        };
        JsonStyle {
            max_depth,
            depth_left: max_depth,
            ..self
        }
    }

    /// The limit on object nesting while reading.
    pub const fn max_depth(self) -> usize {
        self.max_depth as usize
    }

    /// The style of a field: the same tag key and depth, and `int53` as the
    /// field's type says.
    #[must_use]
    pub(crate) const fn field(self, int53: bool) -> JsonStyle {
        JsonStyle { int53, ..self }
    }

    /// The style inside one more level of objects, or the error of going
    /// past the limit.
    #[inline]
    pub(crate) fn nested<E: serde::de::Error>(self) -> Result<JsonStyle, E> {
        match self.depth_left.checked_sub(1) {
            Some(depth_left) => Ok(JsonStyle { depth_left, ..self }),
            None => Err(E::custom(format_args!(
                "objects nested deeper than the limit of {}",
                self.max_depth
            ))),
        }
    }

    /// How many levels of arrays and objects a value buffered before its
    /// object's tag may nest: twice the object levels left, since a TL
    /// vector of objects takes two (an array and an object) per level.
    pub(crate) fn tape_seed(self, tape: &mut alloc::vec::Vec<u8>) -> TapeSeed<'_> {
        TapeSeed::new(tape, self.depth_left.saturating_mul(2), self.max_depth)
    }
}
