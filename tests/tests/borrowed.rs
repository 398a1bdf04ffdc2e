//! Zero-copy decoding: derived types with lifetimes whose `&str`, `&[u8]`
//! and `Cow` fields borrow from the input.

use std::borrow::Cow;

use tl_core::TlConstructor;

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Message<'a> {
    id: i64,
    text: &'a str,
    data: &'a [u8],
    note: Cow<'a, str>,
    blob: Cow<'a, [u8]>,
}

/// The owned twin: the same schema line, so the same id and bytes.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(name = "message", ty = "Message")]
struct OwnedMessage {
    id: i64,
    text: String,
    data: Vec<u8>,
    note: String,
    blob: Vec<u8>,
}

fn within(bytes: &[u8], part: &[u8]) -> bool {
    let range = bytes.as_ptr_range();
    range.start <= part.as_ptr() && part.as_ptr_range().end <= range.end
}

fn owned() -> OwnedMessage {
    OwnedMessage {
        id: 42,
        text: "hello".into(),
        data: vec![1, 2, 3],
        note: "n".repeat(300),
        blob: vec![7; 1000],
    }
}

#[test]
fn schema_and_bytes_match_the_owned_twin() {
    assert_eq!(
        Message::SCHEMA,
        "message id:int64 text:string data:bytes note:string blob:bytes = Message"
    );
    assert_eq!(Message::ID, OwnedMessage::ID);
    let owned = owned();
    let bytes = tl_core::to_bytes(&owned).unwrap();
    let borrowed = tl_core::from_bytes::<Message<'_>>(&bytes).unwrap();
    assert_eq!(tl_core::to_bytes(&borrowed).unwrap(), bytes);
    assert_eq!(borrowed.text, owned.text);
    assert_eq!(borrowed.data, owned.data);
    assert_eq!(borrowed.note, owned.note);
    assert_eq!(borrowed.blob.as_ref(), owned.blob.as_slice());
}

#[test]
fn decoding_borrows_every_string_and_byte_field() {
    let bytes = tl_core::to_bytes(&owned()).unwrap();
    let message = tl_core::from_bytes::<Message<'_>>(&bytes).unwrap();
    assert!(within(&bytes, message.text.as_bytes()));
    assert!(within(&bytes, message.data));
    assert!(matches!(message.note, Cow::Borrowed(_)));
    assert!(within(&bytes, message.note.as_bytes()));
    assert!(matches!(message.blob, Cow::Borrowed(_)));
    assert!(within(&bytes, &message.blob));
}

#[test]
fn borrowed_strings_are_still_checked() {
    let mut owned = owned();
    owned.text = "ab".into();
    let mut bytes = tl_core::to_bytes(&owned).unwrap();
    // `text` starts after the id (4) and `id` (8): its length byte, then "ab".
    bytes[14] = 0xff;
    let error = tl_core::from_bytes::<Message<'_>>(&bytes).unwrap_err();
    assert_eq!(error.path_string(), "text");
    assert_eq!(error.kind(), &tl_core::ErrorKind::InvalidUtf8);
}

/// JSON can lend strings without escapes; bytes are base64, so only `Cow`
/// (or `Vec<u8>`) reads them.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Note<'a> {
    title: &'a str,
    body: Cow<'a, str>,
    attachment: Cow<'a, [u8]>,
}

#[test]
fn json_borrows_where_it_can() {
    let note = Note {
        title: "plain",
        body: Cow::Borrowed("line\nbreak"),
        attachment: Cow::Borrowed(b"\x00\x01"),
    };
    let json = tl_core::json::to_string(&note).unwrap();
    assert_eq!(
        json,
        r#"{"_":"note","title":"plain","body":"line\nbreak","attachment":"AAE="}"#
    );
    let back = tl_core::json::from_str::<Note<'_>>(&json).unwrap();
    assert_eq!(back, note);
    assert!(within(json.as_bytes(), back.title.as_bytes()));
    // An escape makes the text differ from its source: owned.
    assert!(matches!(back.body, Cow::Owned(_)));
    assert!(matches!(back.attachment, Cow::Owned(_)));

    let escaped = r#"{"_":"note","title":"tab\there","body":"","attachment":""}"#;
    let error = tl_core::json::from_str::<Note<'_>>(escaped).unwrap_err();
    assert_eq!(error.path(), "title");
    assert!(
        error
            .to_string()
            .contains("use String or Cow<str> for any string"),
        "{error}"
    );

    let json = tl_core::json::to_string(&Message {
        id: 1,
        text: "t",
        data: b"d",
        note: "n".into(),
        blob: Cow::Borrowed(b"b"),
    })
    .unwrap();
    let error = tl_core::json::from_str::<Message<'_>>(&json).unwrap_err();
    assert_eq!(error.path(), "data");
    assert!(
        error.to_string().starts_with(
            "data: bytes are base64 in JSON and cannot be borrowed: use Vec<u8> or Cow<[u8]>"
        ),
        "{error}"
    );
}

/// Lifetimes through enums, variant structs, flags and vectors, and two
/// lifetime parameters.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", ty = "Item")]
struct ItemRaw<'a> {
    #[tl(flags)]
    flags: u32,
    #[tl(flag = "flags.0")]
    label: Option<&'a str>,
    parts: Vec<&'a [u8]>,
}

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto")]
enum Item<'a> {
    Text { text: &'a str },
    Raw(ItemRaw<'a>),
}

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Pair<'a, 'b> {
    left: &'a str,
    right: &'b str,
}

#[test]
fn enums_flags_vectors_and_two_lifetimes_borrow_too() {
    let items = vec![
        Item::Text { text: "one" },
        Item::Raw(ItemRaw {
            flags: 1,
            label: Some("label"),
            parts: vec![b"ab", b"", b"cde"],
        }),
        Item::Raw(ItemRaw {
            flags: 0,
            label: None,
            parts: vec![],
        }),
    ];
    let bytes = tl_core::to_bytes(&items).unwrap();
    let back = tl_core::from_bytes::<Vec<Item<'_>>>(&bytes).unwrap();
    assert_eq!(back, items);
    let Item::Raw(raw) = &back[1] else {
        panic!("{back:?}")
    };
    assert!(within(&bytes, raw.label.unwrap().as_bytes()));
    assert!(within(&bytes, raw.parts[2]));
    assert_eq!(
        ItemRaw::SCHEMA,
        "itemRaw flags:# label:flags.0?string parts:Vector<bytes> = Item"
    );

    let pair = Pair {
        left: "l",
        right: "r",
    };
    let bytes = tl_core::to_bytes(&pair).unwrap();
    assert_eq!(tl_core::from_bytes::<Pair<'_, '_>>(&bytes).unwrap(), pair);
    let json = tl_core::json::to_string(&pair).unwrap();
    assert_eq!(
        tl_core::json::from_str::<Pair<'_, '_>>(&json).unwrap(),
        pair
    );
}
