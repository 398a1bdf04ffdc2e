//! Nullable objects (td): `Option<T>` without `flag`, on the wire and in
//! JSON, as fields and as vector elements.

use tl_core::{ErrorKind, TlConstructor, TlObject};

/// `countryInfo country_code:string name:string english_name:string
/// is_hidden:Bool calling_codes:vector<string> = CountryInfo`
#[derive(TlObject, Debug, Clone, PartialEq)]
struct CountryInfo {
    country_code: String,
    name: String,
    english_name: String,
    is_hidden: bool,
    calling_codes: Vec<String>,
}

/// `phoneNumberInfo country:countryInfo country_calling_code:string
/// formatted_phone_number:string is_anonymous:Bool = PhoneNumberInfo`:
/// `country` may be null.
#[derive(TlObject, Debug, Clone, PartialEq)]
struct PhoneNumberInfo {
    country: Option<CountryInfo>,
    country_calling_code: String,
    formatted_phone_number: String,
    is_anonymous: bool,
}

/// A union held nullable: its value is boxed anyway.
#[derive(TlObject, Debug, Clone, PartialEq)]
enum InputFile {
    #[tl(name = "inputFileId")]
    Id { id: i32 },
    #[tl(name = "inputFileLocal")]
    Local { path: String },
}

/// `message id:int53 text:string = Message`, a stand-in for td's.
#[derive(TlObject, Debug, Clone, PartialEq)]
struct Message {
    #[tl(ty = "int53")]
    id: i64,
    text: String,
}

/// `messages total_count:int32 messages:vector<message> = Messages`: the
/// elements may be null.
#[derive(TlObject, Debug, Clone, PartialEq)]
struct Messages {
    total_count: i32,
    messages: Vec<Option<Message>>,
}

/// A nullable union beside a nullable object.
#[derive(TlObject, Debug, Clone, PartialEq)]
struct SetProfilePhoto {
    photo: Option<InputFile>,
    country: Option<CountryInfo>,
}

/// The same three with each nullable field's `ty` text, as tl-gen writes
/// them: the text is the object's as the line writes it; a present value
/// is still boxed.
mod with_type_texts {
    use super::{CountryInfo, InputFile, Message};

    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(name = "phoneNumberInfo")]
    pub struct PhoneNumberInfo {
        #[tl(ty = "countryInfo")]
        pub country: Option<CountryInfo>,
        pub country_calling_code: String,
        pub formatted_phone_number: String,
        pub is_anonymous: bool,
    }

    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(name = "messages")]
    pub struct Messages {
        pub total_count: i32,
        #[tl(ty = "vector<message>")]
        pub messages: Vec<Option<Message>>,
    }

    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(name = "setProfilePhoto")]
    pub struct SetProfilePhoto {
        #[tl(ty = "InputFile")]
        pub photo: Option<InputFile>,
        #[tl(ty = "countryInfo")]
        pub country: Option<CountryInfo>,
    }
}

fn netherlands() -> CountryInfo {
    CountryInfo {
        country_code: "NL".into(),
        name: "Netherlands".into(),
        english_name: "Netherlands".into(),
        is_hidden: false,
        calling_codes: vec!["31".into()],
    }
}

fn unknown_number() -> PhoneNumberInfo {
    PhoneNumberInfo {
        country: None,
        country_calling_code: String::new(),
        formatted_phone_number: "999123".into(),
        is_anonymous: false,
    }
}

#[test]
fn the_schema_line_and_id_are_tdlibs() {
    let line = "phoneNumberInfo country:countryInfo country_calling_code:string \
                formatted_phone_number:string is_anonymous:Bool = PhoneNumberInfo";
    assert_eq!(PhoneNumberInfo::SCHEMA, line);
    assert_eq!(PhoneNumberInfo::ID, crc32fast::hash(line.as_bytes()));
    assert_eq!(
        Messages::SCHEMA,
        "messages total_count:int32 messages:vector<message> = Messages"
    );
    assert_eq!(
        SetProfilePhoto::SCHEMA,
        "setProfilePhoto photo:InputFile country:countryInfo = SetProfilePhoto"
    );
}

#[test]
fn tdlib_leaves_a_null_object_out_and_so_do_we() -> Result<(), Box<dyn std::error::Error>> {
    // TDLib 1.8.67's reply to getPhoneNumberInfoSync for "+999123".
    let tdlib = r#"{"@type":"phoneNumberInfo","country_calling_code":"","formatted_phone_number":"999123","is_anonymous":false}"#;
    let value: PhoneNumberInfo = tl_core::json::from_str(tdlib)?;
    assert_eq!(value, unknown_number());
    assert_eq!(tl_core::json::to_string_td(&value)?, tdlib);
    // `null` reads as `None` too.
    let null = r#"{"_":"phoneNumberInfo","country":null,"country_calling_code":"","formatted_phone_number":"999123","is_anonymous":false}"#;
    assert_eq!(
        tl_core::json::from_str::<PhoneNumberInfo>(null)?,
        unknown_number()
    );
    Ok(())
}

#[test]
fn a_present_object_reads_and_writes_in_place() -> Result<(), Box<dyn std::error::Error>> {
    let value = PhoneNumberInfo {
        country: Some(netherlands()),
        country_calling_code: "31".into(),
        formatted_phone_number: "6 12345678".into(),
        is_anonymous: false,
    };
    let json = tl_core::json::to_string(&value)?;
    assert!(
        json.starts_with(
            r#"{"_":"phoneNumberInfo","country":{"_":"countryInfo","country_code":"NL","#
        ),
        "{json}"
    );
    assert_eq!(tl_core::json::from_str::<PhoneNumberInfo>(&json)?, value);
    Ok(())
}

#[test]
fn none_is_the_id_of_null_and_some_is_boxed() -> Result<(), tl_core::Error> {
    let none = unknown_number();
    let bytes = tl_core::to_bytes(&none)?;
    assert_eq!(&bytes[4..8], &0x56730bccu32.to_le_bytes());
    assert_eq!(tl_core::from_bytes::<PhoneNumberInfo>(&bytes)?, none);

    let some = PhoneNumberInfo {
        country: Some(netherlands()),
        ..none
    };
    let bytes = tl_core::to_bytes(&some)?;
    // `country:countryInfo` is bare in the schema; present and nullable,
    // it carries its id.
    assert_eq!(&bytes[4..8], &CountryInfo::ID.to_le_bytes());
    let bare_country = tl_core::to_bytes_bare(&netherlands())?;
    assert_eq!(&bytes[8..8 + bare_country.len()], &bare_country[..]);
    assert_eq!(tl_core::from_bytes::<PhoneNumberInfo>(&bytes)?, some);
    assert_eq!(some.encoded_len_boxed(), bytes.len());
    Ok(())
}

/// `encoded_len` agrees with the bytes written, `None` and `Some` alike.
trait EncodedLen {
    fn encoded_len_boxed(&self) -> usize;
}

impl<T: tl_core::TlEncode> EncodedLen for T {
    fn encoded_len_boxed(&self) -> usize {
        self.encoded_len(tl_core::schema::Form::BOXED)
    }
}

#[test]
fn a_nullable_union_round_trips() -> Result<(), Box<dyn std::error::Error>> {
    for value in [
        SetProfilePhoto {
            photo: None,
            country: None,
        },
        SetProfilePhoto {
            photo: Some(InputFile::Local {
                path: "/tmp/a.jpg".into(),
            }),
            country: None,
        },
        SetProfilePhoto {
            photo: Some(InputFile::Id { id: 7 }),
            country: Some(netherlands()),
        },
    ] {
        let bytes = tl_core::to_bytes(&value)?;
        assert_eq!(bytes.len(), value.encoded_len_boxed());
        assert_eq!(tl_core::from_bytes::<SetProfilePhoto>(&bytes)?, value);
        let json = tl_core::json::to_string(&value)?;
        assert_eq!(tl_core::json::from_str::<SetProfilePhoto>(&json)?, value);
    }
    Ok(())
}

#[test]
fn null_elements_of_a_vector() -> Result<(), Box<dyn std::error::Error>> {
    let value = Messages {
        total_count: 3,
        messages: vec![
            Some(Message {
                id: 1,
                text: "hi".into(),
            }),
            None,
            Some(Message {
                id: 3,
                text: String::new(),
            }),
        ],
    };
    let json = tl_core::json::to_string(&value)?;
    assert_eq!(
        json,
        r#"{"_":"messages","total_count":3,"messages":[{"_":"message","id":1,"text":"hi"},null,{"_":"message","id":3,"text":""}]}"#
    );
    assert_eq!(tl_core::json::from_str::<Messages>(&json)?, value);
    let bytes = tl_core::to_bytes(&value)?;
    assert_eq!(tl_core::from_bytes::<Messages>(&bytes)?, value);
    // After the id, `total_count` and the count of the bare vector, each
    // element is its id and fields, or the 4 bytes of `null`.
    let first = 12;
    assert_eq!(&bytes[first..first + 4], &Message::ID.to_le_bytes());
    let first_fields = tl_core::to_bytes_bare(&Message {
        id: 1,
        text: "hi".into(),
    })?;
    let null_at = first + 4 + first_fields.len();
    assert_eq!(&bytes[null_at..null_at + 4], &0x56730bccu32.to_le_bytes());
    assert_eq!(&bytes[null_at + 4..null_at + 8], &Message::ID.to_le_bytes());
    Ok(())
}

#[test]
fn a_wrong_id_in_place_of_null_is_an_error_naming_the_type() -> Result<(), tl_core::Error> {
    let mut bytes = tl_core::to_bytes(&unknown_number())?;
    bytes[4..8].copy_from_slice(&0xdeadbeefu32.to_le_bytes());
    let error = tl_core::from_bytes::<PhoneNumberInfo>(&bytes).unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::UnexpectedConstructor {
                found: 0xdeadbeef,
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(error.offset(), Some(4));
    assert_eq!(error.path_string(), "country");
    Ok(())
}

#[test]
fn a_truncated_null_is_an_error_not_a_panic() -> Result<(), tl_core::Error> {
    let bytes = tl_core::to_bytes(&unknown_number())?;
    for len in 0..bytes.len() {
        assert!(tl_core::from_bytes::<PhoneNumberInfo>(&bytes[..len]).is_err());
    }
    Ok(())
}

#[test]
fn a_vector_of_nulls_is_bounded_by_the_input() {
    // A count of 2^30 elements with 8 bytes of input: rejected before
    // allocating, since each element takes at least 4 bytes.
    let mut bytes = Messages::ID.to_le_bytes().to_vec();
    bytes.extend_from_slice(&0i32.to_le_bytes());
    bytes.extend_from_slice(&(1i32 << 30).to_le_bytes());
    bytes.extend_from_slice(&0x56730bccu32.to_le_bytes());
    let error = tl_core::from_bytes::<Messages>(&bytes).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::InvalidLength { .. }),
        "{error}"
    );
}

#[test]
fn a_type_text_on_a_nullable_field_changes_nothing() -> Result<(), Box<dyn std::error::Error>> {
    use with_type_texts as typed;
    assert_eq!(typed::PhoneNumberInfo::SCHEMA, PhoneNumberInfo::SCHEMA);
    assert_eq!(typed::PhoneNumberInfo::ID, PhoneNumberInfo::ID);
    assert_eq!(typed::Messages::SCHEMA, Messages::SCHEMA);
    assert_eq!(typed::Messages::ID, Messages::ID);
    assert_eq!(typed::SetProfilePhoto::SCHEMA, SetProfilePhoto::SCHEMA);
    assert_eq!(typed::SetProfilePhoto::ID, SetProfilePhoto::ID);

    for country in [None, Some(netherlands())] {
        let plain = PhoneNumberInfo {
            country: country.clone(),
            ..unknown_number()
        };
        let with_text = typed::PhoneNumberInfo {
            country,
            country_calling_code: plain.country_calling_code.clone(),
            formatted_phone_number: plain.formatted_phone_number.clone(),
            is_anonymous: plain.is_anonymous,
        };
        let bytes = tl_core::to_bytes(&plain)?;
        assert_eq!(tl_core::to_bytes(&with_text)?, bytes);
        assert_eq!(
            tl_core::from_bytes::<typed::PhoneNumberInfo>(&bytes)?,
            with_text
        );
        assert_eq!(
            tl_core::json::to_string(&with_text)?,
            tl_core::json::to_string(&plain)?
        );
    }

    let messages = Messages {
        total_count: 2,
        messages: vec![
            None,
            Some(Message {
                id: 7,
                text: "hi".into(),
            }),
        ],
    };
    let typed_messages = typed::Messages {
        total_count: messages.total_count,
        messages: messages.messages.clone(),
    };
    let bytes = tl_core::to_bytes(&messages)?;
    assert_eq!(tl_core::to_bytes(&typed_messages)?, bytes);
    assert_eq!(
        tl_core::from_bytes::<typed::Messages>(&bytes)?,
        typed_messages
    );

    let photo = SetProfilePhoto {
        photo: Some(InputFile::Local {
            path: "a.jpg".into(),
        }),
        country: None,
    };
    let typed_photo = typed::SetProfilePhoto {
        photo: photo.photo.clone(),
        country: None,
    };
    let bytes = tl_core::to_bytes(&photo)?;
    assert_eq!(tl_core::to_bytes(&typed_photo)?, bytes);
    assert_eq!(
        tl_core::from_bytes::<typed::SetProfilePhoto>(&bytes)?,
        typed_photo
    );
    Ok(())
}
