//! The generated types against a real TDLib (1.8.67's `libtdjson.so`):
//! every request is a generated struct, every answer and update is read
//! into a generated type. Nothing here needs a network or a login: a new
//! client answers `getOption` and the `test*` functions locally.
//!
//! Ignored by default, since it needs the library:
//!
//! ```sh
//! .ci/install-tdlib
//! cargo test -p td-bot-types --test tdlib -- --ignored
//! ```
//!
//! `TL_TDJSON=/path/to/libtdjson.so` loads another copy. Without the
//! library the test fails, naming the install command: a CI that forgot to
//! install it must not pass.

use std::collections::BTreeMap;
use std::ffi::{CStr, CString, c_char, c_double, c_int};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use td_bot_types::{enums, functions, types};
use tl_core::TlFunction;
use tl_core::json::{JsonDecode, JsonEncode};

const INSTALL: &str = ".ci/install-tdlib";
const PATH_VARIABLE: &str = "TL_TDJSON";
/// Where `.ci/install-tdlib` puts the library, from the repository root.
const INSTALLED: &str = "target/tdlib/node_modules/@prebuilt-tdlib/linux-x64-glibc/libtdjson.so";

/// TDLib answers these requests in milliseconds; this only bounds a hang.
const PATIENCE: Duration = Duration::from_secs(10);

/// TDLib's JSON interface, as `td_json_client.h` declares it.
struct TdJson {
    execute: unsafe extern "C" fn(*const c_char) -> *const c_char,
    create_client_id: unsafe extern "C" fn() -> c_int,
    send: unsafe extern "C" fn(c_int, *const c_char),
    receive: unsafe extern "C" fn(c_double) -> *const c_char,
    /// Kept so that the pointers above stay valid; never unloaded.
    _library: libloading::Library,
}

fn library_path() -> PathBuf {
    match std::env::var_os(PATH_VARIABLE) {
        Some(path) => PathBuf::from(path),
        // This package is examples/td-bot-types of the repository.
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(INSTALLED),
    }
}

fn load() -> Result<TdJson, String> {
    let path = library_path();
    if !path.is_file() {
        return Err(format!(
            "TDLib's libtdjson.so is not at {}: run `{INSTALL}` from the repository root \
             (it installs TDLib 1.8.67 from npm into target/tdlib), or set {PATH_VARIABLE}",
            path.display()
        ));
    }
    let failed = |e: libloading::Error| format!("loading {}: {e:?}", path.display());
    // SAFETY: loading runs libtdjson's initializers, which set up TDLib's
    // own globals only; the symbol types are td_json_client.h's.
    unsafe {
        let library = libloading::Library::new(&path).map_err(failed)?;
        Ok(TdJson {
            execute: *library.get(b"td_execute\0").map_err(failed)?,
            create_client_id: *library.get(b"td_create_client_id\0").map_err(failed)?,
            send: *library.get(b"td_send\0").map_err(failed)?,
            receive: *library.get(b"td_receive\0").map_err(failed)?,
            _library: library,
        })
    }
}

/// The library, or a panic that fails the test and says how to install it.
fn tdjson() -> &'static TdJson {
    static TDJSON: OnceLock<Result<TdJson, String>> = OnceLock::new();
    match TDJSON.get_or_init(load) {
        Ok(tdjson) => tdjson,
        Err(message) => panic!("{message}"),
    }
}

/// TDLib's answers point into a buffer its next call reuses: copy at once.
///
/// # Safety
///
/// `answer` is null or a C string valid until this returns.
unsafe fn copy(answer: *const c_char) -> Option<String> {
    if answer.is_null() {
        return None;
    }
    // SAFETY: as the caller promises.
    let bytes = unsafe { CStr::from_ptr(answer) }.to_bytes();
    Some(String::from_utf8(bytes.to_vec()).expect("TDLib writes UTF-8"))
}

fn c_string(text: String) -> CString {
    CString::new(text).expect("TDLib's JSON has no NUL byte")
}

/// A request run synchronously by `td_execute`, its answer read as the
/// function's `Return`.
fn execute<F>(request: &F) -> F::Return
where
    F: TlFunction + JsonEncode + std::fmt::Debug,
    F::Return: for<'de> JsonDecode<'de>,
{
    let text = c_string(tl_core::json::to_string_td(request).unwrap());
    // SAFETY: `text` is a C string; the answer lives in a thread-local
    // buffer until this thread's next call into TDLib, and is copied first.
    let answer = unsafe { copy((tdjson().execute)(text.as_ptr())) }
        .unwrap_or_else(|| panic!("td_execute returned null for {request:?}"));
    let reply = tl_core::json::reply_from_str::<F>(&answer)
        .unwrap_or_else(|e| panic!("cannot read TDLib's answer {answer}: {e}"));
    reply
        .result
        .unwrap_or_else(|error| panic!("{request:?} failed: {error:?}"))
}

/// One TDLib client, read by this test alone: `td_receive` serves every
/// client and must not run on two threads, and this is the only test that
/// calls it.
struct Client {
    id: c_int,
    sent: u64,
    /// Answers that came while waiting for another, by `@extra`.
    answers: BTreeMap<String, String>,
    /// Every update, in order.
    updates: Vec<enums::Update>,
    closed: bool,
}

impl Client {
    fn create() -> Client {
        Client {
            // SAFETY: no arguments; allowed from any thread.
            id: unsafe { (tdjson().create_client_id)() },
            sent: 0,
            answers: BTreeMap::new(),
            updates: Vec::new(),
            closed: false,
        }
    }

    /// Sends a request with an `@extra` of its own, and returns it.
    fn send<F: TlFunction + JsonEncode>(&mut self, request: &F) -> String {
        self.sent += 1;
        let extra = format!("{}#{}", F::NAME, self.sent);
        let text = tl_core::json::to_string_td_with_extra(request, &extra).unwrap();
        let text = c_string(text);
        // SAFETY: `text` is a C string, which TDLib copies before returning.
        unsafe { (tdjson().send)(self.id, text.as_ptr()) };
        extra
    }

    /// Reads one message: an answer is kept for [`Client::answer`], an
    /// update is read into `enums::Update`.
    fn read(&mut self) {
        let deadline = Instant::now() + PATIENCE;
        let message = loop {
            // SAFETY: only this thread calls td_receive (see `Client`); the
            // answer is copied before the next call.
            if let Some(message) = unsafe { copy((tdjson().receive)(1.0)) } {
                break message;
            }
            assert!(
                Instant::now() < deadline,
                "nothing from TDLib within {PATIENCE:?}; updates so far: {:?}",
                self.updates
            );
        };
        let envelope = tl_core::json::envelope(&message).expect("TDLib writes JSON");
        assert_eq!(envelope.client_id, Some(i64::from(self.id)), "{message}");
        if let Some(extra) = envelope.extra {
            let extra: String = serde_json::from_str(extra.get()).expect("our @extras are strings");
            self.answers.insert(extra, message);
            return;
        }
        let update: enums::Update = tl_core::json::from_str(&message)
            .unwrap_or_else(|e| panic!("cannot read TDLib's update {message}: {e}"));
        match &update {
            enums::Update::AuthorizationState(types::UpdateAuthorizationState {
                authorization_state: enums::AuthorizationState::Closed(_),
            }) => self.closed = true,
            // What the build left out is kept whole, `@client_id` too.
            enums::Update::Other(_) => {
                assert_eq!(tl_core::json::to_string_td(&update).unwrap(), message);
            }
            _ => {}
        }
        self.updates.push(update);
    }

    /// The answer to the request sent with `extra`, read as `F::Return`.
    fn answer<F>(&mut self, extra: &str) -> F::Return
    where
        F: TlFunction,
        F::Return: for<'de> JsonDecode<'de>,
    {
        loop {
            if let Some(message) = self.answers.remove(extra) {
                let reply = tl_core::json::reply_from_str::<F>(&message)
                    .unwrap_or_else(|e| panic!("cannot read TDLib's answer {message}: {e}"));
                let echoed = reply.extra.expect("an answer has its `@extra`");
                assert_eq!(serde_json::from_str::<String>(echoed.get()).unwrap(), extra);
                return reply
                    .result
                    .unwrap_or_else(|error| panic!("{} failed: {error:?}", F::NAME));
            }
            self.read();
        }
    }

    fn call<F>(&mut self, request: &F) -> F::Return
    where
        F: TlFunction + JsonEncode,
        F::Return: for<'de> JsonDecode<'de>,
    {
        let extra = self.send(request);
        self.answer::<F>(&extra)
    }

    fn close(&mut self) {
        self.call(&functions::Close {});
        while !self.closed {
            self.read();
        }
    }
}

impl Drop for Client {
    /// A test that failed halfway still closes its client, so that no
    /// TDLib instance is left running as the process exits; the messages
    /// read here are no longer checked.
    fn drop(&mut self) {
        if self.closed {
            return;
        }
        self.send(&functions::Close {});
        let deadline = Instant::now() + PATIENCE;
        while !self.closed && Instant::now() < deadline {
            // SAFETY: as in `read`.
            if let Some(message) = unsafe { copy((tdjson().receive)(0.1)) } {
                self.closed = message.contains(r#""@type":"authorizationStateClosed""#);
            }
        }
    }
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p td-bot-types --test tdlib -- --ignored"]
fn tdlib_answers_in_generated_types() {
    // Before anything else: TDLib logs at verbosity 5 to stderr otherwise.
    assert_eq!(
        execute(&functions::SetLogVerbosityLevel {
            new_verbosity_level: 0
        }),
        enums::Ok::Ok(types::Ok {})
    );

    let enums::TextEntities::TextEntities(found) = execute(&functions::GetTextEntities {
        text: "/start @tdlib https://example.com".into(),
    }) else {
        panic!("getTextEntities answered another type");
    };
    let kinds: Vec<(i32, i32, enums::TextEntityType)> = found
        .entities
        .into_iter()
        .map(|e| (e.offset, e.length, e.r#type))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                0,
                6,
                enums::TextEntityType::BotCommand(types::TextEntityTypeBotCommand {})
            ),
            (
                7,
                6,
                enums::TextEntityType::Mention(types::TextEntityTypeMention {})
            ),
            (
                14,
                19,
                enums::TextEntityType::Url(types::TextEntityTypeUrl {})
            ),
        ]
    );

    let mut client = Client::create();
    let version = client.call(&functions::GetOption {
        name: "version".into(),
    });
    let enums::OptionValue::String(types::OptionValueString { value }) = &version else {
        panic!("the version is not a string: {version:?}");
    };
    assert!(value.starts_with("1.8."), "TDLib {value}");

    // Several requests in flight: TDLib need not answer in order, and
    // `@extra` says which answer is whose.
    let square = client.send(&functions::TestSquareInt { x: 12 });
    let text = "h\u{e9}llo \u{1F44D} \"quoted\"\n";
    let string = client.send(&functions::TestCallString { x: text.into() });
    assert_eq!(
        client.answer::<functions::TestCallString>(&string),
        enums::TestString::TestString(types::TestString { value: text.into() })
    );
    assert_eq!(
        client.answer::<functions::TestSquareInt>(&square),
        enums::TestInt::TestInt(types::TestInt { value: 144 })
    );

    client.close();
    let states: Vec<&enums::AuthorizationState> = client
        .updates
        .iter()
        .filter_map(|update| match update {
            enums::Update::AuthorizationState(state) => Some(&state.authorization_state),
            _ => None,
        })
        .collect();
    assert_eq!(
        states,
        [
            &enums::AuthorizationState::WaitTdlibParameters(
                types::AuthorizationStateWaitTdlibParameters {}
            ),
            &enums::AuthorizationState::Closing(types::AuthorizationStateClosing {}),
            &enums::AuthorizationState::Closed(types::AuthorizationStateClosed {}),
        ]
    );
    // The options TDLib announces first (`version`, `commit_hash`) are
    // updates the build did not name.
    let others: Vec<Option<&str>> = client
        .updates
        .iter()
        .filter_map(|update| match update {
            enums::Update::Other(unknown) => Some(unknown.name()),
            _ => None,
        })
        .collect();
    assert!(others.contains(&Some("updateOption")), "{others:?}");
    assert!(client.answers.is_empty(), "unasked: {:?}", client.answers);
}
