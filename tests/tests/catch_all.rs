//! Partial enums: `#[tl(other)] Other(tl_core::Unknown)` takes every
//! constructor the enum does not declare, keeps it, and writes it back.

use tl_core::{ErrorKind, TlConstructor, TlObject, Unknown};

/// `updateOption name:string value:OptionValue = Update`, with a stand-in
/// `OptionValue`.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(ty = "Update")]
struct UpdateOption {
    name: String,
    value: OptionValue,
}

#[derive(TlObject, Debug, Clone, PartialEq)]
enum OptionValue {
    #[tl(name = "optionValueString")]
    String { value: String },
    #[tl(name = "optionValueInteger")]
    Integer {
        #[tl(ty = "int64")]
        value: i64,
    },
    #[tl(name = "optionValueEmpty")]
    Empty,
}

/// Two declared updates; the other ~170 go to `Other`.
#[derive(TlObject, Debug, Clone, PartialEq)]
enum Update {
    Option(UpdateOption),
    #[tl(name = "updateTest")]
    Test {
        count: i32,
    },
    #[tl(other)]
    Other(Unknown),
}

/// A struct holding the partial enum: here an unknown constructor cannot
/// be skipped in TL bytes.
#[derive(TlObject, Debug, Clone, PartialEq)]
struct Envelope {
    seq: i32,
    update: Update,
}

/// Only a catch-all: any object at all.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(ty = "Object")]
enum AnyObject {
    #[tl(other)]
    Any(Unknown),
}

const CONNECTION_STATE: &str = r#"{"@type":"updateConnectionState","state":{"@type":"connectionStateWaitingForNetwork"},"@client_id":1}"#;

fn json_unknown(update: &Update) -> &Unknown {
    match update {
        Update::Other(unknown) => unknown,
        declared => panic!("declared: {declared:?}"),
    }
}

#[test]
fn json_keeps_the_whole_object_and_writes_it_back() -> Result<(), Box<dyn std::error::Error>> {
    let update: Update = tl_core::json::from_str(CONNECTION_STATE)?;
    let unknown = json_unknown(&update);
    assert_eq!(unknown.name(), Some("updateConnectionState"));
    assert_eq!(unknown.id(), None);
    assert_eq!(unknown.wire_body(), None);
    assert_eq!(tl_core::json::to_string_td(&update)?, CONNECTION_STATE);
    // The `"_"` form rewrites every level's tag key.
    assert_eq!(
        tl_core::json::to_string(&update)?,
        r#"{"_":"updateConnectionState","state":{"_":"connectionStateWaitingForNetwork"},"@client_id":1}"#
    );
    assert_eq!(
        tl_core::json::from_str::<Update>(&tl_core::json::to_string(&update)?)?,
        update
    );
    Ok(())
}

#[test]
fn declared_constructors_still_decode_to_their_variants() -> Result<(), Box<dyn std::error::Error>>
{
    let json = r#"{"@type":"updateOption","name":"version","value":{"@type":"optionValueString","value":"1.8.67"}}"#;
    let update: Update = tl_core::json::from_str(json)?;
    assert_eq!(
        update,
        Update::Option(UpdateOption {
            name: "version".into(),
            value: OptionValue::String {
                value: "1.8.67".into()
            },
        })
    );
    assert_eq!(update.constructor_name(), "updateOption");
    let test: Update = tl_core::json::from_str(r#"{"_":"updateTest","count":3}"#)?;
    assert_eq!(test, Update::Test { count: 3 });
    Ok(())
}

#[test]
fn every_value_kind_survives_in_order() -> Result<(), Box<dyn std::error::Error>> {
    let json = r#"{"@type":"updateNewThing","a":null,"b":true,"c":false,"d":-12,"e":18446744073709551615,"f":1.5,"g":"text \"quoted\" é","h":[1,[2,{"@type":"inner","x":[]}]],"i":{},"j":"-9223372036854775808"}"#;
    let update: Update = tl_core::json::from_str(json)?;
    assert_eq!(tl_core::json::to_string_td(&update)?, json);
    Ok(())
}

#[test]
fn a_tag_after_other_keys_is_written_first() -> Result<(), Box<dyn std::error::Error>> {
    let update: Update =
        tl_core::json::from_str(r#"{"a":1,"b":{"@type":"x"},"@type":"updateLater","c":[2]}"#)?;
    assert_eq!(json_unknown(&update).name(), Some("updateLater"));
    assert_eq!(
        tl_core::json::to_string_td(&update)?,
        r#"{"@type":"updateLater","a":1,"b":{"@type":"x"},"c":[2]}"#
    );
    Ok(())
}

#[test]
fn a_numeric_tag_keeps_the_id() -> Result<(), Box<dyn std::error::Error>> {
    let update: Update = tl_core::json::from_str(r#"{"_":-1234,"x":1}"#)?;
    let unknown = json_unknown(&update);
    assert_eq!(unknown.id(), Some(-1234i32 as u32));
    assert_eq!(unknown.name(), None);
    assert_eq!(update.constructor_id(), -1234i32 as u32);
    assert_eq!(
        tl_core::json::to_string(&update)?,
        format!(r#"{{"_":{},"x":1}}"#, -1234i32 as u32)
    );
    Ok(())
}

#[test]
fn a_stream_of_updates_reads_without_error() -> Result<(), Box<dyn std::error::Error>> {
    let stream = [
        r#"{"@type":"updateOption","name":"version","value":{"@type":"optionValueString","value":"1.8.67"}}"#,
        r#"{"@type":"updateOption","name":"commit_hash","value":{"@type":"optionValueString","value":"abc"}}"#,
        r#"{"@type":"updateAuthorizationState","authorization_state":{"@type":"authorizationStateWaitTdlibParameters"}}"#,
        CONNECTION_STATE,
    ];
    let updates = stream
        .iter()
        .map(|text| tl_core::json::from_str::<Update>(text))
        .collect::<Result<Vec<_>, _>>()?;
    let declared = updates
        .iter()
        .filter(|u| !matches!(u, Update::Other(_)))
        .count();
    assert_eq!(declared, 2);
    // In a vector too: JSON delimits every object.
    let array = format!("[{}]", stream.join(","));
    let in_vector: Vec<Update> = tl_core::json::from_str(&array)?;
    assert_eq!(in_vector, updates);
    Ok(())
}

#[test]
fn the_catch_all_reports_what_it_knows() -> Result<(), Box<dyn std::error::Error>> {
    let update: Update = tl_core::json::from_str(CONNECTION_STATE)?;
    assert_eq!(update.constructor_id(), 0);
    assert_eq!(update.constructor_name(), "");
    assert_eq!(update.schema(), "");
    let debug = format!("{update:?}");
    assert!(
        debug.contains(r#"name: "updateConnectionState""#)
            && debug.contains(
                r#"json: {"state":{"_":"connectionStateWaitingForNetwork"},"@client_id":1}"#
            ),
        "{debug}"
    );
    Ok(())
}

#[test]
fn json_without_a_body_cannot_be_written_as_tl_bytes() -> Result<(), Box<dyn std::error::Error>> {
    let update: Update = tl_core::json::from_str(CONNECTION_STATE)?;
    let error = tl_core::to_bytes(&update).unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::UnknownBody {
            constructor: "updateConnectionState".into()
        }
    );
    // The declared variants are unaffected.
    assert!(tl_core::to_bytes(&Update::Test { count: 1 }).is_ok());
    Ok(())
}

/// The TL bytes of constructor `id` with `body` after it.
fn wire(id: u32, body: &[u8]) -> Vec<u8> {
    let mut bytes = id.to_le_bytes().to_vec();
    bytes.extend_from_slice(body);
    bytes
}

#[test]
fn a_whole_input_keeps_its_body_and_writes_it_back() -> Result<(), tl_core::Error> {
    let bytes = wire(0x1234_5678, &[1, 2, 3, 4, 5, 6, 7, 8]);
    let update: Update = tl_core::from_bytes(&bytes)?;
    let Update::Other(unknown) = &update else {
        panic!("declared: {update:?}");
    };
    assert_eq!(unknown.id(), Some(0x1234_5678));
    assert_eq!(unknown.name(), None);
    assert_eq!(unknown.wire_body(), Some(&[1, 2, 3, 4, 5, 6, 7, 8][..]));
    assert_eq!(update.constructor_id(), 0x1234_5678);
    assert_eq!(tl_core::to_bytes(&update)?, bytes);
    // An empty body too.
    let bare = wire(0x0bad_f00d, &[]);
    assert_eq!(
        tl_core::to_bytes(&tl_core::from_bytes::<Update>(&bare)?)?,
        bare
    );
    // The catch-all-only enum is any object.
    let any: AnyObject = tl_core::from_bytes(&bytes)?;
    assert_eq!(any.constructor_id(), 0x1234_5678);
    assert_eq!(tl_core::to_bytes(&any)?, bytes);
    Ok(())
}

#[test]
fn declared_ids_in_tl_bytes_still_decode() -> Result<(), tl_core::Error> {
    let value = Update::Test { count: 9 };
    let bytes = tl_core::to_bytes(&value)?;
    assert_eq!(tl_core::from_bytes::<Update>(&bytes)?, value);
    let option = Update::Option(UpdateOption {
        name: "x".into(),
        value: OptionValue::Empty,
    });
    let bytes = tl_core::to_bytes(&option)?;
    assert_eq!(&bytes[..4], &UpdateOption::ID.to_le_bytes());
    assert_eq!(tl_core::from_bytes::<Update>(&bytes)?, option);
    Ok(())
}

#[test]
fn inside_an_object_an_unknown_id_stays_an_error() -> Result<(), tl_core::Error> {
    let mut bytes = Envelope::ID.to_le_bytes().to_vec();
    bytes.extend_from_slice(&5i32.to_le_bytes());
    bytes.extend_from_slice(&wire(0x1234_5678, &[0; 4]));
    let error = tl_core::from_bytes::<Envelope>(&bytes).unwrap_err();
    match error.kind() {
        ErrorKind::UnexpectedConstructor {
            expected_type,
            found,
            ..
        } => {
            assert_eq!(*expected_type, "Update");
            assert_eq!(*found, 0x1234_5678);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(error.offset(), Some(8));
    assert_eq!(error.path_string(), "update");
    Ok(())
}

#[test]
fn in_a_vector_an_unknown_id_stays_an_error() {
    // A bare vector of one element: the element does not start the input.
    let mut bytes = 1i32.to_le_bytes().to_vec();
    bytes.extend_from_slice(&wire(0x1234_5678, &[]));
    let error = tl_core::from_bytes_bare::<Vec<Update>>(&bytes).unwrap_err();
    assert!(
        matches!(
            error.kind(),
            ErrorKind::UnexpectedConstructor {
                found: 0x1234_5678,
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(error.offset(), Some(4));
}

#[test]
fn a_value_read_from_tl_bytes_has_no_json() -> Result<(), tl_core::Error> {
    let update: Update = tl_core::from_bytes(&wire(0x1234_5678, &[]))?;
    let error = tl_core::json::to_string(&update).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("cannot write constructor 0x12345678 as JSON"),
        "{error}"
    );
    Ok(())
}

#[test]
fn without_a_catch_all_decoding_stays_strict() {
    let error =
        tl_core::json::from_str::<OptionValue>(r#"{"_":"optionValueBoolean","value":true}"#)
            .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("unexpected constructor `optionValueBoolean` for type OptionValue"),
        "{error}"
    );
    let error = tl_core::from_bytes::<OptionValue>(&wire(0x1234_5678, &[])).unwrap_err();
    assert!(matches!(
        error.kind(),
        ErrorKind::UnexpectedConstructor { .. }
    ));
}

#[test]
fn unknown_values_compare_by_what_they_kept() -> Result<(), Box<dyn std::error::Error>> {
    let a: Update = tl_core::json::from_str(r#"{"_":"updateX","v":1}"#)?;
    let b: Update = tl_core::json::from_str(r#"{"@type":"updateX","v":1}"#)?;
    let c: Update = tl_core::json::from_str(r#"{"_":"updateX","v":2}"#)?;
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(a.clone(), a);
    Ok(())
}
