//! The generated types against TDLib's JSON, with no TDLib: requests as
//! `td_send` takes them, and updates and answers as `td_receive` gives
//! them, written out here as TDLib writes them.

use td_bot_types::{enums, functions, types};
use tl_core::TlFunction;

/// A request as TDLib's JSON, checked against the text the test expects,
/// and read back into the same value.
fn assert_td_json<F>(request: &F, expected: &str)
where
    F: TlFunction + tl_core::json::JsonEncode + for<'de> tl_core::json::JsonDecode<'de>,
    F: PartialEq + std::fmt::Debug,
{
    let json = tl_core::json::to_string_td(request).expect("a request serializes");
    assert_eq!(json, expected);
    assert_eq!(&tl_core::json::from_str::<F>(&json).unwrap(), request);
}

fn text_message(chat_id: i64, text: &str) -> functions::SendMessage {
    functions::SendMessage {
        chat_id,
        topic_id: None,
        reply_to: None,
        options: None,
        reply_markup: None,
        input_message_content: enums::InputMessageContent::InputMessageText(
            types::InputMessageText {
                text: types::FormattedText {
                    text: text.into(),
                    entities: vec![],
                },
                link_preview_options: None,
                clear_draft: false,
            },
        ),
    }
}

#[test]
fn a_text_message() {
    // Optional objects left `None` are left out, which TDLib reads as null.
    assert_td_json(
        &text_message(123456789, "Hello"),
        r#"{"@type":"sendMessage","chat_id":123456789,"input_message_content":{"@type":"inputMessageText","text":{"@type":"formattedText","text":"Hello","entities":[]},"clear_draft":false}}"#,
    );
}

#[test]
fn a_reply_in_bold_without_notification() {
    let mut request = text_message(-1001234567890, "Done");
    request.reply_to = Some(enums::InputMessageReplyTo::Message(
        types::InputMessageReplyToMessage {
            message_id: 1048576,
            quote: None,
            checklist_task_id: 0,
            poll_option_id: String::new(),
        },
    ));
    request.options = Some(types::MessageSendOptions {
        suggested_post_info: None,
        disable_notification: true,
        from_background: false,
        protect_content: false,
        allow_paid_broadcast: false,
        paid_message_star_count: 0,
        update_order_of_installed_sticker_sets: false,
        scheduling_state: None,
        effect_id: 0,
        sending_id: 0,
        only_preview: false,
    });
    if let enums::InputMessageContent::InputMessageText(content) =
        &mut request.input_message_content
    {
        content.text.entities.push(types::TextEntity {
            offset: 0,
            length: 4,
            r#type: enums::TextEntityType::Bold(types::TextEntityTypeBold {}),
        });
    }
    // int53 fields (ids, star counts) are numbers, int64 (`effect_id`) is
    // a string: TDLib's JSON rules, which the schema's types decide.
    assert_td_json(
        &request,
        concat!(
            r#"{"@type":"sendMessage","chat_id":-1001234567890,"#,
            r#""reply_to":{"@type":"inputMessageReplyToMessage","message_id":1048576,"checklist_task_id":0,"poll_option_id":""},"#,
            r#""options":{"@type":"messageSendOptions","disable_notification":true,"from_background":false,"#,
            r#""protect_content":false,"allow_paid_broadcast":false,"paid_message_star_count":0,"#,
            r#""update_order_of_installed_sticker_sets":false,"effect_id":"0","sending_id":0,"only_preview":false},"#,
            r#""input_message_content":{"@type":"inputMessageText","text":{"@type":"formattedText","text":"Done","#,
            r#""entities":[{"@type":"textEntity","offset":0,"length":4,"type":{"@type":"textEntityTypeBold"}}]},"#,
            r#""clear_draft":false}}"#,
        ),
    );
}

#[test]
fn logging_in_as_a_bot() {
    // `bytes` are base64.
    assert_td_json(
        &functions::SetTdlibParameters {
            use_test_dc: false,
            database_directory: "tdlib".into(),
            files_directory: String::new(),
            database_encryption_key: b"key".to_vec(),
            use_file_database: false,
            use_chat_info_database: true,
            use_message_database: true,
            use_secret_chats: false,
            api_id: 94575,
            api_hash: "a3406de8d171bb422bb6ddf3bbd800e2".into(),
            system_language_code: "en".into(),
            device_model: "Server".into(),
            system_version: String::new(),
            application_version: "1.0".into(),
        },
        concat!(
            r#"{"@type":"setTdlibParameters","use_test_dc":false,"database_directory":"tdlib","#,
            r#""files_directory":"","database_encryption_key":"a2V5","use_file_database":false,"#,
            r#""use_chat_info_database":true,"use_message_database":true,"use_secret_chats":false,"#,
            r#""api_id":94575,"api_hash":"a3406de8d171bb422bb6ddf3bbd800e2","system_language_code":"en","#,
            r#""device_model":"Server","system_version":"","application_version":"1.0"}"#,
        ),
    );
    assert_td_json(
        &functions::CheckAuthenticationBotToken {
            token: "123456:ABC-DEF".into(),
        },
        r#"{"@type":"checkAuthenticationBotToken","token":"123456:ABC-DEF"}"#,
    );
    assert_td_json(&functions::GetMe {}, r#"{"@type":"getMe"}"#);
}

#[test]
fn reading_a_chat() {
    assert_td_json(
        &functions::GetChat {
            chat_id: -1001234567890,
        },
        r#"{"@type":"getChat","chat_id":-1001234567890}"#,
    );
    assert_td_json(
        &functions::GetChatHistory {
            chat_id: -1001234567890,
            from_message_id: 0,
            offset: 0,
            limit: 50,
            only_local: false,
        },
        r#"{"@type":"getChatHistory","chat_id":-1001234567890,"from_message_id":0,"offset":0,"limit":50,"only_local":false}"#,
    );
}

/// A private "/start" to the bot, as TDLib 1.8 sends it: null objects are
/// left out, int64 are strings, doubles have six decimals.
const NEW_MESSAGE: &str = r#"{"@type":"updateNewMessage","message":{"@type":"message","id":1048576,"sender_id":{"@type":"messageSenderUser","user_id":987654321},"chat_id":987654321,"is_outgoing":false,"is_pinned":false,"is_from_offline":false,"can_be_saved":true,"has_timestamped_media":true,"is_channel_post":false,"is_paid_star_suggested_post":false,"is_paid_ton_suggested_post":false,"contains_unread_mention":false,"contains_unread_poll_votes":false,"date":1747130000,"edit_date":0,"unread_reactions":[],"self_destruct_in":0.000000,"auto_delete_in":0.000000,"via_bot_user_id":0,"sender_business_bot_user_id":0,"sender_boost_count":0,"sender_tag":"","paid_message_star_count":0,"author_signature":"","media_album_id":"0","effect_id":"0","summary_language_code":"","content":{"@type":"messageText","text":{"@type":"formattedText","text":"/start","entities":[{"@type":"textEntity","offset":0,"length":6,"type":{"@type":"textEntityTypeBotCommand"}}]}}},"@client_id":1}"#;

#[test]
fn a_new_message() {
    let update: enums::Update = tl_core::json::from_str(NEW_MESSAGE).unwrap();
    let enums::Update::NewMessage(types::UpdateNewMessage { message }) = &update else {
        panic!("not a new message: {update:?}");
    };
    assert_eq!((message.id, message.chat_id), (1048576, 987654321));
    assert_eq!(
        message.sender_id,
        enums::MessageSender::User(types::MessageSenderUser { user_id: 987654321 })
    );
    assert_eq!(message.reply_to, None);
    let enums::MessageContent::MessageText(content) = &*message.content else {
        panic!("not a text message: {:?}", message.content);
    };
    assert_eq!(
        content.text,
        types::FormattedText {
            text: "/start".into(),
            entities: vec![types::TextEntity {
                offset: 0,
                length: 6,
                r#type: enums::TextEntityType::BotCommand(types::TextEntityTypeBotCommand {}),
            }],
        }
    );

    // Our JSON differs from TDLib's only in how it writes the doubles
    // (`0.0`); it reads back to the same value.
    let ours = tl_core::json::to_string_td(&update).unwrap();
    assert!(ours.contains(r#""self_destruct_in":0.0,"#), "{ours}");
    assert_eq!(
        tl_core::json::from_str::<enums::Update>(&ours).unwrap(),
        update
    );
}

#[test]
fn authorization_states_are_typed() {
    let text = r#"{"@type":"updateAuthorizationState","authorization_state":{"@type":"authorizationStateWaitTdlibParameters"},"@client_id":1}"#;
    let update: enums::Update = tl_core::json::from_str(text).unwrap();
    assert_eq!(
        update,
        enums::Update::AuthorizationState(types::UpdateAuthorizationState {
            authorization_state: enums::AuthorizationState::WaitTdlibParameters(
                types::AuthorizationStateWaitTdlibParameters {}
            ),
        })
    );
}

#[test]
fn updates_the_bot_did_not_name_are_kept() {
    // One TDLib sends that the build left out, and one no TDLib has yet:
    // both come through `Other` with their name, and go back out as they
    // came, `@client_id` included.
    for text in [
        r#"{"@type":"updateOption","name":"version","value":{"@type":"optionValueString","value":"1.8.67"},"@client_id":1}"#,
        r#"{"@type":"updateFoo","foo":{"@type":"fooBar","ids":["1",2],"ok":true,"nothing":null},"@client_id":1}"#,
    ] {
        let update: enums::Update = tl_core::json::from_str(text).unwrap();
        let enums::Update::Other(unknown) = &update else {
            panic!("declared: {update:?}");
        };
        let tag = tl_core::json::envelope(text).unwrap().tag;
        assert_eq!(unknown.name(), tag.as_deref());
        assert_eq!(tl_core::json::to_string_td(&update).unwrap(), text);
    }
}

#[test]
fn answers_are_read_as_the_request_says() {
    // The caller names the request; the reply is its `Return` or TDLib's
    // error, with the request's `@extra`.
    let reply = tl_core::json::reply_from_str::<functions::TestSquareInt>(
        r#"{"@type":"testInt","value":144,"@extra":"square","@client_id":1}"#,
    )
    .unwrap();
    assert_eq!(
        reply.result,
        Ok(enums::TestInt::TestInt(types::TestInt { value: 144 }))
    );
    assert_eq!(reply.extra.unwrap().get(), r#""square""#);

    let reply = tl_core::json::reply_from_str::<functions::CheckAuthenticationBotToken>(
        r#"{"@type":"error","code":401,"message":"ACCESS_TOKEN_INVALID","@extra":7}"#,
    )
    .unwrap();
    assert_eq!(
        reply.result,
        Err(tl_core::TdError {
            code: 401,
            message: "ACCESS_TOKEN_INVALID".into()
        })
    );
    assert_eq!(reply.extra.unwrap().get(), "7");
}
