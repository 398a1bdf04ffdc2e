//! The mtproto and ton dialects: type names, boxed and bare forms, flags,
//! and the id rules, against published ids and bytes spelled out by hand.

mod support;

use support::Expected;
use tl_core::{ErrorKind, TlConstructor, TlObject};

mod mtproto {
    /// `userEmpty#d3bc4b7a id:long = User`
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "mtproto", ty = "User", id = 0xd3bc4b7a)]
    pub struct UserEmpty {
        pub id: i64,
    }

    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "mtproto")]
    pub enum User {
        Empty(UserEmpty),
    }

    /// `auth.authorization#2ea2c0d4 flags:# setup_password_required:flags.1?true
    /// otherwise_relogin_days:flags.1?int tmp_sessions:flags.0?int
    /// future_auth_token:flags.2?bytes user:User = auth.Authorization`
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(
        dialect = "mtproto",
        name = "auth.authorization",
        ty = "auth.Authorization",
        id = 0x2ea2c0d4
    )]
    pub struct AuthAuthorization {
        #[tl(flags)]
        pub flags: u32,
        #[tl(flag = "flags.1")]
        pub setup_password_required: bool,
        #[tl(flag = "flags.1")]
        pub otherwise_relogin_days: Option<i32>,
        #[tl(flag = "flags.0")]
        pub tmp_sessions: Option<i32>,
        #[tl(flag = "flags.2")]
        pub future_auth_token: Option<Vec<u8>>,
        pub user: User,
    }

    /// `authorization#ad01d61d` with six `?true` flags, which the id ignores.
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "mtproto", id = 0xad01d61d)]
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

    /// `msgs_ack#62d6b459 msg_ids:Vector<long> = MsgsAck`
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "mtproto", name = "msgs_ack", id = 0x62d6b459)]
    pub struct MsgsAck {
        pub msg_ids: Vec<i64>,
    }

    /// `resPQ#05162463 nonce:int128 server_nonce:int128 pq:bytes
    /// server_public_key_fingerprints:Vector<long> = ResPQ`, with `bytes`
    /// hashed as `string`.
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "mtproto", name = "resPQ", ty = "ResPQ", id = 0x05162463)]
    pub struct ResPq {
        pub nonce: [u8; 16],
        pub server_nonce: [u8; 16],
        pub pq: Vec<u8>,
        pub server_public_key_fingerprints: Vec<i64>,
    }

    /// `future_salt#0949d9dc valid_since:int valid_until:int salt:long = FutureSalt`
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "mtproto", name = "future_salt", id = 0x0949d9dc)]
    pub struct FutureSalt {
        pub valid_since: i32,
        pub valid_until: i32,
        pub salt: i64,
    }

    /// `future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt>
    /// = FutureSalts`: a bare vector of bare objects.
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "mtproto", name = "future_salts", id = 0xae500895)]
    pub struct FutureSalts {
        pub req_msg_id: i64,
        pub now: i32,
        #[tl(ty = "vector<future_salt>")]
        pub salts: Vec<FutureSalt>,
    }

    /// Two flags words, as `user` and `userFull` have.
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "mtproto")]
    pub struct TwoWords {
        #[tl(flags)]
        pub flags: u32,
        #[tl(flag = "flags.31")]
        pub high: bool,
        #[tl(flags)]
        pub flags2: u32,
        #[tl(flag = "flags2.0")]
        pub usernames: Option<Vec<String>>,
        #[tl(flag = "flags.0")]
        pub access_hash: Option<i64>,
        pub id: i64,
    }
}

use mtproto::*;

fn authorization_value() -> AuthAuthorization {
    AuthAuthorization {
        flags: 0,
        setup_password_required: true,
        otherwise_relogin_days: Some(30),
        tmp_sessions: None,
        future_auth_token: Some(vec![1, 2, 3]),
        user: User::Empty(UserEmpty { id: 777 }),
    }
}

#[test]
fn mtproto_schema_lines_and_ids() {
    assert_eq!(
        AuthAuthorization::SCHEMA,
        "auth.authorization flags:# setup_password_required:flags.1?true \
         otherwise_relogin_days:flags.1?int tmp_sessions:flags.0?int \
         future_auth_token:flags.2?bytes user:User = auth.Authorization"
    );
    assert_eq!(AuthAuthorization::ID, 0x2ea2c0d4);
    assert_eq!(Authorization::ID, 0xad01d61d);
    assert_eq!(MsgsAck::SCHEMA, "msgs_ack msg_ids:Vector<long> = MsgsAck");
    assert_eq!(
        ResPq::SCHEMA,
        "resPQ nonce:int128 server_nonce:int128 pq:bytes server_public_key_fingerprints:Vector<long> = ResPQ"
    );
    assert_eq!(
        FutureSalts::SCHEMA,
        "future_salts req_msg_id:long now:int salts:vector<future_salt> = FutureSalts"
    );
    assert_eq!(
        TwoWords::SCHEMA,
        "twoWords flags:# high:flags.31?true flags2:# usernames:flags2.0?Vector<string> \
         access_hash:flags.0?long id:long = TwoWords"
    );
}

#[test]
fn shared_bit_encodes_as_official_clients_do() {
    let value = authorization_value();
    // flags = bit 1 (shared by the true flag and the int) | bit 2.
    let expected = Expected::default()
        .id(0x2ea2c0d4)
        .int32(0b110)
        .int32(30)
        .string([1, 2, 3])
        .id(0xd3bc4b7a)
        .int64(777)
        .bytes();
    let bytes = tl_core::to_bytes(&value).unwrap();
    assert_eq!(bytes, expected);
    let decoded: AuthAuthorization = tl_core::from_bytes(&bytes).unwrap();
    // The flags word is recomputed on write and read back as written.
    assert_eq!(decoded.flags, 0b110);
    assert_eq!(
        decoded,
        AuthAuthorization {
            flags: 0b110,
            ..value.clone()
        }
    );

    // A stale flags value is ignored on write.
    let stale = AuthAuthorization {
        flags: 0xffff_ffff,
        ..value
    };
    assert_eq!(tl_core::to_bytes(&stale).unwrap(), expected);

    // All absent: flags 0, nothing behind it.
    let empty = AuthAuthorization {
        flags: 0,
        setup_password_required: false,
        otherwise_relogin_days: None,
        tmp_sessions: None,
        future_auth_token: None,
        user: User::Empty(UserEmpty { id: 1 }),
    };
    let bytes = tl_core::to_bytes(&empty).unwrap();
    assert_eq!(
        bytes,
        Expected::default()
            .id(0x2ea2c0d4)
            .int32(0)
            .id(0xd3bc4b7a)
            .int64(1)
            .bytes()
    );
}

#[test]
fn a_set_shared_bit_without_its_value_cannot_be_encoded() {
    let value = AuthAuthorization {
        otherwise_relogin_days: None,
        ..authorization_value()
    };
    let error = tl_core::to_bytes(&value).unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::MissingConditional {
            field: "otherwise_relogin_days"
        }
    );
    assert_eq!(
        error.to_string(),
        "field `otherwise_relogin_days` is absent but a field sharing its flag bit is present: \
         fields on one bit are present together"
    );
}

#[test]
fn unknown_flag_bits_are_rejected() {
    let mut bytes = tl_core::to_bytes(&authorization_value()).unwrap();
    bytes[4] |= 0b1000; // bit 3: no field of auth.authorization uses it
    let error = tl_core::from_bytes::<AuthAuthorization>(&bytes).unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::UnknownFlags {
            flags: "flags",
            bits: 0b1000
        }
    );
    assert_eq!(error.offset(), Some(4));
    assert_eq!(
        error.to_string(),
        "flags word `flags` has bits 0x00000008 set that no field uses at byte 4"
    );
}

#[test]
fn boxed_vectors_and_raw_integers() {
    let value = ResPq {
        nonce: [0x11; 16],
        server_nonce: [0x22; 16],
        pq: vec![0x17, 0xed, 0x48, 0x94, 0x1a, 0x08, 0xf9, 0x81],
        server_public_key_fingerprints: vec![-4344800451088585951],
    };
    let expected = Expected::default()
        .id(0x05162463)
        .raw(&[0x11; 16])
        .raw(&[0x22; 16])
        .string([0x17, 0xed, 0x48, 0x94, 0x1a, 0x08, 0xf9, 0x81])
        .id(0x1cb5c415)
        .int32(1)
        .int64(-4344800451088585951)
        .bytes();
    let bytes = tl_core::to_bytes(&value).unwrap();
    assert_eq!(bytes, expected);
    assert_eq!(tl_core::from_bytes::<ResPq>(&bytes).unwrap(), value);

    let salts = FutureSalts {
        req_msg_id: 5,
        now: 6,
        salts: vec![FutureSalt {
            valid_since: 1,
            valid_until: 2,
            salt: 3,
        }],
    };
    // vector<future_salt>: no vector id, no element ids.
    let expected = Expected::default()
        .id(0xae500895)
        .int64(5)
        .int32(6)
        .int32(1)
        .int32(1)
        .int32(2)
        .int64(3)
        .bytes();
    let bytes = tl_core::to_bytes(&salts).unwrap();
    assert_eq!(bytes, expected);
    assert_eq!(tl_core::from_bytes::<FutureSalts>(&bytes).unwrap(), salts);

    // A boxed vector must carry the vector id.
    let mut bad = tl_core::to_bytes(&MsgsAck { msg_ids: vec![1] }).unwrap();
    bad[4] ^= 1;
    let error = tl_core::from_bytes::<MsgsAck>(&bad).unwrap_err();
    assert_eq!(error.path_string(), "msg_ids");
    assert!(
        error
            .to_string()
            .contains("expected Vector (vector#1cb5c415)"),
        "{error}"
    );
}

#[test]
fn two_flags_words() {
    let value = TwoWords {
        flags: 0,
        high: true,
        flags2: 0,
        usernames: Some(vec!["a".into()]),
        access_hash: Some(-1),
        id: 9,
    };
    let expected = Expected::default()
        .id(TwoWords::ID)
        .raw(&0x8000_0001_u32.to_le_bytes())
        .int32(1)
        .id(0x1cb5c415)
        .int32(1)
        .string("a")
        .int64(-1)
        .int64(9)
        .bytes();
    let bytes = tl_core::to_bytes(&value).unwrap();
    assert_eq!(bytes, expected);
    let decoded: TwoWords = tl_core::from_bytes(&bytes).unwrap();
    assert_eq!((decoded.flags, decoded.flags2), (0x8000_0001, 1));
    assert_eq!(tl_core::to_bytes(&decoded).unwrap(), bytes);
}

#[test]
fn mtproto_json_leaves_out_flags_and_absent_fields() {
    let text = tl_core::json::to_string(&authorization_value()).unwrap();
    assert_eq!(
        text,
        r#"{"_":"auth.authorization","setup_password_required":true,"otherwise_relogin_days":30,"future_auth_token":"AQID","user":{"_":"userEmpty","id":"777"}}"#
    );
    let back: AuthAuthorization = tl_core::json::from_str(&text).unwrap();
    assert_eq!(
        back.flags, 0b110,
        "flags recomputed from the fields present"
    );
    assert_eq!(
        tl_core::to_bytes(&back).unwrap(),
        tl_core::to_bytes(&authorization_value()).unwrap()
    );
}

mod ton {
    /// `pub.ed25519 key:int256 = PublicKey`
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(
        dialect = "ton",
        name = "pub.ed25519",
        ty = "PublicKey",
        id = 0x4813b4c6
    )]
    pub struct Ed25519 {
        pub key: [u8; 32],
    }

    /// `pub.overlay name:bytes = PublicKey`: ton keeps `bytes` in the hash.
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(
        dialect = "ton",
        name = "pub.overlay",
        ty = "PublicKey",
        id = 0x34ba45cb
    )]
    pub struct Overlay {
        pub name: Vec<u8>,
    }

    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "ton")]
    pub enum PublicKey {
        Ed25519(Ed25519),
        Overlay(Overlay),
    }

    /// `adnl.id.short id:int256 = adnl.id.Short`
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "ton", name = "adnl.id.short", ty = "adnl.id.Short")]
    pub struct IdShort {
        pub id: [u8; 32],
    }

    /// `adnl.message.query query_id:int256 query:bytes = adnl.Message`
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "ton", name = "adnl.message.query", ty = "adnl.Message")]
    pub struct MessageQuery {
        pub query_id: [u8; 32],
        pub query: Vec<u8>,
    }

    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "ton", ty = "adnl.Message")]
    pub enum Message {
        Query(MessageQuery),
    }

    /// `adnl.address.udp ip:int port:int = adnl.Address`
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "ton", name = "adnl.address.udp", ty = "adnl.Address")]
    pub struct AddressUdp {
        pub ip: i32,
        pub port: i32,
    }

    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "ton", ty = "adnl.Address")]
    pub enum Address {
        Udp(AddressUdp),
    }

    /// `adnl.addressList addrs:(vector adnl.Address) version:int reinit_date:int
    /// priority:int expire_at:int = adnl.AddressList`
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(dialect = "ton", name = "adnl.addressList", ty = "adnl.AddressList")]
    pub struct AddressList {
        pub addrs: Vec<Address>,
        pub version: i32,
        pub reinit_date: i32,
        pub priority: i32,
        pub expire_at: i32,
    }

    /// tl-proto's test vector: `adnl.packetContents ... = adnl.PacketContents`
    /// is 0xd142cd89, hashing `(vector adnl.Message)` as `vector adnl.Message`.
    #[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
    #[tl(
        dialect = "ton",
        name = "adnl.packetContents",
        ty = "adnl.PacketContents",
        id = 0xd142cd89
    )]
    pub struct PacketContents {
        pub rand1: Vec<u8>,
        #[tl(flags)]
        pub flags: u32,
        #[tl(flag = "flags.0")]
        pub from: Option<PublicKey>,
        #[tl(flag = "flags.1", bare)]
        pub from_short: Option<IdShort>,
        #[tl(flag = "flags.2")]
        pub message: Option<Message>,
        #[tl(flag = "flags.3")]
        pub messages: Option<Vec<Message>>,
        #[tl(flag = "flags.4", bare)]
        pub address: Option<AddressList>,
        #[tl(flag = "flags.5", bare)]
        pub priority_address: Option<AddressList>,
        #[tl(flag = "flags.6")]
        pub seqno: Option<i64>,
        #[tl(flag = "flags.7")]
        pub confirm_seqno: Option<i64>,
        #[tl(flag = "flags.8")]
        pub recv_addr_list_version: Option<i32>,
        #[tl(flag = "flags.9")]
        pub recv_priority_addr_list_version: Option<i32>,
        #[tl(flag = "flags.10")]
        pub reinit_date: Option<i32>,
        #[tl(flag = "flags.10")]
        pub dst_reinit_date: Option<i32>,
        #[tl(flag = "flags.11")]
        pub signature: Option<Vec<u8>>,
        pub rand2: Vec<u8>,
    }
}

#[test]
fn ton_ids_and_schema() {
    assert_eq!(ton::Ed25519::ID, 0x4813b4c6);
    assert_eq!(ton::Overlay::ID, 0x34ba45cb);
    assert_eq!(ton::PacketContents::ID, 0xd142cd89);
    assert_eq!(
        ton::AddressList::SCHEMA,
        "adnl.addressList addrs:(vector adnl.Address) version:int reinit_date:int priority:int \
         expire_at:int = adnl.AddressList"
    );
    assert!(
        ton::PacketContents::SCHEMA
            .contains(" messages:flags.3?(vector adnl.Message) address:flags.4?adnl.addressList ")
    );
}

#[test]
fn ton_vectors_are_bare_and_objects_boxed() {
    let list = ton::AddressList {
        addrs: vec![ton::Address::Udp(ton::AddressUdp { ip: 1, port: 2 })],
        version: 3,
        reinit_date: 4,
        priority: 5,
        expire_at: 6,
    };
    let udp_id = tl_core::schema::crc32(b"adnl.address.udp ip:int port:int = adnl.Address");
    let expected = Expected::default()
        .id(ton::AddressList::ID)
        .int32(1) // bare vector: count only
        .id(udp_id) // boxed element
        .int32(1)
        .int32(2)
        .int32(3)
        .int32(4)
        .int32(5)
        .int32(6)
        .bytes();
    let bytes = tl_core::to_bytes(&list).unwrap();
    assert_eq!(bytes, expected);

    let packet = ton::PacketContents {
        rand1: vec![9; 7],
        flags: 0,
        from: Some(ton::PublicKey::Ed25519(ton::Ed25519 { key: [5; 32] })),
        from_short: None,
        message: None,
        messages: Some(vec![]),
        address: Some(list.clone()),
        priority_address: None,
        seqno: Some(10),
        confirm_seqno: None,
        recv_addr_list_version: None,
        recv_priority_addr_list_version: None,
        reinit_date: Some(1),
        dst_reinit_date: Some(2),
        signature: None,
        rand2: vec![],
    };
    let expected = Expected::default()
        .id(0xd142cd89)
        .string([9; 7])
        .int32(0b100_0101_1001)
        .id(0x4813b4c6)
        .raw(&[5; 32])
        .int32(0)
        .raw(&bytes[4..]) // address list, bare
        .int64(10)
        .int32(1)
        .int32(2)
        .string([])
        .bytes();
    let encoded = tl_core::to_bytes(&packet).unwrap();
    assert_eq!(encoded, expected);
    let decoded: ton::PacketContents = tl_core::from_bytes(&encoded).unwrap();
    assert_eq!(decoded.flags, 0b100_0101_1001);
    assert_eq!(tl_core::to_bytes(&decoded).unwrap(), encoded);
    assert_eq!(decoded.constructor_name(), "adnl.packetContents");
}
