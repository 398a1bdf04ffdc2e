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
