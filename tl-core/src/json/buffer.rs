//! The entries of an object read before its tag, for the rare enum object
//! whose tag is not its first key: they are kept on a compact tape and
//! replayed once the tag says which constructor reads them.
//!
//! A tape holds each value as a marker byte and its payload: integers as
//! LEB128, doubles as 8 bytes, strings as a LEB128 length and the bytes,
//! arrays and objects as their elements between a start and an end marker.
//! No value takes more than three bytes of tape per byte of its text (`1e9`
//! is 3 bytes of text and 9 of tape), most take one or less, so buffering
//! stays a small multiple of the input. Objects on the tape are replayed
//! with their tag first, so a buffered object whose own tag comes late is
//! not buffered a second time. Tag keys are stored as `"_"`, whether they
//! were `"_"` or `"@type"`.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Serialize, SerializeMap, SerializeSeq, Serializer};

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
/// A non-negative integer, LEB128.
const UINT: u8 = 3;
/// A negative integer `v`, as the LEB128 of `!v`.
const NEG: u8 = 4;
const FLOAT: u8 = 5;
const STR: u8 = 6;
const SEQ: u8 = 7;
const MAP: u8 = 8;
const END: u8 = 9;

/// The key `"@type"` as the tape stores it.
const TAG_AT_TYPE: &[u8] = &[STR, 5, b'@', b't', b'y', b'p', b'e'];

/// The error of replaying a tape: a fixed type, so that generated code is
/// instantiated for the replay once, whatever deserializers the program
/// uses; its message becomes the outer deserializer's error.
#[derive(Debug)]
pub struct BufferedError(String);

impl fmt::Display for BufferedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl core::error::Error for BufferedError {}

impl de::Error for BufferedError {
    fn custom<M: fmt::Display>(message: M) -> Self {
        BufferedError(format!("{message}"))
    }
}

fn push_varint(tape: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        tape.push(value as u8 | 0x80);
        value >>= 7;
    }
    tape.push(value as u8);
}

/// Appends a string (an object key, or a string value).
pub fn push_str(tape: &mut Vec<u8>, text: &str) {
    tape.push(STR);
    push_varint(tape, text.len() as u64);
    tape.extend_from_slice(text.as_bytes());
}

/// A key of an enum's object before its tag (or after it, for a catch-all
/// keeping the whole object): the tag, or another key, now on the tape.
pub enum LeadingKey {
    /// `"_"` or `"@type"`.
    Tag,
    /// Any other key, appended to the tape.
    Other,
}

/// Reads a [`LeadingKey`], appending any key but the tag to the tape.
pub struct LeadingKeySeed<'t>(pub &'t mut Vec<u8>);

impl<'de> DeserializeSeed<'de> for LeadingKeySeed<'_> {
    type Value = LeadingKey;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<LeadingKey, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for LeadingKeySeed<'_> {
    type Value = LeadingKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<LeadingKey, E> {
        Ok(match key {
            "_" | "@type" => LeadingKey::Tag,
            other => {
                push_str(self.0, other);
                LeadingKey::Other
            }
        })
    }
}

/// Reads one JSON value onto a tape, with arrays and objects nested at most
/// `depth_left` deep (the buffer has no other bound on recursion).
pub struct TapeSeed<'t> {
    tape: &'t mut Vec<u8>,
    depth_left: u32,
    /// The object limit the budget comes from, for messages.
    max_depth: u32,
}

impl<'t> TapeSeed<'t> {
    /// A seed appending to `tape`, with a budget of `depth_left` levels
    /// drawn from an object limit of `max_depth`.
    pub fn new(tape: &'t mut Vec<u8>, depth_left: u32, max_depth: u32) -> Self {
        TapeSeed {
            tape,
            depth_left,
            max_depth,
        }
    }

    /// The budget inside one more array or object.
    fn nested<E: de::Error>(&self) -> Result<u32, E> {
        self.depth_left.checked_sub(1).ok_or_else(|| {
            E::custom(format_args!(
                "arrays and objects before the tag nested deeper than the object limit of {} allows",
                self.max_depth
            ))
        })
    }
}

impl<'de> DeserializeSeed<'de> for TapeSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TapeSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.tape.push(if v { TRUE } else { FALSE });
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        if v >= 0 {
            return self.visit_u64(v as u64);
        }
        self.tape.push(NEG);
        push_varint(self.tape, !v as u64);
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.tape.push(UINT);
        push_varint(self.tape, v);
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.tape.push(FLOAT);
        self.tape.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        push_str(self.tape, v);
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.tape.push(NULL);
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let depth_left = self.nested()?;
        self.tape.push(SEQ);
        while seq
            .next_element_seed(TapeSeed {
                tape: &mut *self.tape,
                depth_left,
                ..self
            })?
            .is_some()
        {}
        self.tape.push(END);
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let depth_left = self.nested()?;
        self.tape.push(MAP);
        let max_depth = self.max_depth;
        loop {
            let key_at = self.tape.len();
            let key = map.next_key_seed(TapeSeed {
                tape: &mut *self.tape,
                depth_left,
                max_depth,
            })?;
            if key.is_none() {
                break;
            }
            // Both tag keys are stored as `"_"`: a kept object compares
            // equal whichever form it was read in.
            if self.tape[key_at..] == *TAG_AT_TYPE {
                self.tape.truncate(key_at);
                push_str(self.tape, "_");
            }
            map.next_value_seed(TapeSeed {
                tape: &mut *self.tape,
                depth_left,
                max_depth,
            })?;
        }
        self.tape.push(END);
        Ok(())
    }
}

fn corrupt() -> BufferedError {
    de::Error::custom("corrupt JSON buffer")
}

/// Reads values back from a tape.
pub struct Reader<'t> {
    tape: &'t [u8],
    pos: usize,
}

impl<'t> Reader<'t> {
    fn peek(&self) -> Option<u8> {
        self.tape.get(self.pos).copied()
    }

    fn byte(&mut self) -> Result<u8, BufferedError> {
        let byte = self.peek().ok_or_else(corrupt)?;
        self.pos += 1;
        Ok(byte)
    }

    fn take(&mut self, len: usize) -> Result<&'t [u8], BufferedError> {
        let end = self.pos.checked_add(len).ok_or_else(corrupt)?;
        let bytes = self.tape.get(self.pos..end).ok_or_else(corrupt)?;
        self.pos = end;
        Ok(bytes)
    }

    fn varint(&mut self) -> Result<u64, BufferedError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(corrupt())
    }

    fn str(&mut self) -> Result<&'t str, BufferedError> {
        let len = usize::try_from(self.varint()?).map_err(|_| corrupt())?;
        core::str::from_utf8(self.take(len)?).map_err(|_| corrupt())
    }

    /// Skips values until `open` containers are closed; with `open` 0, one
    /// whole value. A loop, not recursion.
    fn skip(&mut self, mut open: usize) -> Result<(), BufferedError> {
        loop {
            match self.byte()? {
                NULL | FALSE | TRUE => {}
                UINT | NEG => {
                    self.varint()?;
                }
                FLOAT => {
                    self.take(8)?;
                }
                STR => {
                    self.str()?;
                }
                SEQ | MAP => open += 1,
                END => open = open.checked_sub(1).ok_or_else(corrupt)?,
                _ => return Err(corrupt()),
            }
            if open == 0 {
                return Ok(());
            }
        }
    }

    /// Whether the next value is the string `"_"` or `"@type"`.
    fn at_tag_key(&self) -> bool {
        let mut probe = Reader {
            tape: self.tape,
            pos: self.pos,
        };
        probe.byte().ok() == Some(STR) && matches!(probe.str(), Ok("_" | "@type"))
    }
}

impl<'de> Deserializer<'de> for &mut Reader<'_> {
    type Error = BufferedError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, BufferedError> {
        match self.byte()? {
            NULL => visitor.visit_unit(),
            FALSE => visitor.visit_bool(false),
            TRUE => visitor.visit_bool(true),
            UINT => visitor.visit_u64(self.varint()?),
            NEG => visitor.visit_i64(!(self.varint()? as i64)),
            FLOAT => {
                let bytes = self.take(8)?;
                let bytes = <[u8; 8]>::try_from(bytes).map_err(|_| corrupt())?;
                visitor.visit_f64(f64::from_le_bytes(bytes))
            }
            STR => visitor.visit_str(self.str()?),
            SEQ => {
                let mut seq = Elements {
                    reader: &mut *self,
                    ended: false,
                };
                let value = visitor.visit_seq(&mut seq)?;
                // A visitor may stop before the end: skip what is left.
                if !seq.ended {
                    self.skip(1)?;
                }
                Ok(value)
            }
            MAP => {
                let mut entries = Entries::new(&mut *self, true)?;
                let value = visitor.visit_map(&mut entries)?;
                entries.finish()?;
                Ok(value)
            }
            _ => Err(corrupt()),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, BufferedError> {
        if self.peek() == Some(NULL) {
            self.pos += 1;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, BufferedError> {
        self.skip(0)?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier
    }
}

/// The elements of an array on the tape, up to its end marker.
struct Elements<'a, 't> {
    reader: &'a mut Reader<'t>,
    ended: bool,
}

impl<'de> SeqAccess<'de> for Elements<'_, '_> {
    type Error = BufferedError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, BufferedError> {
        if self.ended {
            return Ok(None);
        }
        if self.reader.peek() == Some(END) {
            self.reader.pos += 1;
            self.ended = true;
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// The entries of an object on the tape, its first tag entry replayed
/// first.
pub struct Entries<'a, 't> {
    reader: &'a mut Reader<'t>,
    /// Whether an end marker closes the entries (every object but the
    /// top-level buffer, which runs to the end of the tape).
    closed: bool,
    start: usize,
    /// The tag entry's key, while it is still to be replayed first.
    tag_first: Option<usize>,
    /// The tag entry (key start, entry end) that the in-order pass skips.
    tag_entry: Option<(usize, usize)>,
    /// Set once the tag entry is replayed: the in-order pass starts over.
    rewind: bool,
    ended: bool,
}

impl<'a, 't> Entries<'a, 't> {
    fn new(reader: &'a mut Reader<'t>, closed: bool) -> Result<Self, BufferedError> {
        let start = reader.pos;
        let mut probe = Reader {
            tape: reader.tape,
            pos: start,
        };
        let mut tag_entry = None;
        // Find the first tag entry: a scan that skips values without
        // recursing or allocating.
        while !matches!(probe.peek(), None | Some(END)) {
            let key_at = probe.pos;
            let is_tag = probe.at_tag_key();
            probe.skip(0)?;
            probe.skip(0)?;
            if is_tag {
                tag_entry = Some((key_at, probe.pos));
                break;
            }
        }
        // A tag that already comes first needs no reordering.
        let tag_entry = tag_entry.filter(|&(key_at, _)| key_at != start);
        Ok(Entries {
            reader,
            closed,
            start,
            tag_first: tag_entry.map(|(key_at, _)| key_at),
            tag_entry,
            rewind: false,
            ended: false,
        })
    }

    /// Moves the reader past the entries the visitor left unread.
    fn finish(&mut self) -> Result<(), BufferedError> {
        while self.next_key_seed(PhantomData::<de::IgnoredAny>)?.is_some() {
            self.next_value_seed(PhantomData::<de::IgnoredAny>)?;
        }
        Ok(())
    }
}

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = BufferedError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, BufferedError> {
        if self.ended {
            return Ok(None);
        }
        if let Some(key_at) = self.tag_first.take() {
            self.reader.pos = key_at;
            self.rewind = true;
            return seed.deserialize(&mut *self.reader).map(Some);
        }
        if self.rewind {
            self.rewind = false;
            self.reader.pos = self.start;
        }
        if let Some((key_at, end)) = self.tag_entry
            && self.reader.pos == key_at
        {
            self.reader.pos = end;
        }
        match self.reader.peek() {
            Some(END) if self.closed => {
                self.reader.pos += 1;
                self.ended = true;
                Ok(None)
            }
            None if !self.closed => {
                self.ended = true;
                Ok(None)
            }
            None | Some(END) => Err(corrupt()),
            Some(_) => seed.deserialize(&mut *self.reader).map(Some),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, BufferedError> {
        seed.deserialize(&mut *self.reader)
    }
}

/// Replays the entries buffered before an object's tag (a tape of keys and
/// values, with no markers around them) to `replay`.
pub fn replay<T>(
    tape: &[u8],
    replay: impl FnOnce(&mut Entries<'_, '_>) -> Result<T, BufferedError>,
) -> Result<T, BufferedError> {
    let mut reader = Reader { tape, pos: 0 };
    let mut entries = Entries::new(&mut reader, false)?;
    let value = replay(&mut entries)?;
    entries.finish()?;
    Ok(value)
}

/// One value on a tape, written back as JSON: what a catch-all variant
/// keeps of an object it does not know. Every object's tag key (`"_"` or
/// `"@type"`) is written as `tag`, so one style holds at every level of
/// the output.
pub struct TapeValue<'t> {
    tape: &'t [u8],
    tag: &'static str,
}

impl<'t> Reader<'t> {
    /// The value starting here, as its own slice of the tape.
    fn value(&mut self, tag: &'static str) -> Result<TapeValue<'t>, BufferedError> {
        let start = self.pos;
        self.skip(0)?;
        Ok(TapeValue {
            tape: &self.tape[start..self.pos],
            tag,
        })
    }

    /// The next entry of an object (up to `END`, or the end of a
    /// top-level tape): its key, with a tag key as `tag`'s, and its value.
    fn entry(
        &mut self,
        tag: &'static str,
    ) -> Result<Option<(&'t str, TapeValue<'t>)>, BufferedError> {
        match self.peek() {
            None | Some(END) => return Ok(None),
            Some(STR) => self.pos += 1,
            Some(_) => return Err(corrupt()),
        }
        let key = match self.str()? {
            "_" | "@type" => tag,
            key => key,
        };
        Ok(Some((key, self.value(tag)?)))
    }
}

/// Writes the entries of a top-level tape (keys and values, no markers)
/// into `map`.
pub fn serialize_entries<M: SerializeMap>(
    tape: &[u8],
    tag: &'static str,
    map: &mut M,
) -> Result<(), M::Error> {
    let mut reader = Reader { tape, pos: 0 };
    while let Some((key, value)) = reader.entry(tag).map_err(ser::Error::custom)? {
        map.serialize_entry(key, &value)?;
    }
    Ok(())
}

impl Serialize for TapeValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut reader = Reader {
            tape: self.tape,
            pos: 0,
        };
        let fail = |error: BufferedError| <S::Error as ser::Error>::custom(error);
        match reader.byte().map_err(fail)? {
            NULL => serializer.serialize_unit(),
            FALSE => serializer.serialize_bool(false),
            TRUE => serializer.serialize_bool(true),
            UINT => serializer.serialize_u64(reader.varint().map_err(fail)?),
            NEG => serializer.serialize_i64(!(reader.varint().map_err(fail)? as i64)),
            FLOAT => {
                let bytes = reader.take(8).map_err(fail)?;
                let bytes = <[u8; 8]>::try_from(bytes).map_err(|_| fail(corrupt()))?;
                serializer.serialize_f64(f64::from_le_bytes(bytes))
            }
            STR => serializer.serialize_str(reader.str().map_err(fail)?),
            SEQ => {
                let mut seq = serializer.serialize_seq(None)?;
                while reader.peek() != Some(END) {
                    seq.serialize_element(&reader.value(self.tag).map_err(fail)?)?;
                }
                seq.end()
            }
            MAP => {
                let mut map = serializer.serialize_map(None)?;
                while let Some((key, value)) = reader.entry(self.tag).map_err(fail)? {
                    map.serialize_entry(key, &value)?;
                }
                map.end()
            }
            _ => Err(fail(corrupt())),
        }
    }
}

/// Compact JSON text of the entries of a top-level tape, for `Debug`.
pub struct TapeText<'t>(pub &'t [u8]);

impl fmt::Debug for TapeText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut reader = Reader {
            tape: self.0,
            pos: 0,
        };
        f.write_str("{")?;
        let mut first = true;
        while let Ok(Some((key, value))) = reader.entry("_") {
            if !first {
                f.write_str(",")?;
            }
            first = false;
            write!(f, "{key:?}:{value:?}")?;
        }
        f.write_str("}")
    }
}

impl fmt::Debug for TapeValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut reader = Reader {
            tape: self.tape,
            pos: 0,
        };
        let shown = match reader.byte() {
            Ok(SEQ) => return self.fmt_list(f, &mut reader, false),
            Ok(MAP) => return self.fmt_list(f, &mut reader, true),
            Ok(STR) => reader.str().map(|text| write!(f, "{text:?}")),
            Ok(NULL) => Ok(f.write_str("null")),
            Ok(FALSE) => Ok(f.write_str("false")),
            Ok(TRUE) => Ok(f.write_str("true")),
            Ok(UINT) => reader.varint().map(|value| write!(f, "{value}")),
            Ok(NEG) => reader
                .varint()
                .map(|value| write!(f, "{}", !(value as i64))),
            Ok(FLOAT) => reader
                .take(8)
                .and_then(|bytes| <[u8; 8]>::try_from(bytes).map_err(|_| corrupt()))
                .map(|bytes| write!(f, "{}", f64::from_le_bytes(bytes))),
            _ => Err(corrupt()),
        };
        shown.unwrap_or_else(|_| f.write_str("…"))
    }
}

impl TapeValue<'_> {
    /// The elements of an array, or the entries of an object, up to `END`.
    fn fmt_list(
        &self,
        f: &mut fmt::Formatter<'_>,
        reader: &mut Reader<'_>,
        map: bool,
    ) -> fmt::Result {
        f.write_str(if map { "{" } else { "[" })?;
        let mut first = true;
        while reader.peek().is_some_and(|byte| byte != END) {
            if !first {
                f.write_str(",")?;
            }
            first = false;
            let shown = if map {
                reader
                    .entry(self.tag)
                    .map(|entry| entry.map(|(key, value)| write!(f, "{key:?}:{value:?}")))
            } else {
                reader
                    .value(self.tag)
                    .map(|value| Some(write!(f, "{value:?}")))
            };
            match shown {
                Ok(Some(result)) => result?,
                _ => return f.write_str("…"),
            }
        }
        f.write_str(if map { "}" } else { "]" })
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use serde::Deserialize;

    fn tape_of(text: &str, depth: u32) -> Result<Vec<u8>, serde_json::Error> {
        let mut tape = Vec::new();
        let mut de = serde_json::Deserializer::from_str(text);
        TapeSeed::new(&mut tape, depth, depth).deserialize(&mut de)?;
        Ok(tape)
    }

    fn replayed(tape: &[u8]) -> serde_json::Value {
        let mut reader = Reader { tape, pos: 0 };
        let value = serde_json::Value::deserialize(&mut reader).unwrap();
        assert_eq!(reader.pos, tape.len(), "the whole tape is read");
        value
    }

    #[test]
    fn every_kind_of_value_replays() {
        let text = r#"[null,true,false,0,127,128,18446744073709551615,-1,-9223372036854775808,
            1.5,-0.0,1e300,"","é\u0000\"",[],{},[[1],{"a":[2]}]]"#;
        let tape = tape_of(text, 8).unwrap();
        let expected: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(replayed(&tape), expected);
        assert!(tape.len() < text.len());
    }

    #[test]
    fn objects_replay_their_first_tag_first() {
        let text = r#"{"a":1,"b":{"x":[1,{"_":"inner"}],"@type":"t","_":"u"},"_":"outer","c":2}"#;
        let tape = tape_of(text, 8).unwrap();
        // serde_json's map sorts keys, so read the order through a visitor.
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = Vec<String>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "b" {
                        keys.extend(
                            map.next_value_seed(KeysSeed)?
                                .into_iter()
                                .map(|k| format!("b.{k}")),
                        );
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                    keys.push(key);
                }
                Ok(keys)
            }
        }
        struct KeysSeed;
        impl<'de> DeserializeSeed<'de> for KeysSeed {
            type Value = Vec<String>;
            fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<String>, D::Error> {
                d.deserialize_map(Keys)
            }
        }
        let mut reader = Reader {
            tape: &tape,
            pos: 0,
        };
        let keys = KeysSeed.deserialize(&mut reader).unwrap();
        // Both tag keys are stored as `"_"`.
        assert_eq!(keys, ["_", "a", "b._", "b.x", "b._", "b", "c"]);
        assert_eq!(reader.pos, tape.len());
    }

    #[test]
    fn nesting_beyond_the_budget_is_an_error() {
        assert!(tape_of("[[[]]]", 3).is_ok());
        let error = tape_of("[[[[]]]]", 3).unwrap_err();
        assert!(
            error.to_string().starts_with(
                "arrays and objects before the tag nested deeper than the object limit of 3 allows"
            ),
            "{error}"
        );
    }

    #[test]
    fn a_truncated_tape_is_an_error_not_a_panic() {
        let tape = tape_of(r#"{"k":["abc",1.5,-3,{"x":null}]}"#, 8).unwrap();
        for len in 0..tape.len() {
            let mut reader = Reader {
                tape: &tape[..len],
                pos: 0,
            };
            let error = serde_json::Value::deserialize(&mut reader).unwrap_err();
            assert_eq!(error.to_string(), "corrupt JSON buffer", "{len}");
        }
    }
}
