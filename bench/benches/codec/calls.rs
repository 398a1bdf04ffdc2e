//! Every competitor of every binary case behind its own `#[inline(never)]`
//! function: the `@call` groups call these with `black_box`ed inputs, so
//! each measures one real call of one codec, compiled on its own, as a
//! program calls it from elsewhere. In the inlined groups the codec is
//! compiled into criterion's closure, where what the optimizer does with
//! the surrounding loop can move a ratio either way.
//!
//! Each function does exactly what the inlined closure of its group does
//! (same call, same field types); the caller unwraps.

use grammers_tl_types::deserialize::Error as GramError;
use grammers_tl_types::{Deserializable, Serializable, enums, functions};
use tl_bench::telegram;
use tl_core::{Error, Session, Sessions};
use tl_proto::{BoxedConstructor, TlResult};

use crate::hand::{self, Invalid};
use crate::ours::{
    self, Authorization, AuthorizationBytes, AuthorizationRef, AuthorizationStr, Peer, RichText,
    SaveFilePart, SaveFilePartRef,
};
use crate::{gram, proto};

/// `memcpy`: a copy of the encoded bytes, in both directions.
#[inline(never)]
pub fn memcpy(bytes: &[u8]) -> Vec<u8> {
    bytes.to_vec()
}

// ---- session ----

#[inline(never)]
pub fn ours_session_encode(value: &Session) -> Result<Vec<u8>, Error> {
    tl_core::to_bytes(value)
}

#[inline(never)]
pub fn proto_session_encode(value: &proto::Session) -> Vec<u8> {
    tl_proto::serialize(value.as_boxed())
}

#[inline(never)]
pub fn hand_session_encode(value: &Session) -> Result<Vec<u8>, Invalid> {
    hand::encode_session(value)
}

#[inline(never)]
pub fn ours_session_decode(bytes: &[u8]) -> Result<Session, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_session_decode(bytes: &[u8]) -> TlResult<proto::Session> {
    tl_proto::deserialize_as_boxed(bytes)
}

#[inline(never)]
pub fn hand_session_decode(bytes: &[u8]) -> Result<Session, Invalid> {
    hand::decode_session(bytes)
}

#[inline(never)]
pub fn ours_session_decode_borrowed_str(bytes: &[u8]) -> Result<ours::SessionRef<'_>, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_session_decode_borrowed_str(bytes: &[u8]) -> TlResult<proto::SessionRef<'_>> {
    tl_proto::deserialize_as_boxed(bytes)
}

// ---- authorization ----

#[inline(never)]
pub fn ours_authorization_encode(value: &Authorization) -> Result<Vec<u8>, Error> {
    tl_core::to_bytes(value)
}

#[inline(never)]
pub fn proto_authorization_encode(value: &proto::Authorization) -> Vec<u8> {
    tl_proto::serialize(value)
}

#[inline(never)]
pub fn gram_authorization_encode(value: &enums::Authorization) -> Vec<u8> {
    value.to_bytes()
}

#[inline(never)]
pub fn hand_authorization_encode(value: &Authorization) -> Result<Vec<u8>, Invalid> {
    hand::encode_authorization(value)
}

#[inline(never)]
pub fn ours_authorization_decode(bytes: &[u8]) -> Result<Authorization, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_authorization_decode(bytes: &[u8]) -> TlResult<proto::Authorization> {
    tl_proto::deserialize(bytes)
}

#[inline(never)]
pub fn gram_authorization_decode(bytes: &[u8]) -> Result<enums::Authorization, GramError> {
    enums::Authorization::from_bytes(bytes)
}

#[inline(never)]
pub fn hand_authorization_decode(bytes: &[u8]) -> Result<Authorization, Invalid> {
    hand::decode_authorization(bytes)
}

#[inline(never)]
pub fn ours_authorization_encode_bytes(value: &AuthorizationBytes) -> Result<Vec<u8>, Error> {
    tl_core::to_bytes(value)
}

#[inline(never)]
pub fn proto_authorization_encode_bytes(value: &proto::AuthorizationBytes) -> Vec<u8> {
    tl_proto::serialize(value)
}

#[inline(never)]
pub fn ours_authorization_decode_bytes(bytes: &[u8]) -> Result<AuthorizationBytes, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_authorization_decode_bytes(bytes: &[u8]) -> TlResult<proto::AuthorizationBytes> {
    tl_proto::deserialize(bytes)
}

#[inline(never)]
pub fn ours_authorization_decode_borrowed_bytes(
    bytes: &[u8],
) -> Result<AuthorizationRef<'_>, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_authorization_decode_borrowed_bytes(
    bytes: &[u8],
) -> TlResult<proto::AuthorizationRef<'_>> {
    tl_proto::deserialize(bytes)
}

#[inline(never)]
pub fn hand_authorization_decode_borrowed_bytes(
    bytes: &[u8],
) -> Result<AuthorizationRef<'_>, Invalid> {
    hand::decode_authorization_ref(bytes)
}

#[inline(never)]
pub fn ours_authorization_decode_borrowed_str(bytes: &[u8]) -> Result<AuthorizationStr<'_>, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_authorization_decode_borrowed_str(
    bytes: &[u8],
) -> TlResult<proto::AuthorizationStr<'_>> {
    tl_proto::deserialize(bytes)
}

#[inline(never)]
pub fn hand_authorization_decode_borrowed_str(
    bytes: &[u8],
) -> Result<AuthorizationStr<'_>, Invalid> {
    hand::decode_authorization_str(bytes)
}

// ---- sessions_1000 ----

#[inline(never)]
pub fn ours_sessions_encode(value: &Sessions) -> Result<Vec<u8>, Error> {
    tl_core::to_bytes(value)
}

#[inline(never)]
pub fn proto_sessions_encode(value: &proto::Sessions) -> Vec<u8> {
    tl_proto::serialize(value)
}

#[inline(never)]
pub fn hand_sessions_encode(value: &Sessions) -> Result<Vec<u8>, Invalid> {
    hand::encode_sessions(value)
}

#[inline(never)]
pub fn ours_sessions_decode(bytes: &[u8]) -> Result<Sessions, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_sessions_decode(bytes: &[u8]) -> TlResult<proto::Sessions> {
    tl_proto::deserialize(bytes)
}

#[inline(never)]
pub fn hand_sessions_decode(bytes: &[u8]) -> Result<Sessions, Invalid> {
    hand::decode_sessions(bytes)
}

#[inline(never)]
pub fn ours_sessions_decode_borrowed_str(bytes: &[u8]) -> Result<ours::SessionsRef<'_>, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_sessions_decode_borrowed_str(bytes: &[u8]) -> TlResult<proto::SessionsRef<'_>> {
    tl_proto::deserialize(bytes)
}

// ---- bytes_1MiB ----

#[inline(never)]
pub fn ours_file_part_encode(value: &SaveFilePart) -> Result<Vec<u8>, Error> {
    tl_core::to_bytes(value)
}

#[inline(never)]
pub fn proto_file_part_encode(value: &proto::SaveFilePart) -> Vec<u8> {
    tl_proto::serialize(value)
}

#[inline(never)]
pub fn gram_file_part_encode(value: &functions::upload::SaveFilePart) -> Vec<u8> {
    value.to_bytes()
}

#[inline(never)]
pub fn hand_file_part_encode(value: &SaveFilePart) -> Result<Vec<u8>, Invalid> {
    hand::encode_save_file_part(value)
}

#[inline(never)]
pub fn ours_file_part_decode(bytes: &[u8]) -> Result<SaveFilePart, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_file_part_decode(bytes: &[u8]) -> TlResult<proto::SaveFilePart> {
    tl_proto::deserialize(bytes)
}

#[inline(never)]
pub fn gram_file_part_decode(bytes: &[u8]) -> Result<functions::upload::SaveFilePart, GramError> {
    gram::decode_save_file_part(bytes)
}

#[inline(never)]
pub fn hand_file_part_decode(bytes: &[u8]) -> Result<SaveFilePart, Invalid> {
    hand::decode_save_file_part(bytes)
}

#[inline(never)]
pub fn ours_file_part_decode_borrowed_bytes(bytes: &[u8]) -> Result<SaveFilePartRef<'_>, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_file_part_decode_borrowed_bytes(bytes: &[u8]) -> TlResult<proto::SaveFilePartRef<'_>> {
    tl_proto::deserialize(bytes)
}

// ---- peer, peers_10000 ----

#[inline(never)]
pub fn ours_peer_encode(value: &Peer) -> Result<Vec<u8>, Error> {
    tl_core::to_bytes(value)
}

#[inline(never)]
pub fn proto_peer_encode(value: &proto::Peer) -> Vec<u8> {
    tl_proto::serialize(value)
}

#[inline(never)]
pub fn gram_peer_encode(value: &enums::Peer) -> Vec<u8> {
    value.to_bytes()
}

#[inline(never)]
pub fn ours_peer_decode(bytes: &[u8]) -> Result<Peer, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_peer_decode(bytes: &[u8]) -> TlResult<proto::Peer> {
    tl_proto::deserialize(bytes)
}

#[inline(never)]
pub fn gram_peer_decode(bytes: &[u8]) -> Result<enums::Peer, GramError> {
    enums::Peer::from_bytes(bytes)
}

#[inline(never)]
#[allow(clippy::ptr_arg)] // the inlined row encodes the `Vec`
pub fn ours_peers_encode(value: &Vec<Peer>) -> Result<Vec<u8>, Error> {
    tl_core::to_bytes(value)
}

#[inline(never)]
pub fn proto_peers_encode(value: &proto::Peers) -> Vec<u8> {
    tl_proto::serialize(value)
}

#[inline(never)]
#[allow(clippy::ptr_arg)] // the inlined row encodes the `Vec`
pub fn gram_peers_encode(value: &Vec<enums::Peer>) -> Vec<u8> {
    value.to_bytes()
}

#[inline(never)]
pub fn ours_peers_decode(bytes: &[u8]) -> Result<Vec<Peer>, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_peers_decode(bytes: &[u8]) -> TlResult<proto::Peers> {
    tl_proto::deserialize(bytes)
}

#[inline(never)]
pub fn gram_peers_decode(bytes: &[u8]) -> Result<Vec<enums::Peer>, GramError> {
    Vec::<enums::Peer>::from_bytes(bytes)
}

// ---- rich_text_1, rich_text_100 ----

#[inline(never)]
pub fn ours_rich_text_encode(value: &RichText) -> Result<Vec<u8>, Error> {
    tl_core::to_bytes(value)
}

#[inline(never)]
pub fn proto_rich_text_encode(value: &proto::RichText) -> Vec<u8> {
    tl_proto::serialize(value)
}

#[inline(never)]
pub fn gram_rich_text_encode(value: &enums::RichText) -> Vec<u8> {
    value.to_bytes()
}

#[inline(never)]
pub fn ours_rich_text_decode(bytes: &[u8]) -> Result<RichText, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn proto_rich_text_decode(bytes: &[u8]) -> TlResult<proto::RichText> {
    tl_proto::deserialize(bytes)
}

#[inline(never)]
pub fn gram_rich_text_decode(bytes: &[u8]) -> Result<enums::RichText, GramError> {
    enums::RichText::from_bytes(bytes)
}

// ---- messages_100 ----

#[inline(never)]
pub fn ours_messages_encode(value: &telegram::enums::messages::Messages) -> Result<Vec<u8>, Error> {
    tl_core::to_bytes(value)
}

#[inline(never)]
pub fn gram_messages_encode(value: &enums::messages::Messages) -> Vec<u8> {
    value.to_bytes()
}

#[inline(never)]
pub fn ours_messages_decode(bytes: &[u8]) -> Result<telegram::enums::messages::Messages, Error> {
    tl_core::from_bytes(bytes)
}

#[inline(never)]
pub fn gram_messages_decode(bytes: &[u8]) -> Result<enums::messages::Messages, GramError> {
    enums::messages::Messages::from_bytes(bytes)
}
