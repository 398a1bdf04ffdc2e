//! One case of the codec benchmark in a loop, for profilers: no criterion,
//! no timing, only the operation `count` times.
//!
//! ```sh
//! cargo bench -p tl-bench --bench profile -- authorization/decode_borrowed_bytes/ours 1000000
//! valgrind --tool=callgrind target/release/deps/profile-* authorization/decode_borrowed_bytes/ours 100000
//! ```
//!
//! Cases named `<group>@call/<competitor>` call the same `#[inline(never)]`
//! functions (`codec/calls.rs`) as the benchmark's call-boundary groups.
//!
//! Without arguments it lists the cases (`cargo bench -p tl-bench` does not
//! run it: `bench = false`). Instructions per operation are the difference
//! of two callgrind runs of different counts, divided by the difference of
//! the counts: the set-up cancels out.

#![allow(dead_code)]

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
#[path = "codec/proto.rs"]
mod proto;

use std::hint::black_box;

use grammers_tl_types::{Deserializable, Serializable, enums};
use tl_proto::BoxedConstructor;

type Case<'a> = (&'static str, Box<dyn Fn() + 'a>);

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();

    let session = ours::session();
    let session_proto = proto::Session::from(&session);
    let session_bytes = tl_core::to_bytes(&session).unwrap();
    let authorization = ours::authorization();
    let authorization_bytes = tl_core::to_bytes(&authorization).unwrap();
    let authorization_proto = proto::Authorization::from(&authorization);
    let authorization_gram = gram::authorization(&authorization);
    let authorization_vec = ours::AuthorizationBytes::from(&authorization);
    let authorization_vec_proto = proto::AuthorizationBytes::from(&authorization);
    let sessions = ours::sessions();
    let sessions_bytes = tl_core::to_bytes(&sessions).unwrap();
    let peers = ours::peers();
    let peers_bytes = tl_core::to_bytes(&peers).unwrap();
    let peer = peers[0];
    let peer_bytes = tl_core::to_bytes(&peer).unwrap();
    let peer_proto = proto::Peer::from(&peer);
    let peer_gram = gram::peer(&peer);
    let peers_proto = proto::Peers {
        items: peers.iter().map(proto::Peer::from).collect(),
    };
    let peers_gram: Vec<enums::Peer> = peers.iter().map(gram::peer).collect();
    let history = messages::history();
    let messages = messages::ours(&history);
    let messages_gram = messages::gram(&history);
    let messages_bytes = tl_core::to_bytes(&messages).unwrap();
    let rich_text_1 = ours::rich_text(1);
    let rich_text_1_bytes = tl_core::to_bytes(&rich_text_1).unwrap();
    let rich_text = ours::rich_text(100);
    let rich_text_bytes = tl_core::to_bytes(&rich_text).unwrap();
    let rich_text_proto = proto::RichText::from(&rich_text);
    let file_part = ours::save_file_part();
    let file_part_bytes = tl_core::to_bytes(&file_part).unwrap();
    let file_part_proto = proto::SaveFilePart::from(&file_part);
    let sessions_proto = proto::Sessions::from(&sessions);
    let rich_text_1_proto = proto::RichText::from(&rich_text_1);

    let s = &session_bytes[..];
    let a = &authorization_bytes[..];
    let ss = &sessions_bytes[..];
    let p = &peer_bytes[..];
    let ps = &peers_bytes[..];
    let r = &rich_text_bytes[..];
    let fp = &file_part_bytes[..];
    let m = &messages_bytes[..];
    let r1 = &rich_text_1_bytes[..];
    let cases: Vec<Case<'_>> = vec![
        (
            "session/encode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_session_encode(black_box(&session)).unwrap(),
                ))
            }),
        ),
        (
            "session/encode@call/tl-proto",
            Box::new(|| {
                keep(black_box(calls::proto_session_encode(black_box(
                    &session_proto,
                ))))
            }),
        ),
        (
            "authorization/encode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_authorization_encode(black_box(&authorization)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/encode@call/tl-proto",
            Box::new(|| {
                keep(black_box(calls::proto_authorization_encode(black_box(
                    &authorization_proto,
                ))))
            }),
        ),
        (
            "authorization/encode@call/grammers",
            Box::new(|| {
                keep(black_box(calls::gram_authorization_encode(black_box(
                    &authorization_gram,
                ))))
            }),
        ),
        (
            "sessions_1000/encode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_sessions_encode(black_box(&sessions)).unwrap(),
                ))
            }),
        ),
        (
            "sessions_1000/encode@call/tl-proto",
            Box::new(|| {
                keep(black_box(calls::proto_sessions_encode(black_box(
                    &sessions_proto,
                ))))
            }),
        ),
        (
            "bytes_1MiB/encode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_file_part_encode(black_box(&file_part)).unwrap(),
                ))
            }),
        ),
        (
            "bytes_1MiB/encode@call/tl-proto",
            Box::new(|| {
                keep(black_box(calls::proto_file_part_encode(black_box(
                    &file_part_proto,
                ))))
            }),
        ),
        (
            "rich_text_1/encode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_rich_text_encode(black_box(&rich_text_1)).unwrap(),
                ))
            }),
        ),
        (
            "rich_text_1/encode@call/tl-proto",
            Box::new(|| {
                keep(black_box(calls::proto_rich_text_encode(black_box(
                    &rich_text_1_proto,
                ))))
            }),
        ),
        (
            "session/encode/ours",
            Box::new(|| keep(black_box(tl_core::to_bytes(black_box(&session)).unwrap()))),
        ),
        (
            "session/encode/tl-proto",
            Box::new(|| {
                keep(black_box(tl_proto::serialize(
                    black_box(&session_proto).as_boxed(),
                )))
            }),
        ),
        (
            "session/decode/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<tl_core::Session>(black_box(s)).unwrap(),
                ))
            }),
        ),
        (
            "session/decode/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize_as_boxed::<proto::Session>(black_box(s)).unwrap(),
                ))
            }),
        ),
        (
            "session/decode_borrowed_str/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<ours::SessionRef<'_>>(black_box(s)).unwrap(),
                ))
            }),
        ),
        (
            "session/decode_borrowed_str/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize_as_boxed::<proto::SessionRef<'_>>(black_box(s)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/encode/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::to_bytes(black_box(&authorization)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/encode/tl-proto",
            Box::new(|| {
                keep(black_box(tl_proto::serialize(black_box(
                    &authorization_proto,
                ))))
            }),
        ),
        (
            "authorization/encode/grammers",
            Box::new(|| keep(black_box(black_box(&authorization_gram).to_bytes()))),
        ),
        (
            "authorization/decode/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<ours::Authorization>(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize::<proto::Authorization>(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode/grammers",
            Box::new(|| {
                keep(black_box(
                    enums::Authorization::from_bytes(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode/hand-written",
            Box::new(|| keep(black_box(hand::decode_authorization(black_box(a)).unwrap()))),
        ),
        (
            "authorization/encode_bytes/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::to_bytes(black_box(&authorization_vec)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/encode_bytes/tl-proto",
            Box::new(|| {
                keep(black_box(tl_proto::serialize(black_box(
                    &authorization_vec_proto,
                ))))
            }),
        ),
        (
            "authorization/decode_bytes/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<ours::AuthorizationBytes>(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode_bytes/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize::<proto::AuthorizationBytes>(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode_borrowed_bytes/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<ours::AuthorizationRef<'_>>(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode_borrowed_bytes/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize::<proto::AuthorizationRef<'_>>(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode_borrowed_bytes/hand-written",
            Box::new(|| {
                keep(black_box(
                    hand::decode_authorization_ref(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode_borrowed_str/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<ours::AuthorizationStr<'_>>(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode_borrowed_str/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize::<proto::AuthorizationStr<'_>>(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode_borrowed_str/hand-written",
            Box::new(|| {
                keep(black_box(
                    hand::decode_authorization_str(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "sessions_1000/decode/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<tl_core::Sessions>(black_box(ss)).unwrap(),
                ))
            }),
        ),
        (
            "sessions_1000/decode_borrowed_str/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<ours::SessionsRef<'_>>(black_box(ss)).unwrap(),
                ))
            }),
        ),
        (
            "sessions_1000/decode_borrowed_str/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize::<proto::SessionsRef<'_>>(black_box(ss)).unwrap(),
                ))
            }),
        ),
        (
            "bytes_1MiB/decode_borrowed_bytes/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<ours::SaveFilePartRef<'_>>(black_box(fp)).unwrap(),
                ))
            }),
        ),
        (
            "bytes_1MiB/decode_borrowed_bytes/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize::<proto::SaveFilePartRef<'_>>(black_box(fp)).unwrap(),
                ))
            }),
        ),
        (
            "peer/encode/ours",
            Box::new(|| keep(black_box(tl_core::to_bytes(black_box(&peer)).unwrap()))),
        ),
        (
            "peer/encode/tl-proto",
            Box::new(|| keep(black_box(tl_proto::serialize(black_box(peer_proto))))),
        ),
        (
            "peer/decode/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<ours::Peer>(black_box(p)).unwrap(),
                ))
            }),
        ),
        (
            "peer/decode/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize::<proto::Peer>(black_box(p)).unwrap(),
                ))
            }),
        ),
        (
            "peers_10000/decode/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<Vec<ours::Peer>>(black_box(ps)).unwrap(),
                ))
            }),
        ),
        (
            "peers_10000/decode/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize::<proto::Peers>(black_box(ps)).unwrap(),
                ))
            }),
        ),
        (
            "peers_10000/decode/grammers",
            Box::new(|| {
                keep(black_box(
                    Vec::<enums::Peer>::from_bytes(black_box(ps)).unwrap(),
                ))
            }),
        ),
        (
            "peers_10000/encode/ours",
            Box::new(|| keep(black_box(tl_core::to_bytes(black_box(&peers)).unwrap()))),
        ),
        (
            "rich_text_100/decode/ours",
            Box::new(|| {
                keep(black_box(
                    tl_core::from_bytes::<ours::RichText>(black_box(r)).unwrap(),
                ))
            }),
        ),
        (
            "rich_text_100/decode/tl-proto",
            Box::new(|| {
                keep(black_box(
                    tl_proto::deserialize::<proto::RichText>(black_box(r)).unwrap(),
                ))
            }),
        ),
        (
            "rich_text_100/encode/ours",
            Box::new(|| keep(black_box(tl_core::to_bytes(black_box(&rich_text)).unwrap()))),
        ),
        (
            "rich_text_100/encode/tl-proto",
            Box::new(|| keep(black_box(tl_proto::serialize(black_box(&rich_text_proto))))),
        ),
        // The call-boundary cases: each competitor behind its own
        // `#[inline(never)]` function, as in the `@call` groups.
        (
            "peer/encode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_peer_encode(black_box(&peer)).unwrap(),
                ))
            }),
        ),
        (
            "peer/encode@call/tl-proto",
            Box::new(|| keep(black_box(calls::proto_peer_encode(black_box(&peer_proto))))),
        ),
        (
            "peer/encode@call/grammers",
            Box::new(|| keep(black_box(calls::gram_peer_encode(black_box(&peer_gram))))),
        ),
        (
            "peer/decode@call/ours",
            Box::new(|| keep(black_box(calls::ours_peer_decode(black_box(p)).unwrap()))),
        ),
        (
            "peer/decode@call/tl-proto",
            Box::new(|| keep(black_box(calls::proto_peer_decode(black_box(p)).unwrap()))),
        ),
        (
            "peer/decode@call/grammers",
            Box::new(|| keep(black_box(calls::gram_peer_decode(black_box(p)).unwrap()))),
        ),
        (
            "peers_10000/encode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_peers_encode(black_box(&peers)).unwrap(),
                ))
            }),
        ),
        (
            "peers_10000/encode@call/tl-proto",
            Box::new(|| {
                keep(black_box(calls::proto_peers_encode(black_box(
                    &peers_proto,
                ))))
            }),
        ),
        (
            "peers_10000/encode@call/grammers",
            Box::new(|| keep(black_box(calls::gram_peers_encode(black_box(&peers_gram))))),
        ),
        (
            "peers_10000/decode@call/ours",
            Box::new(|| keep(black_box(calls::ours_peers_decode(black_box(ps)).unwrap()))),
        ),
        (
            "peers_10000/decode@call/tl-proto",
            Box::new(|| keep(black_box(calls::proto_peers_decode(black_box(ps)).unwrap()))),
        ),
        (
            "peers_10000/decode@call/grammers",
            Box::new(|| keep(black_box(calls::gram_peers_decode(black_box(ps)).unwrap()))),
        ),
        (
            "rich_text_1/decode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_rich_text_decode(black_box(r1)).unwrap(),
                ))
            }),
        ),
        (
            "rich_text_1/decode@call/tl-proto",
            Box::new(|| {
                keep(black_box(
                    calls::proto_rich_text_decode(black_box(r1)).unwrap(),
                ))
            }),
        ),
        (
            "rich_text_1/decode@call/grammers",
            Box::new(|| {
                keep(black_box(
                    calls::gram_rich_text_decode(black_box(r1)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_authorization_decode(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode@call/tl-proto",
            Box::new(|| {
                keep(black_box(
                    calls::proto_authorization_decode(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "authorization/decode@call/grammers",
            Box::new(|| {
                keep(black_box(
                    calls::gram_authorization_decode(black_box(a)).unwrap(),
                ))
            }),
        ),
        (
            "messages_100/encode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_messages_encode(black_box(&messages)).unwrap(),
                ))
            }),
        ),
        (
            "messages_100/encode@call/grammers",
            Box::new(|| {
                keep(black_box(calls::gram_messages_encode(black_box(
                    &messages_gram,
                ))))
            }),
        ),
        (
            "messages_100/decode@call/ours",
            Box::new(|| {
                keep(black_box(
                    calls::ours_messages_decode(black_box(m)).unwrap(),
                ))
            }),
        ),
        (
            "messages_100/decode@call/grammers",
            Box::new(|| {
                keep(black_box(
                    calls::gram_messages_decode(black_box(m)).unwrap(),
                ))
            }),
        ),
    ];

    let Some(name) = args.first() else {
        println!("usage: profile CASE [COUNT]; cases:");
        for (name, _) in &cases {
            println!("  {name}");
        }
        return;
    };
    let count: u64 = args
        .get(1)
        .map_or(1_000_000, |count| count.parse().unwrap());
    let (_, run) = cases
        .iter()
        .find(|(case, _)| case == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    for _ in 0..count {
        run();
    }
}

/// Drops what `black_box` kept, whatever its type.
fn keep<T>(value: T) {
    drop(value)
}
