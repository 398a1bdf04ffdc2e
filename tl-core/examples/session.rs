//! The main job: TDLib's `session`, derived with `#[derive(TlObject)]`:
//! its schema line, constructor id, TL binary encoding and JSON, and the
//! round trips between them.
//!
//! Run with `cargo run --example session`.

use tl_core::{Session, SessionType, Sessions, TlConstructor, TlObject};

fn main() -> Result<(), tl_core::Error> {
    let session = Session {
        id: 6_412_842_931_748_902_511,
        is_current: true,
        is_password_pending: false,
        is_unconfirmed: false,
        can_accept_secret_chats: true,
        can_accept_calls: true,
        r#type: SessionType::Android,
        api_id: 6,
        application_name: "Telegram Android".into(),
        application_version: "11.4.2".into(),
        is_official_application: true,
        device_model: "Pixel 8".into(),
        platform: "Android".into(),
        system_version: "SDK 34".into(),
        log_in_date: 1_732_000_000,
        last_active_date: 1_732_500_000,
        ip_address: "203.0.113.7".into(),
        location: "Amsterdam, Netherlands".into(),
    };

    println!("schema: {};", Session::SCHEMA);
    println!("id:     {:#010x} ({})", Session::ID, Session::ID as i32);
    println!(
        "type:   {} {:#010x}",
        session.r#type.constructor_name(),
        session.r#type.constructor_id()
    );

    let bytes = tl_core::to_bytes(&session)?;
    println!("binary: {} bytes", bytes.len());
    for (row, chunk) in bytes.chunks(16).enumerate() {
        let hex: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
        let text: String = chunk
            .iter()
            .map(|&b| if b.is_ascii_graphic() { b as char } else { '.' })
            .collect();
        println!("  {:04x}  {:<47}  {}", row * 16, hex.join(" "), text);
    }

    let decoded: Session = tl_core::from_bytes(&bytes)?;
    println!("decoded: {decoded:#?}");
    assert_eq!(decoded, session, "binary round trip");

    let json = tl_core::json::to_string(&session).map_err(tl_core::Error::custom)?;
    println!("json:   {json}");
    let td_json = tl_core::json::to_string_td(&session).map_err(tl_core::Error::custom)?;
    println!("td:     {td_json}");
    let from_json: Session = tl_core::json::from_str(&json).map_err(tl_core::Error::custom)?;
    assert_eq!(from_json, session, "JSON round trip");
    let from_td: Session = tl_core::json::from_str(&td_json).map_err(tl_core::Error::custom)?;
    assert_eq!(from_td, session, "TDLib JSON round trip");
    assert_eq!(
        tl_core::to_bytes(&from_json)?,
        bytes,
        "binary -> JSON -> binary"
    );

    let sessions = Sessions {
        sessions: vec![session.clone(), session],
        inactive_session_ttl_days: 180,
    };
    let bytes = tl_core::to_bytes(&sessions)?;
    assert_eq!(tl_core::from_bytes::<Sessions>(&bytes)?, sessions);
    println!(
        "sessions: {} bytes, {:#010x}, round trip ok",
        bytes.len(),
        Sessions::ID
    );
    Ok(())
}
