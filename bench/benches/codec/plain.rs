//! The JSON baseline: the same structs with plain serde_derive and no `"_"`
//! tags. Fields keep our representation (TDLib's `int64` as a string, in
//! schema order); the session type, an object `{"_":"sessionTypeAndroid"}`
//! in our JSON, is serde's unit variant, the string `"sessionTypeAndroid"`.

use serde::{Deserialize, Serialize};

use crate::ours;

/// `int64` as a JSON string, formatted on the stack.
pub mod int64 {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(value: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 20];
        let mut pos = buf.len();
        let mut rest = value.unsigned_abs();
        loop {
            pos -= 1;
            buf[pos] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if *value < 0 {
            pos -= 1;
            buf[pos] = b'-';
        }
        // Only ASCII digits and '-' were written.
        serializer.serialize_str(std::str::from_utf8(&buf[pos..]).unwrap_or_default())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        <&str>::deserialize(deserializer)?
            .parse()
            .map_err(D::Error::custom)
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionType {
    #[serde(rename = "sessionTypeAndroid")]
    Android,
    #[serde(rename = "sessionTypeApple")]
    Apple,
    #[serde(rename = "sessionTypeBrave")]
    Brave,
    #[serde(rename = "sessionTypeChrome")]
    Chrome,
    #[serde(rename = "sessionTypeEdge")]
    Edge,
    #[serde(rename = "sessionTypeFirefox")]
    Firefox,
    #[serde(rename = "sessionTypeIpad")]
    Ipad,
    #[serde(rename = "sessionTypeIphone")]
    Iphone,
    #[serde(rename = "sessionTypeLinux")]
    Linux,
    #[serde(rename = "sessionTypeMac")]
    Mac,
    #[serde(rename = "sessionTypeOpera")]
    Opera,
    #[serde(rename = "sessionTypeSafari")]
    Safari,
    #[serde(rename = "sessionTypeUbuntu")]
    Ubuntu,
    #[serde(rename = "sessionTypeUnknown")]
    Unknown,
    #[serde(rename = "sessionTypeVivaldi")]
    Vivaldi,
    #[serde(rename = "sessionTypeWindows")]
    Windows,
    #[serde(rename = "sessionTypeXbox")]
    Xbox,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Session {
    #[serde(with = "int64")]
    pub id: i64,
    pub is_current: bool,
    pub is_password_pending: bool,
    pub is_unconfirmed: bool,
    pub can_accept_secret_chats: bool,
    pub can_accept_calls: bool,
    pub r#type: SessionType,
    pub api_id: i32,
    pub application_name: String,
    pub application_version: String,
    pub is_official_application: bool,
    pub device_model: String,
    pub platform: String,
    pub system_version: String,
    pub log_in_date: i32,
    pub last_active_date: i32,
    pub ip_address: String,
    pub location: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Sessions {
    pub sessions: Vec<Session>,
    pub inactive_session_ttl_days: i32,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Authorization {
    pub current: bool,
    pub official_app: bool,
    pub password_pending: bool,
    pub encrypted_requests_disabled: bool,
    pub call_requests_disabled: bool,
    pub unconfirmed: bool,
    #[serde(with = "int64")]
    pub hash: i64,
    pub device_model: String,
    pub platform: String,
    pub system_version: String,
    pub api_id: i32,
    pub app_name: String,
    pub app_version: String,
    pub date_created: i32,
    pub date_active: i32,
    pub ip: String,
    pub country: String,
    pub region: String,
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
            current: a.current,
            official_app: a.official_app,
            password_pending: a.password_pending,
            encrypted_requests_disabled: a.encrypted_requests_disabled,
            call_requests_disabled: a.call_requests_disabled,
            unconfirmed: a.unconfirmed,
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
