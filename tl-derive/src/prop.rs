//! Facts about the model that several generators need, computed here once:
//! which flags word a conditional field's bit is in, which bits of a word
//! any field uses, which fields share a bit, a field's value type and the
//! form its attributes force, whether it is nullable.

use syn::Type;

use crate::ast::{Constructor, Field, FieldKind};
use crate::syntax::option_inner;

impl<'a> Field<'a> {
    /// The Rust type of the field's value: `T` of `Option<T>` under a flag,
    /// else the field type; none for flags words, `true` flags and `with`
    /// fields.
    pub fn value_type(&self) -> Option<&'a Type> {
        match &self.kind {
            FieldKind::Plain => Some(self.ty),
            FieldKind::FlagOption { inner } => Some(inner),
            // A query's type is a parameter, which `const` items cannot name.
            FieldKind::Flags | FieldKind::FlagTrue | FieldKind::With | FieldKind::Query => None,
        }
    }

    /// Whether the field is a nullable object (td): an `Option<T>` without
    /// `flag`, `None` where TDLib leaves the object null.
    pub fn is_nullable(&self) -> bool {
        matches!(self.kind, FieldKind::Plain) && option_inner(self.ty).is_some()
    }

    /// Whether the field is an `Option` whose `None` JSON leaves out, as
    /// TDLib does (and reads back from an absent key or `null`): a
    /// conditional `flags.N?T` field, or a nullable object.
    pub fn is_left_out_when_none(&self) -> bool {
        matches!(self.kind, FieldKind::FlagOption { .. }) || self.is_nullable()
    }

    /// How `#[tl(bare)]` / `#[tl(boxed)]` set the innermost level of the
    /// field's form: `Some(false)` bare, `Some(true)` boxed, `None` the
    /// dialect's default. (Both at once is a validation error.)
    pub fn innermost_boxed(&self) -> Option<bool> {
        match (&self.attrs.bare, &self.attrs.boxed) {
            (Some(_), _) => Some(false),
            (None, Some(_)) => Some(true),
            (None, None) => None,
        }
    }
}

impl Constructor<'_> {
    /// The index of the flags word (`name:#`) called `word`.
    pub fn flags_word(&self, word: &str) -> Option<usize> {
        self.fields
            .iter()
            .position(|field| matches!(field.kind, FieldKind::Flags) && field.name == word)
    }

    /// The conditional fields on flags word `word` (a field index), with
    /// the mask of each one's bit.
    pub fn flag_members(&self, word: usize) -> impl Iterator<Item = (usize, u32)> + '_ {
        let name = &self.fields[word].name;
        self.fields
            .iter()
            .enumerate()
            .filter_map(move |(index, field)| {
                let flag = field
                    .attrs
                    .flag
                    .as_ref()
                    .filter(|flag| &flag.word == name)?;
                Some((index, 1u32 << flag.bit))
            })
    }

    /// The bits of flags word `word` (a field index) that some field uses;
    /// any other bit set on the wire is an error.
    pub fn known_bits(&self, word: usize) -> u32 {
        self.flag_members(word)
            .fold(0, |bits, (_, mask)| bits | mask)
    }

    /// The other conditional fields on the same bit of the same word as
    /// field `index` (`flags.1?true` beside `flags.1?int`).
    pub fn sharers(&self, index: usize) -> Vec<usize> {
        let Some(flag) = self.fields[index].attrs.flag.as_ref() else {
            return Vec::new();
        };
        self.fields
            .iter()
            .enumerate()
            .filter(|(other, field)| {
                *other != index
                    && field
                        .attrs
                        .flag
                        .as_ref()
                        .is_some_and(|f| f.word == flag.word && f.bit == flag.bit)
            })
            .map(|(other, _)| other)
            .collect()
    }
}
