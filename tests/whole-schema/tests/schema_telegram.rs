//! The whole-schema proof for Telegram layer 227's `telegram_api.tl`:
//! every constructor and every function as a derived Rust type (crate
//! `whole-schema-telegram`), with its official id and schema line,
//! round-tripping a sample value through binary and JSON. One
//! test binary per schema, and the types in their own crate, keep each
//! rustc process within a laptop's memory.

#[macro_use]
mod whole_schema;

// Only builtins are skipped: `int ? = Int` and the other boxed primitives, generic `vector`.
// Forced ids: the five constructors of DESIGN.md's list in this file and
// the four `invokeWith*Prefix` functions, which share the ids of the
// generic `invokeWith*` wrappers whose first fields they are. Generic: the
// eleven `{X:Type} ... query:!X = X` wrappers, each checked with
// `help.getConfig` as its query. `test.useConfigSimple` and
// `test.parseInputAppEvent` have no id: the CRC of their line is theirs.
schema_tests!(
    telegram_api from whole_schema_telegram and whole_schema_telegram_functions, "telegram_api.tl",
    constructors: 1626, functions: 796, generic: 11, skipped: 5, mtproto: true,
    forced: (5, 4),
    nullable: 0, nullable_elements: 0, kept_non_null: 0,
    nullable_parameters: 0, nullable_parameter_elements: 0, kept_non_null_parameters: 0
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
    telegram_api::types::auth::Authorization => grammers_tl_types::types::auth::Authorization,
    telegram_api::types::auth::AuthorizationSignUpRequired => grammers_tl_types::types::auth::AuthorizationSignUpRequired,
    telegram_api::types::Message => grammers_tl_types::types::Message,
    telegram_api::types::MessageService => grammers_tl_types::types::MessageService,
    telegram_api::types::MessageEntityTextUrl => grammers_tl_types::types::MessageEntityTextUrl,
    telegram_api::types::help::TermsOfService => grammers_tl_types::types::help::TermsOfService,
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
    telegram_api::types::contacts::Contacts => grammers_tl_types::types::contacts::Contacts,
    telegram_api::types::UpdateShort => grammers_tl_types::types::UpdateShort,
    telegram_api::types::UpdateNewMessage => grammers_tl_types::types::UpdateNewMessage,
    telegram_api::types::messages::Messages => grammers_tl_types::types::messages::Messages,
    telegram_api::types::messages::Dialogs => grammers_tl_types::types::messages::Dialogs,
    telegram_api::types::Dialog => grammers_tl_types::types::Dialog,
    telegram_api::types::PeerNotifySettings => grammers_tl_types::types::PeerNotifySettings,
    telegram_api::types::Poll => grammers_tl_types::types::Poll,
    telegram_api::types::PollAnswer => grammers_tl_types::types::PollAnswer,
    telegram_api::types::PollResults => grammers_tl_types::types::PollResults,
    telegram_api::types::RestrictionReason => grammers_tl_types::types::RestrictionReason,
    telegram_api::types::Username => grammers_tl_types::types::Username,
    telegram_api::types::WallPaper => grammers_tl_types::types::WallPaper,
    telegram_api::types::messages::StickerSet => grammers_tl_types::types::messages::StickerSet,
    telegram_api::types::StickerSet => grammers_tl_types::types::StickerSet,
    telegram_api::types::MessageReactions => grammers_tl_types::types::MessageReactions,
    telegram_api::types::ReactionCount => grammers_tl_types::types::ReactionCount,
    telegram_api::types::account::Password => grammers_tl_types::types::account::Password,
    telegram_api::types::EmojiStatus => grammers_tl_types::types::EmojiStatus,
    telegram_api::types::MessageFwdHeader => grammers_tl_types::types::MessageFwdHeader,
    telegram_api::types::MessageReplyHeader => grammers_tl_types::types::MessageReplyHeader,
    telegram_api::types::StoryItem => grammers_tl_types::types::StoryItem,
    telegram_api::types::PremiumGiftCodeOption => grammers_tl_types::types::PremiumGiftCodeOption,
    telegram_api::types::StarsTransaction => grammers_tl_types::types::StarsTransaction,
    };
    whole_schema::run_cross_checks("constructors", &checks, 40);
}

/// Our requests' bytes against grammers-tl-types': functions whose lines,
/// and the lines of every constructor their samples may hold, are the same
/// in both layers (flags words and conditional fields, vectors, nested
/// objects, `= Bool` and `= Vector<...>` results), then every generic
/// wrapper, with `help.getConfig` as its query.
#[test]
fn function_bytes_agree_with_grammers() {
    let checks = function_cross_checks! {
    telegram_api::functions::auth::SendCode => grammers_tl_types::functions::auth::SendCode,
    telegram_api::functions::auth::ResendCode => grammers_tl_types::functions::auth::ResendCode,
    telegram_api::functions::auth::InitPasskeyLogin => grammers_tl_types::functions::auth::InitPasskeyLogin,
    telegram_api::functions::account::DeleteAccount => grammers_tl_types::functions::account::DeleteAccount,
    telegram_api::functions::account::ConfirmPhone => grammers_tl_types::functions::account::ConfirmPhone,
    telegram_api::functions::account::VerifyPhone => grammers_tl_types::functions::account::VerifyPhone,
    telegram_api::functions::account::SaveWallPaper => grammers_tl_types::functions::account::SaveWallPaper,
    telegram_api::functions::account::SetContentSettings => grammers_tl_types::functions::account::SetContentSettings,
    telegram_api::functions::account::SaveRingtone => grammers_tl_types::functions::account::SaveRingtone,
    telegram_api::functions::account::DeleteAutoSaveExceptions => grammers_tl_types::functions::account::DeleteAutoSaveExceptions,
    telegram_api::functions::account::GetBotBusinessConnection => grammers_tl_types::functions::account::GetBotBusinessConnection,
    telegram_api::functions::account::GetCollectibleEmojiStatuses => grammers_tl_types::functions::account::GetCollectibleEmojiStatuses,
    telegram_api::functions::account::UpdateWebBrowserSettings => grammers_tl_types::functions::account::UpdateWebBrowserSettings,
    telegram_api::functions::contacts::GetContacts => grammers_tl_types::functions::contacts::GetContacts,
    telegram_api::functions::contacts::ToggleTopPeers => grammers_tl_types::functions::contacts::ToggleTopPeers,
    telegram_api::functions::messages::GetDialogs => grammers_tl_types::functions::messages::GetDialogs,
    telegram_api::functions::messages::EditChatTitle => grammers_tl_types::functions::messages::EditChatTitle,
    telegram_api::functions::messages::SendEncryptedFile => grammers_tl_types::functions::messages::SendEncryptedFile,
    telegram_api::functions::messages::UninstallStickerSet => grammers_tl_types::functions::messages::UninstallStickerSet,
    telegram_api::functions::messages::SetBotCallbackAnswer => grammers_tl_types::functions::messages::SetBotCallbackAnswer,
    telegram_api::functions::messages::GetGameHighScores => grammers_tl_types::functions::messages::GetGameHighScores,
    telegram_api::functions::messages::UploadEncryptedFile => grammers_tl_types::functions::messages::UploadEncryptedFile,
    telegram_api::functions::messages::GetEmojiKeywordsLanguages => grammers_tl_types::functions::messages::GetEmojiKeywordsLanguages,
    telegram_api::functions::messages::GetDialogFilters => grammers_tl_types::functions::messages::GetDialogFilters,
    telegram_api::functions::messages::StartHistoryImport => grammers_tl_types::functions::messages::StartHistoryImport,
    telegram_api::functions::messages::GetSearchResultsCalendar => grammers_tl_types::functions::messages::GetSearchResultsCalendar,
    telegram_api::functions::messages::GetUnreadReactions => grammers_tl_types::functions::messages::GetUnreadReactions,
    telegram_api::functions::messages::GetFeaturedEmojiStickers => grammers_tl_types::functions::messages::GetFeaturedEmojiStickers,
    telegram_api::functions::messages::SearchCustomEmoji => grammers_tl_types::functions::messages::SearchCustomEmoji,
    telegram_api::functions::messages::GetDefaultTagReactions => grammers_tl_types::functions::messages::GetDefaultTagReactions,
    telegram_api::functions::messages::GetEmojiStickerGroups => grammers_tl_types::functions::messages::GetEmojiStickerGroups,
    telegram_api::functions::messages::GetPreparedInlineMessage => grammers_tl_types::functions::messages::GetPreparedInlineMessage,
    telegram_api::functions::messages::CreateForumTopic => grammers_tl_types::functions::messages::CreateForumTopic,
    telegram_api::functions::messages::GetUnreadPollVotes => grammers_tl_types::functions::messages::GetUnreadPollVotes,
    telegram_api::functions::photos::GetUserPhotos => grammers_tl_types::functions::photos::GetUserPhotos,
    telegram_api::functions::help::GetSupport => grammers_tl_types::functions::help::GetSupport,
    telegram_api::functions::help::GetPromoData => grammers_tl_types::functions::help::GetPromoData,
    telegram_api::functions::channels::GetParticipants => grammers_tl_types::functions::channels::GetParticipants,
    telegram_api::functions::channels::DeleteChannel => grammers_tl_types::functions::channels::DeleteChannel,
    telegram_api::functions::channels::ToggleSlowMode => grammers_tl_types::functions::channels::ToggleSlowMode,
    telegram_api::functions::channels::ReportAntiSpamFalsePositive => grammers_tl_types::functions::channels::ReportAntiSpamFalsePositive,
    telegram_api::functions::channels::GetMessageAuthor => grammers_tl_types::functions::channels::GetMessageAuthor,
    telegram_api::functions::bots::ToggleUsername => grammers_tl_types::functions::bots::ToggleUsername,
    telegram_api::functions::bots::GetBotRecommendations => grammers_tl_types::functions::bots::GetBotRecommendations,
    telegram_api::functions::payments::CheckGiftCode => grammers_tl_types::functions::payments::CheckGiftCode,
    telegram_api::functions::payments::GetStarsSubscriptions => grammers_tl_types::functions::payments::GetStarsSubscriptions,
    telegram_api::functions::payments::EditConnectedStarRefBot => grammers_tl_types::functions::payments::EditConnectedStarRefBot,
    telegram_api::functions::payments::CreateStarGiftCollection => grammers_tl_types::functions::payments::CreateStarGiftCollection,
    telegram_api::functions::payments::GetStarGiftUpgradeAttributes => grammers_tl_types::functions::payments::GetStarGiftUpgradeAttributes,
    telegram_api::functions::stickers::DeleteStickerSet => grammers_tl_types::functions::stickers::DeleteStickerSet,
    telegram_api::functions::phone::JoinGroupCall => grammers_tl_types::functions::phone::JoinGroupCall,
    telegram_api::functions::phone::ExportGroupCallInvite => grammers_tl_types::functions::phone::ExportGroupCallInvite,
    telegram_api::functions::phone::InviteConferenceCallParticipant => grammers_tl_types::functions::phone::InviteConferenceCallParticipant,
    telegram_api::functions::langpack::GetLanguage => grammers_tl_types::functions::langpack::GetLanguage,
    telegram_api::functions::chatlists::EditExportedInvite => grammers_tl_types::functions::chatlists::EditExportedInvite,
    telegram_api::functions::stories::GetAllStories => grammers_tl_types::functions::stories::GetAllStories,
    telegram_api::functions::stories::SendReaction => grammers_tl_types::functions::stories::SendReaction,
    telegram_api::functions::stories::DeleteAlbum => grammers_tl_types::functions::stories::DeleteAlbum,
    telegram_api::functions::smsjobs::GetStatus => grammers_tl_types::functions::smsjobs::GetStatus,
    telegram_api::functions::help::GetConfig => grammers_tl_types::functions::help::GetConfig,
    telegram_api::functions::messages::GetHistory => grammers_tl_types::functions::messages::GetHistory,
    telegram_api::functions::messages::GetMessages => grammers_tl_types::functions::messages::GetMessages,
    telegram_api::functions::messages::Search => grammers_tl_types::functions::messages::Search,
    telegram_api::functions::messages::ReceivedMessages => grammers_tl_types::functions::messages::ReceivedMessages,
    telegram_api::functions::users::GetFullUser => grammers_tl_types::functions::users::GetFullUser,
    telegram_api::functions::account::GetAuthorizations => grammers_tl_types::functions::account::GetAuthorizations,
    telegram_api::functions::updates::GetDifference => grammers_tl_types::functions::updates::GetDifference,
    telegram_api::functions::auth::SignIn => grammers_tl_types::functions::auth::SignIn,
    telegram_api::functions::contacts::ResolveUsername => grammers_tl_types::functions::contacts::ResolveUsername,
    };
    whole_schema::run_cross_checks("functions", &checks, 50);
}

/// Every generic wrapper of the schema, with `help.getConfig` as its query.
#[test]
fn generic_function_bytes_agree_with_grammers() {
    use grammers_tl_types::functions as G;
    use telegram_api::functions as F;
    use whole_schema::Boxed as Q;
    let checks = function_cross_checks! {
    F::InvokeAfterMsg<F::help::GetConfig> => G::InvokeAfterMsg<Q<G::help::GetConfig>>,
    F::InvokeAfterMsgs<F::help::GetConfig> => G::InvokeAfterMsgs<Q<G::help::GetConfig>>,
    F::InitConnection<F::help::GetConfig> => G::InitConnection<Q<G::help::GetConfig>>,
    F::InvokeWithLayer<F::help::GetConfig> => G::InvokeWithLayer<Q<G::help::GetConfig>>,
    F::InvokeWithoutUpdates<F::help::GetConfig> => G::InvokeWithoutUpdates<Q<G::help::GetConfig>>,
    F::InvokeWithMessagesRange<F::help::GetConfig> => G::InvokeWithMessagesRange<Q<G::help::GetConfig>>,
    F::InvokeWithTakeout<F::help::GetConfig> => G::InvokeWithTakeout<Q<G::help::GetConfig>>,
    F::InvokeWithBusinessConnection<F::help::GetConfig> => G::InvokeWithBusinessConnection<Q<G::help::GetConfig>>,
    F::InvokeWithGooglePlayIntegrity<F::help::GetConfig> => G::InvokeWithGooglePlayIntegrity<Q<G::help::GetConfig>>,
    F::InvokeWithApnsSecret<F::help::GetConfig> => G::InvokeWithApnsSecret<Q<G::help::GetConfig>>,
    F::InvokeWithReCaptcha<F::help::GetConfig> => G::InvokeWithReCaptcha<Q<G::help::GetConfig>>,
    };
    whole_schema::run_cross_checks("generic functions", &checks, 11);
}

/// An MTProto client's first request, two generic functions deep,
/// `invokeWithLayer(initConnection(help.getConfig))`, with
/// `initConnection`'s flags word and both its conditional fields set: our
/// bytes are grammers', each value built by hand, and each side reads the
/// other's.
#[test]
fn a_nested_request_agrees_with_grammers() {
    use grammers_tl_types::{
        Deserializable, Serializable, enums as ge, functions as gf, types as gt,
    };
    use telegram_api::{enums, functions, types};
    use whole_schema::Boxed;

    type Ours = functions::InvokeWithLayer<functions::InitConnection<functions::help::GetConfig>>;
    type Theirs = gf::InvokeWithLayer<Boxed<gf::InitConnection<Boxed<gf::help::GetConfig>>>>;
    // Compiles only if the nested request returns `help.getConfig`'s result.
    const _: () = whole_schema::returns::<Ours, enums::Config>();

    let ours: Ours = functions::InvokeWithLayer {
        layer: 227,
        query: functions::InitConnection {
            flags: tl_core::Flags,
            api_id: 6,
            device_model: "tl-derive".into(),
            system_version: "Linux".into(),
            app_version: "0.1".into(),
            system_lang_code: "en".into(),
            lang_pack: String::new(),
            lang_code: "en".into(),
            proxy: Some(enums::InputClientProxy::InputClientProxy(
                types::InputClientProxy {
                    address: "127.0.0.1".into(),
                    port: 1080,
                },
            )),
            params: Some(enums::JSONValue::JsonObject(types::JsonObject {
                value: vec![enums::JSONObjectValue::JsonObjectValue(
                    types::JsonObjectValue {
                        key: "tz_offset".into(),
                        value: enums::JSONValue::JsonNumber(types::JsonNumber { value: 3600.0 }),
                    },
                )],
            })),
            query: functions::help::GetConfig {},
        },
    };
    let theirs: Theirs = gf::InvokeWithLayer {
        layer: 227,
        query: Boxed(gf::InitConnection {
            api_id: 6,
            device_model: "tl-derive".into(),
            system_version: "Linux".into(),
            app_version: "0.1".into(),
            system_lang_code: "en".into(),
            lang_pack: String::new(),
            lang_code: "en".into(),
            proxy: Some(ge::InputClientProxy::Proxy(gt::InputClientProxy {
                address: "127.0.0.1".into(),
                port: 1080,
            })),
            params: Some(ge::Jsonvalue::JsonObject(gt::JsonObject {
                value: vec![ge::JsonobjectValue::JsonObjectValue(gt::JsonObjectValue {
                    key: "tz_offset".into(),
                    value: ge::Jsonvalue::JsonNumber(gt::JsonNumber { value: 3600.0 }),
                })],
            })),
            query: Boxed(gf::help::GetConfig {}),
        }),
    };
    let bytes = tl_core::to_bytes(&ours).expect("encode");
    assert_eq!(bytes, theirs.to_bytes());
    assert_eq!(bytes[..4], 0xda9b0d0du32.to_le_bytes());
    assert_eq!(bytes[4..8], 227i32.to_le_bytes());
    // The query boxed: initConnection's id, then its flags word with both
    // conditional fields present; the innermost query ends the request.
    assert_eq!(bytes[8..12], 0xc1cd5ea9u32.to_le_bytes());
    assert_eq!(bytes[12..16], 0b11u32.to_le_bytes());
    assert_eq!(bytes[bytes.len() - 4..], 0xc4f9186bu32.to_le_bytes());

    let read_by_grammers = Theirs::from_bytes(&bytes[4..]).expect("grammers decodes our bytes");
    assert!(read_by_grammers == theirs);
    let read_by_us: Ours =
        tl_core::from_bytes(&theirs.to_bytes()).expect("we decode grammers' bytes");
    assert_eq!(tl_core::to_bytes(&read_by_us).expect("encode"), bytes);
    assert!(read_by_us.query.proxy.is_some() && read_by_us.query.params.is_some());

    // And the generated sample of the same nesting, flags set as above.
    let checks = function_cross_checks! {
        functions::InvokeWithLayer<functions::InitConnection<functions::help::GetConfig>> => Theirs,
    };
    whole_schema::run_cross_checks("nested functions", &checks, 1);
    let sample =
        tl_core::to_bytes(&<Ours as whole_schema::Sample>::sample(0, false)).expect("encode");
    assert_eq!(sample[12..16], 0b11u32.to_le_bytes());
}
