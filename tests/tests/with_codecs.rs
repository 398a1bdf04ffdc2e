//! `#[tl(with = "module")]`: a field whose Rust type is not a TL type, read
//! and written by the codec functions of a module, which also names its TL
//! type (`DESC`) for the schema line and the id.

mod support;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use support::Expected;
use tl_core::{ErrorKind, TlConstructor};

/// Seconds since the Unix epoch as an `int32`, the way TL writes dates.
mod unix_time {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    use serde::{Deserialize, Deserializer, Serializer};
    use tl_core::Error;
    use tl_core::json::JsonStyle;
    use tl_core::schema::Form;
    use tl_core::schema::TypeDesc;
    use tl_core::wire::{Reader, Writer};

    pub const DESC: TypeDesc = TypeDesc::Int32;

    fn seconds(value: &SystemTime) -> Option<i32> {
        let since = value.duration_since(UNIX_EPOCH).ok()?;
        i32::try_from(since.as_secs()).ok()
    }

    fn time(seconds: i32) -> Option<SystemTime> {
        let seconds = u64::try_from(seconds).ok()?;
        Some(UNIX_EPOCH + Duration::from_secs(seconds))
    }

    pub fn encode(value: &SystemTime, writer: &mut Writer<'_>, _: Form) {
        match seconds(value) {
            Some(seconds) => writer.put_i32(seconds),
            None => writer.fail(Error::custom("time outside 1970..2038")),
        }
    }

    pub fn decode(reader: &mut Reader<'_>, _: Form) -> Result<SystemTime, Error> {
        let seconds = reader.read_i32()?;
        time(seconds).ok_or_else(|| Error::custom(format!("date {seconds} is before 1970")))
    }

    pub fn serialize_json<S: Serializer>(
        value: &SystemTime,
        serializer: S,
        _: JsonStyle,
    ) -> Result<S::Ok, S::Error> {
        match seconds(value) {
            Some(seconds) => serializer.serialize_i32(seconds),
            None => Err(serde::ser::Error::custom("time outside 1970..2038")),
        }
    }

    pub fn deserialize_json<'de, D: Deserializer<'de>>(
        deserializer: D,
        _: JsonStyle,
    ) -> Result<SystemTime, D::Error> {
        let seconds = i32::deserialize(deserializer)?;
        time(seconds)
            .ok_or_else(|| serde::de::Error::custom(format!("date {seconds} is before 1970")))
    }
}

/// A list of tags kept as one comma-separated `string`.
mod comma_list {
    use serde::{Deserialize, Deserializer, Serializer};
    use tl_core::Error;
    use tl_core::json::JsonStyle;
    use tl_core::schema::Form;
    use tl_core::schema::TypeDesc;
    use tl_core::wire::{Reader, Writer};

    pub const DESC: TypeDesc = TypeDesc::String;

    pub fn encode(value: &[String], writer: &mut Writer<'_>, _: Form) {
        writer.put_bytes(value.join(",").as_bytes());
    }

    pub fn decode(reader: &mut Reader<'_>, _: Form) -> Result<Vec<String>, Error> {
        let text = reader.read_str()?;
        Ok(split(text))
    }

    fn split(text: &str) -> Vec<String> {
        if text.is_empty() {
            Vec::new()
        } else {
            text.split(',').map(String::from).collect()
        }
    }

    pub fn serialize_json<S: Serializer>(
        value: &[String],
        serializer: S,
        _: JsonStyle,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&value.join(","))
    }

    pub fn deserialize_json<'de, D: Deserializer<'de>>(
        deserializer: D,
        _: JsonStyle,
    ) -> Result<Vec<String>, D::Error> {
        String::deserialize(deserializer).map(|text| split(&text))
    }
}

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
struct Stamped {
    id: i64,
    #[tl(with = "unix_time")]
    at: SystemTime,
    #[tl(with = "comma_list", default)]
    tags: Vec<String>,
    note: String,
}

#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", ty = "Event")]
enum Event {
    Seen {
        #[tl(with = "unix_time")]
        date: SystemTime,
    },
    Tagged {
        #[tl(flags)]
        flags: u32,
        #[tl(flag = "flags.0")]
        silent: bool,
        #[tl(with = "comma_list")]
        tags: Vec<String>,
        #[tl(with = "unix_time")]
        date: SystemTime,
    },
}

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

fn stamped() -> Stamped {
    Stamped {
        id: 7,
        at: at(1_700_000_000),
        tags: vec!["a".into(), "bc".into()],
        note: "hi".into(),
    }
}

#[test]
fn the_module_names_the_tl_type_of_the_schema_and_id() {
    assert_eq!(
        Stamped::SCHEMA,
        "stamped id:int64 at:int32 tags:string note:string = Stamped"
    );
    assert_eq!(Stamped::ID, crc32fast::hash(Stamped::SCHEMA.as_bytes()));
}

const EVENT_SEEN: &str = "eventSeen date:int = Event";
const EVENT_TAGGED: &str = "eventTagged flags:# silent:flags.0?true tags:string date:int = Event";

/// The variants' schema lines, read through `TlObject` on a value.
#[test]
fn enum_variants_with_codecs_have_those_lines() {
    use tl_core::TlObject;
    let seen = Event::Seen { date: at(5) };
    assert_eq!(seen.schema(), EVENT_SEEN);
    assert_eq!(
        seen.constructor_id(),
        crc32fast::hash(EVENT_SEEN.as_bytes())
    );
    let tagged = Event::Tagged {
        flags: 1,
        silent: true,
        tags: vec![],
        date: at(6),
    };
    assert_eq!(tagged.schema(), EVENT_TAGGED);
    // mtproto ids leave `?true` fields out.
    assert_eq!(
        tagged.constructor_id(),
        crc32fast::hash(b"eventTagged flags:# tags:string date:int = Event")
    );
}

#[test]
fn binary_goes_through_the_module() {
    let value = stamped();
    let bytes = tl_core::to_bytes(&value).unwrap();
    let expected = Expected::default()
        .id(Stamped::ID)
        .int64(7)
        .int32(1_700_000_000)
        .string("a,bc")
        .string("hi")
        .bytes();
    assert_eq!(bytes, expected);
    assert_eq!(tl_core::from_bytes::<Stamped>(&bytes).unwrap(), value);

    for event in [
        Event::Seen { date: at(5) },
        Event::Tagged {
            flags: 1,
            silent: true,
            tags: vec!["x".into()],
            date: at(6),
        },
    ] {
        let bytes = tl_core::to_bytes(&event).unwrap();
        assert_eq!(tl_core::from_bytes::<Event>(&bytes).unwrap(), event);
    }
}

#[test]
fn module_errors_carry_the_field() {
    let bytes = Expected::default()
        .id(Stamped::ID)
        .int64(7)
        .int32(-5)
        .string("")
        .string("")
        .bytes();
    let error = tl_core::from_bytes::<Stamped>(&bytes).unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Custom(_)));
    assert_eq!(error.path_string(), "at");
    assert_eq!(error.to_string(), "date -5 is before 1970 in `at`");

    let before_1970 = Stamped {
        at: UNIX_EPOCH - Duration::from_secs(1),
        ..stamped()
    };
    let error = tl_core::to_bytes(&before_1970).unwrap_err();
    assert_eq!(error.to_string(), "time outside 1970..2038");
}

#[test]
fn json_goes_through_the_module() {
    let value = stamped();
    let json = tl_core::json::to_string(&value).unwrap();
    assert_eq!(
        json,
        r#"{"_":"stamped","id":"7","at":1700000000,"tags":"a,bc","note":"hi"}"#
    );
    assert_eq!(tl_core::json::from_str::<Stamped>(&json).unwrap(), value);
    // `default` on a `with` field: left out, it is `Default::default()`.
    let without_tags = tl_core::json::from_str::<Stamped>(
        r#"{"_":"stamped","id":"7","at":1700000000,"note":"hi"}"#,
    )
    .unwrap();
    assert_eq!(without_tags.tags, Vec::<String>::new());
    // A missing `with` field without `default` is an error, by name.
    let error =
        tl_core::json::from_str::<Stamped>(r#"{"_":"stamped","id":"7","note":"hi"}"#).unwrap_err();
    assert!(
        error.to_string().starts_with("missing field `at`"),
        "{error}"
    );
    // The module's own error, with the path.
    let error =
        tl_core::json::from_str::<Stamped>(r#"{"_":"stamped","id":"7","at":-1,"note":"hi"}"#)
            .unwrap_err();
    assert_eq!(error.path(), "at");
    assert!(
        error.to_string().starts_with("at: date -1 is before 1970"),
        "{error}"
    );

    let event = Event::Tagged {
        flags: 0,
        silent: false,
        tags: vec!["p".into(), "q".into()],
        date: at(9),
    };
    let json = tl_core::json::to_string(&event).unwrap();
    assert_eq!(
        json,
        r#"{"_":"eventTagged","silent":false,"tags":"p,q","date":9}"#
    );
    assert_eq!(tl_core::json::from_str::<Event>(&json).unwrap(), event);
    // The tag last: the entries are buffered and replayed through the module.
    let late = r#"{"tags":"p,q","date":9,"silent":false,"_":"eventTagged"}"#;
    assert_eq!(tl_core::json::from_str::<Event>(late).unwrap(), event);
}
