//! grammers-tl-types 0.11 (layer 230): its generated `Authorization` and
//! `upload.saveFilePart`, whose declarations equal layer 227's.
//!
//! `types::Authorization` serializes bare; the boxed form (constructor id
//! first) is `enums::Authorization`. Functions such as `SaveFilePart` write
//! their id but read bare (a server reads the id to dispatch), so
//! [`decode_save_file_part`] checks the id first.

use grammers_tl_types::deserialize::{Cursor, Error};
use grammers_tl_types::{Deserializable, Identifiable, enums, functions, types};

use crate::ours;

pub fn authorization(a: &ours::Authorization) -> enums::Authorization {
    enums::Authorization::Authorization(types::Authorization {
        current: a.current,
        official_app: a.official_app,
        password_pending: a.password_pending,
        encrypted_requests_disabled: a.encrypted_requests_disabled,
        call_requests_disabled: a.call_requests_disabled,
        unconfirmed: a.unconfirmed,
        hash: a.hash,
        device_model: a.device_model.clone(),
        platform: a.platform.clone(),
        system_version: a.system_version.clone(),
        api_id: a.api_id,
        app_name: a.app_name.clone(),
        app_version: a.app_version.clone(),
        date_created: a.date_created,
        date_active: a.date_active,
        ip: a.ip.clone(),
        country: a.country.clone(),
        region: a.region.clone(),
    })
}

pub fn save_file_part(f: &ours::SaveFilePart) -> functions::upload::SaveFilePart {
    functions::upload::SaveFilePart {
        file_id: f.file_id,
        file_part: f.file_part,
        bytes: f.bytes.clone(),
    }
}

/// A boxed `upload.saveFilePart`: the id, checked, then the function.
pub fn decode_save_file_part(bytes: &[u8]) -> Result<functions::upload::SaveFilePart, Error> {
    let mut cursor = Cursor::from_slice(bytes);
    let id = u32::deserialize(&mut cursor)?;
    if id != functions::upload::SaveFilePart::CONSTRUCTOR_ID {
        return Err(Error::UnexpectedConstructor { id });
    }
    functions::upload::SaveFilePart::deserialize(&mut cursor)
}

pub fn peer(p: &ours::Peer) -> enums::Peer {
    match *p {
        ours::Peer::User { user_id } => enums::Peer::User(types::PeerUser { user_id }),
        ours::Peer::Chat { chat_id } => enums::Peer::Chat(types::PeerChat { chat_id }),
        ours::Peer::Channel { channel_id } => {
            enums::Peer::Channel(types::PeerChannel { channel_id })
        }
    }
}

/// grammers' `RichText` holds every constructor of layer 230; the value
/// uses the five that ours declares.
pub fn rich_text(t: &ours::RichText) -> enums::RichText {
    match t {
        ours::RichText::Empty => enums::RichText::TextEmpty,
        ours::RichText::Plain { text } => {
            enums::RichText::TextPlain(types::TextPlain { text: text.clone() })
        }
        ours::RichText::Bold { text } => enums::RichText::TextBold(Box::new(types::TextBold {
            text: rich_text(text),
        })),
        ours::RichText::Italic { text } => {
            enums::RichText::TextItalic(Box::new(types::TextItalic {
                text: rich_text(text),
            }))
        }
        ours::RichText::Underline { text } => {
            enums::RichText::TextUnderline(Box::new(types::TextUnderline {
                text: rich_text(text),
            }))
        }
    }
}
