//! User structs reproducing TDLib's published ids, and the derive's
//! attributes on plain td types.

mod support;

use support::Expected;
use tl_core::{TlConstructor, TlObject, TlType};

/// TDLib 2018's `session`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(name = "session", ty = "Session", id = 1715359000)]
struct Session2018 {
    id: i64,
    is_current: bool,
    api_id: i32,
    application_name: String,
    application_version: String,
    is_official_application: bool,
    device_model: String,
    platform: String,
    system_version: String,
    log_in_date: i32,
    last_active_date: i32,
    ip: String,
    country: String,
    region: String,
}

/// TDLib 2018's `sessions`: a vector of the struct above, named by its own
/// impl.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(name = "sessions", ty = "Sessions", id = -463118121)]
struct Sessions2018 {
    sessions: Vec<Session2018>,
}

/// `ok = Ok`: a unit struct.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(id = -722616727)]
struct Ok;

/// `error code:int32 message:string = Error`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(id = -1679978726)]
struct Error {
    code: i32,
    message: String,
}

#[test]
fn published_ids() {
    assert_eq!(Session2018::ID as i32, 1715359000);
    assert_eq!(Sessions2018::ID as i32, -463118121);
    assert_eq!(Ok::ID as i32, -722616727);
    assert_eq!(Ok::ID, 0xd4edbe69);
    assert_eq!(Error::ID as i32, -1679978726);
    assert_eq!(
        Sessions2018::SCHEMA,
        "sessions sessions:vector<session> = Sessions"
    );
    assert_eq!(Ok::SCHEMA, "ok = Ok");
}

#[test]
fn unit_struct_round_trips() {
    let bytes = tl_core::to_bytes(&Ok).unwrap();
    assert_eq!(bytes, 0xd4edbe69_u32.to_le_bytes());
    assert_eq!(tl_core::from_bytes::<Ok>(&bytes).unwrap(), Ok);
    assert_eq!(tl_core::to_bytes_bare(&Ok).unwrap(), Vec::<u8>::new());
}

/// Renaming a Rust type does not change an id: the name comes from the
/// type's impl, not from the ident.
mod renamed {
    #[derive(tl_core::TlObject)]
    #[tl(name = "session", ty = "Session")]
    pub struct SomethingElseEntirely {
        pub id: i64,
        pub is_current: bool,
        pub api_id: i32,
        pub application_name: String,
        pub application_version: String,
        pub is_official_application: bool,
        pub device_model: String,
        pub platform: String,
        pub system_version: String,
        pub log_in_date: i32,
        pub last_active_date: i32,
        pub ip: String,
        pub country: String,
        pub region: String,
    }

    #[derive(tl_core::TlObject)]
    #[tl(name = "sessions", ty = "Sessions")]
    pub struct Holder {
        pub sessions: Vec<SomethingElseEntirely>,
    }
}

#[test]
fn ids_follow_tl_names_not_rust_idents() {
    assert_eq!(renamed::Holder::ID, Sessions2018::ID);
    assert_eq!(renamed::SomethingElseEntirely::ID, Session2018::ID);
}

/// Every primitive, with `rename`, raw identifiers and `int53`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Everything {
    r#type: i32,
    #[tl(rename = "long_value")]
    long: i64,
    #[tl(ty = "int53")]
    chat_id: i64,
    ratio: f64,
    flag: bool,
    text: String,
    data: Vec<u8>,
    nonce: [u8; 16],
    key: [u8; 32],
    ids: Vec<i64>,
    nested: Vec<Vec<String>>,
    error: Error,
    errors: Vec<Error>,
}

fn everything() -> Everything {
    Everything {
        r#type: -5,
        long: i64::MIN,
        chat_id: -1001234567890,
        ratio: 0.5,
        flag: true,
        text: "héllo".into(),
        data: vec![0, 1, 2, 255],
        nonce: [7; 16],
        key: [9; 32],
        ids: vec![1, -1],
        nested: vec![vec!["a".into()], vec![]],
        error: Error {
            code: 400,
            message: "BAD".into(),
        },
        errors: vec![Error {
            code: 1,
            message: String::new(),
        }],
    }
}

#[test]
fn everything_schema_and_bytes() {
    assert_eq!(
        Everything::SCHEMA,
        "everything type:int32 long_value:int64 chat_id:int53 ratio:double flag:Bool \
         text:string data:bytes nonce:int128 key:int256 ids:vector<int64> \
         nested:vector<vector<string>> error:error errors:vector<error> = Everything"
    );
    assert_eq!(
        Everything::ID,
        crc32fast::hash(
            b"everything type:int32 long_value:int64 chat_id:int53 ratio:double flag:Bool \
          text:string data:bytes nonce:int128 key:int256 ids:vector int64 \
          nested:vector vector string error:error errors:vector error = Everything"
        )
    );
    let value = everything();
    let expected = Expected::default()
        .id(Everything::ID)
        .int32(-5)
        .int64(i64::MIN)
        .int64(-1001234567890)
        .raw(&0.5f64.to_le_bytes())
        .boolean(true)
        .string("héllo")
        .string([0, 1, 2, 255])
        .raw(&[7; 16])
        .raw(&[9; 32])
        .int32(2)
        .int64(1)
        .int64(-1)
        .int32(2)
        .int32(1)
        .string("a")
        .int32(0)
        // error:error is bare: no id.
        .int32(400)
        .string("BAD")
        .int32(1)
        .int32(1)
        .string("")
        .bytes();
    let bytes = tl_core::to_bytes(&value).unwrap();
    assert_eq!(bytes, expected);
    assert_eq!(tl_core::from_bytes::<Everything>(&bytes).unwrap(), value);
}

/// `bare` and `boxed` override the dialect's default for nested objects.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Overrides {
    #[tl(boxed)]
    error: Error,
    #[tl(boxed)]
    errors: Vec<Error>,
    #[tl(ty = "Vector<Error>")]
    boxed_vector: Vec<Error>,
}

#[test]
fn bare_and_boxed_overrides() {
    assert_eq!(
        Overrides::SCHEMA,
        "overrides error:Error errors:vector<Error> boxed_vector:Vector<Error> = Overrides"
    );
    let error = Error {
        code: 3,
        message: "x".into(),
    };
    let value = Overrides {
        error: error.clone(),
        errors: vec![error.clone()],
        boxed_vector: vec![error],
    };
    let expected = Expected::default()
        .id(Overrides::ID)
        .id(Error::ID)
        .int32(3)
        .string("x")
        .int32(1)
        .id(Error::ID)
        .int32(3)
        .string("x")
        .id(0x1cb5c415)
        .int32(1)
        .id(Error::ID)
        .int32(3)
        .string("x")
        .bytes();
    let bytes = tl_core::to_bytes(&value).unwrap();
    assert_eq!(bytes, expected);
    assert_eq!(tl_core::from_bytes::<Overrides>(&bytes).unwrap(), value);
}

/// An enum mixing unit variants, variants with fields and variants holding
/// a struct, with a recursive `Box`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
enum RichText {
    Plain {
        text: String,
    },
    Bold {
        text: Box<RichText>,
    },
    Concatenation {
        texts: Vec<RichText>,
    },
    Error(RichTextError),
    #[tl(name = "richTextNothing")]
    Empty,
}

/// A struct that is one constructor of an enum builds the enum's type.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(ty = "RichText")]
struct RichTextError {
    code: i32,
    message: String,
}

#[test]
fn enum_variants() {
    assert_eq!(
        <RichText as TlType>::CONSTRUCTORS
            .iter()
            .map(|c| c.name)
            .collect::<Vec<_>>(),
        [
            "richTextPlain",
            "richTextBold",
            "richTextConcatenation",
            "richTextError",
            "richTextNothing"
        ]
    );
    let value = RichText::Concatenation {
        texts: vec![
            RichText::Plain { text: "a".into() },
            RichText::Bold {
                text: Box::new(RichText::Empty),
            },
        ],
    };
    assert_eq!(value.constructor_name(), "richTextConcatenation");
    assert_eq!(
        value.schema(),
        "richTextConcatenation texts:vector<RichText> = RichText"
    );
    assert_eq!(
        value.constructor_id(),
        crc32fast::hash(b"richTextConcatenation texts:vector RichText = RichText")
    );
    let plain_id = crc32fast::hash(b"richTextPlain text:string = RichText");
    let bold_id = crc32fast::hash(b"richTextBold text:RichText = RichText");
    let expected = Expected::default()
        .id(value.constructor_id())
        .int32(2)
        .id(plain_id)
        .string("a")
        .id(bold_id)
        .id(crc32fast::hash(b"richTextNothing = RichText"))
        .bytes();
    let bytes = tl_core::to_bytes(&value).unwrap();
    assert_eq!(bytes, expected);
    assert_eq!(tl_core::from_bytes::<RichText>(&bytes).unwrap(), value);

    // A variant holding a struct is boxed with the struct's own id.
    let error = RichText::Error(RichTextError {
        code: 5,
        message: "m".into(),
    });
    assert_eq!(error.constructor_id(), RichTextError::ID);
    assert_eq!(
        RichTextError::ID,
        crc32fast::hash(b"richTextError code:int32 message:string = RichText")
    );
    let bytes = tl_core::to_bytes(&error).unwrap();
    assert_eq!(
        bytes,
        Expected::default()
            .id(RichTextError::ID)
            .int32(5)
            .string("m")
            .bytes()
    );
    assert_eq!(tl_core::from_bytes::<RichText>(&bytes).unwrap(), error);
}

#[test]
fn object_trait_is_dyn_compatible() {
    let values: Vec<Box<dyn TlObject>> = vec![Box::new(Ok), Box::new(RichText::Empty)];
    let names: Vec<&str> = values.iter().map(|v| v.constructor_name()).collect();
    assert_eq!(names, ["ok", "richTextNothing"]);
}

/// `crate = "..."` for crates that re-export tl_core.
mod reexported {
    pub mod my_runtime {
        pub use tl_core as tl;
    }

    #[derive(tl_core::TlObject)]
    #[tl(crate = "my_runtime::tl")]
    pub struct Ping {
        pub ping_id: i64,
    }
}

#[test]
fn crate_path_override() {
    assert_eq!(
        <reexported::Ping as TlConstructor>::SCHEMA,
        "ping ping_id:int64 = Ping"
    );
    let bytes = tl_core::to_bytes(&reexported::Ping { ping_id: 1 }).unwrap();
    assert_eq!(bytes.len(), 12);
}
