//! An independent spelling of TL's wire rules, for expected bytes in tests:
//! written from the specification, sharing no code with tl-core's encoder.
#![allow(dead_code)]

pub const BOOL_TRUE: [u8; 4] = [0xb5, 0x75, 0x72, 0x99];
pub const BOOL_FALSE: [u8; 4] = [0x37, 0x97, 0x79, 0xbc];

/// Builds expected bytes field by field.
#[derive(Default)]
pub struct Expected(pub Vec<u8>);

impl Expected {
    pub fn id(mut self, id: u32) -> Self {
        self.0.extend_from_slice(&id.to_le_bytes());
        self
    }

    pub fn int32(mut self, value: i32) -> Self {
        self.0.extend_from_slice(&value.to_le_bytes());
        self
    }

    pub fn int64(mut self, value: i64) -> Self {
        self.0.extend_from_slice(&value.to_le_bytes());
        self
    }

    pub fn boolean(mut self, value: bool) -> Self {
        self.0
            .extend_from_slice(if value { &BOOL_TRUE } else { &BOOL_FALSE });
        self
    }

    /// `string` / `bytes`: 1-byte length below 254, else 0xfe and 3 bytes;
    /// then the data; then zeros to a multiple of 4.
    pub fn string(mut self, data: impl AsRef<[u8]>) -> Self {
        let data = data.as_ref();
        let header = if data.len() < 254 {
            vec![data.len() as u8]
        } else {
            let n = data.len() as u32;
            vec![0xfe, n as u8, (n >> 8) as u8, (n >> 16) as u8]
        };
        let total = header.len() + data.len();
        self.0.extend_from_slice(&header);
        self.0.extend_from_slice(data);
        self.0.resize(self.0.len() + (4 - total % 4) % 4, 0);
        self
    }

    pub fn raw(mut self, bytes: &[u8]) -> Self {
        self.0.extend_from_slice(bytes);
        self
    }

    pub fn bytes(self) -> Vec<u8> {
        self.0
    }
}

/// A sample `tl_core::Session` with every field distinct.
pub fn sample_session(seed: i64) -> tl_core::Session {
    tl_core::Session {
        id: 0x0123_4567_89ab_cdef ^ seed,
        is_current: seed % 2 == 0,
        is_password_pending: seed % 3 == 0,
        is_unconfirmed: true,
        can_accept_secret_chats: false,
        can_accept_calls: true,
        r#type: if seed % 2 == 0 {
            tl_core::SessionType::Iphone
        } else {
            tl_core::SessionType::Xbox
        },
        api_id: 2040 + seed as i32,
        application_name: "Telegram Desktop".into(),
        application_version: format!("5.{seed}.1 x64"),
        is_official_application: true,
        device_model: "MacBookPro18,3".into(),
        platform: "macOS".into(),
        system_version: "".into(),
        log_in_date: 1_700_000_000 + seed as i32,
        last_active_date: 1_732_000_000,
        ip_address: "2001:db8::1".into(),
        location: "Zürich, Switzerland".into(),
    }
}
