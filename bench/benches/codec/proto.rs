//! The same shapes derived with tl-proto 0.5 (`TlWrite`/`TlRead`).
//!
//! tl-proto has no `String` impl (TON's schemas have only `bytes`), so
//! strings go through a `with` module that validates UTF-8 like the others.
//! `session` is bare (TDLib's `vector<session>` holds bare sessions) with a
//! `BoxedConstructor` id, and is boxed at the top level with tl-proto's
//! `BoxedWrapper`. A `true` under a flag is an `Option<()>`, the flags word a
//! `()` computed on write.

use tl_proto::{BoxedConstructor, TlError, TlPacket, TlRead, TlResult, TlWrite};

use crate::ours;

/// `string` as a Rust `String`, UTF-8 checked.
pub mod tl_string {
    use super::*;

    #[inline(always)]
    #[allow(clippy::ptr_arg)]
    pub fn size_hint(value: &String) -> usize {
        tl_proto::bytes_max_size_hint(value.len())
    }

    #[inline(always)]
    #[allow(clippy::ptr_arg)]
    pub fn write<P: TlPacket>(value: &String, packet: &mut P) {
        value.as_bytes().write_to(packet)
    }

    #[inline(always)]
    pub fn read(packet: &mut &[u8]) -> TlResult<String> {
        let bytes = <&[u8]>::read_from(packet)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(_) => Err(TlError::InvalidData),
        }
    }
}

/// `string` as a borrowed `&str`, UTF-8 checked (tl-proto has no `&str`
/// impl either).
pub mod tl_str {
    use super::*;

    #[inline(always)]
    pub fn size_hint(value: &&str) -> usize {
        tl_proto::bytes_max_size_hint(value.len())
    }

    #[inline(always)]
    pub fn write<P: TlPacket>(value: &&str, packet: &mut P) {
        value.as_bytes().write_to(packet)
    }

    #[inline(always)]
    pub fn read<'a>(packet: &mut &'a [u8]) -> TlResult<&'a str> {
        let bytes = <&[u8]>::read_from(packet)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text),
            Err(_) => Err(TlError::InvalidData),
        }
    }
}

#[derive(TlWrite, TlRead, Debug, Clone, Copy, PartialEq, Eq)]
#[tl(boxed)]
pub enum SessionType {
    #[tl(id = 0x84836098)]
    Android,
    #[tl(id = 0x9399d24b)]
    Apple,
    #[tl(id = 0xb778e9ed)]
    Brave,
    #[tl(id = 0x5dc92969)]
    Chrome,
    #[tl(id = 0xdfe0cb5b)]
    Edge,
    #[tl(id = 0x7e83fda4)]
    Firefox,
    #[tl(id = 0x4d2abeef)]
    Ipad,
    #[tl(id = 0x05d182bd)]
    Iphone,
    #[tl(id = 0xa757ba69)]
    Linux,
    #[tl(id = 0xdb81caa1)]
    Mac,
    #[tl(id = 0xa8c21c7a)]
    Opera,
    #[tl(id = 0x2a5b9c59)]
    Safari,
    #[tl(id = 0x5d8f6ac5)]
    Ubuntu,
    #[tl(id = 0x0df17030)]
    Unknown,
    #[tl(id = 0x42c985ef)]
    Vivaldi,
    #[tl(id = 0x9c1272a8)]
    Windows,
    #[tl(id = 0x6ea39dac)]
    Xbox,
}

#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
pub struct Session {
    pub id: i64,
    pub is_current: bool,
    pub is_password_pending: bool,
    pub is_unconfirmed: bool,
    pub can_accept_secret_chats: bool,
    pub can_accept_calls: bool,
    pub r#type: SessionType,
    pub api_id: i32,
    #[tl(with = "tl_string")]
    pub application_name: String,
    #[tl(with = "tl_string")]
    pub application_version: String,
    pub is_official_application: bool,
    #[tl(with = "tl_string")]
    pub device_model: String,
    #[tl(with = "tl_string")]
    pub platform: String,
    #[tl(with = "tl_string")]
    pub system_version: String,
    pub log_in_date: i32,
    pub last_active_date: i32,
    #[tl(with = "tl_string")]
    pub ip_address: String,
    #[tl(with = "tl_string")]
    pub location: String,
}

impl BoxedConstructor for Session {
    const TL_ID: u32 = 0x09759a3c;
}

#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
#[tl(boxed, id = 0x323dd212)]
pub struct Sessions {
    pub sessions: Vec<Session>,
    pub inactive_session_ttl_days: i32,
}

#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
#[tl(boxed, id = 0xad01d61d)]
pub struct Authorization {
    #[tl(flags)]
    pub flags: (),
    #[tl(flags_bit = 0)]
    pub current: Option<()>,
    #[tl(flags_bit = 1)]
    pub official_app: Option<()>,
    #[tl(flags_bit = 2)]
    pub password_pending: Option<()>,
    #[tl(flags_bit = 3)]
    pub encrypted_requests_disabled: Option<()>,
    #[tl(flags_bit = 4)]
    pub call_requests_disabled: Option<()>,
    #[tl(flags_bit = 5)]
    pub unconfirmed: Option<()>,
    pub hash: i64,
    #[tl(with = "tl_string")]
    pub device_model: String,
    #[tl(with = "tl_string")]
    pub platform: String,
    #[tl(with = "tl_string")]
    pub system_version: String,
    pub api_id: i32,
    #[tl(with = "tl_string")]
    pub app_name: String,
    #[tl(with = "tl_string")]
    pub app_version: String,
    pub date_created: i32,
    pub date_active: i32,
    #[tl(with = "tl_string")]
    pub ip: String,
    #[tl(with = "tl_string")]
    pub country: String,
    #[tl(with = "tl_string")]
    pub region: String,
}

#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
#[tl(boxed, id = 0xb304a621)]
pub struct SaveFilePart {
    pub file_id: i64,
    pub file_part: i32,
    pub bytes: Vec<u8>,
}

fn session_type(ty: tl_core::SessionType) -> SessionType {
    use tl_core::SessionType as T;
    match ty {
        T::Android => SessionType::Android,
        T::Apple => SessionType::Apple,
        T::Brave => SessionType::Brave,
        T::Chrome => SessionType::Chrome,
        T::Edge => SessionType::Edge,
        T::Firefox => SessionType::Firefox,
        T::Ipad => SessionType::Ipad,
        T::Iphone => SessionType::Iphone,
        T::Linux => SessionType::Linux,
        T::Mac => SessionType::Mac,
        T::Opera => SessionType::Opera,
        T::Safari => SessionType::Safari,
        T::Ubuntu => SessionType::Ubuntu,
        T::Unknown => SessionType::Unknown,
        T::Vivaldi => SessionType::Vivaldi,
        T::Windows => SessionType::Windows,
        T::Xbox => SessionType::Xbox,
    }
}

impl From<&tl_core::Session> for Session {
    fn from(s: &tl_core::Session) -> Self {
        Session {
            id: s.id,
            is_current: s.is_current,
            is_password_pending: s.is_password_pending,
            is_unconfirmed: s.is_unconfirmed,
            can_accept_secret_chats: s.can_accept_secret_chats,
            can_accept_calls: s.can_accept_calls,
            r#type: session_type(s.r#type),
            api_id: s.api_id,
            application_name: s.application_name.clone(),
            application_version: s.application_version.clone(),
            is_official_application: s.is_official_application,
            device_model: s.device_model.clone(),
            platform: s.platform.clone(),
            system_version: s.system_version.clone(),
            log_in_date: s.log_in_date,
            last_active_date: s.last_active_date,
            ip_address: s.ip_address.clone(),
            location: s.location.clone(),
        }
    }
}

impl From<&tl_core::Sessions> for Sessions {
    fn from(s: &tl_core::Sessions) -> Self {
        Sessions {
            sessions: s.sessions.iter().map(Session::from).collect(),
            inactive_session_ttl_days: s.inactive_session_ttl_days,
        }
    }
}

impl From<&ours::Authorization> for Authorization {
    fn from(a: &ours::Authorization) -> Self {
        Authorization {
            flags: (),
            current: a.current.then_some(()),
            official_app: a.official_app.then_some(()),
            password_pending: a.password_pending.then_some(()),
            encrypted_requests_disabled: a.encrypted_requests_disabled.then_some(()),
            call_requests_disabled: a.call_requests_disabled.then_some(()),
            unconfirmed: a.unconfirmed.then_some(()),
            hash: a.hash,
            device_model: a.device_model.clone(),
            platform: a.platform.clone(),
            system_version: a.system_version.clone(),
            api_id: a.api_id,
            app_name: a.app_name.clone(),
            app_version: a.app_version.clone(),
            date_created: a.date_created,
            date_active: a.date_active,
            ip: a.ip.clone(),
            country: a.country.clone(),
            region: a.region.clone(),
        }
    }
}

impl From<&ours::SaveFilePart> for SaveFilePart {
    fn from(f: &ours::SaveFilePart) -> Self {
        SaveFilePart {
            file_id: f.file_id,
            file_part: f.file_part,
            bytes: f.bytes.clone(),
        }
    }
}

/// `session` with borrowed, UTF-8-checked strings.
#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
pub struct SessionRef<'tl> {
    pub id: i64,
    pub is_current: bool,
    pub is_password_pending: bool,
    pub is_unconfirmed: bool,
    pub can_accept_secret_chats: bool,
    pub can_accept_calls: bool,
    pub r#type: SessionType,
    pub api_id: i32,
    #[tl(with = "tl_str")]
    pub application_name: &'tl str,
    #[tl(with = "tl_str")]
    pub application_version: &'tl str,
    pub is_official_application: bool,
    #[tl(with = "tl_str")]
    pub device_model: &'tl str,
    #[tl(with = "tl_str")]
    pub platform: &'tl str,
    #[tl(with = "tl_str")]
    pub system_version: &'tl str,
    pub log_in_date: i32,
    pub last_active_date: i32,
    #[tl(with = "tl_str")]
    pub ip_address: &'tl str,
    #[tl(with = "tl_str")]
    pub location: &'tl str,
}

impl BoxedConstructor for SessionRef<'_> {
    const TL_ID: u32 = 0x09759a3c;
}

#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
#[tl(boxed, id = 0x323dd212)]
pub struct SessionsRef<'tl> {
    pub sessions: Vec<SessionRef<'tl>>,
    pub inactive_session_ttl_days: i32,
}

/// `authorization` with `Vec<u8>` fields: tl-proto's own owned form.
#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
#[tl(boxed, id = 0xad01d61d)]
pub struct AuthorizationBytes {
    #[tl(flags)]
    pub flags: (),
    #[tl(flags_bit = 0)]
    pub current: Option<()>,
    #[tl(flags_bit = 1)]
    pub official_app: Option<()>,
    #[tl(flags_bit = 2)]
    pub password_pending: Option<()>,
    #[tl(flags_bit = 3)]
    pub encrypted_requests_disabled: Option<()>,
    #[tl(flags_bit = 4)]
    pub call_requests_disabled: Option<()>,
    #[tl(flags_bit = 5)]
    pub unconfirmed: Option<()>,
    pub hash: i64,
    pub device_model: Vec<u8>,
    pub platform: Vec<u8>,
    pub system_version: Vec<u8>,
    pub api_id: i32,
    pub app_name: Vec<u8>,
    pub app_version: Vec<u8>,
    pub date_created: i32,
    pub date_active: i32,
    pub ip: Vec<u8>,
    pub country: Vec<u8>,
    pub region: Vec<u8>,
}

/// `authorization` with `&'tl [u8]` fields: tl-proto's zero-copy form.
#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
#[tl(boxed, id = 0xad01d61d)]
pub struct AuthorizationRef<'tl> {
    #[tl(flags)]
    pub flags: (),
    #[tl(flags_bit = 0)]
    pub current: Option<()>,
    #[tl(flags_bit = 1)]
    pub official_app: Option<()>,
    #[tl(flags_bit = 2)]
    pub password_pending: Option<()>,
    #[tl(flags_bit = 3)]
    pub encrypted_requests_disabled: Option<()>,
    #[tl(flags_bit = 4)]
    pub call_requests_disabled: Option<()>,
    #[tl(flags_bit = 5)]
    pub unconfirmed: Option<()>,
    pub hash: i64,
    pub device_model: &'tl [u8],
    pub platform: &'tl [u8],
    pub system_version: &'tl [u8],
    pub api_id: i32,
    pub app_name: &'tl [u8],
    pub app_version: &'tl [u8],
    pub date_created: i32,
    pub date_active: i32,
    pub ip: &'tl [u8],
    pub country: &'tl [u8],
    pub region: &'tl [u8],
}

/// `authorization` with `&'tl str` fields (through [`tl_str`]).
#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
#[tl(boxed, id = 0xad01d61d)]
pub struct AuthorizationStr<'tl> {
    #[tl(flags)]
    pub flags: (),
    #[tl(flags_bit = 0)]
    pub current: Option<()>,
    #[tl(flags_bit = 1)]
    pub official_app: Option<()>,
    #[tl(flags_bit = 2)]
    pub password_pending: Option<()>,
    #[tl(flags_bit = 3)]
    pub encrypted_requests_disabled: Option<()>,
    #[tl(flags_bit = 4)]
    pub call_requests_disabled: Option<()>,
    #[tl(flags_bit = 5)]
    pub unconfirmed: Option<()>,
    pub hash: i64,
    #[tl(with = "tl_str")]
    pub device_model: &'tl str,
    #[tl(with = "tl_str")]
    pub platform: &'tl str,
    #[tl(with = "tl_str")]
    pub system_version: &'tl str,
    pub api_id: i32,
    #[tl(with = "tl_str")]
    pub app_name: &'tl str,
    #[tl(with = "tl_str")]
    pub app_version: &'tl str,
    pub date_created: i32,
    pub date_active: i32,
    #[tl(with = "tl_str")]
    pub ip: &'tl str,
    #[tl(with = "tl_str")]
    pub country: &'tl str,
    #[tl(with = "tl_str")]
    pub region: &'tl str,
}

#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
#[tl(boxed, id = 0xb304a621)]
pub struct SaveFilePartRef<'tl> {
    pub file_id: i64,
    pub file_part: i32,
    pub bytes: &'tl [u8],
}

#[derive(TlWrite, TlRead, Debug, Clone, Copy, PartialEq)]
#[tl(boxed)]
pub enum Peer {
    #[tl(id = 0x59511722)]
    User { user_id: i64 },
    #[tl(id = 0x36c6019a)]
    Chat { chat_id: i64 },
    #[tl(id = 0xa2a5371e)]
    Channel { channel_id: i64 },
}

/// `Vector<Peer>`: tl-proto's `Vec` is the bare `vector`, so the boxed
/// vector is a constructor with `vector`'s id around it.
#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
#[tl(boxed, id = 0x1cb5c415)]
pub struct Peers {
    pub items: Vec<Peer>,
}

#[derive(TlWrite, TlRead, Debug, Clone, PartialEq)]
#[tl(boxed)]
pub enum RichText {
    #[tl(id = 0xdc3d824f)]
    Empty,
    #[tl(id = 0x744694e0)]
    Plain {
        #[tl(with = "tl_string")]
        text: String,
    },
    #[tl(id = 0x6724abc4)]
    Bold { text: Box<RichText> },
    #[tl(id = 0xd912a59c)]
    Italic { text: Box<RichText> },
    #[tl(id = 0xc12622c4)]
    Underline { text: Box<RichText> },
}

impl From<&ours::Authorization> for AuthorizationBytes {
    fn from(a: &ours::Authorization) -> Self {
        AuthorizationBytes {
            flags: (),
            current: a.current.then_some(()),
            official_app: a.official_app.then_some(()),
            password_pending: a.password_pending.then_some(()),
            encrypted_requests_disabled: a.encrypted_requests_disabled.then_some(()),
            call_requests_disabled: a.call_requests_disabled.then_some(()),
            unconfirmed: a.unconfirmed.then_some(()),
            hash: a.hash,
            device_model: a.device_model.clone().into_bytes(),
            platform: a.platform.clone().into_bytes(),
            system_version: a.system_version.clone().into_bytes(),
            api_id: a.api_id,
            app_name: a.app_name.clone().into_bytes(),
            app_version: a.app_version.clone().into_bytes(),
            date_created: a.date_created,
            date_active: a.date_active,
            ip: a.ip.clone().into_bytes(),
            country: a.country.clone().into_bytes(),
            region: a.region.clone().into_bytes(),
        }
    }
}

impl From<&ours::Peer> for Peer {
    fn from(p: &ours::Peer) -> Self {
        match *p {
            ours::Peer::User { user_id } => Peer::User { user_id },
            ours::Peer::Chat { chat_id } => Peer::Chat { chat_id },
            ours::Peer::Channel { channel_id } => Peer::Channel { channel_id },
        }
    }
}

impl From<&ours::RichText> for RichText {
    fn from(t: &ours::RichText) -> Self {
        match t {
            ours::RichText::Empty => RichText::Empty,
            ours::RichText::Plain { text } => RichText::Plain { text: text.clone() },
            ours::RichText::Bold { text } => RichText::Bold {
                text: Box::new(RichText::from(&**text)),
            },
            ours::RichText::Italic { text } => RichText::Italic {
                text: Box::new(RichText::from(&**text)),
            },
            ours::RichText::Underline { text } => RichText::Underline {
                text: Box::new(RichText::from(&**text)),
            },
        }
    }
}
