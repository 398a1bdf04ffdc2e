//! TL functions: `#[tl(function, returns = T)]`, generic functions
//! (`{X:Type} ... query:!X = X`) and their nesting, with the official ids.

use tl_core::{Flags, TlConstructor, TlFunction, TlObject};

// ---------------------------------------------------------------------------
// td

/// `getActiveSessions = Sessions`
#[derive(TlObject, Debug, PartialEq)]
#[tl(function, returns = tl_core::Sessions)]
struct GetActiveSessions {}

#[derive(TlObject, Debug, PartialEq)]
struct TestInt {
    value: i32,
}

#[derive(TlObject, Debug, PartialEq)]
struct TestVectorInt {
    value: Vec<i32>,
}

/// `testSquareInt x:int32 = TestInt`
#[derive(TlObject, Debug, PartialEq)]
#[tl(function, returns = TestInt)]
struct TestSquareInt {
    x: i32,
}

/// `testCallVectorInt x:vector<int32> = TestVectorInt`
#[derive(TlObject, Debug, PartialEq)]
#[tl(function, returns = TestVectorInt)]
struct TestCallVectorInt {
    x: Vec<i32>,
}

/// A td function returning a vector: the result keeps td's bare form.
#[derive(TlObject, Debug, PartialEq)]
#[tl(function, returns = Vec<i64>)]
struct GetIds {}

// ---------------------------------------------------------------------------
// mtproto

#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", ty = "Config")]
struct Config {
    date: i32,
}

/// `help.getConfig#c4f9186b = Config`
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", name = "help.getConfig", function, returns = Config, id = 0xc4f9186b)]
struct HelpGetConfig {}

#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(
    dialect = "mtproto",
    name = "account.authorizations",
    ty = "account.Authorizations"
)]
struct AccountAuthorizations {
    authorization_ttl_days: i32,
}

/// `account.getAuthorizations#e320c158 = account.Authorizations`
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(
    dialect = "mtproto",
    name = "account.getAuthorizations",
    function,
    returns = AccountAuthorizations,
    id = 0xe320c158
)]
struct AccountGetAuthorizations {}

#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto")]
struct ReceivedNotifyMessage {
    id: i32,
    flags: i32,
}

/// `messages.receivedMessages#5a954c0 max_id:int = Vector<ReceivedNotifyMessage>`
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(
    dialect = "mtproto",
    name = "messages.receivedMessages",
    function,
    returns = Vec<ReceivedNotifyMessage>,
    id = 0x05a954c0
)]
struct MessagesReceivedMessages {
    max_id: i32,
}

/// `= Bool` and `= Vector<long>`.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", function, returns = bool)]
struct Ping {}

#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", function, returns = Vec<i64>)]
struct GetIds64 {}

/// The same functions with `ty`, the text of what they return, as tl-gen
/// writes them: the derive then knows the whole line (no `const`
/// evaluation of it) and checks the text against `returns`.
mod with_result_text {
    use super::{AccountAuthorizations, ReceivedNotifyMessage, TestVectorInt};
    use tl_core::TlObject;

    #[derive(TlObject)]
    #[tl(name = "testCallVectorInt", function, returns = TestVectorInt, ty = "TestVectorInt")]
    pub(super) struct TestCallVectorInt {
        pub(super) x: Vec<i32>,
    }

    #[derive(TlObject)]
    #[tl(name = "getIds", function, returns = Vec<i64>, ty = "vector<int64>")]
    pub(super) struct GetIds {}

    #[derive(TlObject)]
    #[tl(
        dialect = "mtproto",
        name = "account.getAuthorizations",
        function,
        returns = AccountAuthorizations,
        ty = "account.Authorizations",
        id = 0xe320c158
    )]
    pub(super) struct AccountGetAuthorizations {}

    #[derive(TlObject)]
    #[tl(
        dialect = "mtproto",
        name = "messages.receivedMessages",
        function,
        returns = Vec<ReceivedNotifyMessage>,
        ty = "Vector<ReceivedNotifyMessage>",
        id = 0x05a954c0
    )]
    pub(super) struct MessagesReceivedMessages {
        pub(super) max_id: i32,
    }

    #[derive(TlObject)]
    #[tl(dialect = "mtproto", name = "ping", function, returns = bool, ty = "Bool")]
    pub(super) struct Ping {}

    #[derive(TlObject)]
    #[tl(dialect = "mtproto", name = "getIds64", function, returns = Vec<i64>, ty = "Vector<long>")]
    pub(super) struct GetIds64 {}
}

/// `invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X`
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", function, id = 0xda9b0d0d)]
struct InvokeWithLayer<X> {
    layer: i32,
    query: X,
}

/// `invokeWithoutUpdates#bf9459b7 {X:Type} query:!X = X`, with the
/// parameter named otherwise: its name is part of the line, so this one
/// has another id.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", function)]
struct InvokeWithoutUpdates<Q> {
    query: Q,
}

#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto")]
struct InputClientProxy {
    address: String,
    port: i32,
}

#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", name = "jsonObjectValue", ty = "JSONObjectValue")]
struct JsonObjectValue {
    key: String,
    value: JsonValue,
}

#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", ty = "JSONValue")]
enum JsonValue {
    #[tl(name = "jsonNull")]
    Null,
    #[tl(name = "jsonBool")]
    Bool { value: bool },
    #[tl(name = "jsonNumber")]
    Number { value: f64 },
    #[tl(name = "jsonString")]
    String { value: String },
    #[tl(name = "jsonArray")]
    Array { value: Vec<JsonValue> },
    #[tl(name = "jsonObject")]
    Object { value: Vec<JsonObjectValue> },
}

/// `initConnection#c1cd5ea9 {X:Type} flags:# api_id:int ... proxy:flags.0?InputClientProxy
/// params:flags.1?JSONValue query:!X = X`
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", function, id = 0xc1cd5ea9)]
struct InitConnection<X> {
    #[tl(flags)]
    flags: Flags,
    api_id: i32,
    device_model: String,
    system_version: String,
    app_version: String,
    system_lang_code: String,
    lang_pack: String,
    lang_code: String,
    #[tl(flag = "flags.0")]
    proxy: Option<InputClientProxy>,
    #[tl(flag = "flags.1")]
    params: Option<JsonValue>,
    query: X,
}

/// Compiles only when `F` returns `R`.
fn returns<F: TlFunction<Return = R>, R>(_: &F) {}

fn init(proxy: Option<InputClientProxy>) -> InitConnection<HelpGetConfig> {
    InitConnection {
        flags: Flags,
        api_id: 6,
        device_model: "tl-derive".into(),
        system_version: "Linux".into(),
        app_version: "0.1".into(),
        system_lang_code: "en".into(),
        lang_pack: String::new(),
        lang_code: "en".into(),
        proxy,
        params: Some(JsonValue::Object {
            value: vec![JsonObjectValue {
                key: "tz_offset".into(),
                value: JsonValue::Number { value: 3600.0 },
            }],
        }),
        query: HelpGetConfig {},
    }
}

#[test]
fn td_function_lines_and_ids() {
    assert_eq!(GetActiveSessions::SCHEMA, "getActiveSessions = Sessions");
    assert_eq!(GetActiveSessions::ID, 0x42bd6d3e);
    assert_eq!(TestSquareInt::SCHEMA, "testSquareInt x:int32 = TestInt");
    assert_eq!(
        TestSquareInt::ID,
        crc32fast::hash(b"testSquareInt x:int32 = TestInt")
    );
    assert_eq!(
        TestCallVectorInt::SCHEMA,
        "testCallVectorInt x:vector<int32> = TestVectorInt"
    );
    assert_eq!(GetIds::SCHEMA, "getIds = vector<int64>");
    returns::<GetActiveSessions, tl_core::Sessions>(&GetActiveSessions {});
    returns::<TestSquareInt, TestInt>(&TestSquareInt { x: 3 });
}

#[test]
fn mtproto_function_lines_and_ids() {
    assert_eq!(HelpGetConfig::SCHEMA, "help.getConfig = Config");
    assert_eq!(
        AccountGetAuthorizations::SCHEMA,
        "account.getAuthorizations = account.Authorizations"
    );
    assert_eq!(
        MessagesReceivedMessages::SCHEMA,
        "messages.receivedMessages max_id:int = Vector<ReceivedNotifyMessage>"
    );
    assert_eq!(Ping::SCHEMA, "ping = Bool");
    assert_eq!(GetIds64::SCHEMA, "getIds64 = Vector<long>");
    returns::<MessagesReceivedMessages, Vec<ReceivedNotifyMessage>>(&MessagesReceivedMessages {
        max_id: 1,
    });
}

/// A function's `ty` changes nothing but where the line is worked out:
/// the same line, id and description as without it.
#[test]
fn a_result_text_gives_the_line_returns_would() {
    fn same<A: TlConstructor + tl_core::TlType, B: TlConstructor + tl_core::TlType>() {
        assert_eq!(A::SCHEMA, B::SCHEMA);
        assert_eq!(A::ID, B::ID, "{}", A::SCHEMA);
        assert_eq!(A::NAME, B::NAME);
        assert_eq!(A::DESC, B::DESC);
    }
    same::<with_result_text::TestCallVectorInt, TestCallVectorInt>();
    same::<with_result_text::GetIds, GetIds>();
    same::<with_result_text::AccountGetAuthorizations, AccountGetAuthorizations>();
    same::<with_result_text::MessagesReceivedMessages, MessagesReceivedMessages>();
    same::<with_result_text::Ping, Ping>();
    same::<with_result_text::GetIds64, GetIds64>();
    returns::<with_result_text::Ping, bool>(&with_result_text::Ping {});
}

#[test]
fn generic_functions_drop_the_braces_before_hashing() {
    assert_eq!(
        <InvokeWithLayer<HelpGetConfig>>::SCHEMA,
        "invokeWithLayer {X:Type} layer:int query:!X = X"
    );
    assert_eq!(
        <InvokeWithLayer<HelpGetConfig>>::ID,
        crc32fast::hash(b"invokeWithLayer X:Type layer:int query:!X = X")
    );
    // The parameter's own name is the one in the line, and in the id:
    // name it as the schema does.
    assert_eq!(
        <InvokeWithoutUpdates<Ping>>::SCHEMA,
        "invokeWithoutUpdates {Q:Type} query:!Q = Q"
    );
    assert_ne!(<InvokeWithoutUpdates<Ping>>::ID, 0xbf9459b7);
    assert_eq!(
        <InitConnection<Ping>>::SCHEMA,
        "initConnection {X:Type} flags:# api_id:int device_model:string system_version:string \
         app_version:string system_lang_code:string lang_pack:string lang_code:string \
         proxy:flags.0?InputClientProxy params:flags.1?JSONValue query:!X = X"
    );
}

#[test]
fn a_nested_request_returns_the_innermost_result() -> Result<(), tl_core::Error> {
    let request = InvokeWithLayer {
        layer: 227,
        query: init(Some(InputClientProxy {
            address: "127.0.0.1".into(),
            port: 1080,
        })),
    };
    returns::<_, Config>(&request);
    let bytes = tl_core::to_bytes(&request)?;
    assert_eq!(&bytes[..4], &0xda9b0d0du32.to_le_bytes());
    assert_eq!(&bytes[4..8], &227i32.to_le_bytes());
    // The query is written boxed: initConnection's id, then its flags word,
    // with both conditional fields present.
    assert_eq!(&bytes[8..12], &0xc1cd5ea9u32.to_le_bytes());
    assert_eq!(&bytes[12..16], &0b11u32.to_le_bytes());
    // The innermost query ends the message, boxed.
    assert_eq!(&bytes[bytes.len() - 4..], &0xc4f9186bu32.to_le_bytes());
    let back: InvokeWithLayer<InitConnection<HelpGetConfig>> = tl_core::from_bytes(&bytes)?;
    assert_eq!(back, request);
    assert_eq!(request.constructor_name(), "invokeWithLayer");
    assert_eq!(request.query.constructor_id(), 0xc1cd5ea9);

    let without_proxy = InvokeWithLayer {
        layer: 227,
        query: init(None),
    };
    let bytes = tl_core::to_bytes(&without_proxy)?;
    assert_eq!(&bytes[12..16], &0b10u32.to_le_bytes());
    assert_eq!(
        tl_core::from_bytes::<InvokeWithLayer<InitConnection<HelpGetConfig>>>(&bytes)?,
        without_proxy
    );
    Ok(())
}

#[test]
fn a_wrong_inner_function_is_an_error_naming_it() -> Result<(), tl_core::Error> {
    let bytes = tl_core::to_bytes(&InvokeWithLayer {
        layer: 1,
        query: Ping {},
    })?;
    let error = tl_core::from_bytes::<InvokeWithLayer<HelpGetConfig>>(&bytes).unwrap_err();
    assert_eq!(error.offset(), Some(8));
    assert_eq!(error.path_string(), "query");
    Ok(())
}

#[test]
fn a_function_value_is_json_like_a_constructor() -> Result<(), Box<dyn std::error::Error>> {
    let request = InvokeWithLayer {
        layer: 227,
        query: InvokeWithoutUpdates {
            query: HelpGetConfig {},
        },
    };
    let json = tl_core::json::to_string(&request)?;
    assert_eq!(
        json,
        r#"{"_":"invokeWithLayer","layer":227,"query":{"_":"invokeWithoutUpdates","query":{"_":"help.getConfig"}}}"#
    );
    let back: InvokeWithLayer<InvokeWithoutUpdates<HelpGetConfig>> =
        tl_core::json::from_str(&json)?;
    assert_eq!(back, request);
    assert_eq!(
        tl_core::json::to_string_td(&TestSquareInt { x: 3 })?,
        r#"{"@type":"testSquareInt","x":3}"#
    );
    Ok(())
}

#[test]
fn a_request_carries_extra_and_its_reply_is_typed() -> Result<(), Box<dyn std::error::Error>> {
    let extra = serde_json::json!({"id": 7, "tag": ["a", null]});
    let text = tl_core::json::to_string_td_with_extra(&TestSquareInt { x: 3 }, &extra)?;
    assert_eq!(
        text,
        r#"{"@type":"testSquareInt","x":3,"@extra":{"id":7,"tag":["a",null]}}"#
    );
    // Requests read back too: `@extra` is ignored by the type.
    assert_eq!(
        tl_core::json::from_str::<TestSquareInt>(&text)?,
        TestSquareInt { x: 3 }
    );

    // TDLib echoes `@extra` verbatim, anywhere in the object, and it is
    // kept as that text.
    let reply = tl_core::json::reply_from_str::<TestSquareInt>(
        r#"{"@extra":{"id":7,"tag":["a",null]},"@type":"testInt","value":9,"@client_id":1}"#,
    )?;
    assert_eq!(reply.result, Ok(TestInt { value: 9 }));
    let echoed = reply.extra.expect("the reply carries the `@extra`");
    assert_eq!(echoed.get(), r#"{"id":7,"tag":["a",null]}"#);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(echoed.get())?,
        extra
    );
    // And goes out again as it came.
    assert_eq!(
        tl_core::json::to_string_td_with_extra(&TestSquareInt { x: 3 }, &echoed)?,
        text
    );

    let error = tl_core::json::reply_from_str::<TestSquareInt>(
        r#"{"@type":"error","code":500,"message":"Request aborted"}"#,
    )?;
    assert_eq!(
        error.result,
        Err(tl_core::TdError {
            code: 500,
            message: "Request aborted".into()
        })
    );
    assert!(error.extra.is_none());

    // A reply of another type is an error naming what was expected.
    let wrong = tl_core::json::reply_from_str::<TestSquareInt>(r#"{"@type":"ok"}"#).unwrap_err();
    assert!(
        wrong.to_string().contains("unexpected constructor `ok`"),
        "{wrong}"
    );
    // So is text that is not an object.
    let not_object = tl_core::json::envelope("[1]").unwrap_err();
    assert!(
        not_object.to_string().contains("expected a TDLib object"),
        "{not_object}"
    );
    // Only an object can carry `@extra`.
    let array = tl_core::json::to_string_td_with_extra(&vec![1i32], &7).unwrap_err();
    assert_eq!(array.to_string(), "only an object can carry `@extra`");
    Ok(())
}
