//! The whole-schema proof for MTProto's service messages, `mtproto_api.tl`:
//! every constructor and every function as a derived Rust type (crate
//! `whole-schema-mtproto`), with its official id and schema line,
//! round-tripping a sample value through binary and JSON. One
//! test binary per schema, and the types in their own crate, keep each
//! rustc process within a laptop's memory.

#[macro_use]
mod whole_schema;

// Only builtins are skipped: `int ? = Int` and the other boxed primitives,
// generic `vector`, `int128 4*[ int ]`.
schema_tests!(
    mtproto_api from whole_schema_mtproto and whole_schema_mtproto, "mtproto_api.tl",
    constructors: 33, functions: 8, generic: 0, skipped: 7, mtproto: true,
    forced: (1, 0),
    nullable: 0, nullable_elements: 0, kept_non_null: 0,
    nullable_parameters: 0, nullable_parameter_elements: 0, kept_non_null_parameters: 0
);

/// Our bytes against grammers-tl-types' (an independent implementation,
/// layer 230 against our layer 227): constructors whose ids agree in both
/// layers, from the key exchange to the service messages.
#[test]
fn bytes_agree_with_grammers() {
    let checks = cross_checks! {
    mtproto_api::types::ResPQ => grammers_tl_types::types::ResPq,
    mtproto_api::types::PQInnerDataDc => grammers_tl_types::types::PQInnerDataDc,
    mtproto_api::types::PQInnerDataTempDc => grammers_tl_types::types::PQInnerDataTempDc,
    mtproto_api::types::ServerDHParamsOk => grammers_tl_types::types::ServerDhParamsOk,
    mtproto_api::types::ServerDHInnerData => grammers_tl_types::types::ServerDhInnerData,
    mtproto_api::types::ClientDHInnerData => grammers_tl_types::types::ClientDhInnerData,
    mtproto_api::types::DhGenOk => grammers_tl_types::types::DhGenOk,
    mtproto_api::types::DhGenRetry => grammers_tl_types::types::DhGenRetry,
    mtproto_api::types::DhGenFail => grammers_tl_types::types::DhGenFail,
    mtproto_api::types::BindAuthKeyInner => grammers_tl_types::types::BindAuthKeyInner,
    mtproto_api::types::RpcError => grammers_tl_types::types::RpcError,
    mtproto_api::types::FutureSalt => grammers_tl_types::types::FutureSalt,
    mtproto_api::types::FutureSalts => grammers_tl_types::types::FutureSalts,
    mtproto_api::types::Pong => grammers_tl_types::types::Pong,
    mtproto_api::types::NewSessionCreated => grammers_tl_types::types::NewSessionCreated,
    mtproto_api::types::MsgsAck => grammers_tl_types::types::MsgsAck,
    mtproto_api::types::BadMsgNotification => grammers_tl_types::types::BadMsgNotification,
    mtproto_api::types::BadServerSalt => grammers_tl_types::types::BadServerSalt,
    mtproto_api::types::MsgResendReq => grammers_tl_types::types::MsgResendReq,
    mtproto_api::types::MsgsStateInfo => grammers_tl_types::types::MsgsStateInfo,
    mtproto_api::types::MsgsAllInfo => grammers_tl_types::types::MsgsAllInfo,
    mtproto_api::types::MsgDetailedInfo => grammers_tl_types::types::MsgDetailedInfo,
    mtproto_api::types::MsgNewDetailedInfo => grammers_tl_types::types::MsgNewDetailedInfo,
    };
    whole_schema::run_cross_checks("constructors", &checks, 20);
}

/// Our requests' bytes against grammers-tl-types': the functions grammers
/// has too (all but `http_wait`, a constructor there), from the key
/// exchange to the service requests.
#[test]
fn function_bytes_agree_with_grammers() {
    let checks = function_cross_checks! {
    mtproto_api::functions::ReqPqMulti => grammers_tl_types::functions::ReqPqMulti,
    mtproto_api::functions::ReqDHParams => grammers_tl_types::functions::ReqDhParams,
    mtproto_api::functions::SetClientDHParams => grammers_tl_types::functions::SetClientDhParams,
    mtproto_api::functions::RpcDropAnswer => grammers_tl_types::functions::RpcDropAnswer,
    mtproto_api::functions::GetFutureSalts => grammers_tl_types::functions::GetFutureSalts,
    mtproto_api::functions::PingDelayDisconnect => grammers_tl_types::functions::PingDelayDisconnect,
    mtproto_api::functions::DestroyAuthKey => grammers_tl_types::functions::DestroyAuthKey,
    };
    whole_schema::run_cross_checks("functions", &checks, 7);
}
