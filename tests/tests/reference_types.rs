//! The reference types in tl-core: ids, schema lines from td_api.tl, and
//! encodings spelled out from TL's rules.

mod support;

use support::{Expected, sample_session};
use tl_core::{Session, SessionType, Sessions, TlConstructor, TlObject, TlType};

const TD_API: &str = include_str!("../whole-schema/schemas/td_api.tl");

/// The declaration of `name` in td_api.tl, without `;`.
fn td_declaration(name: &str) -> &'static str {
    TD_API
        .lines()
        .find(|line| line.starts_with(&format!("{name} ")))
        .map(|line| line.trim_end().trim_end_matches(';'))
        .unwrap_or_else(|| panic!("{name} not in td_api.tl"))
}

#[test]
fn ids_are_the_published_ones() {
    assert_eq!(Session::ID, 0x09759a3c);
    assert_eq!(Sessions::ID, 0x323dd212);
    assert_eq!(SessionType::Android.constructor_id(), 0x84836098);
    assert_eq!(
        SessionType::Android.constructor_name(),
        "sessionTypeAndroid"
    );
    assert_eq!(SessionType::Xbox.constructor_name(), "sessionTypeXbox");
}

#[test]
fn schema_lines_equal_td_api() {
    assert_eq!(Session::SCHEMA, td_declaration("session"));
    assert_eq!(Sessions::SCHEMA, td_declaration("sessions"));
    assert_eq!(Session::NAME, "session");
    assert_eq!(Sessions::NAME, "sessions");
}

#[test]
fn every_session_type_constructor_is_in_td_api() {
    let constructors = <SessionType as TlType>::CONSTRUCTORS;
    assert_eq!(constructors.len(), 17);
    let in_schema: Vec<&str> = TD_API
        .lines()
        .filter(|line| line.ends_with("= SessionType;"))
        .map(|line| line.split(' ').next().unwrap())
        .collect();
    let ours: Vec<&str> = constructors.iter().map(|c| c.name).collect();
    assert_eq!(ours, in_schema);
    for constructor in constructors {
        let line = format!("{} = SessionType", constructor.name);
        assert_eq!(constructor.id, crc32fast::hash(line.as_bytes()), "{line}");
    }
}

#[test]
fn session_encodes_field_by_field() {
    let session = sample_session(4);
    let expected = Expected::default()
        .id(0x09759a3c)
        .int64(session.id)
        .boolean(true) // is_current
        .boolean(false) // is_password_pending
        .boolean(true) // is_unconfirmed
        .boolean(false) // can_accept_secret_chats
        .boolean(true) // can_accept_calls
        .id(crc32fast::hash(b"sessionTypeIphone = SessionType"))
        .int32(2044)
        .string("Telegram Desktop")
        .string("5.4.1 x64")
        .boolean(true)
        .string("MacBookPro18,3")
        .string("macOS")
        .string("")
        .int32(1_700_000_004)
        .int32(1_732_000_000)
        .string("2001:db8::1")
        .string("Zürich, Switzerland")
        .bytes();
    let bytes = tl_core::to_bytes(&session).unwrap();
    assert_eq!(bytes, expected);
    assert_eq!(tl_core::from_bytes::<Session>(&bytes).unwrap(), session);

    // Bare: the same without the constructor id.
    let bare = tl_core::to_bytes_bare(&session).unwrap();
    assert_eq!(bare, expected[4..]);
    assert_eq!(tl_core::from_bytes_bare::<Session>(&bare).unwrap(), session);
}

#[test]
fn sessions_holds_a_bare_vector_of_bare_sessions() {
    let sessions = Sessions {
        sessions: (0..3).map(sample_session).collect(),
        inactive_session_ttl_days: 366,
    };
    let mut expected = Expected::default().id(0x323dd212).int32(3);
    for session in &sessions.sessions {
        // vector<session>: no vector id, no session id, only fields.
        let boxed = tl_core::to_bytes(session).unwrap();
        assert_eq!(boxed[..4], 0x09759a3c_u32.to_le_bytes());
        expected = expected.raw(&boxed[4..]);
    }
    let expected = expected.int32(366).bytes();
    let bytes = tl_core::to_bytes(&sessions).unwrap();
    assert_eq!(bytes, expected);
    assert_eq!(tl_core::from_bytes::<Sessions>(&bytes).unwrap(), sessions);

    let empty = Sessions {
        sessions: vec![],
        inactive_session_ttl_days: 1,
    };
    let bytes = tl_core::to_bytes(&empty).unwrap();
    assert_eq!(
        bytes,
        Expected::default().id(0x323dd212).int32(0).int32(1).bytes()
    );
}

#[test]
fn session_type_round_trips_every_constructor() {
    for constructor in <SessionType as TlType>::CONSTRUCTORS {
        let bytes = constructor.id.to_le_bytes();
        let value: SessionType = tl_core::from_bytes(&bytes).unwrap();
        assert_eq!(value.constructor_name(), constructor.name);
        assert_eq!(tl_core::to_bytes(&value).unwrap(), bytes);
    }
}

#[test]
fn unknown_session_type_names_id_type_and_offset() {
    let mut bytes = tl_core::to_bytes(&sample_session(1)).unwrap();
    // The type field sits after id (8), five Bools (20) and the session id (4).
    bytes[32..36].copy_from_slice(&0xdeadbeef_u32.to_le_bytes());
    let error = tl_core::from_bytes::<Session>(&bytes).unwrap_err();
    assert_eq!(error.offset(), Some(32));
    assert_eq!(error.path_string(), "type");
    let message = error.to_string();
    assert!(
        message.starts_with(
            "unexpected constructor id 0xdeadbeef: expected SessionType \
             (sessionTypeAndroid#84836098, sessionTypeApple#"
        ),
        "{message}"
    );
    assert!(
        message.ends_with(", and 9 more) at byte 32 in `type`"),
        "{message}"
    );
}

#[test]
fn error_path_goes_through_vectors() {
    let sessions = Sessions {
        sessions: (0..3).map(sample_session).collect(),
        inactive_session_ttl_days: 7,
    };
    let mut bytes = tl_core::to_bytes(&sessions).unwrap();
    let first_len = tl_core::to_bytes_bare(&sessions.sessions[0]).unwrap().len();
    let second_len = tl_core::to_bytes_bare(&sessions.sessions[1]).unwrap().len();
    // is_current of sessions[2]: header 8, two sessions, then its id (8).
    let at = 8 + first_len + second_len + 8;
    bytes[at..at + 4].copy_from_slice(&[1, 2, 3, 4]);
    let error = tl_core::from_bytes::<Sessions>(&bytes).unwrap_err();
    assert_eq!(error.path_string(), "sessions[2].is_current");
    assert_eq!(error.offset(), Some(at));
    assert_eq!(
        error.to_string(),
        format!(
            "unexpected constructor id 0x04030201: expected Bool (boolTrue#997275b5, \
             boolFalse#bc799737) at byte {at} in `sessions[2].is_current`"
        )
    );
}

#[test]
fn wrong_top_level_constructor() {
    let bytes = tl_core::to_bytes(&sample_session(0)).unwrap();
    let error = tl_core::from_bytes::<Sessions>(&bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unexpected constructor id 0x09759a3c: expected Sessions (sessions#323dd212) at byte 0"
    );
}

#[test]
fn to_writer_appends() {
    let mut out = vec![0xaa];
    tl_core::to_writer(&SessionType::Android, &mut out).unwrap();
    assert_eq!(out, [0xaa, 0x98, 0x60, 0x83, 0x84]);
}
