//! The properties of the `replies` target: `tl_core::json::envelope` and
//! `reply_from_str::<F>` on any text, as a client meets TDLib's messages.
//!
//! Depends on `tl_core`, `serde_json` and [`super::oracle`] only:
//! `tests/tests/fuzz_replay.rs` compiles both by path on stable.

use serde_json::value::RawValue;
use tl_core::json::{Envelope, JsonDecode, JsonEncode, Reply};
use tl_core::{TdError, TlFunction, TlObject};

use super::catch_all::OptionValue;
use super::oracle;

#[derive(TlObject, Debug, Clone, PartialEq)]
pub struct TestInt {
    pub value: i32,
}

/// Returns an object: `testSquareInt x:int32 = TestInt`.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = TestInt)]
pub struct TestSquareInt {
    pub x: i32,
}

/// Returns a partial enum, as TDLib's `getOption` does.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = OptionValue)]
pub struct GetOption {
    pub name: String,
}

/// Returns a `Vector`.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Vec<i64>)]
pub struct GetIds {
    pub limit: i32,
}

/// `ok = Ok` (not named `Ok`, which would shadow `Result::Ok` here).
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(name = "ok", ty = "Ok")]
pub struct Done;

#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Done)]
pub struct SetOption {
    pub name: String,
    pub value: OptionValue,
}

/// A generic wrapper, `{X:Type} layer:int32 query:!X = X`: its reply is
/// the inner function's.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(function)]
pub struct WithLayer<X> {
    pub layer: i32,
    pub query: X,
}

/// Everything the `replies` target checks of one input (read as UTF-8
/// lossily: every input reaches the JSON reader).
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let envelope = check_envelope(&text);
    check_reply::<TestSquareInt>(&text, envelope.as_ref());
    check_reply::<GetOption>(&text, envelope.as_ref());
    check_reply::<WithLayer<GetOption>>(&text, envelope.as_ref());
    check_reply::<GetIds>(&text, envelope.as_ref());
    check_reply::<SetOption>(&text, envelope.as_ref());
}

/// `envelope` reads only text serde_json reads as an object, and then
/// gives back its last `"@extra"` unchanged, as the very text of the input
/// (so numbers and strings of any size compare exactly, without serde_json's
/// `arbitrary_precision`, which would change the `Value`s the other checks
/// read), its last `"@client_id"`, and as its tag the first tag key
/// holding a string. The extra goes back out with
/// `to_string_td_with_extra` as the same text.
pub fn check_envelope(text: &str) -> Option<Envelope> {
    let envelope = tl_core::json::envelope(text).ok()?;
    let entries = oracle::entries::<Box<RawValue>>(text, read_by_envelope)
        .unwrap_or_else(|| panic!("envelope read text that is no JSON object: {text}"));
    let last = |key: &str| {
        entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.get())
    };
    let extra = envelope.extra.as_deref().map(RawValue::get);
    assert_eq!(extra, last("@extra"), "`@extra` changed: {text}");
    if let Some(extra) = extra {
        assert!(
            !extra.is_empty() && text.contains(extra),
            "`@extra` is not a slice of the input: {extra:?} in {text}"
        );
    }
    assert_eq!(
        envelope.client_id,
        last("@client_id").map(|id| serde_json::from_str::<i64>(id)
            .unwrap_or_else(|e| panic!("`@client_id` {id} was read as an i64: {e}"))),
        "`@client_id` changed: {text}"
    );
    let first_name = entries
        .iter()
        .find(|(k, v)| is_tag(k) && is_string(v))
        .map(|(_, v)| serde_json::from_str::<String>(v.get()).expect("a JSON string"));
    assert_eq!(
        envelope.tag, first_name,
        "the tag is not the first name among the tag keys: {text}"
    );
    if let Some(extra) = &envelope.extra {
        let request = TestSquareInt { x: 3 };
        let sent = tl_core::json::to_string_td_with_extra(&request, extra)
            .expect("a request writes with any `@extra`");
        let echoed = tl_core::json::envelope(&sent)
            .unwrap_or_else(|e| panic!("a request's envelope does not read: {e}\n{sent}"));
        assert_eq!(
            echoed.extra.as_deref().map(RawValue::get),
            Some(extra.get()),
            "`@extra` sent: {sent}"
        );
        assert_eq!(
            tl_core::json::from_str::<TestSquareInt>(&sent).ok(),
            Some(request),
            "the request with `@extra` does not read as itself: {sent}"
        );
    }
    Some(envelope)
}

fn is_tag(key: &str) -> bool {
    key == "_" || key == "@type"
}

fn is_string(value: &RawValue) -> bool {
    value.get().starts_with('"')
}

/// The entries `envelope` reads: every `@extra` and `@client_id`, and tag
/// keys until one holds a name (a number names no constructor there);
/// later tags are skipped unread.
fn read_by_envelope(key: &str, before: &[(String, Box<RawValue>)]) -> bool {
    match key {
        "@extra" | "@client_id" => true,
        "_" | "@type" => !before.iter().any(|(k, v)| is_tag(k) && is_string(v)),
        _ => false,
    }
}

/// `reply_from_str::<F>` fails where `envelope` does; otherwise it is
/// TDLib's `error` exactly when the tag says `error`, and the value is
/// what reading the text as that type gives; its `extra` is the
/// envelope's.
pub fn check_reply<F>(text: &str, envelope: Option<&Envelope>) -> Option<Reply<F::Return>>
where
    F: TlFunction,
    F::Return: for<'de> JsonDecode<'de> + JsonEncode + PartialEq + std::fmt::Debug,
{
    let reply = tl_core::json::reply_from_str::<F>(text);
    let Some(envelope) = envelope else {
        assert!(reply.is_err(), "a reply read where envelope failed: {text}");
        return None;
    };
    let is_error = envelope.tag.as_deref() == Some("error");
    let direct = |reply_ok: bool| {
        if is_error {
            assert_eq!(
                tl_core::json::from_str::<TdError>(text).is_ok(),
                reply_ok,
                "reply and `TdError` disagree on {text}"
            );
        } else {
            assert_eq!(
                tl_core::json::from_str::<F::Return>(text).is_ok(),
                reply_ok,
                "reply and its type disagree on {text}"
            );
        }
    };
    let Ok(reply) = reply else {
        direct(false);
        return None;
    };
    direct(true);
    assert_eq!(
        reply.extra.as_deref().map(RawValue::get),
        envelope.extra.as_deref().map(RawValue::get),
        "reply and envelope `@extra`"
    );
    match &reply.result {
        Err(error) => {
            assert!(is_error, "an error read from a tag that is not `error`");
            assert_eq!(
                Some(error),
                tl_core::json::from_str::<TdError>(text).ok().as_ref()
            );
        }
        Ok(value) => {
            assert!(!is_error, "a result read from an `error`");
            let written = tl_core::json::to_string_td(value).expect("a reply value writes");
            let again = tl_core::json::to_string_td(
                &tl_core::json::from_str::<F::Return>(&written)
                    .unwrap_or_else(|e| panic!("written reply does not read: {e}\n{written}")),
            )
            .expect("it writes again");
            assert_eq!(again, written, "reply value rewriting is not stable");
        }
    }
    Some(reply)
}
