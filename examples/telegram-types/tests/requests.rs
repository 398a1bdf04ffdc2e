//! The requests a client sends first, as TL bytes: our generated types'
//! own round trips, and the same bytes as grammers-tl-types writes them.

use telegram_types::tl::{enums, functions, types};
use tl_core::{Flags, TlConstructor, TlFunction};

/// The layer of the vendored `telegram_api.tl`, which `invokeWithLayer`
/// announces: the server answers in the types of that layer.
const LAYER: i32 = 227;

fn init_connection<X>(query: X) -> functions::InitConnection<X> {
    functions::InitConnection {
        flags: Flags,
        api_id: 611335,
        device_model: "Linux".into(),
        system_version: "6.8".into(),
        app_version: "0.1.0".into(),
        system_lang_code: "en".into(),
        lang_pack: String::new(),
        lang_code: "en".into(),
        proxy: None,
        params: None,
        query,
    }
}

fn first_request()
-> functions::InvokeWithLayer<functions::InitConnection<functions::help::GetConfig>> {
    functions::InvokeWithLayer {
        layer: LAYER,
        query: init_connection(functions::help::GetConfig {}),
    }
}

/// The value's bytes, checked to read back as the same value.
fn round_trip<T>(value: &T) -> Vec<u8>
where
    T: tl_core::TlEncode + for<'de> tl_core::TlDecode<'de> + PartialEq + std::fmt::Debug,
{
    let bytes = tl_core::to_bytes(value).unwrap();
    assert_eq!(&tl_core::from_bytes::<T>(&bytes).unwrap(), value);
    bytes
}

fn word(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
}

/// A TL string of `text`, shorter than 254 bytes: its length, the bytes,
/// zeros to a multiple of four.
fn tl_string(text: &str) -> Vec<u8> {
    let mut bytes = vec![u8::try_from(text.len()).unwrap()];
    bytes.extend_from_slice(text.as_bytes());
    bytes.resize(bytes.len().next_multiple_of(4), 0);
    bytes
}

#[test]
fn the_first_request_of_a_connection() {
    let bytes = round_trip(&first_request());

    let mut expected = Vec::new();
    expected.extend(0xda9b0d0d_u32.to_le_bytes()); // invokeWithLayer
    expected.extend(LAYER.to_le_bytes());
    expected.extend(0xc1cd5ea9_u32.to_le_bytes()); // initConnection
    expected.extend(0_u32.to_le_bytes()); // flags: no proxy, no params
    expected.extend(611335_i32.to_le_bytes());
    for text in ["Linux", "6.8", "0.1.0", "en", "", "en"] {
        expected.extend(tl_string(text));
    }
    expected.extend(0xc4f9186b_u32.to_le_bytes()); // help.getConfig
    assert_eq!(bytes, expected);
}

#[test]
fn a_proxy_and_params_set_their_flags() {
    let mut request = init_connection(functions::updates::GetState {});
    request.proxy = Some(enums::InputClientProxy::InputClientProxy(
        types::InputClientProxy {
            address: "proxy.example".into(),
            port: 443,
        },
    ));
    request.params = Some(enums::JSONValue::JsonString(types::JsonString {
        value: "tz".into(),
    }));
    let request = functions::InvokeWithLayer {
        layer: LAYER,
        query: request,
    };
    let bytes = round_trip(&request);
    assert_eq!(
        word(&bytes, 8),
        functions::InitConnection::<functions::help::GetConfig>::ID
    );
    assert_eq!(word(&bytes, 12), 0b11);
    assert_eq!(
        word(&bytes, bytes.len() - 4),
        functions::updates::GetState::ID
    );
}

#[test]
fn wrappers_return_what_they_wrap() {
    // The answer to invokeWithLayer(initConnection(help.getConfig)) is a
    // Config: the generic wrappers take their query's `Return`.
    fn returns<F: TlFunction<Return = enums::Config>>(_: &F) {}
    returns(&first_request());
    assert_eq!(functions::help::GetConfig::ID, 0xc4f9186b);
    assert_eq!(
        functions::help::GetConfig::SCHEMA,
        "help.getConfig = Config"
    );
}

fn send_code() -> functions::auth::SendCode {
    functions::auth::SendCode {
        phone_number: "+15550100".into(),
        api_id: 611335,
        api_hash: "8a1b2c3d4e5f60718293a4b5c6d7e8f9".into(),
        settings: enums::CodeSettings::CodeSettings(types::CodeSettings {
            flags: Flags,
            allow_flashcall: false,
            current_number: true,
            allow_app_hash: true,
            allow_missed_call: false,
            allow_firebase: false,
            unknown_number: false,
            logout_tokens: Some(vec![vec![1; 16], vec![2; 300]]),
            token: Some("push-token".into()),
            app_sandbox: Some(false),
        }),
    }
}

#[test]
fn sending_a_code_round_trips() {
    let bytes = round_trip(&send_code());
    assert_eq!(word(&bytes, 0), 0xa677244f);
}

/// Bytes written by grammers-tl-types 0.11, an independent implementation
/// of layer 230, must be ours. Only requests whose schema lines, and the
/// lines of every type they use, are the same in layer 227 and 230 can
/// agree: equal constructor ids (CRC-32s of the lines) say so, and are
/// checked first. `messages.sendMessage` is left out: it changes in most
/// layers.
mod grammers {
    use super::*;
    use grammers_tl_types::{Cursor, Deserializable, Identifiable, Serializable};

    type G = grammers_tl_types::functions::InvokeWithLayer<
        grammers_tl_types::functions::InitConnection<grammers_tl_types::functions::help::GetConfig>,
    >;

    fn assert_same_ids(pairs: &[(&str, u32, u32)]) {
        for (name, ours, theirs) in pairs {
            assert_eq!(
                ours, theirs,
                "{name}: the lines differ between layer 227 and grammers' layer"
            );
        }
    }

    #[test]
    fn the_first_request() {
        assert_same_ids(&[
            (
                "invokeWithLayer",
                functions::InvokeWithLayer::<functions::help::GetConfig>::ID,
                G::CONSTRUCTOR_ID,
            ),
            (
                "initConnection",
                functions::InitConnection::<functions::help::GetConfig>::ID,
                grammers_tl_types::functions::InitConnection::<()>::CONSTRUCTOR_ID,
            ),
            (
                "help.getConfig",
                functions::help::GetConfig::ID,
                grammers_tl_types::functions::help::GetConfig::CONSTRUCTOR_ID,
            ),
        ]);
        let theirs: G = grammers_tl_types::functions::InvokeWithLayer {
            layer: LAYER,
            query: grammers_tl_types::functions::InitConnection {
                api_id: 611335,
                device_model: "Linux".into(),
                system_version: "6.8".into(),
                app_version: "0.1.0".into(),
                system_lang_code: "en".into(),
                lang_pack: String::new(),
                lang_code: "en".into(),
                proxy: None,
                params: None,
                query: grammers_tl_types::functions::help::GetConfig {},
            },
        };
        assert_eq!(
            tl_core::to_bytes(&first_request()).unwrap(),
            theirs.to_bytes()
        );
    }

    #[test]
    fn updates_get_state_and_its_answer() {
        use grammers_tl_types::functions::updates::GetState;
        assert_same_ids(&[
            (
                "updates.getState",
                functions::updates::GetState::ID,
                GetState::CONSTRUCTOR_ID,
            ),
            (
                "updates.state",
                types::updates::State::ID,
                grammers_tl_types::types::updates::State::CONSTRUCTOR_ID,
            ),
        ]);
        let ours = tl_core::to_bytes(&functions::updates::GetState {}).unwrap();
        assert_eq!(ours, GetState {}.to_bytes());

        // The server's answer, as grammers writes it, read as the
        // request's `Return`.
        let answer = grammers_tl_types::enums::updates::State::State(
            grammers_tl_types::types::updates::State {
                pts: 1200,
                qts: 0,
                date: 1747130000,
                seq: 37,
                unread_count: 2,
            },
        );
        let read: <functions::updates::GetState as TlFunction>::Return =
            tl_core::from_bytes(&answer.to_bytes()).unwrap();
        assert_eq!(
            read,
            enums::updates::State::State(types::updates::State {
                pts: 1200,
                qts: 0,
                date: 1747130000,
                seq: 37,
                unread_count: 2,
            })
        );
    }

    #[test]
    fn auth_send_code() {
        use grammers_tl_types::functions::auth::SendCode;
        assert_same_ids(&[
            (
                "auth.sendCode",
                functions::auth::SendCode::ID,
                SendCode::CONSTRUCTOR_ID,
            ),
            (
                "codeSettings",
                types::CodeSettings::ID,
                grammers_tl_types::types::CodeSettings::CONSTRUCTOR_ID,
            ),
        ]);
        let theirs = SendCode {
            phone_number: "+15550100".into(),
            api_id: 611335,
            api_hash: "8a1b2c3d4e5f60718293a4b5c6d7e8f9".into(),
            settings: grammers_tl_types::enums::CodeSettings::Settings(
                grammers_tl_types::types::CodeSettings {
                    allow_flashcall: false,
                    current_number: true,
                    allow_app_hash: true,
                    allow_missed_call: false,
                    allow_firebase: false,
                    unknown_number: false,
                    logout_tokens: Some(vec![vec![1; 16], vec![2; 300]]),
                    token: Some("push-token".into()),
                    app_sandbox: Some(false),
                },
            ),
        };
        let ours = tl_core::to_bytes(&send_code()).unwrap();
        assert_eq!(ours, theirs.to_bytes());

        // grammers reads a request's fields only: the server dispatched
        // on the id. Its types have no `Debug` (feature `impl-debug`).
        let mut fields = Cursor::from_slice(&ours[4..]);
        assert!(SendCode::deserialize(&mut fields).unwrap() == theirs);
        assert_eq!(fields.pos(), ours.len() - 4);
    }
}
