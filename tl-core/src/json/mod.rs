//! JSON in the `"_"` convention of MadelineProto, PWRTelegram, tdl and
//! mtkruto, and TDLib's own `"@type"` form.
//!
//! Every derived type implements `serde::Serialize` and `Deserialize`:
//!
//! - Output: `"_"` first, holding the full constructor name, then the fields
//!   in schema order under their TL names. `int64` is a string (no precision
//!   loss in JavaScript), `int32`, `int53` and `double` are numbers, `Bool`
//!   is `true`/`false`, `bytes`, `int128` and `int256` are base64, vectors are
//!   arrays. Flags words are left out (they are recomputed); absent
//!   conditional fields are left out.
//! - [`TdJson`] (or [`to_string_td`]) writes the same value with `"@type"`
//!   instead of `"_"`, at every level.
//! - Input is liberal where TDLib is: the tag may be `"_"` or `"@type"`, a
//!   name or the numeric constructor id, anywhere in the object (a tag that
//!   comes first is read without buffering); `int64` and `int32` may be
//!   strings or numbers; unknown fields, `"@extra"` and `"@client_id"` are
//!   ignored. A missing field is an error unless the field is marked
//!   `#[tl(default)]`. `int53` values beyond ±(2^53 - 1) are rejected, both
//!   ways, because JavaScript cannot hold them exactly.
//!
//! ```
//! use tl_core::{Session, SessionType};
//! # let session = tl_core::Session {
//! #     id: 1, is_current: true, is_password_pending: false, is_unconfirmed: false,
//! #     can_accept_secret_chats: true, can_accept_calls: true, r#type: SessionType::Iphone,
//! #     api_id: 10, application_name: "Telegram iOS".into(), application_version: "11.0".into(),
//! #     is_official_application: true, device_model: "iPhone 15".into(), platform: "iOS".into(),
//! #     system_version: "18.0".into(), log_in_date: 1, last_active_date: 2,
//! #     ip_address: "192.0.2.1".into(), location: "Berlin".into(),
//! # };
//! let json = tl_core::json::to_string(&session)?;
//! assert!(json.starts_with(r#"{"_":"session","id":"1","is_current":true,"#));
//! assert!(json.contains(r#""type":{"_":"sessionTypeIphone"}"#));
//! let td = tl_core::json::to_string_td(&session)?;
//! assert!(td.starts_with(r#"{"@type":"session","id":"1","#));
//! assert_eq!(tl_core::json::from_str::<Session>(&td)?, session);
//! # Ok::<(), tl_core::json::JsonError>(())
//! ```

mod base64;
mod buffer;
mod codec;
mod primitives;
mod style;
pub(crate) mod support;
pub(crate) mod unknown;

pub use self::base64::Base64Error;
pub(crate) use self::buffer::TapeText;
pub use self::codec::{JsonDecode, JsonEncode, TdJson};
pub use self::style::{JsonStyle, TagKey};

// Replies are TDLib's `error` (a reference type, derived) or a result.
#[cfg(all(feature = "json", feature = "derive"))]
mod reply;
#[cfg(feature = "json")]
mod text;
#[cfg(all(feature = "json", feature = "derive"))]
pub use reply::{Envelope, Reply, envelope, reply_from_str, to_string_td_with_extra};
#[cfg(feature = "json")]
pub use text::{
    JsonError, from_slice, from_slice_with_max_depth, from_str, from_str_with_max_depth, to_string,
    to_string_td,
};
