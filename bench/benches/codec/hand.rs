//! Hand-written TL codecs for the same Rust structs: the practical limit.
//!
//! Encoding computes the exact length, allocates once and writes through a
//! raw pointer with no capacity checks; decoding is a slice parser that
//! validates what the derive validates (constructor ids, `Bool` ids, length
//! prefixes and their canonical form, zero padding, UTF-8, unknown flag
//! bits, vector counts against the input, no trailing bytes) with a
//! zero-sized error. It has no depth limit: none of its values nest.

use std::ptr;

use tl_core::{Session, SessionType, Sessions};

use crate::ours::{Authorization, AuthorizationRef, AuthorizationStr, SaveFilePart};

const BOOL_TRUE: u32 = 0x997275b5;
const BOOL_FALSE: u32 = 0xbc799737;
const SESSION: u32 = 0x09759a3c;
const SESSIONS: u32 = 0x323dd212;
const AUTHORIZATION: u32 = 0xad01d61d;
const SAVE_FILE_PART: u32 = 0xb304a621;
const MAX_BYTES_LEN: usize = (1 << 24) - 1;

/// A value TL cannot encode, or input that is not the expected value.
#[derive(Debug, PartialEq, Eq)]
pub struct Invalid;

type Result<T> = std::result::Result<T, Invalid>;

// ---- encoding ----

#[inline(always)]
fn bytes_len(len: usize) -> Result<usize> {
    if len < 254 {
        Ok((len + 4) & !3)
    } else if len <= MAX_BYTES_LEN {
        Ok((len + 7) & !3)
    } else {
        Err(Invalid)
    }
}

/// Allocates `len` bytes and lets `write` fill them through a pointer.
///
/// # Safety
///
/// `write` must write exactly `len` bytes from the pointer and return the
/// pointer past them.
#[inline(always)]
unsafe fn filled(len: usize, write: impl FnOnce(*mut u8) -> *mut u8) -> Vec<u8> {
    let mut out = Vec::<u8>::with_capacity(len);
    let start = out.as_mut_ptr();
    // SAFETY: the capacity is `len` and `write` fills exactly `len` bytes.
    unsafe {
        let end = write(start);
        debug_assert_eq!(end.offset_from(start) as usize, len);
        out.set_len(len);
    }
    out
}

#[inline(always)]
unsafe fn put_u32(p: *mut u8, value: u32) -> *mut u8 {
    // SAFETY: the caller reserved room.
    unsafe {
        p.cast::<[u8; 4]>().write_unaligned(value.to_le_bytes());
        p.add(4)
    }
}

#[inline(always)]
unsafe fn put_i32(p: *mut u8, value: i32) -> *mut u8 {
    unsafe { put_u32(p, value as u32) }
}

#[inline(always)]
unsafe fn put_i64(p: *mut u8, value: i64) -> *mut u8 {
    // SAFETY: the caller reserved room.
    unsafe {
        p.cast::<[u8; 8]>().write_unaligned(value.to_le_bytes());
        p.add(8)
    }
}

#[inline(always)]
unsafe fn put_bool(p: *mut u8, value: bool) -> *mut u8 {
    unsafe { put_u32(p, if value { BOOL_TRUE } else { BOOL_FALSE }) }
}

/// Length prefix, data, zero padding; the length was checked by `bytes_len`.
#[inline(always)]
unsafe fn put_bytes(p: *mut u8, data: &[u8]) -> *mut u8 {
    let len = data.len();
    // SAFETY: the caller reserved `bytes_len(len)` bytes. The last word is
    // zeroed first (it holds the padding), then overwritten where the prefix
    // or the data reach into it.
    unsafe {
        if len < 254 {
            let total = (len + 4) & !3;
            p.add(total - 4).cast::<[u8; 4]>().write_unaligned([0; 4]);
            *p = len as u8;
            ptr::copy_nonoverlapping(data.as_ptr(), p.add(1), len);
            p.add(total)
        } else {
            let total = (len + 7) & !3;
            p.add(total - 4).cast::<[u8; 4]>().write_unaligned([0; 4]);
            p.cast::<[u8; 4]>().write_unaligned([
                254,
                len as u8,
                (len >> 8) as u8,
                (len >> 16) as u8,
            ]);
            ptr::copy_nonoverlapping(data.as_ptr(), p.add(4), len);
            p.add(total)
        }
    }
}

fn session_type_id(ty: SessionType) -> u32 {
    match ty {
        SessionType::Android => 0x84836098,
        SessionType::Apple => 0x9399d24b,
        SessionType::Brave => 0xb778e9ed,
        SessionType::Chrome => 0x5dc92969,
        SessionType::Edge => 0xdfe0cb5b,
        SessionType::Firefox => 0x7e83fda4,
        SessionType::Ipad => 0x4d2abeef,
        SessionType::Iphone => 0x05d182bd,
        SessionType::Linux => 0xa757ba69,
        SessionType::Mac => 0xdb81caa1,
        SessionType::Opera => 0xa8c21c7a,
        SessionType::Safari => 0x2a5b9c59,
        SessionType::Ubuntu => 0x5d8f6ac5,
        SessionType::Unknown => 0x0df17030,
        SessionType::Vivaldi => 0x42c985ef,
        SessionType::Windows => 0x9c1272a8,
        SessionType::Xbox => 0x6ea39dac,
    }
}

/// Every `SessionType` variant with its id, for checking the table above.
pub fn session_type_ids() -> impl Iterator<Item = (SessionType, u32)> {
    ALL_SESSION_TYPES
        .into_iter()
        .map(|ty| (ty, session_type_id(ty)))
}

const ALL_SESSION_TYPES: [SessionType; 17] = [
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

/// The bare length of a session.
#[inline(always)]
fn session_len(s: &Session) -> Result<usize> {
    Ok(8 + 5 * 4
        + 4
        + 4
        + bytes_len(s.application_name.len())?
        + bytes_len(s.application_version.len())?
        + 4
        + bytes_len(s.device_model.len())?
        + bytes_len(s.platform.len())?
        + bytes_len(s.system_version.len())?
        + 4
        + 4
        + bytes_len(s.ip_address.len())?
        + bytes_len(s.location.len())?)
}

#[inline(always)]
unsafe fn put_session(mut p: *mut u8, s: &Session) -> *mut u8 {
    // SAFETY: the caller reserved `session_len(s)` bytes.
    unsafe {
        p = put_i64(p, s.id);
        p = put_bool(p, s.is_current);
        p = put_bool(p, s.is_password_pending);
        p = put_bool(p, s.is_unconfirmed);
        p = put_bool(p, s.can_accept_secret_chats);
        p = put_bool(p, s.can_accept_calls);
        p = put_u32(p, session_type_id(s.r#type));
        p = put_i32(p, s.api_id);
        p = put_bytes(p, s.application_name.as_bytes());
        p = put_bytes(p, s.application_version.as_bytes());
        p = put_bool(p, s.is_official_application);
        p = put_bytes(p, s.device_model.as_bytes());
        p = put_bytes(p, s.platform.as_bytes());
        p = put_bytes(p, s.system_version.as_bytes());
        p = put_i32(p, s.log_in_date);
        p = put_i32(p, s.last_active_date);
        p = put_bytes(p, s.ip_address.as_bytes());
        put_bytes(p, s.location.as_bytes())
    }
}

/// `session`, boxed.
pub fn encode_session(s: &Session) -> Result<Vec<u8>> {
    let len = 4 + session_len(s)?;
    // SAFETY: `put_session` writes `session_len` bytes.
    Ok(unsafe { filled(len, |p| put_session(put_u32(p, SESSION), s)) })
}

/// `sessions`, boxed: a bare `vector<session>` of bare sessions.
pub fn encode_sessions(s: &Sessions) -> Result<Vec<u8>> {
    let count = i32::try_from(s.sessions.len()).map_err(|_| Invalid)?;
    let mut len = 4 + 4 + 4;
    for session in &s.sessions {
        len += session_len(session)?;
    }
    // SAFETY: the id, count, sessions and ttl are `len` bytes.
    Ok(unsafe {
        filled(len, |mut p| {
            p = put_u32(p, SESSIONS);
            p = put_i32(p, count);
            for session in &s.sessions {
                p = put_session(p, session);
            }
            put_i32(p, s.inactive_session_ttl_days)
        })
    })
}

/// `authorization`, boxed, with its flags word computed from the `true` fields.
pub fn encode_authorization(a: &Authorization) -> Result<Vec<u8>> {
    let len = 4
        + 4
        + 8
        + bytes_len(a.device_model.len())?
        + bytes_len(a.platform.len())?
        + bytes_len(a.system_version.len())?
        + 4
        + bytes_len(a.app_name.len())?
        + bytes_len(a.app_version.len())?
        + 4
        + 4
        + bytes_len(a.ip.len())?
        + bytes_len(a.country.len())?
        + bytes_len(a.region.len())?;
    let flags = a.current as u32
        | (a.official_app as u32) << 1
        | (a.password_pending as u32) << 2
        | (a.encrypted_requests_disabled as u32) << 3
        | (a.call_requests_disabled as u32) << 4
        | (a.unconfirmed as u32) << 5;
    // SAFETY: the fields below are `len` bytes.
    Ok(unsafe {
        filled(len, |mut p| {
            p = put_u32(p, AUTHORIZATION);
            p = put_u32(p, flags);
            p = put_i64(p, a.hash);
            p = put_bytes(p, a.device_model.as_bytes());
            p = put_bytes(p, a.platform.as_bytes());
            p = put_bytes(p, a.system_version.as_bytes());
            p = put_i32(p, a.api_id);
            p = put_bytes(p, a.app_name.as_bytes());
            p = put_bytes(p, a.app_version.as_bytes());
            p = put_i32(p, a.date_created);
            p = put_i32(p, a.date_active);
            p = put_bytes(p, a.ip.as_bytes());
            p = put_bytes(p, a.country.as_bytes());
            put_bytes(p, a.region.as_bytes())
        })
    })
}

/// `upload.saveFilePart`, boxed.
pub fn encode_save_file_part(f: &SaveFilePart) -> Result<Vec<u8>> {
    let len = 4 + 8 + 4 + bytes_len(f.bytes.len())?;
    // SAFETY: the fields below are `len` bytes.
    Ok(unsafe {
        filled(len, |mut p| {
            p = put_u32(p, SAVE_FILE_PART);
            p = put_i64(p, f.file_id);
            p = put_i32(p, f.file_part);
            put_bytes(p, &f.bytes)
        })
    })
}

// ---- decoding ----

#[inline(always)]
fn array<const N: usize>(input: &mut &[u8]) -> Result<[u8; N]> {
    match input.split_first_chunk::<N>() {
        Some((head, tail)) => {
            *input = tail;
            Ok(*head)
        }
        None => Err(Invalid),
    }
}

#[inline(always)]
fn u32_(input: &mut &[u8]) -> Result<u32> {
    array(input).map(u32::from_le_bytes)
}

#[inline(always)]
fn i32_(input: &mut &[u8]) -> Result<i32> {
    array(input).map(i32::from_le_bytes)
}

#[inline(always)]
fn i64_(input: &mut &[u8]) -> Result<i64> {
    array(input).map(i64::from_le_bytes)
}

#[inline(always)]
fn bool_(input: &mut &[u8]) -> Result<bool> {
    match u32_(input)? {
        BOOL_TRUE => Ok(true),
        BOOL_FALSE => Ok(false),
        _ => Err(Invalid),
    }
}

#[inline(always)]
fn expect(input: &mut &[u8], id: u32) -> Result<()> {
    if u32_(input)? == id {
        Ok(())
    } else {
        Err(Invalid)
    }
}

#[inline(always)]
fn bytes<'a>(input: &mut &'a [u8]) -> Result<&'a [u8]> {
    let (prefix, len) = match *input {
        [254, a, b, c, ..] => {
            let len = *a as usize | (*b as usize) << 8 | (*c as usize) << 16;
            // The 4-byte form only from 254 bytes on (canonical lengths).
            if len < 254 {
                return Err(Invalid);
            }
            (4, len)
        }
        [255, ..] | [] => return Err(Invalid),
        [first, ..] => (1, *first as usize),
    };
    let total = (prefix + len + 3) & !3;
    if total > input.len() {
        return Err(Invalid);
    }
    let (value, rest) = input.split_at(total);
    let (data, padding) = value[prefix..].split_at(len);
    if padding.iter().any(|&byte| byte != 0) {
        return Err(Invalid);
    }
    *input = rest;
    Ok(data)
}

#[inline(always)]
fn string(input: &mut &[u8]) -> Result<String> {
    std::str::from_utf8(bytes(input)?)
        .map(str::to_owned)
        .map_err(|_| Invalid)
}

#[inline(always)]
fn session_type(input: &mut &[u8]) -> Result<SessionType> {
    Ok(match u32_(input)? {
        0x84836098 => SessionType::Android,
        0x9399d24b => SessionType::Apple,
        0xb778e9ed => SessionType::Brave,
        0x5dc92969 => SessionType::Chrome,
        0xdfe0cb5b => SessionType::Edge,
        0x7e83fda4 => SessionType::Firefox,
        0x4d2abeef => SessionType::Ipad,
        0x05d182bd => SessionType::Iphone,
        0xa757ba69 => SessionType::Linux,
        0xdb81caa1 => SessionType::Mac,
        0xa8c21c7a => SessionType::Opera,
        0x2a5b9c59 => SessionType::Safari,
        0x5d8f6ac5 => SessionType::Ubuntu,
        0x0df17030 => SessionType::Unknown,
        0x42c985ef => SessionType::Vivaldi,
        0x9c1272a8 => SessionType::Windows,
        0x6ea39dac => SessionType::Xbox,
        _ => return Err(Invalid),
    })
}

#[inline(always)]
fn session(input: &mut &[u8]) -> Result<Session> {
    Ok(Session {
        id: i64_(input)?,
        is_current: bool_(input)?,
        is_password_pending: bool_(input)?,
        is_unconfirmed: bool_(input)?,
        can_accept_secret_chats: bool_(input)?,
        can_accept_calls: bool_(input)?,
        r#type: session_type(input)?,
        api_id: i32_(input)?,
        application_name: string(input)?,
        application_version: string(input)?,
        is_official_application: bool_(input)?,
        device_model: string(input)?,
        platform: string(input)?,
        system_version: string(input)?,
        log_in_date: i32_(input)?,
        last_active_date: i32_(input)?,
        ip_address: string(input)?,
        location: string(input)?,
    })
}

fn end<T>(input: &[u8], value: T) -> Result<T> {
    if input.is_empty() {
        Ok(value)
    } else {
        Err(Invalid)
    }
}

/// The fewest bytes of a bare session: its fixed fields and seven empty
/// strings.
const SESSION_MIN_LEN: usize = 8 + 6 * 4 + 4 + 4 + 4 + 2 * 4 + 7 * 4;

/// A boxed `session`; all input must be consumed.
pub fn decode_session(mut input: &[u8]) -> Result<Session> {
    expect(&mut input, SESSION)?;
    let value = session(&mut input)?;
    end(input, value)
}

/// A boxed `sessions`; all input must be consumed.
pub fn decode_sessions(mut input: &[u8]) -> Result<Sessions> {
    expect(&mut input, SESSIONS)?;
    let count = usize::try_from(i32_(&mut input)?).map_err(|_| Invalid)?;
    if count > input.len() / SESSION_MIN_LEN {
        return Err(Invalid);
    }
    let mut sessions = Vec::with_capacity(count);
    for _ in 0..count {
        sessions.push(session(&mut input)?);
    }
    let value = Sessions {
        sessions,
        inactive_session_ttl_days: i32_(&mut input)?,
    };
    end(input, value)
}

/// A boxed `authorization`; all input must be consumed.
pub fn decode_authorization(mut input: &[u8]) -> Result<Authorization> {
    let input = &mut input;
    expect(input, AUTHORIZATION)?;
    let flags = authorization_flags(input)?;
    let value = Authorization {
        flags,
        current: flags & 1 != 0,
        official_app: flags & 2 != 0,
        password_pending: flags & 4 != 0,
        encrypted_requests_disabled: flags & 8 != 0,
        call_requests_disabled: flags & 16 != 0,
        unconfirmed: flags & 32 != 0,
        hash: i64_(input)?,
        device_model: string(input)?,
        platform: string(input)?,
        system_version: string(input)?,
        api_id: i32_(input)?,
        app_name: string(input)?,
        app_version: string(input)?,
        date_created: i32_(input)?,
        date_active: i32_(input)?,
        ip: string(input)?,
        country: string(input)?,
        region: string(input)?,
    };
    end(input, value)
}

/// The flags word of `authorization`: bits 0 to 5 are its `true` flags,
/// any other is an error.
#[inline(always)]
fn authorization_flags(input: &mut &[u8]) -> Result<u32> {
    let flags = u32_(input)?;
    if flags & !0x3f != 0 {
        return Err(Invalid);
    }
    Ok(flags)
}

#[inline(always)]
fn str_<'a>(input: &mut &'a [u8]) -> Result<&'a str> {
    std::str::from_utf8(bytes(input)?).map_err(|_| Invalid)
}

/// A boxed `authorization` whose fields borrow from the input as bytes.
pub fn decode_authorization_ref(mut input: &[u8]) -> Result<AuthorizationRef<'_>> {
    let input = &mut input;
    expect(input, AUTHORIZATION)?;
    let flags = authorization_flags(input)?;
    let value = AuthorizationRef {
        flags,
        current: flags & 1 != 0,
        official_app: flags & 2 != 0,
        password_pending: flags & 4 != 0,
        encrypted_requests_disabled: flags & 8 != 0,
        call_requests_disabled: flags & 16 != 0,
        unconfirmed: flags & 32 != 0,
        hash: i64_(input)?,
        device_model: bytes(input)?,
        platform: bytes(input)?,
        system_version: bytes(input)?,
        api_id: i32_(input)?,
        app_name: bytes(input)?,
        app_version: bytes(input)?,
        date_created: i32_(input)?,
        date_active: i32_(input)?,
        ip: bytes(input)?,
        country: bytes(input)?,
        region: bytes(input)?,
    };
    end(input, value)
}

/// A boxed `authorization` whose strings borrow from the input.
pub fn decode_authorization_str(mut input: &[u8]) -> Result<AuthorizationStr<'_>> {
    let input = &mut input;
    expect(input, AUTHORIZATION)?;
    let flags = authorization_flags(input)?;
    let value = AuthorizationStr {
        flags,
        current: flags & 1 != 0,
        official_app: flags & 2 != 0,
        password_pending: flags & 4 != 0,
        encrypted_requests_disabled: flags & 8 != 0,
        call_requests_disabled: flags & 16 != 0,
        unconfirmed: flags & 32 != 0,
        hash: i64_(input)?,
        device_model: str_(input)?,
        platform: str_(input)?,
        system_version: str_(input)?,
        api_id: i32_(input)?,
        app_name: str_(input)?,
        app_version: str_(input)?,
        date_created: i32_(input)?,
        date_active: i32_(input)?,
        ip: str_(input)?,
        country: str_(input)?,
        region: str_(input)?,
    };
    end(input, value)
}

/// A boxed `upload.saveFilePart`; all input must be consumed.
pub fn decode_save_file_part(mut input: &[u8]) -> Result<SaveFilePart> {
    let input = &mut input;
    expect(input, SAVE_FILE_PART)?;
    let value = SaveFilePart {
        file_id: i64_(input)?,
        file_part: i32_(input)?,
        bytes: bytes(input)?.to_vec(),
    };
    end(input, value)
}
