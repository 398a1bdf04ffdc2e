//! The JSON baseline with our tags: the same structs through plain
//! serde_derive with `#[serde(tag = "_")]`, so that the text is ours byte for
//! byte. Against it, the ratio is what our derive costs beside the tags
//! themselves; against `plain` (no tags), what the tags cost.
//!
//! Built from our JSON (`serde_json::from_str`), and checked to write it back
//! unchanged.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(tag = "_")]
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
#[serde(tag = "_", rename = "session")]
pub struct Session {
    #[serde(with = "crate::plain::int64")]
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
#[serde(tag = "_", rename = "sessions")]
pub struct Sessions {
    pub sessions: Vec<Session>,
    pub inactive_session_ttl_days: i32,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "_", rename = "authorization")]
pub struct Authorization {
    pub current: bool,
    pub official_app: bool,
    pub password_pending: bool,
    pub encrypted_requests_disabled: bool,
    pub call_requests_disabled: bool,
    pub unconfirmed: bool,
    #[serde(with = "crate::plain::int64")]
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
