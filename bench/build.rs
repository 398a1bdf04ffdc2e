//! Generates the `messages.messages` case's types (`src/telegram.rs`) from
//! the repository's `telegram_api.tl` (layer 227) with tl-gen, as a user's
//! build script would: `only(["messages.messages"])`, that constructor and
//! everything its fields reach (`Message`, `User`, `Chat`, ... : 486
//! structs and 115 enums).
//!
//! Two lines of the value's constructors changed between layer 227 and
//! layer 230 (grammers-tl-types 0.11): `user` (a new `flags2.21?long`, hence
//! a new id) and `messageReplyHeader` (a new `flags.13?true`, same id).
//! They are replaced here by layer 230's lines, so that every constructor
//! the value uses is declared exactly as grammers declares it; the schema
//! file itself is not changed.

use std::path::Path;

const SCHEMA: &str = "../tests/whole-schema/schemas/telegram_api.tl";

/// (layer 227's line starts with, layer 230's whole line)
const LAYER_230: &[(&str, &str)] = &[
    (
        "user#31774388 ",
        "user#b1b8cc83 flags:# self:flags.10?true contact:flags.11?true mutual_contact:flags.12?true deleted:flags.13?true bot:flags.14?true bot_chat_history:flags.15?true bot_nochats:flags.16?true verified:flags.17?true restricted:flags.18?true min:flags.20?true bot_inline_geo:flags.21?true support:flags.23?true scam:flags.24?true apply_min_photo:flags.25?true fake:flags.26?true bot_attach_menu:flags.27?true premium:flags.28?true attach_menu_enabled:flags.29?true flags2:# bot_can_edit:flags2.1?true close_friend:flags2.2?true stories_hidden:flags2.3?true stories_unavailable:flags2.4?true contact_require_premium:flags2.10?true bot_business:flags2.11?true bot_has_main_app:flags2.13?true bot_forum_view:flags2.16?true bot_forum_can_manage_topics:flags2.17?true bot_can_manage_bots:flags2.18?true bot_guestchat:flags2.19?true bot_guard:flags2.20?true id:long access_hash:flags.0?long first_name:flags.1?string last_name:flags.2?string username:flags.3?string phone:flags.4?string photo:flags.5?UserProfilePhoto status:flags.6?UserStatus bot_info_version:flags.14?int restriction_reason:flags.18?Vector<RestrictionReason> bot_inline_placeholder:flags.19?string lang_code:flags.22?string emoji_status:flags.30?EmojiStatus usernames:flags2.0?Vector<Username> stories_max_id:flags2.5?RecentStory color:flags2.8?PeerColor profile_color:flags2.9?PeerColor bot_active_users:flags2.12?int bot_verification_icon:flags2.14?long send_paid_messages_stars:flags2.15?long linked_community_id:flags2.21?long = User;",
    ),
    (
        "messageReplyHeader#1b97dd66 ",
        "messageReplyHeader#1b97dd66 flags:# reply_to_scheduled:flags.2?true forum_topic:flags.3?true quote:flags.9?true reply_to_ephemeral:flags.13?true reply_to_msg_id:flags.4?int reply_to_peer_id:flags.0?Peer reply_from:flags.5?MessageFwdHeader reply_media:flags.8?MessageMedia reply_to_top_id:flags.1?int quote_text:flags.6?string quote_entities:flags.7?Vector<MessageEntity> quote_offset:flags.10?int todo_item_id:flags.11?int poll_option:flags.12?bytes = MessageReplyHeader;",
    ),
];

fn main() {
    println!("cargo:rerun-if-changed={SCHEMA}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(SCHEMA).unwrap_or_else(|e| panic!("{SCHEMA}: {e}"));
    let mut replaced = vec![false; LAYER_230.len()];
    let text: String = text
        .lines()
        .map(|line| {
            for (i, (start, new)) in LAYER_230.iter().enumerate() {
                if line.starts_with(start) {
                    replaced[i] = true;
                    return format!("{new}\n");
                }
            }
            format!("{line}\n")
        })
        .collect();
    for (done, (start, _)) in replaced.iter().zip(LAYER_230) {
        assert!(done, "{SCHEMA} has no line starting with {start:?}");
    }
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("telegram_api.rs");
    tl_gen::Config::new()
        .dialect(tl_gen::Dialect::Mtproto)
        .only(["messages.messages"])
        // What the fixture check needs; fewer derives build faster.
        .derives(["Debug", "PartialEq"])
        .functions(false)
        .generate("telegram_api.tl", &text)
        .and_then(|generated| generated.write(&out))
        .unwrap_or_else(|e| panic!("{e}"));
}
