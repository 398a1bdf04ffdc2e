//! The JSON of a catch-all variant's [`Unknown`]: the object kept whole.

use alloc::string::String;
use alloc::vec::Vec;

use serde::de::{self, MapAccess};
use serde::ser::{self, SerializeMap, Serializer};

use super::buffer::{LeadingKey, LeadingKeySeed, serialize_entries};
use super::style::JsonStyle;
use crate::unknown::Unknown;

/// Reads the rest of an object whose tag named no declared constructor,
/// after the entries already on `tape`: every entry but a repeated tag is
/// kept, in order.
pub fn read_unknown<'de, A: MapAccess<'de>>(
    mut map: A,
    mut tape: Vec<u8>,
    style: JsonStyle,
    name: Option<String>,
    id: Option<u32>,
) -> Result<Unknown, A::Error> {
    while let Some(key) = map.next_key_seed(LeadingKeySeed(&mut tape))? {
        match key {
            LeadingKey::Tag => {
                map.next_value::<de::IgnoredAny>()?;
            }
            LeadingKey::Other => map.next_value_seed(style.tape_seed(&mut tape))?,
        }
    }
    Ok(Unknown::from_json(name, id, tape))
}

/// Writes an [`Unknown`] read from JSON as it was read, its tag (the name,
/// or the numeric id) first under `style`'s key.
pub fn write_unknown<S: Serializer>(
    value: &Unknown,
    serializer: S,
    style: JsonStyle,
) -> Result<S::Ok, S::Error> {
    let Some(tape) = value.json_tape() else {
        return Err(ser::Error::custom(format_args!(
            "cannot write constructor {:#010x} as JSON: it was read from TL bytes by a \
             catch-all variant, which knows no fields of it",
            value.id().unwrap_or_default()
        )));
    };
    let mut map = serializer.serialize_map(None)?;
    let key = style.tag().key();
    match (value.name(), value.id()) {
        (Some(name), _) => map.serialize_entry(key, name)?,
        (None, Some(id)) => map.serialize_entry(key, &id)?,
        (None, None) => return Err(ser::Error::custom("an unknown constructor without a tag")),
    }
    serialize_entries(tape, key, &mut map)?;
    map.end()
}
