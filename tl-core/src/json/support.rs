//! Pieces the derive's JSON code is built from, kept here so that generated
//! code stays small. Not public API.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Write};
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use serde::ser::SerializeStruct;

use super::buffer::{LeadingKey, LeadingKeySeed, push_str, replay};
use super::codec::{JsonDecode, JsonEncode, Styled, StyledSeed};
use super::style::JsonStyle;
use super::unknown::read_unknown;
use crate::schema::ConstructorInfo;
use crate::unknown::Unknown;

/// A derived struct (or a variant's struct): reads its fields from a map
/// whose tag may already have been consumed.
pub trait JsonFields<'de>: Sized {
    /// Reads the remaining entries of `map`.
    fn json_fields<A: MapAccess<'de>>(map: A, style: JsonStyle) -> Result<Self, A::Error>;
}

/// A derived enum: reads the fields of the constructor at `index` of its
/// `CONSTRUCTORS`.
pub trait JsonVariants<'de>: Sized {
    /// The TL type, for messages.
    const TYPE_NAME: &'static str;
    /// The constructors, in variant order.
    const CONSTRUCTORS: &'static [ConstructorInfo];

    /// The index of the constructor named `name`. The derive generates a
    /// `match`, which compares against constant strings; this default scans
    /// [`JsonVariants::CONSTRUCTORS`].
    #[inline]
    fn variant_index(name: &str) -> Option<usize> {
        Self::CONSTRUCTORS.iter().position(|c| c.name == name)
    }

    /// The catch-all variant, `#[tl(other)] Other(tl_core::Unknown)`,
    /// which takes every constructor the type does not declare.
    const OTHER: Option<fn(Unknown) -> Self> = None;

    /// Reads the remaining entries of `map` as constructor `index`.
    fn json_variant<A: MapAccess<'de>>(
        index: usize,
        map: A,
        style: JsonStyle,
    ) -> Result<Self, A::Error>;
}

/// What a key of an object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey {
    /// `"_"` or `"@type"`.
    Tag,
    /// The field at this index of the constructor's JSON fields.
    Field(usize),
    /// Anything else: unknown fields, `"@extra"`, `"@client_id"`.
    Ignored,
}

/// Reads a key, matching it against a constructor's field names: first
/// the field after the last one matched (JSON written in schema order
/// matches there at once), then all of them.
pub struct FieldKeySeed {
    names: &'static [&'static str],
    expected: usize,
}

impl<'de> DeserializeSeed<'de> for FieldKeySeed {
    type Value = FieldKey;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<FieldKey, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for FieldKeySeed {
    type Value = FieldKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, key: &str) -> Result<FieldKey, E> {
        if self.names.get(self.expected) == Some(&key) {
            return Ok(FieldKey::Field(self.expected));
        }
        if key == "_" || key == "@type" {
            return Ok(FieldKey::Tag);
        }
        Ok(match self.names.iter().position(|name| *name == key) {
            Some(index) => FieldKey::Field(index),
            None => FieldKey::Ignored,
        })
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<FieldKey, E> {
        match core::str::from_utf8(key) {
            Ok(key) => self.visit_str(key),
            Err(_) => Ok(FieldKey::Ignored),
        }
    }
}

/// Reads the next key of an object whose fields are `names`; `expected`
/// is the index the next key most likely has, kept up to date here.
#[inline]
pub fn next_key<'de, A: MapAccess<'de>>(
    map: &mut A,
    names: &'static [&'static str],
    expected: &mut usize,
) -> Result<Option<FieldKey>, A::Error> {
    let key = map.next_key_seed(FieldKeySeed {
        names,
        expected: *expected,
    })?;
    if let Some(FieldKey::Field(index)) = key {
        *expected = index + 1;
    }
    Ok(key)
}

/// Reads a tag (a constructor name, or its id as a number) and finds it
/// among `constructors`; with `only`, the tag must be that constructor.
///
/// A tag naming no expected constructor is not a failure of the tag's value
/// but of the object: the seed yields the message, and the caller raises it
/// once the value is read, so the error's path is the object's.
pub struct TagSeed {
    /// The TL type, for messages.
    pub type_name: &'static str,
    /// The constructors the tag may name.
    pub constructors: &'static [ConstructorInfo],
    /// The one constructor allowed, when the tag was already read once.
    pub only: Option<usize>,
    /// Finds a constructor by name faster than scanning `constructors`.
    pub lookup: Option<fn(&str) -> Option<usize>>,
    /// Whether a tag naming no constructor goes to a catch-all variant,
    /// which keeps it.
    pub catch_all: bool,
}

impl TagSeed {
    fn expected(&self) -> String {
        let mut out = String::new();
        let list: Vec<&ConstructorInfo> = match self.only {
            Some(index) => self.constructors.get(index).into_iter().collect(),
            None => self.constructors.iter().collect(),
        };
        const SHOWN: usize = 20;
        for (i, info) in list.iter().take(SHOWN).enumerate() {
            let _ = write!(out, "{}`{}`", if i == 0 { "" } else { ", " }, info.name);
        }
        if list.len() > SHOWN {
            let _ = write!(out, " and {} more", list.len() - SHOWN);
        }
        out
    }

    fn found(
        &self,
        index: Option<usize>,
        shown: fmt::Arguments<'_>,
        other: impl FnOnce() -> TagMiss,
    ) -> TagLookup {
        match (index, self.only) {
            (Some(index), None) => Ok(index),
            (Some(index), Some(only)) if index == only => Ok(index),
            (None, None) if self.catch_all => Err(other()),
            _ => Err(TagMiss::Unexpected(format!(
                "unexpected constructor {shown} for type {}: expected {}",
                self.type_name,
                self.expected()
            ))),
        }
    }

    fn by_id(&self, id: u32, shown: fmt::Arguments<'_>) -> TagLookup {
        let index = self.constructors.iter().position(|c| c.id == id);
        self.found(index, shown, || TagMiss::Other {
            name: None,
            id: Some(id),
        })
    }

    /// A tag that is no `u32` id names no constructor, not even an
    /// unknown one.
    fn no_id(&self, shown: fmt::Arguments<'_>) -> TagLookup {
        let catch_all = TagSeed {
            catch_all: false,
            ..*self
        };
        catch_all.found(None, shown, || TagMiss::Other {
            name: None,
            id: None,
        })
    }
}

/// Why a tag names none of the expected constructors.
#[derive(Debug)]
pub enum TagMiss {
    /// It names another one: the message.
    Unexpected(String),
    /// It names one the type does not declare, which its catch-all
    /// variant takes: the name, or the numeric id.
    Other {
        /// The constructor name.
        name: Option<String>,
        /// The constructor id, when the tag was a number.
        id: Option<u32>,
    },
}

/// The index of the constructor a tag names, or why it names none.
pub type TagLookup = Result<usize, TagMiss>;

/// Raises a failed [`TagLookup`] as the map's error.
#[inline]
pub fn tag_index<E: de::Error>(lookup: TagLookup) -> Result<usize, E> {
    lookup.map_err(|miss| match miss {
        TagMiss::Unexpected(message) => E::custom(message),
        TagMiss::Other { .. } => E::custom("unexpected constructor"),
    })
}

impl<'de> DeserializeSeed<'de> for TagSeed {
    type Value = TagLookup;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<TagLookup, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for TagSeed {
    type Value = TagLookup;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a constructor name or id")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, name: &str) -> Result<TagLookup, E> {
        let index = match self.lookup {
            Some(lookup) => lookup(name),
            None => self.constructors.iter().position(|c| c.name == name),
        };
        Ok(
            self.found(index, format_args!("`{name}`"), || TagMiss::Other {
                name: Some(String::from(name)),
                id: None,
            }),
        )
    }

    fn visit_u64<E: de::Error>(self, id: u64) -> Result<TagLookup, E> {
        Ok(match u32::try_from(id) {
            Ok(id) => self.by_id(id, format_args!("{id:#010x}")),
            Err(_) => self.no_id(format_args!("{id}")),
        })
    }

    /// Published ids are often signed (`-722616727` for `ok`).
    fn visit_i64<E: de::Error>(self, id: i64) -> Result<TagLookup, E> {
        Ok(match i32::try_from(id) {
            Ok(id) => self.by_id(id as u32, format_args!("{id}")),
            Err(_) => self.no_id(format_args!("{id}")),
        })
    }
}

/// Reads a struct from a JSON object.
pub struct ObjectVisitor<T> {
    style: JsonStyle,
    expecting: &'static str,
    value: PhantomData<fn() -> T>,
}

impl<T> ObjectVisitor<T> {
    /// A visitor for `T` in `style`; `expecting` names the constructor.
    pub const fn new(style: JsonStyle, expecting: &'static str) -> Self {
        ObjectVisitor {
            style,
            expecting,
            value: PhantomData,
        }
    }
}

impl<'de, T: JsonFields<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` object", self.expecting)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::json_fields(map, self.style.nested()?)
    }
}

/// Reads an enum from a JSON object: the tag picks the constructor. Entries
/// before the tag are buffered and replayed.
pub struct UnionVisitor<T> {
    style: JsonStyle,
    value: PhantomData<fn() -> T>,
}

impl<T> UnionVisitor<T> {
    /// A visitor for `T` in `style`.
    pub const fn new(style: JsonStyle) -> Self {
        UnionVisitor {
            style,
            value: PhantomData,
        }
    }
}

impl<'de, T: JsonVariants<'de>> Visitor<'de> for UnionVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` object", T::TYPE_NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let style = self.style.nested()?;
        let seed = || TagSeed {
            type_name: T::TYPE_NAME,
            constructors: T::CONSTRUCTORS,
            only: None,
            lookup: Some(T::variant_index),
            catch_all: T::OTHER.is_some(),
        };
        // The usual case: the tag comes first, and the rest is read in
        // place. Otherwise entries go on a tape until the tag is known.
        let mut tape = Vec::new();
        let mut index = None;
        while let Some(key) = map.next_key_seed(LeadingKeySeed(&mut tape))? {
            match key {
                LeadingKey::Tag if index.is_none() => {
                    let found = match (map.next_value_seed(seed())?, T::OTHER) {
                        (Err(TagMiss::Other { name, id }), Some(other)) => {
                            return read_unknown(map, tape, style, name, id).map(other);
                        }
                        (lookup, _) => tag_index(lookup)?,
                    };
                    if tape.is_empty() {
                        return T::json_variant(found, map, style);
                    }
                    index = Some(found);
                }
                LeadingKey::Tag => {
                    push_str(&mut tape, "_");
                    map.next_value_seed(style.tape_seed(&mut tape))?;
                }
                LeadingKey::Other => map.next_value_seed(style.tape_seed(&mut tape))?,
            }
        }
        match index {
            Some(index) => replay(&tape, |entries| T::json_variant(index, entries, style))
                .map_err(de::Error::custom),
            None => Err(de::Error::custom(format!(
                "missing `_` (or `@type`) naming the constructor of type {}: expected {}",
                T::TYPE_NAME,
                seed().expected()
            ))),
        }
    }
}

/// Starts a derived object: `serialize_struct`, then the tag.
#[inline]
pub fn begin<S: serde::Serializer>(
    serializer: S,
    name: &'static str,
    fields: usize,
    style: JsonStyle,
) -> Result<S::SerializeStruct, S::Error> {
    let mut state = serializer.serialize_struct(name, fields)?;
    state.serialize_field(style.tag().key(), name)?;
    Ok(state)
}

/// Writes one field in the object's `style`, its `int53` as the field's
/// type says. (The field's style is made here rather than by generated
/// code: one call less per field in every derived type.)
#[inline]
pub fn write_field<S: SerializeStruct, T: JsonEncode + ?Sized>(
    state: &mut S,
    key: &'static str,
    value: &T,
    style: JsonStyle,
    int53: bool,
) -> Result<(), S::Error> {
    state.serialize_field(key, &Styled(value, style.field(int53)))
}

/// Writes a conditional field when present.
#[inline]
pub fn write_optional<S: SerializeStruct, T: JsonEncode>(
    state: &mut S,
    key: &'static str,
    value: Option<&T>,
    style: JsonStyle,
    int53: bool,
) -> Result<(), S::Error> {
    match value {
        Some(value) => write_field(state, key, value, style, int53),
        None => state.skip_field(key),
    }
}

/// Reads a field's value into its slot, in the object's `style` with the
/// field's `int53`; a second occurrence is an error.
#[inline]
pub fn read_field<'de, T: JsonDecode<'de>, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    key: &'static str,
    style: JsonStyle,
    int53: bool,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(key));
    }
    *slot = Some(map.next_value_seed(StyledSeed::new(style.field(int53)))?);
    Ok(())
}

/// Reads a tag met among the fields and checks it names constructor `only`.
#[inline]
pub fn read_tag<'de, A: MapAccess<'de>>(
    map: &mut A,
    type_name: &'static str,
    constructors: &'static [ConstructorInfo],
    only: usize,
) -> Result<(), A::Error> {
    let seed = TagSeed {
        type_name,
        constructors,
        only: Some(only),
        lookup: None,
        catch_all: false,
    };
    tag_index(map.next_value_seed(seed)?).map(drop)
}

/// Skips the value of a key no field has.
#[inline]
pub fn skip_value<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<de::IgnoredAny>().map(drop)
}

/// A required field's value, or the missing-field error.
#[inline]
pub fn required<T, E: de::Error>(slot: Option<T>, key: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(key))
}
