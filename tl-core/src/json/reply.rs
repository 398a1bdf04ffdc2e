//! Requests and replies as TDLib's JSON interface exchanges them: a
//! request carries any `"@extra"` value, TDLib echoes it on the reply, and
//! the reply is the function's result or TDLib's `error`.

use alloc::boxed::Box;
use alloc::string::String;
use core::fmt;

use serde::Serialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::codec::JsonEncode;
use super::text::{JsonError, from_str, to_string_td};
use crate::reference::TdError;
use crate::traits::TlFunction;

/// What identifies a message from TDLib before it is read as a type: its
/// tag, and the `"@extra"` and `"@client_id"` TDLib adds.
///
/// Two envelopes are equal when their `extra`s are the same text
/// (`RawValue` has no `PartialEq` of its own): `7` and `7.0` differ, as
/// they would for a client matching TDLib's echo with what it sent.
#[derive(Debug, Clone, Default)]
pub struct Envelope {
    /// The constructor name (`"@type"` or `"_"`), when it is a string.
    pub tag: Option<String>,
    /// The `"@extra"` of the request this message answers, as the text
    /// TDLib sent; updates have none. Kept as text, not read into a
    /// [`serde_json::Value`], so that numbers a `Value` cannot hold exactly
    /// (`123456789012345678901234567890`, `0.10000000000000000001`) come
    /// back as they were sent: read it with `serde_json::from_str(extra.get())`
    /// into the type the client sent.
    pub extra: Option<Box<RawValue>>,
    /// The client the message is for (`td_receive` serves every client).
    pub client_id: Option<i64>,
}

impl PartialEq for Envelope {
    fn eq(&self, other: &Envelope) -> bool {
        self.tag == other.tag
            && same_extra(&self.extra, &other.extra)
            && self.client_id == other.client_id
    }
}

fn same_extra(a: &Option<Box<RawValue>>, b: &Option<Box<RawValue>>) -> bool {
    a.as_deref().map(RawValue::get) == b.as_deref().map(RawValue::get)
}

/// Reads a message's [`Envelope`] without reading the rest of it: an
/// asynchronous client routes each message by its `extra` (a reply to a
/// request it sent) or its tag (an update).
///
/// ```
/// let text = r#"{"@type":"testInt","value":9,"@extra":7,"@client_id":1}"#;
/// let envelope = tl_core::json::envelope(text)?;
/// assert_eq!(envelope.tag.as_deref(), Some("testInt"));
/// let extra = envelope.extra.expect("a reply");
/// assert_eq!(extra.get(), "7");
/// assert_eq!(serde_json::from_str::<u64>(extra.get())?, 7);
/// assert_eq!(envelope.client_id, Some(1));
///
/// // Exactly as sent, beyond what an `f64` or a `u64` holds.
/// let text = r#"{"@type":"ok","@extra":123456789012345678901234567890}"#;
/// let extra = tl_core::json::envelope(text)?.extra.expect("a reply");
/// assert_eq!(extra.get(), "123456789012345678901234567890");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn envelope(text: &str) -> Result<Envelope, JsonError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let envelope = deserializer
        .deserialize_map(EnvelopeVisitor)
        .and_then(|envelope| deserializer.end().map(|()| envelope));
    envelope.map_err(JsonError::at_top)
}

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TDLib object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
        let mut envelope = Envelope::default();
        while let Some(key) = map.next_key::<&str>()? {
            match key {
                "@type" | "_" if envelope.tag.is_none() => {
                    envelope.tag = map.next_value::<TagName>()?.0;
                }
                "@extra" => envelope.extra = Some(map.next_value()?),
                "@client_id" => envelope.client_id = Some(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(envelope)
    }
}

/// A tag's name, or nothing for a numeric tag.
struct TagName(Option<String>);

impl<'de> de::Deserialize<'de> for TagName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TagName, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Ok(TagName(value.as_str().map(String::from)))
    }
}

/// TDLib's reply to a request of type `F`: its result or TDLib's error, and
/// the request's `"@extra"`.
///
/// Equal, like [`Envelope`], when the `extra`s are the same text.
#[derive(Debug, Clone)]
pub struct Reply<R> {
    /// The function's result, or the `error` TDLib answered instead.
    pub result: Result<R, TdError>,
    /// The `"@extra"` of the request, echoed by TDLib, as the text TDLib
    /// sent (see [`Envelope::extra`]).
    pub extra: Option<Box<RawValue>>,
}

impl<R: PartialEq> PartialEq for Reply<R> {
    fn eq(&self, other: &Reply<R>) -> bool {
        self.result == other.result && same_extra(&self.extra, &other.extra)
    }
}

/// Reads TDLib's reply to a request of type `F` as `F::Return`, or as
/// TDLib's `error`: the caller names the request, not the reply.
///
/// ```
/// use tl_core::{TlObject, json::reply_from_str};
///
/// #[derive(TlObject, Debug, PartialEq)]
/// struct TestInt { value: i32 }
///
/// #[derive(TlObject)]
/// #[tl(function, returns = TestInt)]
/// struct TestSquareInt { x: i32 }
///
/// let reply = reply_from_str::<TestSquareInt>(r#"{"@type":"testInt","value":9,"@extra":"a"}"#)?;
/// assert_eq!(reply.result, Ok(TestInt { value: 9 }));
/// assert_eq!(reply.extra.map(|extra| extra.get().to_owned()).as_deref(), Some(r#""a""#));
///
/// let reply = reply_from_str::<TestSquareInt>(
///     r#"{"@type":"error","code":400,"message":"Invalid parameter","@extra":"b"}"#,
/// )?;
/// assert_eq!(reply.result.unwrap_err().code, 400);
/// # Ok::<(), tl_core::json::JsonError>(())
/// ```
pub fn reply_from_str<'de, F>(text: &'de str) -> Result<Reply<F::Return>, JsonError>
where
    F: TlFunction,
    F::Return: super::codec::JsonDecode<'de>,
{
    let Envelope { tag, extra, .. } = envelope(text)?;
    let result = match tag.as_deref() {
        Some("error") => Err(from_str::<TdError>(text)?),
        _ => Ok(from_str::<F::Return>(text)?),
    };
    Ok(Reply { result, extra })
}

/// A request in TDLib's `"@type"` form, with `extra` as its `"@extra"`,
/// which TDLib echoes on the reply.
///
/// `extra` is anything serde writes as JSON: a number or a string for the
/// common case of a request counter, a [`serde_json::Value`], a struct of
/// the client's own, or a [`RawValue`] (such as [`Envelope::extra`]),
/// whose text is written unchanged.
///
/// ```
/// use tl_core::TlObject;
///
/// #[derive(TlObject)]
/// #[tl(function, returns = tl_core::Sessions)]
/// struct GetActiveSessions {}
///
/// let text = tl_core::json::to_string_td_with_extra(&GetActiveSessions {}, &42)?;
/// assert_eq!(text, r#"{"@type":"getActiveSessions","@extra":42}"#);
///
/// let text = tl_core::json::to_string_td_with_extra(&GetActiveSessions {}, "sessions#1")?;
/// assert_eq!(text, r#"{"@type":"getActiveSessions","@extra":"sessions#1"}"#);
///
/// // An `@extra` read from another message goes back out as it came.
/// let echo = r#"{"@type":"ok","@extra":0.10000000000000000001}"#;
/// let extra = tl_core::json::envelope(echo)?.extra.expect("an @extra");
/// let text = tl_core::json::to_string_td_with_extra(&GetActiveSessions {}, &extra)?;
/// assert_eq!(text, r#"{"@type":"getActiveSessions","@extra":0.10000000000000000001}"#);
/// # Ok::<(), tl_core::json::JsonError>(())
/// ```
pub fn to_string_td_with_extra<T, E>(value: &T, extra: &E) -> Result<String, JsonError>
where
    T: JsonEncode + ?Sized,
    E: Serialize + ?Sized,
{
    let mut text = to_string_td(value)?;
    // A derived value is an object: its text ends in `}`.
    if text.pop() != Some('}') {
        return Err(JsonError::at_top(
            <serde_json::Error as serde::ser::Error>::custom("only an object can carry `@extra`"),
        ));
    }
    if !text.ends_with('{') {
        text.push(',');
    }
    text.push_str("\"@extra\":");
    let extra = serde_json::to_string(extra).map_err(JsonError::at_top)?;
    text.push_str(&extra);
    text.push('}');
    Ok(text)
}
