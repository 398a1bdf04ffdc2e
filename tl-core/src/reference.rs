//! TDLib's `session` objects, the reference types, derived with our own
//! macro (TDLib 1.8.19 to 1.8.64).

use alloc::string::String;
use alloc::vec::Vec;

use crate as tl_core;

/// A session of the current user, as TDLib reports it in `getActiveSessions`.
///
/// ```text
/// session id:int64 is_current:Bool is_password_pending:Bool is_unconfirmed:Bool
///     can_accept_secret_chats:Bool can_accept_calls:Bool type:SessionType api_id:int32
///     application_name:string application_version:string is_official_application:Bool
///     device_model:string platform:string system_version:string log_in_date:int32
///     last_active_date:int32 ip_address:string location:string = Session
/// ```
///
/// Constructor id `0x09759a3c`.
///
/// This is the `session` of **TDLib 1.8.19 to 1.8.64**, the form tdl's
/// types describe. TDLib 1.8.65 and later replaced `type:SessionType` with
/// `device_type:SessionDeviceType` (id `0x9889ccf7`), so this type cannot
/// read their `sessions` reply; the README's "TDLib versions and `session`"
/// shows the dozen lines to declare the newer form.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq, Eq, Hash)]
#[tl(crate = "tl_core", id = 0x09759a3c)]
pub struct Session {
    /// Session identifier.
    pub id: i64,
    /// True, if this session is the current session.
    pub is_current: bool,
    /// True, if a 2-step verification password is needed to complete
    /// authorization of the session.
    pub is_password_pending: bool,
    /// True, if the session wasn't confirmed from another session.
    pub is_unconfirmed: bool,
    /// True, if incoming secret chats can be accepted by the session.
    pub can_accept_secret_chats: bool,
    /// True, if incoming calls can be accepted by the session.
    pub can_accept_calls: bool,
    /// Session type based on the system and application version, which can
    /// be used to display a corresponding icon.
    pub r#type: SessionType,
    /// Telegram API identifier, as provided by the application.
    pub api_id: i32,
    /// Name of the application, as provided by the application.
    pub application_name: String,
    /// The version of the application, as provided by the application.
    pub application_version: String,
    /// True, if the application is an official application or uses the
    /// api_id of an official application.
    pub is_official_application: bool,
    /// Model of the device the application has been run or is running on,
    /// as provided by the application.
    pub device_model: String,
    /// Operating system the application has been run or is running on, as
    /// provided by the application.
    pub platform: String,
    /// Version of the operating system the application has been run or is
    /// running on, as provided by the application.
    pub system_version: String,
    /// Point in time (Unix timestamp) when the user has logged in.
    pub log_in_date: i32,
    /// Point in time (Unix timestamp) when the session was last used.
    pub last_active_date: i32,
    /// IP address from which the session was created, in human-readable
    /// format.
    pub ip_address: String,
    /// A human-readable description of the location from which the session
    /// was created, based on the IP address.
    pub location: String,
}

/// The type of a session: 17 unit constructors of `SessionType`, from
/// `sessionTypeAndroid = SessionType` (`0x84836098`) to
/// `sessionTypeXbox = SessionType`.
#[derive(tl_core::TlObject, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[tl(crate = "tl_core")]
pub enum SessionType {
    /// `sessionTypeAndroid = SessionType`: the official Android application.
    #[tl(id = 0x84836098)]
    Android,
    /// `sessionTypeApple = SessionType`: the official macOS application.
    Apple,
    /// `sessionTypeBrave = SessionType`: the Brave browser.
    Brave,
    /// `sessionTypeChrome = SessionType`: the Chrome browser.
    Chrome,
    /// `sessionTypeEdge = SessionType`: the Edge browser.
    Edge,
    /// `sessionTypeFirefox = SessionType`: the Firefox browser.
    Firefox,
    /// `sessionTypeIpad = SessionType`: the official iPad application.
    Ipad,
    /// `sessionTypeIphone = SessionType`: the official iOS application.
    Iphone,
    /// `sessionTypeLinux = SessionType`: a desktop application running on
    /// Linux.
    Linux,
    /// `sessionTypeMac = SessionType`: a desktop application running on
    /// macOS.
    Mac,
    /// `sessionTypeOpera = SessionType`: the Opera browser.
    Opera,
    /// `sessionTypeSafari = SessionType`: the Safari browser.
    Safari,
    /// `sessionTypeUbuntu = SessionType`: a desktop application running on
    /// Ubuntu.
    Ubuntu,
    /// `sessionTypeUnknown = SessionType`: an unknown session type.
    Unknown,
    /// `sessionTypeVivaldi = SessionType`: the Vivaldi browser.
    Vivaldi,
    /// `sessionTypeWindows = SessionType`: a desktop application running on
    /// Windows.
    Windows,
    /// `sessionTypeXbox = SessionType`: the official Xbox application.
    Xbox,
}

/// The list of sessions of the current user.
///
/// ```text
/// sessions sessions:vector<session> inactive_session_ttl_days:int32 = Sessions
/// ```
///
/// Constructor id `0x323dd212`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq, Eq, Hash)]
#[tl(crate = "tl_core", id = 0x323dd212)]
pub struct Sessions {
    /// List of sessions.
    pub sessions: Vec<Session>,
    /// Number of days of inactivity before sessions will automatically be
    /// terminated; 1-366 days.
    pub inactive_session_ttl_days: i32,
}

/// TDLib's error reply: `error code:int32 message:string = Error` (id
/// `0x9bdd8f1a`), what TDLib answers instead of a request's result.
///
/// ```
/// let error: tl_core::TdError =
///     tl_core::json::from_str(r#"{"@type":"error","code":400,"message":"Invalid parameter"}"#)?;
/// assert_eq!(error.to_string(), "TDLib error 400: Invalid parameter");
/// # Ok::<(), tl_core::json::JsonError>(())
/// ```
#[derive(tl_core::TlObject, Debug, Clone, PartialEq, Eq, Hash)]
#[tl(crate = "tl_core", name = "error", ty = "Error", id = 0x9bdd8f1a)]
pub struct TdError {
    /// Error code; subject to future changes. If the error code is 406, the
    /// error message must not be processed in any way and must not be
    /// displayed to the user.
    pub code: i32,
    /// Error message; subject to future changes.
    pub message: String,
}

impl core::fmt::Display for TdError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "TDLib error {}: {}", self.code, self.message)
    }
}

impl core::error::Error for TdError {}
