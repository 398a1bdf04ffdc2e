//! Encode and decode of TDLib's `session`, MTProto's `authorization` (with
//! its flags) in each field form, a `sessions` of 1 000 sessions, a 1 MiB
//! `bytes` field, one `Peer` and a `Vector<Peer>` of 10 000, a `RichText`
//! of 1 and of 100 nested levels, and the JSON of the first three, with
//! every competitor of one case in one criterion group so that the ratios
//! of one run are meaningful. Within a group every competitor decodes into
//! the same field types (owned or borrowed, bytes or UTF-8-checked text).
//!
//! Competitors: `ours` (the derive), `tl-proto` (0.5, derived), `grammers`
//! (grammers-tl-types 0.11, generated; `authorization` with `String`s,
//! `upload.saveFilePart`, `Peer` and `RichText` only), `hand-written` (the
//! practical limit), `memcpy` (a copy of the encoded bytes: the physical
//! limit); for JSON, `ours`, `serde_derive` (the same structs without tags)
//! and `serde_derive, tagged` (with `#[serde(tag = "_")]`: our text byte for
//! byte) through serde_json, and `tl_core::json` (ours through tl-core's
//! path-tracking helpers). Every competitor's bytes are checked against ours
//! first.
//!
//! Every binary group comes twice: inlined (`peer/decode`: the codec called
//! in criterion's closure) and behind a call boundary (`peer/decode@call`:
//! each competitor behind its own `#[inline(never)]` function of
//! `codec/calls.rs`). Last comes `messages_100`, a `messages.messages` of 100
//! messages with their users and chats in tl-gen's types
//! (`tl_bench::telegram`) against grammers' (`codec/messages.rs`).
//!
//! `cargo bench -p tl-bench` prints the ratio table at the end.

#[path = "codec/calls.rs"]
mod calls;
#[path = "codec/gram.rs"]
mod gram;
#[path = "codec/hand.rs"]
mod hand;
#[path = "codec/messages.rs"]
mod messages;
#[path = "codec/ours.rs"]
mod ours;
#[path = "codec/plain.rs"]
mod plain;
#[path = "codec/proto.rs"]
mod proto;
#[path = "codec/tagged.rs"]
mod tagged;

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};
use grammers_tl_types::{Deserializable, Serializable, enums, functions};
use tl_bench::telegram;
use tl_core::{Session, Sessions, TlObject};
use tl_proto::BoxedConstructor;

use ours::{
    Authorization, AuthorizationBytes, AuthorizationRef, AuthorizationStr, Peer, RichText,
    SaveFilePart, SaveFilePartRef,
};

/// How many levels the deep `RichText` has.
const LEVELS: usize = 100;

/// Warm-up and measurement of each function of the `@call` groups
/// (shorter than the inlined groups' 0.5 s and 2 s, so that the whole run
/// stays under 10 minutes).
const CALL_WARM_UP: Duration = Duration::from_millis(300);
const CALL_MEASUREMENT: Duration = Duration::from_millis(1500);

/// The values, in every competitor's types, and our encodings of them.
struct Fixtures {
    session: Session,
    session_bytes: Vec<u8>,
    session_proto: proto::Session,
    session_plain: plain::Session,
    session_json: String,

    authorization: Authorization,
    authorization_bytes: Vec<u8>,
    authorization_proto: proto::Authorization,
    authorization_gram: enums::Authorization,
    authorization_plain: plain::Authorization,
    authorization_json: String,
    /// `authorization` with `Vec<u8>` fields, ours and tl-proto's.
    authorization_vec: AuthorizationBytes,
    authorization_vec_proto: proto::AuthorizationBytes,

    sessions: Sessions,
    sessions_bytes: Vec<u8>,
    sessions_proto: proto::Sessions,
    sessions_plain: plain::Sessions,
    sessions_json: String,

    file_part: SaveFilePart,
    file_part_bytes: Vec<u8>,
    file_part_proto: proto::SaveFilePart,
    file_part_gram: functions::upload::SaveFilePart,

    peer: Peer,
    peer_bytes: Vec<u8>,
    peer_proto: proto::Peer,
    peer_gram: enums::Peer,

    peers: Vec<Peer>,
    peers_bytes: Vec<u8>,
    peers_proto: proto::Peers,
    peers_gram: Vec<enums::Peer>,

    /// `rich_text[0]` is one level, `rich_text[1]` [`LEVELS`].
    rich_text: [RichText; 2],
    rich_text_bytes: [Vec<u8>; 2],
    rich_text_proto: [proto::RichText; 2],
    rich_text_gram: [enums::RichText; 2],

    /// `messages.messages` of 100 messages with their users and chats.
    messages: telegram::enums::messages::Messages,
    messages_bytes: Vec<u8>,
    messages_gram: enums::messages::Messages,
}

impl Fixtures {
    fn new() -> Self {
        let session = ours::session();
        let authorization = ours::authorization();
        let sessions = ours::sessions();
        let file_part = ours::save_file_part();
        let peers = ours::peers();
        let peer = peers[0];
        let rich_text = [ours::rich_text(1), ours::rich_text(LEVELS)];
        let history = messages::history();
        let messages = messages::ours(&history);
        Fixtures {
            session_bytes: tl_core::to_bytes(&session).unwrap(),
            session_proto: proto::Session::from(&session),
            session_plain: plain::Session::from(&session),
            session_json: serde_json::to_string(&session).unwrap(),
            session,

            authorization_bytes: tl_core::to_bytes(&authorization).unwrap(),
            authorization_proto: proto::Authorization::from(&authorization),
            authorization_gram: gram::authorization(&authorization),
            authorization_plain: plain::Authorization::from(&authorization),
            authorization_json: serde_json::to_string(&authorization).unwrap(),
            authorization_vec: AuthorizationBytes::from(&authorization),
            authorization_vec_proto: proto::AuthorizationBytes::from(&authorization),
            authorization,

            sessions_bytes: tl_core::to_bytes(&sessions).unwrap(),
            sessions_proto: proto::Sessions::from(&sessions),
            sessions_plain: plain::Sessions::from(&sessions),
            sessions_json: serde_json::to_string(&sessions).unwrap(),
            sessions,

            file_part_bytes: tl_core::to_bytes(&file_part).unwrap(),
            file_part_proto: proto::SaveFilePart::from(&file_part),
            file_part_gram: gram::save_file_part(&file_part),
            file_part,

            peer_bytes: tl_core::to_bytes(&peer).unwrap(),
            peer_proto: proto::Peer::from(&peer),
            peer_gram: gram::peer(&peer),
            peer,

            peers_bytes: tl_core::to_bytes(&peers).unwrap(),
            peers_proto: proto::Peers {
                items: peers.iter().map(proto::Peer::from).collect(),
            },
            peers_gram: peers.iter().map(gram::peer).collect(),
            peers,

            rich_text_bytes: rich_text
                .each_ref()
                .map(|text| tl_core::to_bytes(text).unwrap()),
            rich_text_proto: rich_text.each_ref().map(proto::RichText::from),
            rich_text_gram: rich_text.each_ref().map(gram::rich_text),
            rich_text,

            messages_bytes: tl_core::to_bytes(&messages).unwrap(),
            messages_gram: messages::gram(&history),
            messages,
        }
    }

    /// Every competitor writes our bytes and reads them back to the same
    /// value; the serde_derive JSON is ours without the tags.
    fn check(&self) {
        for (ty, id) in hand::session_type_ids() {
            assert_eq!(ty.constructor_id(), id, "{ty:?}");
        }

        // session
        let bytes = &self.session_bytes;
        assert_eq!(&tl_proto::serialize(self.session_proto.as_boxed()), bytes);
        assert_eq!(&hand::encode_session(&self.session).unwrap(), bytes);
        assert_eq!(tl_core::from_bytes::<Session>(bytes).unwrap(), self.session);
        let borrowed = tl_core::from_bytes::<ours::SessionRef<'_>>(bytes).unwrap();
        assert_eq!(&tl_core::to_bytes(&borrowed).unwrap(), bytes);
        assert_eq!(hand::decode_session(bytes).unwrap(), self.session);
        assert_eq!(
            tl_proto::deserialize_as_boxed::<proto::Session>(bytes).unwrap(),
            self.session_proto
        );
        let borrowed = tl_proto::deserialize_as_boxed::<proto::SessionRef<'_>>(bytes).unwrap();
        assert_eq!(&tl_proto::serialize(borrowed.as_boxed()), bytes);
        assert_eq!(borrowed.location, self.session.location);

        // authorization, in each field form
        let bytes = &self.authorization_bytes;
        assert_eq!(&bytes[..8], &[0x1d, 0xd6, 0x01, 0xad, 0x13, 0, 0, 0]);
        assert_eq!(&tl_proto::serialize(&self.authorization_proto), bytes);
        assert_eq!(&self.authorization_gram.to_bytes(), bytes);
        assert_eq!(
            &hand::encode_authorization(&self.authorization).unwrap(),
            bytes
        );
        assert_eq!(
            tl_core::from_bytes::<Authorization>(bytes).unwrap(),
            self.authorization
        );
        assert_eq!(
            hand::decode_authorization(bytes).unwrap(),
            self.authorization
        );
        assert_eq!(
            tl_proto::deserialize::<proto::Authorization>(bytes).unwrap(),
            self.authorization_proto
        );
        assert_eq!(
            enums::Authorization::from_bytes(bytes).unwrap(),
            self.authorization_gram
        );
        assert_eq!(&tl_core::to_bytes(&self.authorization_vec).unwrap(), bytes);
        assert_eq!(&tl_proto::serialize(&self.authorization_vec_proto), bytes);
        assert_eq!(
            tl_core::from_bytes::<AuthorizationBytes>(bytes).unwrap(),
            self.authorization_vec
        );
        assert_eq!(
            tl_proto::deserialize::<proto::AuthorizationBytes>(bytes).unwrap(),
            self.authorization_vec_proto
        );
        let ours_ref = tl_core::from_bytes::<AuthorizationRef<'_>>(bytes).unwrap();
        assert_eq!(&tl_core::to_bytes(&ours_ref).unwrap(), bytes);
        assert_eq!(ours_ref.region, self.authorization.region.as_bytes());
        assert_eq!(hand::decode_authorization_ref(bytes).unwrap(), ours_ref);
        let proto_ref = tl_proto::deserialize::<proto::AuthorizationRef<'_>>(bytes).unwrap();
        assert_eq!(&tl_proto::serialize(&proto_ref), bytes);
        let ours_str = tl_core::from_bytes::<AuthorizationStr<'_>>(bytes).unwrap();
        assert_eq!(&tl_core::to_bytes(&ours_str).unwrap(), bytes);
        assert_eq!(ours_str.region, self.authorization.region);
        assert_eq!(hand::decode_authorization_str(bytes).unwrap(), ours_str);
        let proto_str = tl_proto::deserialize::<proto::AuthorizationStr<'_>>(bytes).unwrap();
        assert_eq!(&tl_proto::serialize(&proto_str), bytes);

        // sessions
        let bytes = &self.sessions_bytes;
        assert_eq!(&tl_proto::serialize(&self.sessions_proto), bytes);
        assert_eq!(&hand::encode_sessions(&self.sessions).unwrap(), bytes);
        let borrowed = tl_core::from_bytes::<ours::SessionsRef<'_>>(bytes).unwrap();
        assert_eq!(&tl_core::to_bytes(&borrowed).unwrap(), bytes);
        assert_eq!(
            tl_core::from_bytes::<Sessions>(bytes).unwrap(),
            self.sessions
        );
        assert_eq!(hand::decode_sessions(bytes).unwrap(), self.sessions);
        assert_eq!(
            tl_proto::deserialize::<proto::Sessions>(bytes).unwrap(),
            self.sessions_proto
        );
        let borrowed = tl_proto::deserialize::<proto::SessionsRef<'_>>(bytes).unwrap();
        assert_eq!(&tl_proto::serialize(&borrowed), bytes);

        // 1 MiB bytes (compared without printing a megabyte on failure)
        let bytes = &self.file_part_bytes;
        assert_eq!(bytes.len(), 4 + 8 + 4 + 4 + (1 << 20));
        assert!(&tl_proto::serialize(&self.file_part_proto) == bytes);
        assert!(&self.file_part_gram.to_bytes() == bytes);
        assert!(&hand::encode_save_file_part(&self.file_part).unwrap() == bytes);
        assert!(tl_core::from_bytes::<SaveFilePart>(bytes).unwrap() == self.file_part);
        assert!(hand::decode_save_file_part(bytes).unwrap() == self.file_part);
        assert!(
            tl_proto::deserialize::<proto::SaveFilePart>(bytes).unwrap() == self.file_part_proto
        );
        assert!(gram::decode_save_file_part(bytes).unwrap() == self.file_part_gram);
        let ours_ref = tl_core::from_bytes::<SaveFilePartRef<'_>>(bytes).unwrap();
        assert!(ours_ref.bytes == &self.file_part.bytes[..]);
        let proto_ref = tl_proto::deserialize::<proto::SaveFilePartRef<'_>>(bytes).unwrap();
        assert!(proto_ref.bytes == &self.file_part.bytes[..]);

        // peer, 10 000 peers
        let bytes = &self.peer_bytes;
        assert_eq!(bytes.len(), 12);
        assert_eq!(&tl_proto::serialize(self.peer_proto), bytes);
        assert_eq!(&self.peer_gram.to_bytes(), bytes);
        assert_eq!(tl_core::from_bytes::<Peer>(bytes).unwrap(), self.peer);
        assert_eq!(
            tl_proto::deserialize::<proto::Peer>(bytes).unwrap(),
            self.peer_proto
        );
        assert_eq!(enums::Peer::from_bytes(bytes).unwrap(), self.peer_gram);
        let bytes = &self.peers_bytes;
        assert_eq!(bytes.len(), 8 + 12 * self.peers.len());
        assert_eq!(&tl_proto::serialize(&self.peers_proto), bytes);
        assert_eq!(&self.peers_gram.to_bytes(), bytes);
        assert_eq!(tl_core::from_bytes::<Vec<Peer>>(bytes).unwrap(), self.peers);
        assert_eq!(
            tl_proto::deserialize::<proto::Peers>(bytes).unwrap(),
            self.peers_proto
        );
        assert_eq!(
            Vec::<enums::Peer>::from_bytes(bytes).unwrap(),
            self.peers_gram
        );

        // rich text, 1 and 100 levels
        for i in 0..2 {
            let bytes = &self.rich_text_bytes[i];
            assert_eq!(&tl_proto::serialize(&self.rich_text_proto[i]), bytes);
            assert_eq!(&self.rich_text_gram[i].to_bytes(), bytes);
            assert_eq!(
                tl_core::from_bytes::<RichText>(bytes).unwrap(),
                self.rich_text[i]
            );
            assert_eq!(
                tl_proto::deserialize::<proto::RichText>(bytes).unwrap(),
                self.rich_text_proto[i]
            );
            assert_eq!(
                enums::RichText::from_bytes(bytes).unwrap(),
                self.rich_text_gram[i]
            );
        }
        assert_eq!(self.rich_text_bytes[1].len(), 4 * (LEVELS - 1) + 4 + 8);

        // messages.messages: grammers writes our bytes (compared without
        // printing 30 kB on failure), so each reads the other's bytes back
        // to its own value.
        let bytes = &self.messages_bytes;
        assert_eq!(&bytes[..4], &0x1d73e7eau32.to_le_bytes());
        assert!(self.messages_gram.to_bytes() == *bytes);
        assert!(
            tl_core::from_bytes::<telegram::enums::messages::Messages>(bytes).unwrap()
                == self.messages
        );
        assert!(enums::messages::Messages::from_bytes(bytes).unwrap() == self.messages_gram);
        let telegram::enums::messages::Messages::Messages(value) = &self.messages else {
            panic!("not messages.messages");
        };
        assert_eq!(value.messages.len(), messages::MESSAGES);
        assert_eq!(value.users.len(), messages::USERS);
        assert_eq!(value.chats.len(), messages::CHATS);

        // JSON
        check_json(
            &self.session_json,
            &self.session_plain,
            &self.session,
            &tl_core::json::to_string(&self.session).unwrap(),
        );
        check_json(
            &self.authorization_json,
            &self.authorization_plain,
            &self.authorization,
            &tl_core::json::to_string(&self.authorization).unwrap(),
        );
        check_json(
            &self.sessions_json,
            &self.sessions_plain,
            &self.sessions,
            &tl_core::json::to_string(&self.sessions).unwrap(),
        );
    }
}

/// `ours` is `plain`'s JSON with `"_"` tags; both read back.
fn check_json<T, P>(ours: &str, plain: &P, value: &T, via_tl_core: &str)
where
    T: serde::de::DeserializeOwned + for<'de> tl_core::json::JsonDecode<'de>,
    T: PartialEq + std::fmt::Debug,
    P: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    assert_eq!(ours, via_tl_core);
    assert_eq!(untagged(ours), serde_json::to_string(plain).unwrap());
    assert_eq!(&serde_json::from_str::<T>(ours).unwrap(), value);
    assert_eq!(&tl_core::json::from_str::<T>(ours).unwrap(), value);
    assert_eq!(
        &serde_json::from_str::<P>(&serde_json::to_string(plain).unwrap()).unwrap(),
        plain
    );
}

/// Our JSON without its tags: `{"_":"x",` becomes `{`, and a unit
/// constructor `{"_":"x"}` the string `"x"`.
fn untagged(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = rest.find(r#"{"_":""#) {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 6..];
        let end = tail.find('"').unwrap();
        let name = &tail[..end];
        let after = &tail[end + 1..];
        if let Some(after) = after.strip_prefix('}') {
            out.push('"');
            out.push_str(name);
            out.push('"');
            rest = after;
        } else {
            out.push('{');
            rest = after.strip_prefix(',').unwrap();
        }
    }
    out.push_str(rest);
    out
}

fn group<'a>(c: &'a mut Criterion, name: &str, bytes: usize) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group
}

/// The call-boundary group of the inlined group `name`: `name@call`, every
/// competitor behind its own `#[inline(never)]` function of `calls`,
/// measured for [`CALL_MEASUREMENT`] after [`CALL_WARM_UP`].
fn call_group<'a>(c: &'a mut Criterion, name: &str, bytes: usize) -> BenchmarkGroup<'a, WallTime> {
    let mut group = group(c, &format!("{name}{}", tl_bench::report::CALL), bytes);
    group.warm_up_time(CALL_WARM_UP);
    group.measurement_time(CALL_MEASUREMENT);
    group
}

fn session(c: &mut Criterion, f: &Fixtures) {
    let bytes = &f.session_bytes[..];
    let mut g = group(c, "session/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::to_bytes(black_box(&f.session)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::serialize(black_box(&f.session_proto).as_boxed()))
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| hand::encode_session(black_box(&f.session)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| black_box(bytes).to_vec()));
    g.finish();
    let mut g = call_group(c, "session/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_session_encode(black_box(&f.session)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_session_encode(black_box(&f.session_proto)))
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| calls::hand_session_encode(black_box(&f.session)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| calls::memcpy(black_box(bytes))));
    g.finish();

    let mut g = group(c, "session/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<Session>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize_as_boxed::<proto::Session>(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| hand::decode_session(black_box(bytes)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| black_box(bytes).to_vec()));
    g.finish();
    let mut g = call_group(c, "session/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_session_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_session_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| calls::hand_session_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| calls::memcpy(black_box(bytes))));
    g.finish();

    let mut g = group(c, "session/decode_borrowed_str", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<ours::SessionRef<'_>>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| {
            tl_proto::deserialize_as_boxed::<proto::SessionRef<'_>>(black_box(bytes)).unwrap()
        })
    });
    g.finish();
    let mut g = call_group(c, "session/decode_borrowed_str", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_session_decode_borrowed_str(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_session_decode_borrowed_str(black_box(bytes)).unwrap())
    });
    g.finish();
}

fn authorization(c: &mut Criterion, f: &Fixtures) {
    let bytes = &f.authorization_bytes[..];
    let mut g = group(c, "authorization/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::to_bytes(black_box(&f.authorization)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::serialize(black_box(&f.authorization_proto)))
    });
    g.bench_function("grammers", |b| {
        b.iter(|| black_box(&f.authorization_gram).to_bytes())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| hand::encode_authorization(black_box(&f.authorization)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| black_box(bytes).to_vec()));
    g.finish();
    let mut g = call_group(c, "authorization/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_authorization_encode(black_box(&f.authorization)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_authorization_encode(black_box(&f.authorization_proto)))
    });
    g.bench_function("grammers", |b| {
        b.iter(|| calls::gram_authorization_encode(black_box(&f.authorization_gram)))
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| calls::hand_authorization_encode(black_box(&f.authorization)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| calls::memcpy(black_box(bytes))));
    g.finish();

    let mut g = group(c, "authorization/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<Authorization>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize::<proto::Authorization>(black_box(bytes)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| enums::Authorization::from_bytes(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| hand::decode_authorization(black_box(bytes)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| black_box(bytes).to_vec()));
    g.finish();
    let mut g = call_group(c, "authorization/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_authorization_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_authorization_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| calls::gram_authorization_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| calls::hand_authorization_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| calls::memcpy(black_box(bytes))));
    g.finish();

    let mut g = group(c, "authorization/encode_bytes", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::to_bytes(black_box(&f.authorization_vec)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::serialize(black_box(&f.authorization_vec_proto)))
    });
    g.finish();
    let mut g = call_group(c, "authorization/encode_bytes", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_authorization_encode_bytes(black_box(&f.authorization_vec)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_authorization_encode_bytes(black_box(&f.authorization_vec_proto)))
    });
    g.finish();

    let mut g = group(c, "authorization/decode_bytes", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<AuthorizationBytes>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize::<proto::AuthorizationBytes>(black_box(bytes)).unwrap())
    });
    g.finish();
    let mut g = call_group(c, "authorization/decode_bytes", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_authorization_decode_bytes(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_authorization_decode_bytes(black_box(bytes)).unwrap())
    });
    g.finish();

    let mut g = group(c, "authorization/decode_borrowed_bytes", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<AuthorizationRef<'_>>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize::<proto::AuthorizationRef<'_>>(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| hand::decode_authorization_ref(black_box(bytes)).unwrap())
    });
    g.finish();
    let mut g = call_group(c, "authorization/decode_borrowed_bytes", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_authorization_decode_borrowed_bytes(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_authorization_decode_borrowed_bytes(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| calls::hand_authorization_decode_borrowed_bytes(black_box(bytes)).unwrap())
    });
    g.finish();

    let mut g = group(c, "authorization/decode_borrowed_str", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<AuthorizationStr<'_>>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize::<proto::AuthorizationStr<'_>>(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| hand::decode_authorization_str(black_box(bytes)).unwrap())
    });
    g.finish();
    let mut g = call_group(c, "authorization/decode_borrowed_str", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_authorization_decode_borrowed_str(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_authorization_decode_borrowed_str(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| calls::hand_authorization_decode_borrowed_str(black_box(bytes)).unwrap())
    });
    g.finish();
}

fn sessions(c: &mut Criterion, f: &Fixtures) {
    let bytes = &f.sessions_bytes[..];
    let mut g = group(c, "sessions_1000/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::to_bytes(black_box(&f.sessions)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::serialize(black_box(&f.sessions_proto)))
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| hand::encode_sessions(black_box(&f.sessions)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| black_box(bytes).to_vec()));
    g.finish();
    let mut g = call_group(c, "sessions_1000/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_sessions_encode(black_box(&f.sessions)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_sessions_encode(black_box(&f.sessions_proto)))
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| calls::hand_sessions_encode(black_box(&f.sessions)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| calls::memcpy(black_box(bytes))));
    g.finish();

    let mut g = group(c, "sessions_1000/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<Sessions>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize::<proto::Sessions>(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| hand::decode_sessions(black_box(bytes)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| black_box(bytes).to_vec()));
    g.finish();
    let mut g = call_group(c, "sessions_1000/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_sessions_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_sessions_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| calls::hand_sessions_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| calls::memcpy(black_box(bytes))));
    g.finish();

    let mut g = group(c, "sessions_1000/decode_borrowed_str", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<ours::SessionsRef<'_>>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize::<proto::SessionsRef<'_>>(black_box(bytes)).unwrap())
    });
    g.finish();
    let mut g = call_group(c, "sessions_1000/decode_borrowed_str", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_sessions_decode_borrowed_str(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_sessions_decode_borrowed_str(black_box(bytes)).unwrap())
    });
    g.finish();
}

fn bytes_1mib(c: &mut Criterion, f: &Fixtures) {
    let bytes = &f.file_part_bytes[..];
    let mut g = group(c, "bytes_1MiB/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::to_bytes(black_box(&f.file_part)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::serialize(black_box(&f.file_part_proto)))
    });
    g.bench_function("grammers", |b| {
        b.iter(|| black_box(&f.file_part_gram).to_bytes())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| hand::encode_save_file_part(black_box(&f.file_part)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| black_box(bytes).to_vec()));
    g.finish();
    let mut g = call_group(c, "bytes_1MiB/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_file_part_encode(black_box(&f.file_part)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_file_part_encode(black_box(&f.file_part_proto)))
    });
    g.bench_function("grammers", |b| {
        b.iter(|| calls::gram_file_part_encode(black_box(&f.file_part_gram)))
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| calls::hand_file_part_encode(black_box(&f.file_part)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| calls::memcpy(black_box(bytes))));
    g.finish();

    let mut g = group(c, "bytes_1MiB/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<SaveFilePart>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize::<proto::SaveFilePart>(black_box(bytes)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| gram::decode_save_file_part(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| hand::decode_save_file_part(black_box(bytes)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| black_box(bytes).to_vec()));
    g.finish();
    let mut g = call_group(c, "bytes_1MiB/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_file_part_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_file_part_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| calls::gram_file_part_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("hand-written", |b| {
        b.iter(|| calls::hand_file_part_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("memcpy", |b| b.iter(|| calls::memcpy(black_box(bytes))));
    g.finish();

    let mut g = group(c, "bytes_1MiB/decode_borrowed_bytes", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<SaveFilePartRef<'_>>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize::<proto::SaveFilePartRef<'_>>(black_box(bytes)).unwrap())
    });
    g.finish();
    let mut g = call_group(c, "bytes_1MiB/decode_borrowed_bytes", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_file_part_decode_borrowed_bytes(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_file_part_decode_borrowed_bytes(black_box(bytes)).unwrap())
    });
    g.finish();
}

/// One `Peer`, then `Vector<Peer>` of 10 000: the cost per element next to
/// the cost of one.
fn peers(c: &mut Criterion, f: &Fixtures) {
    let bytes = &f.peer_bytes[..];
    let mut g = group(c, "peer/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::to_bytes(black_box(&f.peer)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::serialize(black_box(&f.peer_proto)))
    });
    g.bench_function("grammers", |b| {
        b.iter(|| black_box(&f.peer_gram).to_bytes())
    });
    g.finish();
    let mut g = call_group(c, "peer/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_peer_encode(black_box(&f.peer)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_peer_encode(black_box(&f.peer_proto)))
    });
    g.bench_function("grammers", |b| {
        b.iter(|| calls::gram_peer_encode(black_box(&f.peer_gram)))
    });
    g.finish();

    let mut g = group(c, "peer/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<Peer>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize::<proto::Peer>(black_box(bytes)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| enums::Peer::from_bytes(black_box(bytes)).unwrap())
    });
    g.finish();
    let mut g = call_group(c, "peer/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_peer_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_peer_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| calls::gram_peer_decode(black_box(bytes)).unwrap())
    });
    g.finish();

    let bytes = &f.peers_bytes[..];
    let mut g = group(c, "peers_10000/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::to_bytes(black_box(&f.peers)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::serialize(black_box(&f.peers_proto)))
    });
    g.bench_function("grammers", |b| {
        b.iter(|| black_box(&f.peers_gram).to_bytes())
    });
    g.finish();
    let mut g = call_group(c, "peers_10000/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_peers_encode(black_box(&f.peers)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_peers_encode(black_box(&f.peers_proto)))
    });
    g.bench_function("grammers", |b| {
        b.iter(|| calls::gram_peers_encode(black_box(&f.peers_gram)))
    });
    g.finish();

    let mut g = group(c, "peers_10000/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::from_bytes::<Vec<Peer>>(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| tl_proto::deserialize::<proto::Peers>(black_box(bytes)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| Vec::<enums::Peer>::from_bytes(black_box(bytes)).unwrap())
    });
    g.finish();
    let mut g = call_group(c, "peers_10000/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_peers_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("tl-proto", |b| {
        b.iter(|| calls::proto_peers_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| calls::gram_peers_decode(black_box(bytes)).unwrap())
    });
    g.finish();
}

/// `RichText` of 1 and of [`LEVELS`] levels: the cost per level next to
/// the cost of one.
fn rich_text(c: &mut Criterion, f: &Fixtures) {
    for (i, name) in ["rich_text_1", "rich_text_100"].into_iter().enumerate() {
        let bytes = &f.rich_text_bytes[i][..];
        let mut g = group(c, &format!("{name}/encode"), bytes.len());
        g.bench_function("ours", |b| {
            b.iter(|| tl_core::to_bytes(black_box(&f.rich_text[i])).unwrap())
        });
        g.bench_function("tl-proto", |b| {
            b.iter(|| tl_proto::serialize(black_box(&f.rich_text_proto[i])))
        });
        g.bench_function("grammers", |b| {
            b.iter(|| black_box(&f.rich_text_gram[i]).to_bytes())
        });
        g.finish();
        let mut g = call_group(c, &format!("{name}/encode"), bytes.len());
        g.bench_function("ours", |b| {
            b.iter(|| calls::ours_rich_text_encode(black_box(&f.rich_text[i])).unwrap())
        });
        g.bench_function("tl-proto", |b| {
            b.iter(|| calls::proto_rich_text_encode(black_box(&f.rich_text_proto[i])))
        });
        g.bench_function("grammers", |b| {
            b.iter(|| calls::gram_rich_text_encode(black_box(&f.rich_text_gram[i])))
        });
        g.finish();

        let mut g = group(c, &format!("{name}/decode"), bytes.len());
        g.bench_function("ours", |b| {
            b.iter(|| tl_core::from_bytes::<RichText>(black_box(bytes)).unwrap())
        });
        g.bench_function("tl-proto", |b| {
            b.iter(|| tl_proto::deserialize::<proto::RichText>(black_box(bytes)).unwrap())
        });
        g.bench_function("grammers", |b| {
            b.iter(|| enums::RichText::from_bytes(black_box(bytes)).unwrap())
        });
        g.finish();
        let mut g = call_group(c, &format!("{name}/decode"), bytes.len());
        g.bench_function("ours", |b| {
            b.iter(|| calls::ours_rich_text_decode(black_box(bytes)).unwrap())
        });
        g.bench_function("tl-proto", |b| {
            b.iter(|| calls::proto_rich_text_decode(black_box(bytes)).unwrap())
        });
        g.bench_function("grammers", |b| {
            b.iter(|| calls::gram_rich_text_decode(black_box(bytes)).unwrap())
        });
        g.finish();
    }
}

/// `messages.messages` of 100 messages, 20 users and 5 chats: ours
/// (tl-gen's types) and grammers'; tl-proto has no Telegram API types.
fn messages_100(c: &mut Criterion, f: &Fixtures) {
    let bytes = &f.messages_bytes[..];
    let mut g = group(c, "messages_100/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| tl_core::to_bytes(black_box(&f.messages)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| black_box(&f.messages_gram).to_bytes())
    });
    g.finish();
    let mut g = call_group(c, "messages_100/encode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_messages_encode(black_box(&f.messages)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| calls::gram_messages_encode(black_box(&f.messages_gram)))
    });
    g.finish();

    let mut g = group(c, "messages_100/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| {
            tl_core::from_bytes::<telegram::enums::messages::Messages>(black_box(bytes)).unwrap()
        })
    });
    g.bench_function("grammers", |b| {
        b.iter(|| enums::messages::Messages::from_bytes(black_box(bytes)).unwrap())
    });
    g.finish();
    let mut g = call_group(c, "messages_100/decode", bytes.len());
    g.bench_function("ours", |b| {
        b.iter(|| calls::ours_messages_decode(black_box(bytes)).unwrap())
    });
    g.bench_function("grammers", |b| {
        b.iter(|| calls::gram_messages_decode(black_box(bytes)).unwrap())
    });
    g.finish();
}

/// JSON of one case: ours, serde_derive untagged (`P`) and serde_derive
/// tagged (`Q`) through serde_json, and ours through `tl_core::json` (which
/// tracks the JSON path for its errors).
fn json_case<T, P, Q>(c: &mut Criterion, name: &str, value: &T, plain: &P, json: &str)
where
    T: serde::Serialize + serde::de::DeserializeOwned + tl_core::json::JsonEncode,
    T: for<'de> tl_core::json::JsonDecode<'de>,
    P: serde::Serialize + serde::de::DeserializeOwned,
    Q: serde::Serialize + serde::de::DeserializeOwned,
{
    let plain_json = serde_json::to_string(plain).unwrap();
    let tagged: Q = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_string(&tagged).unwrap(), json);
    let mut g = group(c, &format!("json/{name}/serialize"), json.len());
    g.bench_function("ours", |b| {
        b.iter(|| serde_json::to_string(black_box(value)).unwrap())
    });
    g.bench_function("serde_derive", |b| {
        b.iter(|| serde_json::to_string(black_box(plain)).unwrap())
    });
    g.bench_function("serde_derive, tagged", |b| {
        b.iter(|| serde_json::to_string(black_box(&tagged)).unwrap())
    });
    g.bench_function("tl_core::json", |b| {
        b.iter(|| tl_core::json::to_string(black_box(value)).unwrap())
    });
    g.finish();

    let mut g = group(c, &format!("json/{name}/deserialize"), json.len());
    g.bench_function("ours", |b| {
        b.iter(|| serde_json::from_str::<T>(black_box(json)).unwrap())
    });
    g.bench_function("serde_derive", |b| {
        b.iter(|| serde_json::from_str::<P>(black_box(&plain_json)).unwrap())
    });
    g.bench_function("serde_derive, tagged", |b| {
        b.iter(|| serde_json::from_str::<Q>(black_box(json)).unwrap())
    });
    g.bench_function("tl_core::json", |b| {
        b.iter(|| tl_core::json::from_str::<T>(black_box(json)).unwrap())
    });
    g.finish();
}

fn json(c: &mut Criterion, f: &Fixtures) {
    json_case::<_, _, tagged::Session>(c, "session", &f.session, &f.session_plain, &f.session_json);
    json_case::<_, _, tagged::Authorization>(
        c,
        "authorization",
        &f.authorization,
        &f.authorization_plain,
        &f.authorization_json,
    );
    json_case::<_, _, tagged::Sessions>(
        c,
        "sessions_1000",
        &f.sessions,
        &f.sessions_plain,
        &f.sessions_json,
    );
}

fn main() {
    let fixtures = Fixtures::new();
    fixtures.check();

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .configure_from_args();
    session(&mut c, &fixtures);
    authorization(&mut c, &fixtures);
    sessions(&mut c, &fixtures);
    bytes_1mib(&mut c, &fixtures);
    peers(&mut c, &fixtures);
    rich_text(&mut c, &fixtures);
    messages_100(&mut c, &fixtures);
    json(&mut c, &fixtures);
    c.final_summary();

    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and
    // `--test` and `--profile-time` measure nothing.
    let args: Vec<String> = std::env::args().collect();
    let has = |flag: &str| args.iter().any(|arg| arg == flag);
    if has("--bench") && !has("--test") && !has("--profile-time") {
        println!();
        if let Err(error) = tl_bench::report::print(None) {
            eprintln!("no ratio table: {error}");
        }
    }
}
