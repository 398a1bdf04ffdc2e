//! The whole-schema proof for Telegram layer 227's `telegram_api.tl`: every constructor as a
//! derived Rust type (crate `whole-schema-telegram`), with its official id and
//! schema line, round-tripping a sample value through binary and JSON. One
//! test binary per schema, and the types in their own crate, keep each
//! rustc process within a laptop's memory.

#[macro_use]
mod whole_schema;

// Only builtins are skipped: `int ? = Int` and the other boxed primitives, generic `vector`.
schema_tests!(
    telegram_api from whole_schema_telegram, "telegram_api.tl",
    constructors: 1626, skipped: 5, mtproto: true,
    nullable: 0, nullable_elements: 0, kept_non_null: 0
);

/// Our bytes against grammers-tl-types' (an independent implementation,
/// layer 230 against our layer 227): constructors whose ids agree in both
/// layers, with flags, vectors, int128/int256 and nested objects. Left
/// out: userFull, chatFull, channelFull, keyboardButtonRow and botInfo,
/// whose samples nest constructors that layer 230 no longer has.
#[test]
fn bytes_agree_with_grammers() {
    let checks = cross_checks! {
    telegram_api::types::Authorization => grammers_tl_types::types::Authorization,
    telegram_api::types::AuthAuthorization => grammers_tl_types::types::auth::Authorization,
    telegram_api::types::AuthAuthorizationSignUpRequired => grammers_tl_types::types::auth::AuthorizationSignUpRequired,
    telegram_api::types::Message => grammers_tl_types::types::Message,
    telegram_api::types::MessageService => grammers_tl_types::types::MessageService,
    telegram_api::types::MessageEntityTextUrl => grammers_tl_types::types::MessageEntityTextUrl,
    telegram_api::types::HelpTermsOfService => grammers_tl_types::types::help::TermsOfService,
    telegram_api::types::DataJSON => grammers_tl_types::types::DataJson,
    telegram_api::types::Photo => grammers_tl_types::types::Photo,
    telegram_api::types::PhotoSize => grammers_tl_types::types::PhotoSize,
    telegram_api::types::PhotoStrippedSize => grammers_tl_types::types::PhotoStrippedSize,
    telegram_api::types::Document => grammers_tl_types::types::Document,
    telegram_api::types::DocumentAttributeVideo => grammers_tl_types::types::DocumentAttributeVideo,
    telegram_api::types::PeerUser => grammers_tl_types::types::PeerUser,
    telegram_api::types::InputPeerUser => grammers_tl_types::types::InputPeerUser,
    telegram_api::types::DcOption => grammers_tl_types::types::DcOption,
    telegram_api::types::Config => grammers_tl_types::types::Config,
    telegram_api::types::ChatPhoto => grammers_tl_types::types::ChatPhoto,
    telegram_api::types::UserProfilePhoto => grammers_tl_types::types::UserProfilePhoto,
    telegram_api::types::MessageMediaPhoto => grammers_tl_types::types::MessageMediaPhoto,
    telegram_api::types::Chat => grammers_tl_types::types::Chat,
    telegram_api::types::ReplyKeyboardMarkup => grammers_tl_types::types::ReplyKeyboardMarkup,
    telegram_api::types::ContactsContacts => grammers_tl_types::types::contacts::Contacts,
    telegram_api::types::UpdateShort => grammers_tl_types::types::UpdateShort,
    telegram_api::types::UpdateNewMessage => grammers_tl_types::types::UpdateNewMessage,
    telegram_api::types::MessagesMessages => grammers_tl_types::types::messages::Messages,
    telegram_api::types::MessagesDialogs => grammers_tl_types::types::messages::Dialogs,
    telegram_api::types::Dialog => grammers_tl_types::types::Dialog,
    telegram_api::types::PeerNotifySettings => grammers_tl_types::types::PeerNotifySettings,
    telegram_api::types::Poll => grammers_tl_types::types::Poll,
    telegram_api::types::PollAnswer => grammers_tl_types::types::PollAnswer,
    telegram_api::types::PollResults => grammers_tl_types::types::PollResults,
    telegram_api::types::RestrictionReason => grammers_tl_types::types::RestrictionReason,
    telegram_api::types::Username => grammers_tl_types::types::Username,
    telegram_api::types::WallPaper => grammers_tl_types::types::WallPaper,
    telegram_api::types::MessagesStickerSet => grammers_tl_types::types::messages::StickerSet,
    telegram_api::types::StickerSet => grammers_tl_types::types::StickerSet,
    telegram_api::types::MessageReactions => grammers_tl_types::types::MessageReactions,
    telegram_api::types::ReactionCount => grammers_tl_types::types::ReactionCount,
    telegram_api::types::AccountPassword => grammers_tl_types::types::account::Password,
    telegram_api::types::EmojiStatus => grammers_tl_types::types::EmojiStatus,
    telegram_api::types::MessageFwdHeader => grammers_tl_types::types::MessageFwdHeader,
    telegram_api::types::MessageReplyHeader => grammers_tl_types::types::MessageReplyHeader,
    telegram_api::types::StoryItem => grammers_tl_types::types::StoryItem,
    telegram_api::types::PremiumGiftCodeOption => grammers_tl_types::types::PremiumGiftCodeOption,
    telegram_api::types::StarsTransaction => grammers_tl_types::types::StarsTransaction,
    };
    whole_schema::run_cross_checks(&checks, 40);
}
