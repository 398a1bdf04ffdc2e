//! The values every competitor encodes, as our derived types: TDLib's
//! `Session`/`Sessions` from tl-core, and two MTProto constructors derived
//! here.

use tl_core::{Session, SessionType, Sessions, TlObject};

/// `authorization#ad01d61d` of `telegram_api.tl` (layer 227; grammers-tl-types
/// 0.11 is layer 230 with the same line).
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(
    dialect = "mtproto",
    name = "authorization",
    ty = "Authorization",
    id = 0xad01d61d
)]
pub struct Authorization {
    #[tl(flags)]
    pub flags: u32,
    #[tl(flag = "flags.0")]
    pub current: bool,
    #[tl(flag = "flags.1")]
    pub official_app: bool,
    #[tl(flag = "flags.2")]
    pub password_pending: bool,
    #[tl(flag = "flags.3")]
    pub encrypted_requests_disabled: bool,
    #[tl(flag = "flags.4")]
    pub call_requests_disabled: bool,
    #[tl(flag = "flags.5")]
    pub unconfirmed: bool,
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

/// `upload.saveFilePart#b304a621 file_id:long file_part:int bytes:bytes = Bool`:
/// the struct with a 1 MiB `bytes` field (a function in `telegram_api.tl`,
/// hence grammers has it; its declaration hashes like a constructor's).
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(
    dialect = "mtproto",
    name = "upload.saveFilePart",
    ty = "Bool",
    id = 0xb304a621
)]
pub struct SaveFilePart {
    pub file_id: i64,
    pub file_part: i32,
    pub bytes: Vec<u8>,
}

/// The session of the `session` cases (what TDLib reports for an Android
/// phone).
pub fn session() -> Session {
    Session {
        id: 6412842931748902511,
        is_current: true,
        is_password_pending: false,
        is_unconfirmed: false,
        can_accept_secret_chats: true,
        can_accept_calls: true,
        r#type: SessionType::Android,
        api_id: 6,
        application_name: "Telegram Android".into(),
        application_version: "11.14.1 (5866)".into(),
        is_official_application: true,
        device_model: "Samsung Galaxy S24 Ultra".into(),
        platform: "Android".into(),
        system_version: "SDK 35".into(),
        log_in_date: 1_764_000_000,
        last_active_date: 1_764_050_000,
        ip_address: "203.0.113.42".into(),
        location: "Berlin, Germany".into(),
    }
}

const TYPES: [SessionType; 17] = [
    SessionType::Android,
    SessionType::Apple,
    SessionType::Brave,
    SessionType::Chrome,
    SessionType::Edge,
    SessionType::Firefox,
    SessionType::Ipad,
    SessionType::Iphone,
    SessionType::Linux,
    SessionType::Mac,
    SessionType::Opera,
    SessionType::Safari,
    SessionType::Ubuntu,
    SessionType::Unknown,
    SessionType::Vivaldi,
    SessionType::Windows,
    SessionType::Xbox,
];

/// 1 000 distinct sessions: every session type, strings of varied lengths.
pub fn sessions() -> Sessions {
    let sessions = (0..1000i64)
        .map(|i| Session {
            id: 0x5900_0000_0000_0000 ^ (i * 0x9e37_79b9_7f4a_7c15_u64 as i64),
            is_current: i == 0,
            is_password_pending: i % 7 == 3,
            is_unconfirmed: i % 11 == 5,
            can_accept_secret_chats: i % 2 == 0,
            can_accept_calls: i % 3 != 0,
            r#type: TYPES[i as usize % TYPES.len()],
            api_id: 1 + (i as i32 % 40) * 1000,
            application_name: [
                "Telegram Android",
                "Telegram Desktop",
                "Telegram Web A",
                "Nicegram",
            ][i as usize % 4]
                .into(),
            application_version: format!("11.{}.{} ({})", i % 15, i % 4, 5000 + i),
            is_official_application: i % 4 != 3,
            device_model: format!("Device model #{i}"),
            platform: ["Android", "Windows", "macOS", "iOS", "Linux"][i as usize % 5].into(),
            system_version: format!("version {}.{}", 10 + i % 6, i % 10),
            log_in_date: 1_700_000_000 + i as i32 * 3600,
            last_active_date: 1_764_000_000 - i as i32 * 60,
            ip_address: format!("198.51.{}.{}", i / 250, i % 250),
            location: format!("City {}, Country {}", i % 97, i % 13),
        })
        .collect();
    Sessions {
        sessions,
        inactive_session_ttl_days: 180,
    }
}

/// The authorization of the `authorization` cases: three of the six flags set.
pub fn authorization() -> Authorization {
    Authorization {
        // Recomputed on every write; decoding keeps the word it read, so the
        // value holds it too for round trips to compare equal.
        flags: 0b1_0011,
        current: true,
        official_app: true,
        password_pending: false,
        encrypted_requests_disabled: false,
        call_requests_disabled: true,
        unconfirmed: false,
        hash: -2_305_843_009_213_693_951,
        device_model: "MacBook Pro M3".into(),
        platform: "macOS".into(),
        system_version: "macOS 15.1".into(),
        api_id: 2040,
        app_name: "Telegram Desktop".into(),
        app_version: "5.8.3 x64".into(),
        date_created: 1_730_000_000,
        date_active: 1_764_040_000,
        ip: "2001:db8::1f".into(),
        country: "Netherlands".into(),
        region: "North Holland".into(),
    }
}

/// 1 MiB of data in a `bytes` field.
pub fn save_file_part() -> SaveFilePart {
    SaveFilePart {
        file_id: 0x1234_5678_9abc_def0,
        file_part: 7,
        bytes: (0..1usize << 20).map(|i| (i * 31 % 251) as u8).collect(),
    }
}

/// `session` decoded without copying: every string borrows from the input
/// (the zero-copy form a user can derive).
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(name = "session", ty = "Session", id = 0x09759a3c)]
pub struct SessionRef<'a> {
    pub id: i64,
    pub is_current: bool,
    pub is_password_pending: bool,
    pub is_unconfirmed: bool,
    pub can_accept_secret_chats: bool,
    pub can_accept_calls: bool,
    pub r#type: SessionType,
    pub api_id: i32,
    pub application_name: &'a str,
    pub application_version: &'a str,
    pub is_official_application: bool,
    pub device_model: &'a str,
    pub platform: &'a str,
    pub system_version: &'a str,
    pub log_in_date: i32,
    pub last_active_date: i32,
    pub ip_address: &'a str,
    pub location: &'a str,
}

/// `sessions` of borrowed sessions.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(name = "sessions", ty = "Sessions", id = 0x323dd212)]
pub struct SessionsRef<'a> {
    pub sessions: Vec<SessionRef<'a>>,
    pub inactive_session_ttl_days: i32,
}

/// `authorization` with `bytes` where the schema says `string`: mtproto
/// hashes `bytes` as `string`, so the id and the wire are the same, and no
/// UTF-8 check is made (the form tl-proto, which has no `String`, uses).
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(
    dialect = "mtproto",
    name = "authorization",
    ty = "Authorization",
    id = 0xad01d61d
)]
pub struct AuthorizationBytes {
    #[tl(flags)]
    pub flags: u32,
    #[tl(flag = "flags.0")]
    pub current: bool,
    #[tl(flag = "flags.1")]
    pub official_app: bool,
    #[tl(flag = "flags.2")]
    pub password_pending: bool,
    #[tl(flag = "flags.3")]
    pub encrypted_requests_disabled: bool,
    #[tl(flag = "flags.4")]
    pub call_requests_disabled: bool,
    #[tl(flag = "flags.5")]
    pub unconfirmed: bool,
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

/// `authorization` decoded without copying, as bytes: every field borrows
/// from the input (tl-proto's `&'tl [u8]` form).
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(
    dialect = "mtproto",
    name = "authorization",
    ty = "Authorization",
    id = 0xad01d61d
)]
pub struct AuthorizationRef<'a> {
    #[tl(flags)]
    pub flags: u32,
    #[tl(flag = "flags.0")]
    pub current: bool,
    #[tl(flag = "flags.1")]
    pub official_app: bool,
    #[tl(flag = "flags.2")]
    pub password_pending: bool,
    #[tl(flag = "flags.3")]
    pub encrypted_requests_disabled: bool,
    #[tl(flag = "flags.4")]
    pub call_requests_disabled: bool,
    #[tl(flag = "flags.5")]
    pub unconfirmed: bool,
    pub hash: i64,
    pub device_model: &'a [u8],
    pub platform: &'a [u8],
    pub system_version: &'a [u8],
    pub api_id: i32,
    pub app_name: &'a [u8],
    pub app_version: &'a [u8],
    pub date_created: i32,
    pub date_active: i32,
    pub ip: &'a [u8],
    pub country: &'a [u8],
    pub region: &'a [u8],
}

/// `authorization` decoded without copying, as text: every string borrows
/// from the input after its UTF-8 check.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(
    dialect = "mtproto",
    name = "authorization",
    ty = "Authorization",
    id = 0xad01d61d
)]
pub struct AuthorizationStr<'a> {
    #[tl(flags)]
    pub flags: u32,
    #[tl(flag = "flags.0")]
    pub current: bool,
    #[tl(flag = "flags.1")]
    pub official_app: bool,
    #[tl(flag = "flags.2")]
    pub password_pending: bool,
    #[tl(flag = "flags.3")]
    pub encrypted_requests_disabled: bool,
    #[tl(flag = "flags.4")]
    pub call_requests_disabled: bool,
    #[tl(flag = "flags.5")]
    pub unconfirmed: bool,
    pub hash: i64,
    pub device_model: &'a str,
    pub platform: &'a str,
    pub system_version: &'a str,
    pub api_id: i32,
    pub app_name: &'a str,
    pub app_version: &'a str,
    pub date_created: i32,
    pub date_active: i32,
    pub ip: &'a str,
    pub country: &'a str,
    pub region: &'a str,
}

impl From<&Authorization> for AuthorizationBytes {
    fn from(a: &Authorization) -> Self {
        AuthorizationBytes {
            flags: a.flags,
            current: a.current,
            official_app: a.official_app,
            password_pending: a.password_pending,
            encrypted_requests_disabled: a.encrypted_requests_disabled,
            call_requests_disabled: a.call_requests_disabled,
            unconfirmed: a.unconfirmed,
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

/// `upload.saveFilePart` with its `bytes` borrowed from the input.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(
    dialect = "mtproto",
    name = "upload.saveFilePart",
    ty = "Bool",
    id = 0xb304a621
)]
pub struct SaveFilePartRef<'a> {
    pub file_id: i64,
    pub file_part: i32,
    pub bytes: &'a [u8],
}

/// `Peer` of `telegram_api.tl`: three small constructors of one `long`
/// each, for the cost of many small objects (`Vector<Peer>`).
#[derive(TlObject, Debug, Clone, Copy, PartialEq)]
#[tl(dialect = "mtproto", ty = "Peer")]
pub enum Peer {
    #[tl(name = "peerUser", id = 0x59511722)]
    User { user_id: i64 },
    #[tl(name = "peerChat", id = 0x36c6019a)]
    Chat { chat_id: i64 },
    #[tl(name = "peerChannel", id = 0xa2a5371e)]
    Channel { channel_id: i64 },
}

/// 10 000 peers, every constructor in turn.
pub fn peers() -> Vec<Peer> {
    (0..10_000i64)
        .map(|i| {
            let id = 1_000_000_000 + i * 7919;
            match i % 3 {
                0 => Peer::User { user_id: id },
                1 => Peer::Chat { chat_id: id },
                _ => Peer::Channel { channel_id: id },
            }
        })
        .collect()
}

/// Part of `RichText` of `telegram_api.tl` (the constructors the nested
/// value uses): each wrapper holds another `RichText`, so the value nests.
#[derive(TlObject, Debug, Clone, PartialEq)]
#[tl(dialect = "mtproto", ty = "RichText")]
pub enum RichText {
    #[tl(name = "textEmpty", id = 0xdc3d824f)]
    Empty,
    #[tl(name = "textPlain", id = 0x744694e0)]
    Plain { text: String },
    #[tl(name = "textBold", id = 0x6724abc4)]
    Bold { text: Box<RichText> },
    #[tl(name = "textItalic", id = 0xd912a59c)]
    Italic { text: Box<RichText> },
    #[tl(name = "textUnderline", id = 0xc12622c4)]
    Underline { text: Box<RichText> },
}

/// `levels` objects, each in the next: bold, italic and underline in turn
/// around a `textPlain`, which is the last level.
pub fn rich_text(levels: usize) -> RichText {
    let mut text = RichText::Plain {
        text: "deep".into(),
    };
    for level in 1..levels {
        let inner = Box::new(text);
        text = match level % 3 {
            0 => RichText::Bold { text: inner },
            1 => RichText::Italic { text: inner },
            _ => RichText::Underline { text: inner },
        };
    }
    text
}
