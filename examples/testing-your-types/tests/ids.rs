//! Pins what each type means on the wire: its schema line, name and id, and
//! the exact bytes and JSON of one value, written out by hand.
//!
//! `#[tl(id = ...)]` already checks the id at compile time, but not every
//! change moves the id: in the mtproto dialect the id ignores
//! `name:flags.N?true` fields, so moving `setup_password_required` to
//! another bit keeps 0x2ea2c0d4 and changes the bytes; and the JSON form is
//! not hashed at all. These tests catch such changes, in your types or in
//! a new tl-core, and show reviewers the encoding.

use my_tl_types::{AuthAuthorization, Error, UserEmpty};
use tl_core::TlConstructor;

fn flood_wait() -> Error {
    Error {
        code: 420,
        message: "FLOOD_WAIT_3".into(),
    }
}

fn authorization() -> AuthAuthorization {
    AuthAuthorization {
        // Bits 1 and 2, from the fields below: what decoding gives back.
        flags: 0b110,
        setup_password_required: true,
        otherwise_relogin_days: Some(30),
        tmp_sessions: None,
        future_auth_token: Some(vec![1, 2, 3]),
        user: UserEmpty { id: 42 },
    }
}

#[test]
fn schema_lines_names_and_ids() {
    assert_eq!(Error::SCHEMA, "error code:int32 message:string = Error");
    assert_eq!(Error::NAME, "error");
    assert_eq!(Error::ID, 0x9bdd8f1a);

    assert_eq!(my_tl_types::Ok::SCHEMA, "ok = Ok");
    assert_eq!(my_tl_types::Ok::NAME, "ok");
    assert_eq!(my_tl_types::Ok::ID, 0xd4edbe69);

    assert_eq!(UserEmpty::SCHEMA, "userEmpty id:long = User");
    assert_eq!(UserEmpty::NAME, "userEmpty");
    assert_eq!(UserEmpty::ID, 0xd3bc4b7a);

    assert_eq!(
        AuthAuthorization::SCHEMA,
        "auth.authorization flags:# setup_password_required:flags.1?true \
         otherwise_relogin_days:flags.1?int tmp_sessions:flags.0?int \
         future_auth_token:flags.2?bytes user:User = auth.Authorization"
    );
    assert_eq!(AuthAuthorization::NAME, "auth.authorization");
    assert_eq!(AuthAuthorization::ID, 0x2ea2c0d4);
}

#[test]
fn error_binary() {
    #[rustfmt::skip]
    let expected = [
        0x1a, 0x8f, 0xdd, 0x9b, // id 0x9bdd8f1a, little-endian
        0xa4, 0x01, 0x00, 0x00, // code: 420
        0x0c, b'F', b'L', b'O', b'O', b'D', b'_', b'W', b'A', b'I', b'T', b'_', b'3', // length 12, text
        0x00, 0x00, 0x00, // zero padding to a multiple of 4
    ];
    assert_eq!(tl_core::to_bytes(&flood_wait()).unwrap(), expected);
    assert_eq!(
        tl_core::from_bytes::<Error>(&expected).unwrap(),
        flood_wait()
    );
}

#[test]
fn error_json() {
    let expected = r#"{"_":"error","code":420,"message":"FLOOD_WAIT_3"}"#;
    assert_eq!(tl_core::json::to_string(&flood_wait()).unwrap(), expected);
    assert_eq!(
        tl_core::json::from_str::<Error>(expected).unwrap(),
        flood_wait()
    );
}

#[test]
fn ok_binary() {
    let expected = [0x69, 0xbe, 0xed, 0xd4]; // the id alone: `ok` has no fields
    assert_eq!(tl_core::to_bytes(&my_tl_types::Ok).unwrap(), expected);
    assert_eq!(
        tl_core::from_bytes::<my_tl_types::Ok>(&expected).unwrap(),
        my_tl_types::Ok
    );
}

#[test]
fn ok_json() {
    let expected = r#"{"_":"ok"}"#;
    assert_eq!(
        tl_core::json::to_string(&my_tl_types::Ok).unwrap(),
        expected
    );
    assert_eq!(
        tl_core::json::from_str::<my_tl_types::Ok>(expected).unwrap(),
        my_tl_types::Ok
    );
}

#[test]
fn user_empty_binary() {
    #[rustfmt::skip]
    let expected = [
        0x7a, 0x4b, 0xbc, 0xd3, // id 0xd3bc4b7a
        0x2a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // id: 42, a long
    ];
    let user = UserEmpty { id: 42 };
    assert_eq!(tl_core::to_bytes(&user).unwrap(), expected);
    assert_eq!(tl_core::from_bytes::<UserEmpty>(&expected).unwrap(), user);
}

#[test]
fn user_empty_json() {
    // A long is a string in JSON: JavaScript numbers lose precision past 2^53.
    let expected = r#"{"_":"userEmpty","id":"42"}"#;
    let user = UserEmpty { id: 42 };
    assert_eq!(tl_core::json::to_string(&user).unwrap(), expected);
    assert_eq!(
        tl_core::json::from_str::<UserEmpty>(expected).unwrap(),
        user
    );
}

#[test]
fn authorization_binary() {
    #[rustfmt::skip]
    let expected = [
        0xd4, 0xc0, 0xa2, 0x2e, // id 0x2ea2c0d4
        0x06, 0x00, 0x00, 0x00, // flags: bits 1 and 2
        // setup_password_required (flags.1?true): the bit alone, no bytes
        0x1e, 0x00, 0x00, 0x00, // otherwise_relogin_days (flags.1?int): 30
        // tmp_sessions (flags.0?int): absent, bit 0 clear
        0x03, 0x01, 0x02, 0x03, // future_auth_token (flags.2?bytes): length 3, bytes
        0x7a, 0x4b, 0xbc, 0xd3, // user:User is boxed: userEmpty's id first
        0x2a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // user.id: 42
    ];
    assert_eq!(tl_core::to_bytes(&authorization()).unwrap(), expected);
    assert_eq!(
        tl_core::from_bytes::<AuthAuthorization>(&expected).unwrap(),
        authorization()
    );

    // The flags word is recomputed on write: a stale value never reaches
    // the wire.
    let stale = AuthAuthorization {
        flags: 0,
        ..authorization()
    };
    assert_eq!(tl_core::to_bytes(&stale).unwrap(), expected);
}

#[test]
fn authorization_json() {
    // No flags word in JSON, absent conditional fields are left out, bytes
    // are base64 ("AQID" is 01 02 03) and the nested object has its own tag.
    let expected = concat!(
        r#"{"_":"auth.authorization","setup_password_required":true,"#,
        r#""otherwise_relogin_days":30,"future_auth_token":"AQID","#,
        r#""user":{"_":"userEmpty","id":"42"}}"#,
    );
    assert_eq!(
        tl_core::json::to_string(&authorization()).unwrap(),
        expected
    );
    assert_eq!(
        tl_core::json::from_str::<AuthAuthorization>(expected).unwrap(),
        authorization()
    );
}
