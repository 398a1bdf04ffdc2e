//! TL types of a downstream crate: what a TDLib or MTProto client writes with
//! `#[derive(TlObject)]`.
//!
//! Each type declares the official constructor id with `#[tl(id = ...)]`, so
//! a field whose name or type does not match the schema fails to compile
//! (`tests/compile_fail.rs` shows the message). `tests/ids.rs` pins each
//! schema line, name and id, and the exact bytes and JSON of one value.

#![warn(missing_docs)]

use tl_core::TlObject;

/// TDLib's error object: `error code:int32 message:string = Error`, id
/// `0x9bdd8f1a`.
#[derive(TlObject, Debug, Clone, PartialEq, Eq)]
#[tl(id = 0x9bdd8f1a)]
pub struct Error {
    /// Error code, as in HTTP: 400 for a bad request, 420 for flood wait.
    pub code: i32,
    /// Error message, such as `FLOOD_WAIT_3`.
    pub message: String,
}

/// TDLib's empty success: `ok = Ok`, id `0xd4edbe69`.
///
/// Name it by its path (`my_tl_types::Ok`): imported by name or with a glob,
/// it would shadow `Result::Ok` in the importing module.
#[derive(TlObject, Debug, Clone, PartialEq, Eq)]
#[tl(id = 0xd4edbe69)]
pub struct Ok;

/// Telegram's empty user: `userEmpty#d3bc4b7a id:long = User`.
///
/// In the mtproto dialect a field of this type is written boxed, with its
/// constructor id, and named by its type `User` in the schema line of the
/// struct that holds it.
#[derive(TlObject, Debug, Clone, PartialEq, Eq)]
#[tl(dialect = "mtproto", ty = "User", id = 0xd3bc4b7a)]
pub struct UserEmpty {
    /// User identifier.
    pub id: i64,
}

/// Telegram's successful sign-in:
///
/// ```text
/// auth.authorization#2ea2c0d4 flags:# setup_password_required:flags.1?true
///     otherwise_relogin_days:flags.1?int tmp_sessions:flags.0?int
///     future_auth_token:flags.2?bytes user:User = auth.Authorization;
/// ```
///
/// `flags` is recomputed from the conditional fields on every write.
#[derive(TlObject, Debug, Clone, PartialEq, Eq)]
#[tl(
    dialect = "mtproto",
    name = "auth.authorization",
    ty = "auth.Authorization",
    id = 0x2ea2c0d4
)]
pub struct AuthAuthorization {
    /// The flags word (`flags:#`); whatever is stored here, the bits written
    /// are those of the fields below.
    #[tl(flags)]
    pub flags: u32,
    /// `setup_password_required:flags.1?true`: the user must set up a 2FA
    /// password.
    #[tl(flag = "flags.1")]
    pub setup_password_required: bool,
    /// `otherwise_relogin_days:flags.1?int`: when `setup_password_required`
    /// is set, the days after which the user must sign in again.
    #[tl(flag = "flags.1")]
    pub otherwise_relogin_days: Option<i32>,
    /// `tmp_sessions:flags.0?int`: temporary sessions still allowed.
    #[tl(flag = "flags.0")]
    pub tmp_sessions: Option<i32>,
    /// `future_auth_token:flags.2?bytes`: a token for a later sign-in.
    #[tl(flag = "flags.2")]
    pub future_auth_token: Option<Vec<u8>>,
    /// `user:User`: the signed-in user, written boxed.
    pub user: UserEmpty,
}
