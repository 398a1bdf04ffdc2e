//! The properties of the `nullable` target: a td struct with nullable
//! objects (`Option<T>` without `flag`) at every place they can be, read
//! from TL bytes and from td JSON.
//!
//! Depends on `tl_core`, `serde_json` and [`super::oracle`] only:
//! `tests/tests/fuzz_replay.rs` compiles both by path on stable.

use serde_json::Value;
use tl_core::TlObject;

use super::oracle::{self, Shape, Style};

#[derive(TlObject, Debug, Clone, PartialEq)]
pub struct File {
    pub id: i32,
    pub size: i64,
}

#[derive(TlObject, Debug, Clone, PartialEq)]
pub enum InputFile {
    Id { id: i32 },
    Local { path: String },
    Remote { id: String },
}

/// A nullable object that holds a nullable object.
#[derive(TlObject, Debug, Clone, PartialEq)]
pub struct Thumbnail {
    pub file: Option<File>,
    pub width: i32,
}

/// Nullable objects in every position: a struct holding another nullable,
/// a union, a vector of nullables, nullables in a vector of vectors,
/// objects in a vector each with a nullable inside, and itself.
#[derive(TlObject, Debug, Clone, PartialEq)]
pub struct Album {
    pub title: String,
    pub cover: Option<Thumbnail>,
    pub input: Option<InputFile>,
    pub files: Vec<Option<File>>,
    pub pages: Vec<Vec<Option<InputFile>>>,
    pub thumbnails: Vec<Thumbnail>,
    pub next: Option<Box<Album>>,
}

/// Everything the `nullable` target checks of one input: as TL bytes,
/// and (when UTF-8) as td JSON.
pub fn check(data: &[u8]) {
    check_binary(data);
    if let Ok(text) = std::str::from_utf8(data) {
        check_json(text);
    }
}

/// TL bytes: exact round trip (`None` is `null`'s id, `Some` boxed), and
/// the value goes through JSON unchanged.
pub fn check_binary(data: &[u8]) -> Option<Album> {
    let value = oracle::exact_binary::<Album>(data)?;
    for style in Style::BOTH {
        let text = style.write(&value).expect("a decoded value writes as JSON");
        let back = tl_core::json::from_str::<Album>(&text)
            .unwrap_or_else(|e| panic!("its JSON does not read back: {e}\n{text}"));
        assert_eq!(back, value, "TL bytes -> JSON -> value differs: {text}");
    }
    Some(value)
}

/// td JSON: every nullable reads as README ("Nullable objects (td)")
/// documents, checked against serde_json's reading of the same text: an
/// absent key or `null` is `None`, anything else `Some`; a `null` element
/// of a vector is `None`. Written back (both styles), `None` is an absent
/// key, a `None` element `null`; the text reads back equal, writes again
/// identically, and the value goes through TL bytes unchanged.
pub fn check_json(text: &str) -> Option<Album> {
    let value = tl_core::json::from_str::<Album>(text).ok()?;
    let input = oracle::outline(text, ALBUM)
        .unwrap_or_else(|| panic!("tl-core read text that is no album: {text}"));
    Read::Input.album(&value, &input, "");
    for style in Style::BOTH {
        let written = style.write(&value).expect("a value read writes");
        let output = oracle::outline(&written, ALBUM).expect("tl-core wrote an album");
        Read::Output.album(&value, &output, "");
        let back = tl_core::json::from_str::<Album>(&written)
            .unwrap_or_else(|e| panic!("written JSON does not read back: {e}\n{written}"));
        assert_eq!(back, value, "JSON round trip differs: {written}");
        assert_eq!(
            style.write(&back).expect("it writes again"),
            written,
            "rewriting is not stable"
        );
    }
    let bytes = tl_core::to_bytes(&value).expect("a value read from JSON encodes");
    let back = tl_core::from_bytes::<Album>(&bytes).expect("its TL bytes decode");
    assert_eq!(back, value, "JSON -> TL bytes -> value differs");
    Some(value)
}

/// What of an album's JSON the checks look at: where objects may be null.
const ALBUM: Shape = Shape::Object(|key| match key {
    "cover" => Some(THUMBNAIL),
    "input" => Some(Shape::Opaque),
    "files" => Some(Shape::Array(&Shape::Opaque)),
    "pages" => Some(Shape::Array(&Shape::Array(&Shape::Opaque))),
    "thumbnails" => Some(Shape::Array(&THUMBNAIL)),
    "next" => Some(ALBUM),
    _ => None,
});

const THUMBNAIL: Shape = Shape::Object(|key| (key == "file").then_some(Shape::Opaque));

/// Which JSON a value is compared with: its input, where `null` and an
/// absent key both mean `None`, or tl-core's output, which writes `None`
/// by leaving the key out.
#[derive(Clone, Copy)]
enum Read {
    Input,
    Output,
}

impl Read {
    /// The entry `key` of `object` for a nullable field read as `field`;
    /// `Some` of the JSON value when the field is `Some`.
    fn nullable<'v, T: std::fmt::Debug>(
        self,
        field: Option<&T>,
        object: &'v Value,
        key: &str,
        path: &str,
    ) -> Option<&'v Value> {
        let entry = object.get(key);
        match (field, entry) {
            (Some(_), Some(json)) if !json.is_null() => Some(json),
            (None, None) => None,
            (None, Some(Value::Null)) if matches!(self, Read::Input) => None,
            (field, entry) => panic!(
                "{path}.{key}: read or written as {field:?}, but the JSON has {entry:?} \
                 (absent and null are None, anything else Some; written None is absent)"
            ),
        }
    }

    /// A vector of nullables: `null` elements are the `None`s.
    fn elements<'v, T: std::fmt::Debug>(
        self,
        field: &[Option<T>],
        json: &'v Value,
        path: &str,
    ) -> Vec<Option<&'v Value>> {
        let items = array(json, field.len(), path);
        field
            .iter()
            .zip(items)
            .enumerate()
            .map(|(i, (element, item))| match (element, item) {
                (Some(_), item) if !item.is_null() => Some(item),
                (None, Value::Null) => None,
                (element, item) => panic!("{path}[{i}]: read as {element:?}, JSON has {item}"),
            })
            .collect()
    }

    fn album(self, album: &Album, json: &Value, path: &str) {
        if let Some(cover) = self.nullable(album.cover.as_ref(), json, "cover", path) {
            let inner = album.cover.as_ref().expect("checked");
            self.thumbnail(inner, cover, &format!("{path}.cover"));
        }
        self.nullable(album.input.as_ref(), json, "input", path);
        let files = field(json, "files", path);
        self.elements(&album.files, files, &format!("{path}.files"));
        let pages = field(json, "pages", path);
        let page_items = array(pages, album.pages.len(), &format!("{path}.pages"));
        for (i, (page, item)) in album.pages.iter().zip(page_items).enumerate() {
            self.elements(page, item, &format!("{path}.pages[{i}]"));
        }
        let thumbnails = field(json, "thumbnails", path);
        let items = array(thumbnails, album.thumbnails.len(), path);
        for (i, (thumbnail, item)) in album.thumbnails.iter().zip(items).enumerate() {
            self.thumbnail(thumbnail, item, &format!("{path}.thumbnails[{i}]"));
        }
        if let Some(next) = self.nullable(album.next.as_ref(), json, "next", path) {
            let inner = album.next.as_deref().expect("checked");
            self.album(inner, next, &format!("{path}.next"));
        }
    }

    fn thumbnail(self, thumbnail: &Thumbnail, json: &Value, path: &str) {
        self.nullable(thumbnail.file.as_ref(), json, "file", path);
    }
}

/// A field that is no nullable: present in input that was read, and in
/// output.
fn field<'v>(json: &'v Value, key: &str, path: &str) -> &'v Value {
    json.get(key)
        .unwrap_or_else(|| panic!("{path}.{key}: read, but absent from the JSON {json}"))
}

fn array<'v>(json: &'v Value, len: usize, path: &str) -> &'v [Value] {
    match json.as_array() {
        Some(items) if items.len() == len => items,
        _ => panic!("{path}: {len} elements read, but the JSON has {json}"),
    }
}
