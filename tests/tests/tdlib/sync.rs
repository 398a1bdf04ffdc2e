//! Synchronous requests (`td_execute`): each case shows that (a) our
//! derived type reads TDLib's answer, field for field; (b) TDLib reads the
//! request we write with `to_string_td` (its answer depends on what we
//! sent); and, where TDLib takes the answer's type as input, (c) our
//! re-serialization of TDLib's answer, sent back, is answered exactly as
//! TDLib's own text of it is.

use std::collections::BTreeSet;

use crate::client::td_execute;
use crate::types::{
    self, CleanFileName, CountryInfo, FormattedText, GetCountryFlagEmoji, GetFileExtension,
    GetFileMimeType, GetJsonString, GetJsonStringOfPartial, GetJsonValue, GetLogVerbosityLevel,
    GetMarkdownText, GetOption, GetPhoneNumberInfoSync, GetTextEntities, JsonObjectMember,
    JsonValue, OptionValue, ParseMarkdown, ParseTextEntities, PartialJsonValue,
    SearchStringsByPrefix, SetLogVerbosityLevel, TextEntity, TextEntityType, TextParseMode,
};
use crate::{assert_same_json, decode, execute, execute_ok, request_value};

/// The entity over the first `part` of `text`, with TDLib's offsets and
/// lengths in UTF-16 code units.
fn entity(text: &str, part: &str, r#type: TextEntityType) -> TextEntity {
    let start = text
        .find(part)
        .unwrap_or_else(|| panic!("{part:?} is not in {text:?}"));
    let units = |s: &str| i32::try_from(s.encode_utf16().count()).expect("a short text");
    TextEntity {
        offset: units(&text[..start]),
        length: units(part),
        r#type,
    }
}

/// (c): `ours`, a request holding our re-serialization of an object TDLib
/// sent, gets the answer that `theirs`, the same request holding TDLib's own
/// text of the object, gets. Returns that answer.
fn assert_answered_the_same<F: types::Function>(ours: &F, theirs: &str) -> F::Reply {
    let (reply, answer) = execute_ok(ours);
    assert_eq!(
        answer,
        td_execute(theirs),
        "TDLib answers our re-serialization (left) differently from its own text (right)"
    );
    reply
}

/// TDLib's text of an object, inside a request `{"@type":function,field:...}`.
fn request_around(function: &str, field: &str, object: &str) -> String {
    format!(r#"{{"@type":"{function}","{field}":{object}}}"#)
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn parse_text_entities_markdown() {
    let request = ParseTextEntities {
        text: "*bold* _italic_ __underline__ ~strike~ ||spoiler|| `code` ```rust\nfn main() {}``` \
               [link](https://example.org) [user](tg://user?id=123456789)"
            .into(),
        parse_mode: TextParseMode::Markdown { version: 2 },
    };
    let (formatted, answer) = execute_ok(&request);

    let text = "bold italic underline strike spoiler code fn main() {} link user";
    use TextEntityType as E;
    let expected = FormattedText {
        text: text.into(),
        entities: vec![
            entity(text, "bold", E::Bold),
            entity(text, "italic", E::Italic),
            entity(text, "underline", E::Underline),
            entity(text, "strike", E::Strikethrough),
            entity(text, "spoiler", E::Spoiler),
            entity(text, "code", E::Code),
            entity(
                text,
                "fn main() {}",
                E::PreCode {
                    language: "rust".into(),
                },
            ),
            // TDLib normalizes the link.
            entity(
                text,
                "link",
                E::TextUrl {
                    url: "https://example.org/".into(),
                },
            ),
            // int53: TDLib writes the id as a number.
            entity(text, "user", E::MentionName { user_id: 123456789 }),
        ],
    };
    assert_eq!(formatted, expected);
    assert_same_json(&formatted, &answer);

    // Version 2 is what made `__underline__` underlined: TDLib read our
    // `parse_mode`. Markdown version 1 has no underline.
    let (v1, _) = execute_ok(&ParseTextEntities {
        text: "__underline__".into(),
        parse_mode: TextParseMode::Markdown { version: 1 },
    });
    assert!(
        v1.entities.iter().all(|e| e.r#type != E::Underline),
        "{v1:?}"
    );

    let markdown = assert_answered_the_same(
        &GetMarkdownText {
            text: formatted.clone(),
        },
        &request_around("getMarkdownText", "text", &answer),
    );
    assert!(
        markdown.text.starts_with("**bold** __italic__"),
        "{markdown:?}"
    );
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn parse_text_entities_html() {
    let request = ParseTextEntities {
        text: concat!(
            "<b>bold</b> <i>italic</i> <u>under</u> <s>strike</s> <tg-spoiler>spoiler</tg-spoiler> ",
            "<code>code</code> <pre>pre</pre> <pre><code class=\"language-rust\">fn main() {}</code></pre> ",
            "<a href=\"https://example.org\">link</a> <blockquote>quote</blockquote> ",
            "<blockquote expandable>more</blockquote> ",
            "<tg-emoji emoji-id=\"5368324170671202286\">\u{1F44D}</tg-emoji> &lt;&amp;&gt;",
        )
        .into(),
        parse_mode: TextParseMode::Html,
    };
    let (formatted, answer) = execute_ok(&request);

    let text =
        "bold italic under strike spoiler code pre fn main() {} link quote more \u{1F44D} <&>";
    use TextEntityType as E;
    let expected = FormattedText {
        text: text.into(),
        entities: vec![
            entity(text, "bold", E::Bold),
            entity(text, "italic", E::Italic),
            entity(text, "under", E::Underline),
            entity(text, "strike", E::Strikethrough),
            entity(text, "spoiler", E::Spoiler),
            entity(text, "code", E::Code),
            entity(text, "pre", E::Pre),
            entity(
                text,
                "fn main() {}",
                E::PreCode {
                    language: "rust".into(),
                },
            ),
            entity(
                text,
                "link",
                E::TextUrl {
                    url: "https://example.org/".into(),
                },
            ),
            entity(text, "quote", E::BlockQuote),
            entity(text, "more", E::ExpandableBlockQuote),
            // int64: a JSON string; two UTF-16 units long.
            entity(
                text,
                "\u{1F44D}",
                E::CustomEmoji {
                    custom_emoji_id: 5368324170671202286,
                },
            ),
        ],
    };
    assert_eq!(formatted, expected);
    assert_same_json(&formatted, &answer);
    // TDLib escapes the emoji as a surrogate pair (`\ud83d\udc4d`).
    assert!(answer.contains(r"\ud83d\udc4d"), "{answer}");

    assert_answered_the_same(
        &GetMarkdownText { text: formatted },
        &request_around("getMarkdownText", "text", &answer),
    );
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn get_text_entities() {
    let text = "Hi @durov, see #news and $USD, run /start@bot, open https://telegram.org \
                or mail a@example.com, card 4242 4242 4242 4242";
    let (entities, answer) = execute_ok(&GetTextEntities { text: text.into() });
    use TextEntityType as E;
    assert_eq!(
        entities.entities,
        [
            entity(text, "@durov", E::Mention),
            entity(text, "#news", E::Hashtag),
            entity(text, "$USD", E::Cashtag),
            entity(text, "/start@bot", E::BotCommand),
            entity(text, "https://telegram.org", E::Url),
            entity(text, "a@example.com", E::EmailAddress),
            entity(text, "4242 4242 4242 4242", E::BankCardNumber),
        ]
    );
    assert_same_json(&entities, &answer);
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn markdown_text_both_ways() {
    // Built here, not read from TDLib: TDLib must understand it as written.
    let text = "bold italic code link";
    use TextEntityType as E;
    let formatted = FormattedText {
        text: text.into(),
        entities: vec![
            entity(text, "bold", E::Bold),
            entity(text, "italic", E::Italic),
            entity(text, "code", E::Code),
            entity(
                text,
                "link",
                E::TextUrl {
                    url: "https://example.org/".into(),
                },
            ),
        ],
    };
    let (markdown, answer) = execute_ok(&GetMarkdownText {
        text: formatted.clone(),
    });
    assert_eq!(
        markdown,
        FormattedText {
            text: "**bold** __italic__ `code` [link](https://example.org/)".into(),
            entities: Vec::new(),
        }
    );
    assert_same_json(&markdown, &answer);

    let back = assert_answered_the_same(
        &ParseMarkdown { text: markdown },
        &request_around("parseMarkdown", "text", &answer),
    );
    assert_eq!(back, formatted);
}

/// `value` with every number a double, as TDLib holds them: `42` and
/// TDLib's `42.000000` compare equal.
#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn a_catch_all_value_goes_back_to_tdlib_unchanged() {
    use tl_core::TlConstructor;
    let document = r#"{"name":"tl","list":[1,true,null,{"deep":[]}]}"#;
    let (_, answer) = execute_ok(&GetJsonValue {
        json: document.into(),
    });
    // The enum declares jsonValueString only: the object is kept whole.
    let partial: PartialJsonValue = decode(&answer);
    let PartialJsonValue::Other(unknown) = &partial else {
        panic!("an object read as a string: {partial:?}");
    };
    assert_eq!(unknown.name(), Some("jsonValueObject"));
    assert_same_json(&partial, &answer);
    // Written back in TDLib's form, TDLib reads it as it reads its own.
    assert_eq!(GetJsonStringOfPartial::ID, GetJsonString::ID);
    let printed = assert_answered_the_same(
        &GetJsonStringOfPartial {
            json_value: partial,
        },
        &request_around("getJsonString", "json_value", &answer),
    );
    assert_eq!(
        as_doubles(serde_json::from_str(&printed.text).unwrap()),
        as_doubles(serde_json::from_str(document).unwrap()),
    );
    // A declared constructor still reads into its variant.
    let (_, answer) = execute_ok(&GetJsonValue {
        json: r#""text""#.into(),
    });
    assert_eq!(
        decode::<PartialJsonValue>(&answer),
        PartialJsonValue::String {
            value: "text".into()
        }
    );
}

fn as_doubles(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(n) => Value::from(n.as_f64().expect("a finite number")),
        Value::Array(values) => Value::Array(values.into_iter().map(as_doubles).collect()),
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k, as_doubles(v)))
                .collect(),
        ),
        other => other,
    }
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn json_value_through_get_json_value_and_get_json_string() {
    let document = r#"{"name":"tl-derive","tags":["tl","json"],"stars":42,"ratio":0.5,"ok":true,"none":null,"nested":{"empty":[]}}"#;
    let (tree, answer) = execute_ok(&GetJsonValue {
        json: document.into(),
    });
    let member = |key: &str, value: JsonValue| JsonObjectMember {
        key: key.into(),
        value,
    };
    let string = |value: &str| JsonValue::String {
        value: value.into(),
    };
    let expected = JsonValue::Object {
        members: vec![
            member("name", string("tl-derive")),
            member(
                "tags",
                JsonValue::Array {
                    values: vec![string("tl"), string("json")],
                },
            ),
            member("stars", JsonValue::Number { value: 42.0 }),
            member("ratio", JsonValue::Number { value: 0.5 }),
            member("ok", JsonValue::Boolean { value: true }),
            member("none", JsonValue::Null),
            member(
                "nested",
                JsonValue::Object {
                    members: vec![member("empty", JsonValue::Array { values: Vec::new() })],
                },
            ),
        ],
    };
    assert_eq!(tree, expected);
    assert_same_json(&tree, &answer);
    // TDLib prints doubles with six decimals, whatever they hold.
    assert!(answer.contains(r#""value":42.000000"#), "{answer}");

    let printed = assert_answered_the_same(
        &GetJsonString {
            json_value: tree.clone(),
        },
        &request_around("getJsonString", "json_value", &answer),
    );
    assert_eq!(
        as_doubles(serde_json::from_str(&printed.text).unwrap()),
        as_doubles(serde_json::from_str(document).unwrap()),
        "getJsonString printed {}",
        printed.text
    );
    let (again, _) = execute_ok(&GetJsonValue { json: printed.text });
    assert_eq!(again, tree);

    // A tree TDLib has never seen, with what JSON text makes hard: escapes,
    // characters beyond the BMP, and a repeated key (a JsonValue keeps both
    // members, as a serde_json::Value could not).
    let ours = JsonValue::Array {
        values: vec![
            JsonValue::Number { value: 42.0 },
            JsonValue::Number { value: -2.5 },
            string("q\"\\/\n\u{e9}\u{1F44D}"),
            JsonValue::Object {
                members: vec![
                    member("k", JsonValue::Null),
                    member("k", JsonValue::Boolean { value: false }),
                ],
            },
        ],
    };
    let (printed, _) = execute_ok(&GetJsonString {
        json_value: ours.clone(),
    });
    assert_eq!(
        printed.text,
        r#"[42.000000,-2.500000,"q\"\\/\n\u00e9\ud83d\udc4d",{"k":null,"k":false}]"#
    );
    let (back, _) = execute_ok(&GetJsonValue { json: printed.text });
    assert_eq!(back, ours);
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn search_strings_by_prefix() {
    let strings = ["Apple pie", "banana", "apricot jam", "grape", "Pineapple"];
    let search = |query: &str, limit: i32, return_none_for_empty_query: bool| {
        let (found, answer) = execute_ok(&SearchStringsByPrefix {
            strings: strings.iter().map(|s| s.to_string()).collect(),
            query: query.into(),
            limit,
            return_none_for_empty_query,
        });
        assert_same_json(&found, &answer);
        (found.total_count, found.positions)
    };
    // Word prefixes, case-insensitive: "Pineapple" has no word starting
    // with "ap".
    assert_eq!(search("ap", 10, false), (2, vec![0, 2]));
    assert_eq!(search("ap", 1, false), (2, vec![0]));
    assert_eq!(search("jam apr", 10, false), (1, vec![2]));
    assert_eq!(search("", 10, true), (0, vec![]));
    assert_eq!(search("", 10, false), (5, vec![0, 1, 2, 3, 4]));
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn file_names_and_mime_types() {
    let mime = |file_name: &str| {
        let (text, answer) = execute_ok(&GetFileMimeType {
            file_name: file_name.into(),
        });
        assert_same_json(&text, &answer);
        text.text
    };
    assert_eq!(mime("photo.jpg"), "image/jpeg");
    assert_eq!(mime("clip.MP4"), "video/mp4");
    assert_eq!(mime("no-extension"), "");

    let extension = |mime_type: &str| {
        execute_ok(&GetFileExtension {
            mime_type: mime_type.into(),
        })
        .0
        .text
    };
    assert_eq!(extension("image/png"), "png");
    assert_eq!(extension("application/pdf"), "pdf");

    let clean = |file_name: &str| {
        execute_ok(&CleanFileName {
            file_name: file_name.into(),
        })
        .0
        .text
    };
    assert_eq!(clean("report.pdf"), "report.pdf");
    // The path is dropped, reserved characters become spaces.
    assert_eq!(clean("a/b:c*?.txt"), "b c.txt");
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn phone_number_info_with_a_country() {
    let (info, answer) = execute_ok(&GetPhoneNumberInfoSync {
        language_code: "en".into(),
        phone_number_prefix: "+31612345678".into(),
    });
    let flag = "\u{1F1F3}\u{1F1F1}";
    assert_eq!(
        info.country,
        Some(CountryInfo {
            country_code: "NL".into(),
            name: "Netherlands".into(),
            english_name: "Netherlands".into(),
            flag_emoji: flag.into(),
            is_hidden: false,
            calling_codes: vec!["31".into()],
        })
    );
    assert_eq!(info.country_calling_code, "31");
    assert_eq!(info.formatted_phone_number, "6 12 34 56 78");
    assert!(!info.is_anonymous);
    // Field for field: a type without 1.8.66's `flag_emoji` would fail here.
    assert_same_json(&info, &answer);

    let country_code = info.country.map(|country| country.country_code);
    let (emoji, _) = execute_ok(&GetCountryFlagEmoji {
        country_code: country_code.unwrap_or_default(),
    });
    assert_eq!(emoji.text, flag);
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn phone_number_info_without_a_country() {
    // TDLib knows no country for `+999123`: the nullable `country` is left
    // out of its answer, reads as `None`, and is left out when written back.
    let (info, answer) = execute_ok(&GetPhoneNumberInfoSync {
        language_code: "en".into(),
        phone_number_prefix: "+999123".into(),
    });
    assert!(!answer.contains("\"country\""), "{answer}");
    assert_eq!(info.country, None);
    assert_eq!(info.formatted_phone_number, "999123");
    assert_same_json(&info, &answer);
    // In TL bytes, `None` is the id of `null` and reads back as itself.
    let bytes = tl_core::to_bytes(&info).expect("encodes");
    assert_eq!(bytes[4..8], 0x56730bcc_u32.to_le_bytes());
    let back: types::PhoneNumberInfo = tl_core::from_bytes(&bytes).expect("decodes");
    assert_eq!(back, info);
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn errors_decode_as_error() {
    let error = |code: i32, message: &str| tl_core::TdError {
        code,
        message: message.into(),
    };

    // Not a request we can derive: an unknown function.
    let answer = td_execute(r#"{"@type":"noSuchFunction"}"#);
    let decoded: tl_core::TdError = decode(&answer);
    assert_eq!(
        decoded,
        error(
            400,
            r#"Failed to parse JSON object as TDLib request: Unknown class "noSuchFunction""#
        )
    );
    assert_same_json(&decoded, &answer);

    let (result, answer) = execute(&ParseTextEntities {
        text: "*unclosed".into(),
        parse_mode: TextParseMode::Markdown { version: 2 },
    });
    assert_eq!(
        result,
        Err(error(
            400,
            "Can't parse entities: Can't find end of Bold entity at byte offset 0"
        ))
    );
    assert_same_json(&result.unwrap_err(), &answer);

    let (result, _) = execute(&GetJsonValue { json: "{".into() });
    assert_eq!(result, Err(error(400, "Unexpected string end")));

    let (result, _) = execute(&GetOption {
        name: "no_such_option".into(),
    });
    assert_eq!(
        result,
        Err(error(400, "The option can't be get synchronously"))
    );

    let (result, _) = execute(&types::TestSquareInt { x: 3 });
    assert_eq!(
        result,
        Err(error(400, "The method can't be executed synchronously"))
    );
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn version_and_log_verbosity() {
    let (version, answer) = execute_ok(&GetOption {
        name: "version".into(),
    });
    assert_eq!(
        version,
        OptionValue::String {
            value: "1.8.67".into()
        },
        "these tests are written against TDLib 1.8.67"
    );
    assert_same_json(&version, &answer);
    let (commit, _) = execute_ok(&GetOption {
        name: "commit_hash".into(),
    });
    assert!(matches!(commit, OptionValue::String { .. }), "{commit:?}");

    // The level the client set when it loaded the library; setting it again
    // changes nothing.
    let (ok, answer) = execute_ok(&SetLogVerbosityLevel {
        new_verbosity_level: 0,
    });
    assert_eq!(ok, types::Ok);
    assert_same_json(&ok, &answer);
    let (level, _) = execute_ok(&GetLogVerbosityLevel);
    assert_eq!(level.verbosity_level, 0);
}

/// Replaces `@type: name` by the id `id` (as TDLib's signed `int32`)
/// everywhere in `value`; returns how many it replaced.
fn number_the_type(value: &mut serde_json::Value, name: &str, id: u32) -> usize {
    match value {
        serde_json::Value::Object(object) => {
            let mut replaced = 0;
            if object.get("@type").and_then(serde_json::Value::as_str) == Some(name) {
                object.insert("@type".into(), serde_json::Value::from(id as i32));
                replaced += 1;
            }
            for (key, field) in object.iter_mut() {
                if key != "@type" {
                    replaced += number_the_type(field, name, id);
                }
            }
            replaced
        }
        serde_json::Value::Array(values) => values
            .iter_mut()
            .map(|v| number_the_type(v, name, id))
            .sum(),
        _ => 0,
    }
}

/// TDLib's JSON accepts the numeric constructor id in place of the name in
/// `@type`, and rejects an id it does not know (`Unknown constructor
/// 0x...`). Writing each declaration's name as our id, one at a time, must
/// get the answer the name gets; writing it as a wrong id must fail. So
/// TDLib 1.8.67 itself confirms our ids of every function and of every
/// constructor of a boxed argument type. TDLib does not look at the
/// `@type` of bare arguments (`text:formattedText`), so those ids, and
/// those of types that only come out of TDLib, rest on the CRC test of
/// `types.rs`.
#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn tdlib_knows_our_ids() {
    use TextEntityType as E;
    let every_entity: Vec<TextEntity> = [
        E::Mention,
        E::Hashtag,
        E::Cashtag,
        E::BotCommand,
        E::Url,
        E::EmailAddress,
        E::PhoneNumber,
        E::BankCardNumber,
        E::Bold,
        E::Italic,
        E::Underline,
        E::Strikethrough,
        E::Spoiler,
        E::Code,
        E::Pre,
        E::PreCode {
            language: "rust".into(),
        },
        E::BlockQuote,
        E::ExpandableBlockQuote,
        E::TextUrl {
            url: "https://example.org/".into(),
        },
        E::MentionName { user_id: 1 },
        E::CustomEmoji { custom_emoji_id: 2 },
        E::MediaTimestamp { media_timestamp: 3 },
    ]
    .into_iter()
    .map(|r#type| TextEntity {
        offset: 0,
        length: 1,
        r#type,
    })
    .collect();
    let every_json_value = JsonValue::Array {
        values: vec![
            JsonValue::Null,
            JsonValue::Boolean { value: true },
            JsonValue::Number { value: 1.5 },
            JsonValue::String { value: "s".into() },
            JsonValue::Object {
                members: vec![JsonObjectMember {
                    key: "k".into(),
                    value: JsonValue::Null,
                }],
            },
        ],
    };
    let formatted = FormattedText {
        text: "x".into(),
        entities: every_entity,
    };
    let set_option = |value: OptionValue| {
        request_value(&types::SetOption {
            name: "x".into(),
            value,
        })
    };
    let requests = [
        request_value(&GetTextEntities { text: "@a".into() }),
        request_value(&ParseTextEntities {
            text: "*a*".into(),
            parse_mode: TextParseMode::Markdown { version: 2 },
        }),
        request_value(&ParseTextEntities {
            text: "<b>a</b>".into(),
            parse_mode: TextParseMode::Html,
        }),
        request_value(&ParseMarkdown {
            text: formatted.clone(),
        }),
        request_value(&GetMarkdownText { text: formatted }),
        request_value(&GetJsonValue { json: "[]".into() }),
        request_value(&GetJsonString {
            json_value: every_json_value,
        }),
        request_value(&SearchStringsByPrefix {
            strings: vec!["a".into()],
            query: "a".into(),
            limit: 1,
            return_none_for_empty_query: false,
        }),
        request_value(&GetFileMimeType {
            file_name: "a.png".into(),
        }),
        request_value(&GetFileExtension {
            mime_type: "image/png".into(),
        }),
        request_value(&CleanFileName {
            file_name: "a".into(),
        }),
        request_value(&GetPhoneNumberInfoSync {
            language_code: "en".into(),
            phone_number_prefix: "+31".into(),
        }),
        request_value(&GetCountryFlagEmoji {
            country_code: "NL".into(),
        }),
        request_value(&SetLogVerbosityLevel {
            new_verbosity_level: 0,
        }),
        request_value(&GetLogVerbosityLevel),
        request_value(&GetOption {
            name: "version".into(),
        }),
        set_option(OptionValue::Boolean { value: true }),
        set_option(OptionValue::Empty),
        set_option(OptionValue::Integer { value: 1 }),
        set_option(OptionValue::String { value: "s".into() }),
        // Asynchronous: td_execute parses them and then refuses to run them.
        request_value(&types::GetAuthorizationState),
        request_value(&types::TestSquareInt { x: 2 }),
        request_value(&types::TestCallVectorInt { x: vec![1] }),
        request_value(&types::TestCallString { x: "s".into() }),
        request_value(&types::TestCallEmpty),
        request_value(&types::TestReturnError {
            error: tl_core::TdError {
                code: 1,
                message: "m".into(),
            },
        }),
        request_value(&types::Close),
    ];

    let mut confirmed = BTreeSet::new();
    let mut unchecked = BTreeSet::new();
    for declared in types::declared() {
        let name = declared.name();
        for request in &requests {
            let mut numbered = request.clone();
            if number_the_type(&mut numbered, name, declared.id) == 0 {
                continue;
            }
            let by_name = td_execute(&request.to_string());
            assert!(!by_name.contains("Failed to parse"), "{request}: {by_name}");
            assert_eq!(
                td_execute(&numbered.to_string()),
                by_name,
                "{name} as {:#010x}",
                declared.id
            );
            let mut wrong = request.clone();
            number_the_type(&mut wrong, name, declared.id ^ 1);
            let answer = td_execute(&wrong.to_string());
            if answer.contains("Unknown constructor") {
                confirmed.insert(name);
            } else {
                unchecked.insert(name);
            }
        }
    }

    let expected: BTreeSet<&str> = types::declared()
        .iter()
        .filter(|d| {
            d.is_function()
                || [
                    "textEntityType",
                    "textParseMode",
                    "jsonValue",
                    "optionValue",
                ]
                .iter()
                .any(|ty| d.name().starts_with(ty))
        })
        .map(types::Declared::name)
        .collect();
    assert_eq!(confirmed, expected);
    // The bare arguments: TDLib reads their fields whatever their @type.
    assert_eq!(
        unchecked,
        BTreeSet::from(["error", "formattedText", "jsonObjectMember", "textEntity"])
    );
}
