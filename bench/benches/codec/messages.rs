//! The `messages.messages` case: what `messages.getHistory` returns for a
//! basic group, 100 messages with the 20 users and 5 chats they mention,
//! in our generated types (`tl_bench::telegram`, tl-gen's output for
//! `only(["messages.messages"])`) and in grammers-tl-types 0.11's.
//!
//! Both are built from one plain description ([`History`]), field by
//! field, so that the fixture check compares two independent encoders.
//! Every constructor used is declared alike in both layers (see
//! `build.rs` for the two lines taken from layer 230): `messages.messages`,
//! `message`, `messageReplyHeader`, `messageEntity{Bold,Italic,Code,Url,
//! TextUrl,Mention,MentionName}`, `peerUser`, `peerChat`, `user`,
//! `userProfilePhoto`, `userStatus{Online,Offline,Recently}`, `chat`,
//! `chatPhoto`, `chatPhotoEmpty`.

use grammers_tl_types as gram;
use tl_bench::telegram::{enums, types};
use tl_core::Flags;

/// How many messages, users and chats the value holds.
pub const MESSAGES: usize = 100;
pub const USERS: usize = 20;
pub const CHATS: usize = 5;

/// The group the history is of (`peer_id` of every message).
const GROUP: i64 = 4_086_325_117;

/// A profile or chat photo: id, stripped thumbnail, DC.
#[derive(Clone)]
pub struct Photo {
    pub id: i64,
    pub thumb: Vec<u8>,
    pub dc: i32,
}

#[derive(Clone, Copy)]
pub enum Status {
    Online(i32),
    Offline(i32),
    Recently,
}

pub struct User {
    pub is_self: bool,
    pub contact: bool,
    pub mutual_contact: bool,
    pub bot: bool,
    pub premium: bool,
    pub verified: bool,
    pub id: i64,
    pub access_hash: i64,
    pub first_name: String,
    pub last_name: Option<String>,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub photo: Option<Photo>,
    pub status: Option<Status>,
    pub bot_info_version: Option<i32>,
    pub lang_code: Option<String>,
}

pub struct Chat {
    pub creator: bool,
    pub id: i64,
    pub title: String,
    pub photo: Option<Photo>,
    pub participants_count: i32,
    pub date: i32,
    pub version: i32,
}

#[derive(Clone)]
pub enum Entity {
    Bold(i32, i32),
    Italic(i32, i32),
    Code(i32, i32),
    Url(i32, i32),
    TextUrl(i32, i32, String),
    Mention(i32, i32),
    MentionName(i32, i32, i64),
}

pub struct Message {
    pub out: bool,
    pub mentioned: bool,
    pub silent: bool,
    pub id: i32,
    pub from: i64,
    pub reply_to: Option<i32>,
    pub date: i32,
    pub text: String,
    pub entities: Option<Vec<Entity>>,
    pub edit_date: Option<i32>,
}

/// The value, in no library's types.
pub struct History {
    pub messages: Vec<Message>,
    pub chats: Vec<Chat>,
    pub users: Vec<User>,
}

/// A small deterministic generator (xorshift), so that every run and
/// every competitor gets the same value.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const FIRST: [&str; 20] = [
    "Anna",
    "Ben",
    "Chiara",
    "Dmitri",
    "Elif",
    "Farid",
    "Greta",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Katarzyna",
    "Luis",
    "Mariam",
    "Nils",
    "Olga",
    "Pedro",
    "Quentin",
    "Rosa",
    "Søren",
    "Tomás",
];
const LAST: [&str; 8] = [
    "Novak", "Schmidt", "Rossi", "Ivanova", "Yılmaz", "García", "Tanaka", "Müller",
];
const WORDS: [&str; 40] = [
    "the", "release", "build", "is", "green", "again", "thanks", "for", "checking", "tomorrow",
    "meeting", "at", "ten", "can", "someone", "review", "my", "patch", "please", "👍", "looks",
    "good", "to", "me", "we", "should", "ship", "it", "before", "Friday", "über", "café", "déjà",
    "vu", "server", "logs", "show", "a", "timeout", "again",
];

/// A message text of `len` characters or a few more, from [`WORDS`].
fn text(rng: &mut Rng, len: usize) -> String {
    let mut out = String::new();
    while out.chars().count() < len {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(WORDS[rng.below(WORDS.len())]);
    }
    let mut chars = out.chars();
    if let Some(first) = chars.next() {
        out = first.to_uppercase().chain(chars).collect();
    }
    out.push(['.', '!', '?'][rng.below(3)]);
    out
}

fn thumb(rng: &mut Rng) -> Vec<u8> {
    // A stripped JPEG thumbnail: `0x01`, then some 30 to 60 bytes.
    let len = 30 + rng.below(31);
    std::iter::once(1)
        .chain((0..len).map(|_| rng.next() as u8))
        .collect()
}

/// The history of [`MESSAGES`] messages, [`USERS`] users (the first is
/// the reader) and [`CHATS`] chats (the first is the group).
pub fn history() -> History {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let now = 1_764_050_000;
    let users: Vec<User> = (0..USERS)
        .map(|i| {
            let id = 5_000_000_000 + (i as i64) * 104_729 + rng.below(1000) as i64;
            let first_name = FIRST[i].to_owned();
            let bot = i == 7;
            User {
                is_self: i == 0,
                contact: i % 3 != 2,
                mutual_contact: i % 3 == 0,
                bot,
                premium: i % 4 == 1,
                verified: false,
                id,
                access_hash: rng.next() as i64,
                last_name: (i % 4 != 3 && !bot).then(|| LAST[i % LAST.len()].to_owned()),
                username: (i % 5 != 4).then(|| {
                    if bot {
                        format!("{}_ci_bot", first_name.to_lowercase())
                    } else {
                        format!("{}{}", first_name.to_lowercase(), 1980 + i)
                    }
                }),
                phone: (i == 0 || i % 6 == 3).then(|| format!("4915{:08}", 20_000_000 + i * 7919)),
                first_name,
                photo: (i % 4 != 2).then(|| Photo {
                    id: 6_100_000_000_000_000_000 + rng.below(1 << 40) as i64,
                    thumb: thumb(&mut rng),
                    dc: [2, 4, 5][i % 3],
                }),
                status: if bot {
                    None
                } else {
                    Some(match i % 3 {
                        0 => Status::Online(now + 300),
                        1 => Status::Offline(now - 60 * rng.below(10_000) as i32),
                        _ => Status::Recently,
                    })
                },
                bot_info_version: bot.then_some(3),
                lang_code: (i == 0).then(|| "en".to_owned()),
            }
        })
        .collect();
    let titles = [
        "Release crew",
        "Backend on-call 🔥",
        "Berlin Rust meetup",
        "Family",
        "Board games night",
    ];
    let chats = (0..CHATS)
        .map(|i| Chat {
            creator: i == 3,
            id: if i == 0 {
                GROUP
            } else {
                4_000_000_000 + i as i64 * 7_777_777
            },
            title: titles[i].to_owned(),
            photo: (i != 4).then(|| Photo {
                id: 6_200_000_000_000_000_000 + rng.below(1 << 40) as i64,
                thumb: thumb(&mut rng),
                dc: 4,
            }),
            participants_count: [19, 42, 187, 6, 9][i],
            date: 1_600_000_000 + i as i32 * 31_536_000,
            version: 3 + i as i32 * 5,
        })
        .collect();
    let mut date = now;
    let messages = (0..MESSAGES)
        .map(|i| {
            // Newest first, as getHistory returns them.
            let id = 48_000 - i as i32;
            date -= 20 + rng.below(600) as i32;
            let author = rng.below(USERS);
            // Mostly short, a few long: 20 to 300 characters.
            let len = match rng.below(10) {
                0..=5 => 20 + rng.below(60),
                6..=8 => 80 + rng.below(120),
                _ => 200 + rng.below(101),
            };
            let text = text(&mut rng, len);
            let chars = text.chars().count() as i32;
            let entities = match i % 6 {
                0 => Some(vec![Entity::Bold(0, 5.min(chars))]),
                1 => Some(vec![
                    Entity::Url(chars / 2, 4),
                    Entity::TextUrl(0, 3, format!("https://example.org/issues/{}", 1000 + i)),
                ]),
                2 => Some(vec![Entity::MentionName(0, 4, users[(i * 7) % USERS].id)]),
                3 => Some(vec![Entity::Mention(2, 8), Entity::Italic(12, 6)]),
                4 => Some(vec![Entity::Code(4, 10)]),
                _ => None,
            };
            Message {
                out: author == 0,
                mentioned: i % 6 == 2 && (i * 7) % USERS == 0,
                silent: i % 17 == 0,
                id,
                from: users[author].id,
                reply_to: (i % 4 == 1).then(|| id - 1 - rng.below(10) as i32),
                date,
                text,
                entities,
                edit_date: (i % 9 == 4).then_some(date + 45),
            }
        })
        .collect();
    History {
        messages,
        chats,
        users,
    }
}

// ---- ours ----

fn ours_photo(p: &Photo) -> enums::UserProfilePhoto {
    enums::UserProfilePhoto::UserProfilePhoto(types::UserProfilePhoto {
        flags: Flags,
        has_video: false,
        personal: false,
        photo_id: p.id,
        stripped_thumb: Some(p.thumb.clone()),
        dc_id: p.dc,
    })
}

fn ours_status(s: Status) -> enums::UserStatus {
    match s {
        Status::Online(expires) => enums::UserStatus::Online(types::UserStatusOnline { expires }),
        Status::Offline(was_online) => {
            enums::UserStatus::Offline(types::UserStatusOffline { was_online })
        }
        Status::Recently => enums::UserStatus::Recently(types::UserStatusRecently {
            flags: Flags,
            by_me: false,
        }),
    }
}

fn ours_user(u: &User) -> enums::User {
    enums::User::User(types::User {
        flags: Flags,
        self_: u.is_self,
        contact: u.contact,
        mutual_contact: u.mutual_contact,
        deleted: false,
        bot: u.bot,
        bot_chat_history: false,
        bot_nochats: false,
        verified: u.verified,
        restricted: false,
        min: false,
        bot_inline_geo: false,
        support: false,
        scam: false,
        apply_min_photo: u.photo.is_some(),
        fake: false,
        bot_attach_menu: false,
        premium: u.premium,
        attach_menu_enabled: false,
        flags2: Flags,
        bot_can_edit: false,
        close_friend: false,
        stories_hidden: false,
        stories_unavailable: !u.bot,
        contact_require_premium: false,
        bot_business: false,
        bot_has_main_app: false,
        bot_forum_view: false,
        bot_forum_can_manage_topics: false,
        bot_can_manage_bots: false,
        bot_guestchat: false,
        bot_guard: false,
        id: u.id,
        access_hash: Some(u.access_hash),
        first_name: Some(u.first_name.clone()),
        last_name: u.last_name.clone(),
        username: u.username.clone(),
        phone: u.phone.clone(),
        photo: u.photo.as_ref().map(ours_photo),
        status: u.status.map(ours_status),
        bot_info_version: u.bot_info_version,
        restriction_reason: None,
        bot_inline_placeholder: None,
        lang_code: u.lang_code.clone(),
        emoji_status: None,
        usernames: None,
        stories_max_id: None,
        color: None,
        profile_color: None,
        bot_active_users: None,
        bot_verification_icon: None,
        send_paid_messages_stars: None,
        linked_community_id: None,
    })
}

fn ours_chat(c: &Chat) -> enums::Chat {
    enums::Chat::Chat(types::Chat {
        flags: Flags,
        creator: c.creator,
        left: false,
        deactivated: false,
        call_active: false,
        call_not_empty: false,
        noforwards: false,
        id: c.id,
        title: c.title.clone(),
        photo: match &c.photo {
            Some(p) => enums::ChatPhoto::ChatPhoto(types::ChatPhoto {
                flags: Flags,
                has_video: false,
                photo_id: p.id,
                stripped_thumb: Some(p.thumb.clone()),
                dc_id: p.dc,
            }),
            None => enums::ChatPhoto::Empty(types::ChatPhotoEmpty {}),
        },
        participants_count: c.participants_count,
        date: c.date,
        version: c.version,
        migrated_to: None,
        admin_rights: None,
        default_banned_rights: None,
    })
}

fn ours_entity(e: &Entity) -> enums::MessageEntity {
    use enums::MessageEntity as E;
    match e.clone() {
        Entity::Bold(offset, length) => E::Bold(types::MessageEntityBold { offset, length }),
        Entity::Italic(offset, length) => E::Italic(types::MessageEntityItalic { offset, length }),
        Entity::Code(offset, length) => E::Code(types::MessageEntityCode { offset, length }),
        Entity::Url(offset, length) => E::Url(types::MessageEntityUrl { offset, length }),
        Entity::TextUrl(offset, length, url) => E::TextUrl(types::MessageEntityTextUrl {
            offset,
            length,
            url,
        }),
        Entity::Mention(offset, length) => {
            E::Mention(types::MessageEntityMention { offset, length })
        }
        Entity::MentionName(offset, length, user_id) => {
            E::MentionName(types::MessageEntityMentionName {
                offset,
                length,
                user_id,
            })
        }
    }
}

fn ours_message(m: &Message) -> enums::Message {
    enums::Message::Message(types::Message {
        flags: Flags,
        out: m.out,
        mentioned: m.mentioned,
        media_unread: false,
        silent: m.silent,
        post: false,
        from_scheduled: false,
        legacy: false,
        edit_hide: false,
        pinned: false,
        noforwards: false,
        invert_media: false,
        flags2: Flags,
        offline: false,
        video_processing_pending: false,
        paid_suggested_post_stars: false,
        paid_suggested_post_ton: false,
        id: m.id,
        from_id: Some(enums::Peer::User(types::PeerUser { user_id: m.from })),
        from_boosts_applied: None,
        from_rank: None,
        peer_id: enums::Peer::Chat(types::PeerChat { chat_id: GROUP }),
        saved_peer_id: None,
        fwd_from: None,
        via_bot_id: None,
        via_business_bot_id: None,
        guestchat_via_from: None,
        reply_to: m.reply_to.map(|id| {
            Box::new(enums::MessageReplyHeader::MessageReplyHeader(
                types::MessageReplyHeader {
                    flags: Flags,
                    reply_to_scheduled: false,
                    forum_topic: false,
                    quote: false,
                    reply_to_ephemeral: false,
                    reply_to_msg_id: Some(id),
                    reply_to_peer_id: None,
                    reply_from: None,
                    reply_media: None,
                    reply_to_top_id: None,
                    quote_text: None,
                    quote_entities: None,
                    quote_offset: None,
                    todo_item_id: None,
                    poll_option: None,
                },
            ))
        }),
        date: m.date,
        message: m.text.clone(),
        media: None,
        reply_markup: None,
        entities: m
            .entities
            .as_ref()
            .map(|list| list.iter().map(ours_entity).collect()),
        views: None,
        forwards: None,
        replies: None,
        edit_date: m.edit_date,
        post_author: None,
        grouped_id: None,
        reactions: None,
        restriction_reason: None,
        ttl_period: None,
        quick_reply_shortcut_id: None,
        effect: None,
        factcheck: None,
        report_delivery_until_date: None,
        paid_message_stars: None,
        suggested_post: None,
        schedule_repeat_period: None,
        summary_from_language: None,
        rich_message: None,
    })
}

/// The value in our generated types (boxed: `messages.Messages`).
pub fn ours(h: &History) -> enums::messages::Messages {
    enums::messages::Messages::Messages(types::messages::Messages {
        messages: h.messages.iter().map(ours_message).collect(),
        topics: Vec::new(),
        chats: h.chats.iter().map(ours_chat).collect(),
        users: h.users.iter().map(ours_user).collect(),
    })
}

// ---- grammers ----

fn gram_photo(p: &Photo) -> gram::enums::UserProfilePhoto {
    gram::enums::UserProfilePhoto::Photo(gram::types::UserProfilePhoto {
        has_video: false,
        personal: false,
        photo_id: p.id,
        stripped_thumb: Some(p.thumb.clone()),
        dc_id: p.dc,
    })
}

fn gram_status(s: Status) -> gram::enums::UserStatus {
    use gram::enums::UserStatus as S;
    match s {
        Status::Online(expires) => S::Online(gram::types::UserStatusOnline { expires }),
        Status::Offline(was_online) => S::Offline(gram::types::UserStatusOffline { was_online }),
        Status::Recently => S::Recently(gram::types::UserStatusRecently { by_me: false }),
    }
}

fn gram_user(u: &User) -> gram::enums::User {
    gram::enums::User::User(gram::types::User {
        is_self: u.is_self,
        contact: u.contact,
        mutual_contact: u.mutual_contact,
        deleted: false,
        bot: u.bot,
        bot_chat_history: false,
        bot_nochats: false,
        verified: u.verified,
        restricted: false,
        min: false,
        bot_inline_geo: false,
        support: false,
        scam: false,
        apply_min_photo: u.photo.is_some(),
        fake: false,
        bot_attach_menu: false,
        premium: u.premium,
        attach_menu_enabled: false,
        bot_can_edit: false,
        close_friend: false,
        stories_hidden: false,
        stories_unavailable: !u.bot,
        contact_require_premium: false,
        bot_business: false,
        bot_has_main_app: false,
        bot_forum_view: false,
        bot_forum_can_manage_topics: false,
        bot_can_manage_bots: false,
        bot_guestchat: false,
        bot_guard: false,
        id: u.id,
        access_hash: Some(u.access_hash),
        first_name: Some(u.first_name.clone()),
        last_name: u.last_name.clone(),
        username: u.username.clone(),
        phone: u.phone.clone(),
        photo: u.photo.as_ref().map(gram_photo),
        status: u.status.map(gram_status),
        bot_info_version: u.bot_info_version,
        restriction_reason: None,
        bot_inline_placeholder: None,
        lang_code: u.lang_code.clone(),
        emoji_status: None,
        usernames: None,
        stories_max_id: None,
        color: None,
        profile_color: None,
        bot_active_users: None,
        bot_verification_icon: None,
        send_paid_messages_stars: None,
        linked_community_id: None,
    })
}

fn gram_chat(c: &Chat) -> gram::enums::Chat {
    gram::enums::Chat::Chat(gram::types::Chat {
        creator: c.creator,
        left: false,
        deactivated: false,
        call_active: false,
        call_not_empty: false,
        noforwards: false,
        id: c.id,
        title: c.title.clone(),
        photo: match &c.photo {
            Some(p) => gram::enums::ChatPhoto::Photo(gram::types::ChatPhoto {
                has_video: false,
                photo_id: p.id,
                stripped_thumb: Some(p.thumb.clone()),
                dc_id: p.dc,
            }),
            None => gram::enums::ChatPhoto::Empty,
        },
        participants_count: c.participants_count,
        date: c.date,
        version: c.version,
        migrated_to: None,
        admin_rights: None,
        default_banned_rights: None,
    })
}

fn gram_entity(e: &Entity) -> gram::enums::MessageEntity {
    use gram::enums::MessageEntity as E;
    use gram::types as t;
    match e.clone() {
        Entity::Bold(offset, length) => E::Bold(t::MessageEntityBold { offset, length }),
        Entity::Italic(offset, length) => E::Italic(t::MessageEntityItalic { offset, length }),
        Entity::Code(offset, length) => E::Code(t::MessageEntityCode { offset, length }),
        Entity::Url(offset, length) => E::Url(t::MessageEntityUrl { offset, length }),
        Entity::TextUrl(offset, length, url) => E::TextUrl(t::MessageEntityTextUrl {
            offset,
            length,
            url,
        }),
        Entity::Mention(offset, length) => E::Mention(t::MessageEntityMention { offset, length }),
        Entity::MentionName(offset, length, user_id) => {
            E::MentionName(t::MessageEntityMentionName {
                offset,
                length,
                user_id,
            })
        }
    }
}

fn gram_message(m: &Message) -> gram::enums::Message {
    gram::enums::Message::Message(gram::types::Message {
        out: m.out,
        mentioned: m.mentioned,
        media_unread: false,
        silent: m.silent,
        post: false,
        from_scheduled: false,
        legacy: false,
        edit_hide: false,
        pinned: false,
        noforwards: false,
        invert_media: false,
        offline: false,
        video_processing_pending: false,
        paid_suggested_post_stars: false,
        paid_suggested_post_ton: false,
        id: m.id,
        from_id: Some(gram::enums::Peer::User(gram::types::PeerUser {
            user_id: m.from,
        })),
        from_boosts_applied: None,
        from_rank: None,
        peer_id: gram::enums::Peer::Chat(gram::types::PeerChat { chat_id: GROUP }),
        saved_peer_id: None,
        fwd_from: None,
        via_bot_id: None,
        via_business_bot_id: None,
        guestchat_via_from: None,
        reply_to: m.reply_to.map(|id| {
            gram::enums::MessageReplyHeader::Header(gram::types::MessageReplyHeader {
                reply_to_scheduled: false,
                forum_topic: false,
                quote: false,
                reply_to_ephemeral: false,
                reply_to_msg_id: Some(id),
                reply_to_peer_id: None,
                reply_from: None,
                reply_media: None,
                reply_to_top_id: None,
                quote_text: None,
                quote_entities: None,
                quote_offset: None,
                todo_item_id: None,
                poll_option: None,
            })
        }),
        date: m.date,
        message: m.text.clone(),
        media: None,
        reply_markup: None,
        entities: m
            .entities
            .as_ref()
            .map(|list| list.iter().map(gram_entity).collect()),
        views: None,
        forwards: None,
        replies: None,
        edit_date: m.edit_date,
        post_author: None,
        grouped_id: None,
        reactions: None,
        restriction_reason: None,
        ttl_period: None,
        quick_reply_shortcut_id: None,
        effect: None,
        factcheck: None,
        report_delivery_until_date: None,
        paid_message_stars: None,
        suggested_post: None,
        schedule_repeat_period: None,
        summary_from_language: None,
        rich_message: None,
    })
}

/// The value in grammers' types (boxed: `enums::messages::Messages`).
pub fn gram(h: &History) -> gram::enums::messages::Messages {
    gram::enums::messages::Messages::Messages(gram::types::messages::Messages {
        messages: h.messages.iter().map(gram_message).collect(),
        topics: Vec::new(),
        chats: h.chats.iter().map(gram_chat).collect(),
        users: h.users.iter().map(gram_user).collect(),
    })
}
