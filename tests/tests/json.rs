//! JSON: the `"_"` tag, TDLib's `"@type"`, liberal input, and errors that
//! name the path, the tag and the expected constructors.

mod support;

use support::sample_session;
use tl_core::json::{self, TdJson};
use tl_core::{Session, SessionType, Sessions, TlType};

/// The older `session` of MadelineProto's documentation of TDLib
/// (PWRTelegram JSON), as a user's struct.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(name = "session", ty = "Session")]
struct PwrSession {
    id: i64,
    is_current: bool,
    app_id: i32,
    app_name: String,
    app_version: String,
    is_official_app: bool,
    device_model: String,
    platform: String,
    system_version: String,
    date_created: i32,
    date_active: i32,
    ip: String,
    country: String,
    region: String,
}

const PWR_DOCUMENT: &str = r#"{"_":"session","id":"-5831291398744729812","is_current":true,"app_id":2496,"app_name":"Telegram Web","app_version":"1.28.3 Z","is_official_app":true,"device_model":"Chrome 120","platform":"Windows","system_version":"Windows 10","date_created":1703001234,"date_active":1703009876,"ip":"198.51.100.23","country":"Germany","region":"Berlin"}"#;

#[test]
fn seed_session_document_round_trips_byte_for_byte() {
    let value: PwrSession = serde_json::from_str(PWR_DOCUMENT).unwrap();
    assert_eq!(value.id, -5831291398744729812);
    assert_eq!(value.app_name, "Telegram Web");
    assert_eq!(value.date_active, 1703009876);
    assert_eq!(serde_json::to_string(&value).unwrap(), PWR_DOCUMENT);
    assert_eq!(json::to_string(&value).unwrap(), PWR_DOCUMENT);
    assert_eq!(json::from_str::<PwrSession>(PWR_DOCUMENT).unwrap(), value);
}

/// What TDLib's `td_json_client` sends for `getActiveSessions`' elements.
const TDLIB_SESSION: &str = r#"{
    "@type": "session",
    "id": "3141592653589793238",
    "is_current": false,
    "is_password_pending": false,
    "is_unconfirmed": true,
    "can_accept_secret_chats": true,
    "can_accept_calls": false,
    "type": {"@type": "sessionTypeIphone"},
    "api_id": 10840,
    "application_name": "Telegram iOS",
    "application_version": "11.2 (29911)",
    "is_official_application": true,
    "device_model": "iPhone 15 Pro",
    "platform": "iOS",
    "system_version": "iOS 18.1",
    "log_in_date": 1730000000,
    "last_active_date": 1732100000,
    "ip_address": "2001:db8::7",
    "location": "Lisbon, Portugal",
    "@extra": {"request": 42},
    "@client_id": 1
}"#;

#[test]
fn tdlib_shaped_session_parses_and_prints_in_tdl_shape() {
    let value: Session = json::from_str(TDLIB_SESSION).unwrap();
    assert_eq!(value.id, 3141592653589793238);
    assert_eq!(value.r#type, SessionType::Iphone);
    assert!(value.is_unconfirmed);
    // tdl's shape: "_" first, fields in schema order, int64 as a string,
    // nested objects tagged.
    assert_eq!(
        json::to_string(&value).unwrap(),
        concat!(
            r#"{"_":"session","id":"3141592653589793238","is_current":false,"#,
            r#""is_password_pending":false,"is_unconfirmed":true,"can_accept_secret_chats":true,"#,
            r#""can_accept_calls":false,"type":{"_":"sessionTypeIphone"},"api_id":10840,"#,
            r#""application_name":"Telegram iOS","application_version":"11.2 (29911)","#,
            r#""is_official_application":true,"device_model":"iPhone 15 Pro","platform":"iOS","#,
            r#""system_version":"iOS 18.1","log_in_date":1730000000,"last_active_date":1732100000,"#,
            r#""ip_address":"2001:db8::7","location":"Lisbon, Portugal"}"#
        )
    );
    // And TDLib's own key, selectable for output.
    let td = serde_json::to_string(&TdJson(&value)).unwrap();
    assert!(td.starts_with(r#"{"@type":"session","id":"3141592653589793238","#));
    assert!(td.contains(r#""type":{"@type":"sessionTypeIphone"}"#));
    assert_eq!(td, json::to_string_td(&value).unwrap());
}

#[test]
fn binary_json_binary_is_identity_for_every_reference_type() {
    let sessions = Sessions {
        sessions: (0..4).map(sample_session).collect(),
        inactive_session_ttl_days: 183,
    };
    let check = |bytes: Vec<u8>, decode: &dyn Fn(&[u8]) -> Vec<u8>| {
        assert_eq!(decode(&bytes), bytes);
    };
    check(tl_core::to_bytes(&sessions).unwrap(), &|bytes| {
        let value: Sessions = tl_core::from_bytes(bytes).unwrap();
        let text = json::to_string(&value).unwrap();
        let back: Sessions = json::from_str(&text).unwrap();
        let td = json::to_string_td(&back).unwrap();
        let back: Sessions = json::from_str(&td).unwrap();
        tl_core::to_bytes(&back).unwrap()
    });
    check(tl_core::to_bytes(&sample_session(9)).unwrap(), &|bytes| {
        let value: Session = tl_core::from_bytes(bytes).unwrap();
        let back: Session = json::from_str(&json::to_string(&value).unwrap()).unwrap();
        tl_core::to_bytes(&back).unwrap()
    });
    for constructor in <SessionType as TlType>::CONSTRUCTORS {
        check(constructor.id.to_le_bytes().to_vec(), &|bytes| {
            let value: SessionType = tl_core::from_bytes(bytes).unwrap();
            let text = json::to_string(&value).unwrap();
            assert_eq!(text, format!(r#"{{"_":"{}"}}"#, constructor.name));
            let back: SessionType = json::from_str(&text).unwrap();
            tl_core::to_bytes(&back).unwrap()
        });
    }
}

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Numbers {
    long: i64,
    #[tl(ty = "int53")]
    chat_id: i64,
    #[tl(ty = "vector<int53>")]
    member_ids: Vec<i64>,
    int: i32,
    ratio: f64,
    data: Vec<u8>,
    nonce: [u8; 16],
    #[tl(default)]
    note: String,
}

#[test]
fn int64_survives_string_and_number_input_near_the_limits() {
    for long in [i64::MAX, i64::MAX - 1, i64::MIN, i64::MIN + 1, 0, -1] {
        for written in [format!("\"{long}\""), format!("{long}")] {
            let text = format!(
                r#"{{"_":"numbers","long":{written},"chat_id":1,"member_ids":[],"int":"7","ratio":1,"data":"","nonce":"AAAAAAAAAAAAAAAAAAAAAA=="}}"#
            );
            let value: Numbers = json::from_str(&text).unwrap();
            assert_eq!(value.long, long, "{written}");
            assert_eq!(value.int, 7);
            assert_eq!(value.note, "", "#[tl(default)] field");
            let out = json::to_string(&value).unwrap();
            assert!(out.contains(&format!(r#""long":"{long}""#)), "{out}");
        }
    }
}

#[test]
fn int53_is_a_number_and_bounded() {
    let value = Numbers {
        long: 5,
        chat_id: -1001234567890,
        member_ids: vec![9007199254740991, -9007199254740991],
        int: -3,
        ratio: 0.25,
        data: b"hello".to_vec(),
        nonce: [0xab; 16],
        note: "n".into(),
    };
    let text = json::to_string(&value).unwrap();
    assert_eq!(
        text,
        r#"{"_":"numbers","long":"5","chat_id":-1001234567890,"member_ids":[9007199254740991,-9007199254740991],"int":-3,"ratio":0.25,"data":"aGVsbG8=","nonce":"q6urq6urq6urq6urq6urqw==","note":"n"}"#
    );
    assert_eq!(json::from_str::<Numbers>(&text).unwrap(), value);

    let beyond = text.replace("-1001234567890", "9007199254740992");
    let error = json::from_str::<Numbers>(&beyond).unwrap_err();
    assert_eq!(error.path(), "chat_id");
    assert!(
        error
            .to_string()
            .starts_with("chat_id: int53 value 9007199254740992 is out of range -9007199254740991..=9007199254740991"),
        "{error}"
    );
    let too_big = Numbers {
        member_ids: vec![1, 1 << 53],
        ..value.clone()
    };
    let error = json::to_string(&too_big).unwrap_err();
    assert_eq!(error.path(), "member_ids[1]");
    assert!(
        error
            .to_string()
            .contains("int53 value 9007199254740992 is beyond"),
        "{error}"
    );

    let out_of_int32 = text.replace(r#""int":-3"#, r#""int":2147483648"#);
    let error = json::from_str::<Numbers>(&out_of_int32).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("int: int32 value 2147483648 is out of range"),
        "{error}"
    );
}

#[test]
fn invalid_base64_is_an_error() {
    let text = r#"{"_":"numbers","long":"5","chat_id":1,"member_ids":[],"int":1,"ratio":1,"data":"aGV$bG8=","nonce":"q6urq6urq6urq6urq6urqw=="}"#;
    let error = json::from_str::<Numbers>(text).unwrap_err();
    assert_eq!(error.path(), "data");
    assert!(
        error
            .to_string()
            .starts_with("data: invalid base64: unexpected character at index 3"),
        "{error}"
    );
    let short_nonce = text
        .replace("aGV$bG8=", "")
        .replace("q6urq6urq6urq6urq6urqw==", "q6ur");
    let error = json::from_str::<Numbers>(&short_nonce).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("nonce: expected 16 bytes (128 bits) in base64, found 3"),
        "{error}"
    );
}

fn sessions_document(type_of_third: &str) -> String {
    let sessions = Sessions {
        sessions: (0..3).map(sample_session).collect(),
        inactive_session_ttl_days: 30,
    };
    let text = json::to_string(&sessions).unwrap();
    // Replace the type of the third session only.
    let needle = r#""type":{"_":"sessionTypeIphone"}"#;
    let third = text.rmatch_indices(needle).next().unwrap().0;
    format!(
        "{}{}{}",
        &text[..third],
        type_of_third,
        &text[third + needle.len()..]
    )
}

#[test]
fn unknown_tag_names_found_and_expected_with_the_path() {
    let text = sessions_document(r#""type":{"_":"sessionTypeToaster"}"#);
    let error = json::from_str::<Sessions>(&text).unwrap_err();
    assert_eq!(error.path(), "sessions[2].type");
    let message = error.to_string();
    assert!(
        message.starts_with(
            "sessions[2].type: unexpected constructor `sessionTypeToaster` for type SessionType: \
             expected `sessionTypeAndroid`, `sessionTypeApple`, `sessionTypeBrave`,"
        ),
        "{message}"
    );
    assert!(
        message.contains("`sessionTypeXbox` at line 1 column "),
        "{message}"
    );
}

#[test]
fn wrong_tag_on_a_struct() {
    let error = json::from_str::<Session>(r#"{"_":"sessions","sessions":[]}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unexpected constructor `sessions` for type Session: expected `session` at line 1 column 15"
    );
}

#[test]
fn missing_field_is_named() {
    let text = TDLIB_SESSION.replace(r#""api_id": 10840,"#, "");
    let error = json::from_str::<Session>(&text).unwrap_err();
    assert!(
        error.to_string().starts_with("missing field `api_id`"),
        "{error}"
    );
    let error = json::from_str::<Sessions>(r#"{"_":"sessions","sessions":[{"@type":"session"}]}"#)
        .unwrap_err();
    assert_eq!(error.path(), "sessions[0]");
    assert!(
        error
            .to_string()
            .starts_with("sessions[0]: missing field `id`"),
        "{error}"
    );
}

#[test]
fn duplicate_field_is_an_error() {
    let text = PWR_DOCUMENT.replace(r#""ip":"#, r#""app_id":1,"ip":"#);
    let error = json::from_str::<PwrSession>(&text).unwrap_err();
    assert!(
        error.to_string().starts_with("duplicate field `app_id`"),
        "{error}"
    );
}

#[test]
fn enum_without_tag_lists_its_constructors() {
    let text = sessions_document(r#""type":{"platform":"toaster"}"#);
    let error = json::from_str::<Sessions>(&text).unwrap_err();
    assert_eq!(error.path(), "sessions[2].type");
    assert!(
        error.to_string().starts_with(
            "sessions[2].type: missing `_` (or `@type`) naming the constructor of type \
             SessionType: expected `sessionTypeAndroid`,"
        ),
        "{error}"
    );
}

#[test]
fn tag_may_come_late_or_be_a_numeric_id() {
    // The tag after other keys: buffered, then dispatched.
    let value: SessionType =
        json::from_str(r#"{"@extra":{"x":[1,2,{"y":null}]},"@type":"sessionTypeLinux"}"#).unwrap();
    assert_eq!(value, SessionType::Linux);
    // Published ids are signed or unsigned.
    let value: SessionType = json::from_str(r#"{"_":2223202456}"#).unwrap();
    assert_eq!(value, SessionType::Android);
    let value: SessionType = json::from_str(r#"{"_":-2071764840}"#).unwrap();
    assert_eq!(value, SessionType::Android);
    let error = json::from_str::<SessionType>(r#"{"_":1}"#).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("unexpected constructor 0x00000001 for type SessionType"),
        "{error}"
    );
    // A struct's tag anywhere, or absent: the type is known.
    let late = PWR_DOCUMENT
        .replacen(r#""_":"session","#, "", 1)
        .replace('}', r#","_":"session"}"#);
    assert_eq!(
        json::from_str::<PwrSession>(&late).unwrap(),
        json::from_str::<PwrSession>(PWR_DOCUMENT).unwrap()
    );
}

/// An enum whose constructors have fields, with the tag after the fields.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
enum InputFile {
    Id { id: i32 },
    Local { path: String },
    Remote(InputFileRemote),
}

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(ty = "InputFile")]
struct InputFileRemote {
    id: String,
}

#[test]
fn enum_variants_with_fields_read_buffered_entries() {
    let value: InputFile = json::from_str(r#"{"path":"/tmp/a.jpg","_":"inputFileLocal"}"#).unwrap();
    assert_eq!(
        value,
        InputFile::Local {
            path: "/tmp/a.jpg".into()
        }
    );
    let value: InputFile = json::from_str(r#"{"id":"AgAD","@type":"inputFileRemote"}"#).unwrap();
    assert_eq!(
        value,
        InputFile::Remote(InputFileRemote { id: "AgAD".into() })
    );
    assert_eq!(
        json::to_string(&value).unwrap(),
        r#"{"_":"inputFileRemote","id":"AgAD"}"#
    );
    let value: InputFile = json::from_str(r#"{"_":"inputFileId","id":"12"}"#).unwrap();
    assert_eq!(value, InputFile::Id { id: 12 });
    // A second tag must agree with the first.
    let error =
        json::from_str::<InputFile>(r#"{"_":"inputFileId","id":1,"@type":"inputFileLocal"}"#)
            .unwrap_err();
    assert!(
        error.to_string().starts_with(
            "unexpected constructor `inputFileLocal` for type InputFile: expected `inputFileId`"
        ),
        "{error}"
    );
}

#[test]
fn non_object_input() {
    let error = json::from_str::<Session>("[1,2]").unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("invalid type: sequence, expected a `session` object"),
        "{error}"
    );
    let error = json::from_str::<SessionType>(r#""sessionTypeMac""#).unwrap_err();
    assert!(
        error.to_string().starts_with(
            "invalid type: string \"sessionTypeMac\", expected a `SessionType` object"
        ),
        "{error}"
    );
    let error = json::from_str::<SessionType>(r#"{"_":"sessionTypeMac"} x"#).unwrap_err();
    assert!(
        error.to_string().starts_with("trailing characters"),
        "{error}"
    );
}
