//! String and bytes lengths at every prefix boundary, the 2^24 limit, and
//! decoding of truncated, corrupted and over-long input. Invalid UTF-8 and
//! non-zero padding are in `hostile/malformed_wire.rs`.

mod support;

use support::{Expected, sample_session};
use tl_core::{ErrorKind, Session, Sessions};

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Text {
    text: String,
    data: Vec<u8>,
}

const LENGTHS: &[usize] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 253, 254, 255, 65536];

#[test]
fn string_and_bytes_prefix_and_padding() {
    for &len in LENGTHS {
        let text: String = "abcdefghijklmnopqrstuvwxyz"
            .chars()
            .cycle()
            .take(len)
            .collect();
        let data: Vec<u8> = (0..len).map(|i| (i * 7) as u8).collect();
        let value = Text {
            text: text.clone(),
            data: data.clone(),
        };
        let bytes = tl_core::to_bytes_bare(&value).unwrap();
        let expected = Expected::default().string(&text).string(&data).bytes();
        assert_eq!(bytes, expected, "length {len}");
        // Spell out the header for each length class.
        if len < 254 {
            assert_eq!(bytes[0] as usize, len);
        } else {
            assert_eq!(
                bytes[..4],
                [0xfe, len as u8, (len >> 8) as u8, (len >> 16) as u8]
            );
        }
        let header = if len < 254 { 1 } else { 4 };
        let padded = (header + len).div_ceil(4) * 4;
        assert_eq!(bytes.len(), 2 * padded, "length {len}");
        assert!(bytes[header + len..padded].iter().all(|&b| b == 0));
        assert_eq!(tl_core::from_bytes_bare::<Text>(&bytes).unwrap(), value);
    }
}

#[test]
fn strings_of_2_pow_24_bytes_cannot_be_encoded() {
    let limit = (1 << 24) - 1;
    let value = Text {
        text: String::new(),
        data: vec![1; limit],
    };
    let bytes = tl_core::to_bytes(&value).unwrap();
    assert_eq!(&bytes[8..12], &[0xfe, 0xff, 0xff, 0xff]);
    assert_eq!(tl_core::from_bytes::<Text>(&bytes).unwrap(), value);

    let value = Text {
        text: "x".repeat(1 << 24),
        data: vec![],
    };
    let error = tl_core::to_bytes(&value).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::TooLong { len: 1 << 24 });
    assert_eq!(
        error.to_string(),
        "string or bytes of 16777216 bytes is too long for TL (at most 16777215)"
    );
    // The writer leaves the caller's buffer as it was.
    let mut out = vec![1, 2, 3];
    assert!(tl_core::to_writer(&value, &mut out).is_err());
    assert_eq!(out, [1, 2, 3]);
}

fn valid_encodings() -> Vec<Vec<u8>> {
    let sessions = Sessions {
        sessions: (0..3).map(sample_session).collect(),
        inactive_session_ttl_days: 30,
    };
    vec![
        tl_core::to_bytes(&sample_session(1)).unwrap(),
        tl_core::to_bytes(&sessions).unwrap(),
    ]
}

fn decode_any(bytes: &[u8]) -> [bool; 2] {
    [
        tl_core::from_bytes::<Session>(bytes).is_ok(),
        tl_core::from_bytes::<Sessions>(bytes).is_ok(),
    ]
}

#[test]
fn every_proper_prefix_is_an_error() {
    for bytes in valid_encodings() {
        for len in 0..bytes.len() {
            let prefix = &bytes[..len];
            assert!(
                tl_core::from_bytes::<Session>(prefix).is_err(),
                "prefix {len}"
            );
            assert!(
                tl_core::from_bytes::<Sessions>(prefix).is_err(),
                "prefix {len}"
            );
        }
    }
    let error = tl_core::from_bytes::<Session>(&valid_encodings()[0][..10]).unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::UnexpectedEnd {
            needed: 8,
            available: 6
        }
    );
    assert_eq!(error.offset(), Some(4));
    assert_eq!(error.path_string(), "id");
}

#[test]
fn every_single_byte_change_is_handled() {
    for bytes in valid_encodings() {
        for at in 0..bytes.len() {
            for value in [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff, bytes[at] ^ 0x55] {
                let mut changed = bytes.clone();
                changed[at] = value;
                // Must return, Ok or Err, without panicking.
                let _ = decode_any(&changed);
            }
        }
    }
}

#[test]
fn trailing_bytes_are_an_error() {
    let mut bytes = tl_core::to_bytes(&sample_session(2)).unwrap();
    let len = bytes.len();
    bytes.extend_from_slice(&[0, 0, 0, 0]);
    let error = tl_core::from_bytes::<Session>(&bytes).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::TrailingBytes { count: 4 });
    assert_eq!(error.offset(), Some(len));
    assert_eq!(
        error.to_string(),
        format!("4 trailing bytes after a complete value at byte {len}")
    );
}

#[test]
fn huge_vector_count_fails_before_allocating() {
    // sessions#323dd212 with a count of 2^31 - 1 and 4 bytes behind it.
    let bytes = Expected::default()
        .id(0x323dd212)
        .int32(i32::MAX)
        .int32(0)
        .bytes();
    let error = tl_core::from_bytes::<Sessions>(&bytes).unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::InvalidLength {
            count: i32::MAX as i64
        }
    );
    assert_eq!(error.path_string(), "sessions");
    let negative = Expected::default()
        .id(0x323dd212)
        .int32(-1)
        .int32(0)
        .bytes();
    assert!(tl_core::from_bytes::<Sessions>(&negative).is_err());
}

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Texts {
    texts: Vec<String>,
    blobs: Vec<Vec<u8>>,
}

/// The writer fills its output with zeros ahead in 4 KiB steps and appends
/// large byte strings directly: lengths on both sides of every step, into a
/// buffer that already holds bytes, give exactly the bytes spelled out.
#[test]
fn writes_crossing_fill_steps_and_direct_appends() {
    let lengths: Vec<usize> = (0..600)
        .map(|i| (i * 37) % 300)
        .chain([4096, 253, 254, 5000, 1])
        .collect();
    let texts: Vec<String> = lengths
        .iter()
        .map(|&len| "é".repeat(len / 2) + &"z".repeat(len % 2))
        .collect();
    let blobs: Vec<Vec<u8>> = lengths
        .iter()
        .map(|&len| (0..len).map(|i| (i % 251) as u8 + 1).collect())
        .collect();
    let value = Texts { texts, blobs };

    let mut expected = Expected::default()
        .id(<Texts as tl_core::TlConstructor>::ID)
        .int32(value.texts.len() as i32);
    for text in &value.texts {
        expected = expected.string(text);
    }
    expected = expected.int32(value.blobs.len() as i32);
    for blob in &value.blobs {
        expected = expected.string(blob);
    }
    let expected = expected.bytes();

    assert_eq!(tl_core::to_bytes(&value).unwrap(), expected);
    let mut out = vec![0xEE; 3];
    tl_core::to_writer(&value, &mut out).unwrap();
    assert_eq!(out[..3], [0xEE; 3]);
    assert_eq!(out[3..], expected[..]);
    assert_eq!(tl_core::from_bytes::<Texts>(&out[3..]).unwrap(), value);
}

/// A hand-written `TlEncode` whose `encoded_len` lies.
struct Lying {
    promised: usize,
    written: usize,
}

impl tl_core::TlEncode for Lying {
    fn encoded_len(&self, _: tl_core::schema::Form) -> usize {
        self.promised
    }

    fn encode(&self, writer: &mut tl_core::wire::Writer<'_>, _: tl_core::schema::Form) {
        for _ in 0..self.written / 4 {
            writer.put_u32(0x01020304);
        }
    }
}

/// Encoding is one pass: the bytes are what `encode` writes, whatever
/// `encoded_len` says, so a wrong length cannot cut or pad a message.
#[test]
fn the_bytes_are_what_encode_writes_whatever_encoded_len_says() {
    for (promised, written) in [(8, 4), (4, 8), (0, 8192), (8192, 0), (12, 12)] {
        let value = Lying { promised, written };
        let expected: Vec<u8> = [4u8, 3, 2, 1].repeat(written / 4);
        assert_eq!(tl_core::to_bytes(&value).unwrap(), expected);
        let mut out = vec![9, 9];
        tl_core::to_writer(&value, &mut out).unwrap();
        assert_eq!(out[..2], [9, 9]);
        assert_eq!(out[2..], expected[..]);
    }
}

/// A value TL cannot encode leaves `to_writer`'s buffer as it was, however
/// much was written before the failure.
#[test]
fn a_failed_append_leaves_the_buffer_as_it_was() {
    #[derive(tl_core::TlObject)]
    struct Upload {
        part: i32,
        data: Vec<u8>,
    }
    let value = Upload {
        part: 7,
        data: vec![0; 1 << 24],
    };
    let mut out = vec![9, 9];
    let error = tl_core::to_writer(&value, &mut out).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::TooLong { len: 1 << 24 });
    assert_eq!(out, [9, 9]);
    assert_eq!(
        tl_core::to_bytes(&value).unwrap_err().kind(),
        &ErrorKind::TooLong { len: 1 << 24 }
    );
}

/// A `Writer` dropped without `finish` gives the caller's vector back,
/// holding what was written and none of the zeros filled ahead.
#[test]
fn a_dropped_writer_returns_the_vector() {
    let mut out = Vec::with_capacity(64);
    out.push(7u8);
    {
        let mut writer = tl_core::wire::Writer::new(&mut out);
        writer.put_i32(-1);
        assert_eq!(writer.written(), 4);
    }
    assert_eq!(out, [7, 0xff, 0xff, 0xff, 0xff]);
}

/// Fixed-size fields in a row are read with one bounds check: a cut inside
/// the run still names the field it cuts, its offset and what it needed.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct FixedRun {
    a: i64,
    b: bool,
    c: i32,
    d: f64,
    e: [u8; 16],
    f: bool,
    g: i32,
    tail: String,
}

#[test]
fn a_cut_inside_a_run_of_fixed_fields_names_the_field() {
    let value = FixedRun {
        a: -1,
        b: true,
        c: 7,
        d: 0.5,
        e: [9; 16],
        f: false,
        g: -7,
        tail: "end".into(),
    };
    let bytes = tl_core::to_bytes_bare(&value).unwrap();
    let layout = [
        ("a", 0, 8),
        ("b", 8, 4),
        ("c", 12, 4),
        ("d", 16, 8),
        ("e", 24, 16),
        ("f", 40, 4),
        ("g", 44, 4),
    ];
    for (name, start, size) in layout {
        for cut in start..start + size {
            let error = tl_core::from_bytes_bare::<FixedRun>(&bytes[..cut]).unwrap_err();
            assert_eq!(error.path_string(), name, "cut at {cut}");
            assert_eq!(error.offset(), Some(start), "cut at {cut}");
            assert_eq!(
                error.kind(),
                &ErrorKind::UnexpectedEnd {
                    needed: size,
                    available: cut - start
                },
                "cut at {cut}"
            );
        }
    }
    // A bad Bool inside the run: its own offset and name.
    let mut bad = bytes.clone();
    bad[40..44].copy_from_slice(&0xdeadbeefu32.to_le_bytes());
    let error = tl_core::from_bytes_bare::<FixedRun>(&bad).unwrap_err();
    assert_eq!(error.path_string(), "f");
    assert_eq!(error.offset(), Some(40));
    assert_eq!(tl_core::from_bytes_bare::<FixedRun>(&bytes).unwrap(), value);
}

/// An enum of fixed-size constructors: every value is 12 bytes boxed.
#[derive(tl_core::TlObject, Debug, Clone, Copy, PartialEq)]
#[tl(dialect = "mtproto", ty = "Peer")]
enum Peer {
    #[tl(name = "peerUser", id = 0x59511722)]
    User { user_id: i64 },
    #[tl(name = "peerChat", id = 0x36c6019a)]
    Chat { chat_id: i64 },
}

/// Its shortest value is its fewest bytes: a vector's count is checked
/// against 12 bytes an element, before anything is allocated or read.
#[test]
fn a_vector_of_fixed_size_objects_is_counted_at_their_size() {
    assert_eq!(<Peer as tl_core::TlType>::MIN_LEN, 12);
    let peers = vec![Peer::User { user_id: 7 }, Peer::Chat { chat_id: -1 }];
    let bytes = tl_core::to_bytes(&peers).unwrap();
    assert_eq!(bytes.len(), 8 + 2 * 12);
    assert_eq!(tl_core::from_bytes::<Vec<Peer>>(&bytes).unwrap(), peers);
    // Three claimed, room for two: refused at the count.
    let mut claimed = bytes.clone();
    claimed[4] = 3;
    let error = tl_core::from_bytes::<Vec<Peer>>(&claimed).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidLength { count: 3 });
    assert_eq!(error.offset(), Some(4));
}

/// The path of an input that `from_bytes` does not take for a type of
/// fixed size: read, then look for trailing bytes.
fn decode_then_finish<'de, T: tl_core::TlDecode<'de>>(
    bytes: &'de [u8],
    form: tl_core::schema::Form,
) -> Result<T, tl_core::Error> {
    let mut reader = tl_core::wire::Reader::new(bytes);
    let value = T::decode(&mut reader, form)?;
    reader.finish()?;
    Ok(value)
}

/// `(kind, offset, field path, message)` of an error, or the value.
fn outcome<T>(result: Result<T, tl_core::Error>) -> Result<T, (String, Option<usize>, String)> {
    result.map_err(|error| {
        (
            format!("{:?}", error.kind()),
            error.offset(),
            format!("{} | {error}", error.path_string()),
        )
    })
}

/// Every value of `Peer` and of `FixedPair` takes the same number of bytes,
/// so `from_bytes` compares the input's length with it before reading.
/// Every input, of every length around it and with any id, gets what
/// reading and then looking for trailing bytes gives: the same value, or
/// the same error at the same offset.
#[test]
fn a_value_of_fixed_size_decodes_as_any_other() {
    use tl_core::schema::Form;

    #[derive(tl_core::TlObject, Debug, Clone, Copy, PartialEq)]
    struct FixedPair {
        a: i32,
        b: i64,
    }

    let peer = tl_core::to_bytes(&Peer::Chat { chat_id: -5 }).unwrap();
    let pair = tl_core::to_bytes(&FixedPair { a: 1, b: -2 }).unwrap();
    assert_eq!((peer.len(), pair.len()), (12, 16));
    let mut inputs = Vec::new();
    for valid in [&peer, &pair] {
        for id in [valid[..4].to_vec(), 0xdeadbeefu32.to_le_bytes().to_vec()] {
            for len in 0..=valid.len() + 5 {
                let mut input = id.clone();
                input.extend((4..len).map(|at| valid.get(at).copied().unwrap_or(0xaa)));
                input.truncate(len);
                inputs.push(input);
            }
        }
    }
    for input in &inputs {
        let context = format!("input {input:02x?}");
        assert_eq!(
            outcome(tl_core::from_bytes::<Peer>(input)),
            outcome(decode_then_finish::<Peer>(input, Form::BOXED)),
            "{context}"
        );
        assert_eq!(
            outcome(tl_core::from_bytes::<FixedPair>(input)),
            outcome(decode_then_finish::<FixedPair>(input, Form::BOXED)),
            "{context}"
        );
        assert_eq!(
            outcome(tl_core::from_bytes_bare::<FixedPair>(input)),
            outcome(decode_then_finish::<FixedPair>(input, Form::BARE)),
            "{context}"
        );
        assert_eq!(
            outcome(tl_core::from_bytes::<Box<Peer>>(input)),
            outcome(decode_then_finish::<Box<Peer>>(input, Form::BOXED)),
            "{context}"
        );
    }
    assert_eq!(
        tl_core::from_bytes::<Peer>(&peer).unwrap(),
        Peer::Chat { chat_id: -5 }
    );
    assert_eq!(
        tl_core::from_bytes_bare::<FixedPair>(&pair[4..]).unwrap(),
        FixedPair { a: 1, b: -2 }
    );
}

/// Fields whose `ty` text names a primitive or a vector, as tl-gen writes
/// them, and the same fields read by name.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(name = "stats")]
struct StatsByText {
    #[tl(ty = "int53")]
    chat_id: i64,
    #[tl(ty = "vector<int53>")]
    user_ids: Vec<i64>,
    #[tl(ty = "double")]
    ratio: f64,
    #[tl(ty = "Bool")]
    is_public: bool,
}

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(name = "stats")]
struct StatsByName {
    chat_id: i64,
    user_ids: Vec<i64>,
    ratio: f64,
    is_public: bool,
}

/// A `ty` text decides a field's fewest bytes as its Rust type's name
/// does: 8 + 4 + 8 + 4, and a vector of them is counted at that size.
#[test]
fn the_fewest_bytes_of_fields_with_type_texts_are_the_primitives() {
    assert_eq!(<StatsByText as tl_core::TlType>::MIN_LEN, 24);
    assert_eq!(
        <StatsByText as tl_core::TlType>::MIN_LEN,
        <StatsByName as tl_core::TlType>::MIN_LEN
    );
    let stats = vec![StatsByText {
        chat_id: 1,
        user_ids: vec![],
        ratio: 0.5,
        is_public: true,
    }];
    let mut bytes = tl_core::to_bytes_bare(&stats).unwrap();
    assert_eq!(bytes.len(), 4 + 24);
    // Two claimed, room for one: refused at the count.
    bytes[0] = 2;
    let error = tl_core::from_bytes_bare::<Vec<StatsByText>>(&bytes).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidLength { count: 2 });
}

/// A struct of 70 `Bool`s: more fields than one run holds (64), so its
/// fields are read as two runs, each checking its own `Bool`s.
macro_rules! many_bools {
    ($($field:ident)*) => {
        #[derive(tl_core::TlObject, Debug, Clone, PartialEq, Default)]
        #[tl(name = "manyBools")]
        struct ManyBools {
            $($field: bool,)*
        }
    };
}

many_bools! {
    b0 b1 b2 b3 b4 b5 b6 b7 b8 b9 b10 b11 b12 b13 b14 b15 b16 b17 b18 b19
    b20 b21 b22 b23 b24 b25 b26 b27 b28 b29 b30 b31 b32 b33 b34 b35 b36 b37 b38 b39
    b40 b41 b42 b43 b44 b45 b46 b47 b48 b49 b50 b51 b52 b53 b54 b55 b56 b57 b58 b59
    b60 b61 b62 b63 b64 b65 b66 b67 b68 b69
}

#[test]
fn more_fields_than_one_run_holds_are_all_read_and_checked() {
    let value = ManyBools {
        b0: true,
        b63: true,
        b64: true,
        b69: true,
        ..ManyBools::default()
    };
    let bytes = tl_core::to_bytes_bare(&value).unwrap();
    assert_eq!(bytes.len(), 70 * 4);
    assert_eq!(
        tl_core::from_bytes_bare::<ManyBools>(&bytes).unwrap(),
        value
    );
    // A bad Bool in each run: its own offset and name.
    for (field, name) in [(5, "b5"), (66, "b66")] {
        let mut bad = bytes.clone();
        bad[field * 4..field * 4 + 4].copy_from_slice(&0xdeadbeefu32.to_le_bytes());
        let error = tl_core::from_bytes_bare::<ManyBools>(&bad).unwrap_err();
        assert_eq!(error.path_string(), name);
        assert_eq!(error.offset(), Some(field * 4));
    }
}
