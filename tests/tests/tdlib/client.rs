//! A safe wrapper over TDLib's JSON interface, `libtdjson.so`, loaded at run
//! time so that building the tests needs no TDLib.
//!
//! TDLib's four calls, as its `td_json_client.h` documents them:
//! `td_execute` (synchronous requests, from any thread), `td_create_client_id`,
//! `td_send` and `td_receive`. Strings go in as C strings and come back as
//! pointers into a buffer TDLib reuses on the next call, so every answer is
//! copied at once. `td_receive` must not run on two threads at once and
//! returns the messages of every client, while cargo runs tests on parallel
//! threads: all receiving goes through [`Client::receive`], which calls it
//! under one mutex and routes each message to its client's queue by
//! `@client_id`.

use std::collections::{BTreeMap, VecDeque};
use std::ffi::{CStr, CString, c_char, c_double, c_int};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

/// The command that installs the library where [`library_path`] looks.
pub const INSTALL: &str = ".ci/install-tdlib";

/// Where `.ci/install-tdlib` puts the library, from the repository root.
const INSTALLED: &str = "target/tdlib/node_modules/@prebuilt-tdlib/linux-x64-glibc/libtdjson.so";

/// Overrides [`library_path`]: a `libtdjson.so` of TDLib 1.8.67 elsewhere.
pub const PATH_VARIABLE: &str = "TL_TDJSON";

/// The longest one `td_receive` call waits while holding the inbox lock, so
/// that a thread waiting for another client gets its turn soon.
const RECEIVE_SLICE: Duration = Duration::from_millis(50);

/// How long dropping an unclosed [`Client`] waits for TDLib to close it.
const CLOSE_ON_DROP: Duration = Duration::from_secs(10);

/// The library to load: `$TL_TDJSON`, or where `.ci/install-tdlib` puts it
/// (`target/tdlib` of the workspace this package belongs to).
pub fn library_path() -> PathBuf {
    match std::env::var_os(PATH_VARIABLE) {
        Some(path) => PathBuf::from(path),
        // The package is `tests/` of the workspace.
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap_or(Path::new(".."))
            .join(INSTALLED),
    }
}

/// The library's entry points. The `Library` is kept so the pointers stay
/// valid; it lives in a `static` and is never unloaded.
struct TdJson {
    /// `const char *td_execute(const char *request)`.
    execute: unsafe extern "C" fn(*const c_char) -> *const c_char,
    /// `int td_create_client_id(void)`.
    create_client_id: unsafe extern "C" fn() -> c_int,
    /// `void td_send(int client_id, const char *request)`.
    send: unsafe extern "C" fn(c_int, *const c_char),
    /// `const char *td_receive(double timeout)`.
    receive: unsafe extern "C" fn(c_double) -> *const c_char,
    /// Never dropped: the pointers above point into it.
    _library: libloading::Library,
}

/// Loads the library and silences its log, or says how to install it.
fn load() -> Result<TdJson, String> {
    let path = library_path();
    if !path.is_file() {
        return Err(format!(
            "TDLib's libtdjson.so is not at {}: run `{INSTALL}` from the repository root \
             (it installs TDLib 1.8.67 from npm into target/tdlib), or set {PATH_VARIABLE} \
             to a libtdjson.so of TDLib 1.8.67",
            path.display()
        ));
    }
    // libloading's message is "dlopen failed"; dlerror's text is its source.
    let failed = |e: libloading::Error| {
        let detail = std::error::Error::source(&e)
            .map(|source| format!(": {source}"))
            .unwrap_or_default();
        format!("loading {}: {e}{detail}", path.display())
    };
    // SAFETY: loading runs the library's initializers; libtdjson's only set
    // up TDLib's own globals. The symbol types are td_json_client.h's
    // declarations:
    //   const char *td_execute(const char *request);
    //   int td_create_client_id(void);
    //   void td_send(int client_id, const char *request);
    //   const char *td_receive(double timeout);
    let tdjson = unsafe {
        let library = libloading::Library::new(&path).map_err(failed)?;
        TdJson {
            execute: *library.get(b"td_execute\0").map_err(failed)?,
            create_client_id: *library.get(b"td_create_client_id\0").map_err(failed)?,
            send: *library.get(b"td_send\0").map_err(failed)?,
            receive: *library.get(b"td_receive\0").map_err(failed)?,
            _library: library,
        }
    };
    // Before anything else: TDLib logs at verbosity 5 to stderr otherwise.
    let answer = tdjson.execute(r#"{"@type":"setLogVerbosityLevel","new_verbosity_level":0}"#);
    if answer.as_deref() != Some(r#"{"@type":"ok"}"#) {
        return Err(format!(
            "{}: setLogVerbosityLevel answered {answer:?}",
            path.display()
        ));
    }
    Ok(tdjson)
}

/// The loaded library; panics, failing the test, when it is not installed.
fn tdjson() -> &'static TdJson {
    static TDJSON: OnceLock<Result<TdJson, String>> = OnceLock::new();
    match TDJSON.get_or_init(load) {
        Ok(tdjson) => tdjson,
        Err(message) => panic!("{message}"),
    }
}

/// A copy of a string TDLib returned, or `None` for a null pointer.
///
/// # Safety
///
/// `answer` is null or a NUL-terminated string that stays valid until this
/// returns.
unsafe fn copy_answer(answer: *const c_char) -> Option<String> {
    if answer.is_null() {
        return None;
    }
    // SAFETY: as the caller promises.
    let bytes = unsafe { CStr::from_ptr(answer) }.to_bytes();
    Some(
        String::from_utf8(bytes.to_vec())
            .unwrap_or_else(|e| panic!("TDLib answered with invalid UTF-8: {e}")),
    )
}

/// A request as a C string; TDLib's JSON never needs a NUL byte (it writes
/// `\u0000`).
fn c_request(request: &str) -> CString {
    CString::new(request).unwrap_or_else(|_| panic!("a request holds a NUL byte: {request}"))
}

impl TdJson {
    /// `td_execute`, its answer copied.
    fn execute(&self, request: &str) -> Option<String> {
        let request = c_request(request);
        // SAFETY: `request` is a C string. td_json_client.h keeps the answer
        // valid until the next `td_execute` or `td_receive`; TDLib 1.8.67
        // keeps it in a thread-local buffer (ClientJson.cpp), which no other
        // thread's call touches, and it is copied before this thread calls
        // TDLib again.
        unsafe { copy_answer((self.execute)(request.as_ptr())) }
    }

    /// `td_receive`, its answer copied. Taking the inbox is what makes it
    /// safe: whoever holds it is the only thread in `td_receive`.
    fn receive(&self, _held: &mut Inbox, timeout: Duration) -> Option<String> {
        // SAFETY: no other thread is in `td_receive` (see above); the answer
        // is valid until this thread's next call into TDLib (as for
        // `execute`) and is copied first.
        unsafe { copy_answer((self.receive)(timeout.as_secs_f64())) }
    }
}

/// Runs a synchronous request (`td_execute`) and returns TDLib's answer:
/// the result object or an `error` (also for text that is not JSON, and
/// for functions that cannot run synchronously). Safe from any thread.
pub fn td_execute(request: &str) -> String {
    tdjson()
        .execute(request)
        .unwrap_or_else(|| panic!("td_execute returned null for {request}"))
}

/// Messages read by `td_receive` and not yet taken by their client.
struct Inbox {
    /// By `@client_id`.
    queues: BTreeMap<i32, VecDeque<String>>,
    /// Messages without a `@client_id`: none are expected, and a test can
    /// check that none came.
    unrouted: Vec<String>,
}

/// The one place that calls `td_receive`.
static INBOX: Mutex<Inbox> = Mutex::new(Inbox {
    queues: BTreeMap::new(),
    unrouted: Vec::new(),
});

/// The inbox; a test that panicked while holding it left nothing half-done
/// (routing is a single push), so poisoning is ignored.
fn inbox() -> MutexGuard<'static, Inbox> {
    INBOX.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Messages that came without `@client_id`, taken out of the inbox.
pub fn take_unrouted() -> Vec<String> {
    std::mem::take(&mut inbox().unrouted)
}

/// The `@client_id` of a message, if it is JSON and has one.
fn client_id_of(message: &str) -> Option<i32> {
    let value: serde_json::Value = serde_json::from_str(message).ok()?;
    i32::try_from(value.get("@client_id")?.as_i64()?).ok()
}

/// One TDLib client (`td_create_client_id`). TDLib starts it on the first
/// request; closing it (the `close` request, until `authorizationStateClosed`)
/// is the owner's job, and `Drop` does it for a client left open by a
/// failing test, so that no TDLib instance outlives the test process's
/// last test.
pub struct Client {
    id: i32,
    started: bool,
    closed: bool,
}

impl Client {
    /// A new client; TDLib starts it with the first [`Client::send`].
    pub fn create() -> Client {
        // SAFETY: no arguments; TDLib allows it from any thread.
        let id = unsafe { (tdjson().create_client_id)() };
        Client {
            id,
            started: false,
            closed: false,
        }
    }

    /// TDLib's identifier of this client, the `@client_id` of its messages.
    pub fn id(&self) -> i32 {
        self.id
    }

    /// Sends a request (`td_send`); its answer comes through
    /// [`Client::receive`] with the request's `@extra`.
    pub fn send(&mut self, request: &str) {
        let request = c_request(request);
        // SAFETY: `request` is a C string; TDLib copies it before returning
        // and allows `td_send` from any thread.
        unsafe { (tdjson().send)(self.id, request.as_ptr()) };
        self.started = true;
    }

    /// The next message for this client (an answer or an update), or `None`
    /// after `timeout`.
    ///
    /// Takes the inbox lock and, while this client's queue is empty, calls
    /// `td_receive` for at most [`RECEIVE_SLICE`] at a time, routing what
    /// comes to its client's queue. `td_receive` also returns null before
    /// its timeout (it does while a client closes), so a null only ends the
    /// wait at the deadline.
    pub fn receive(&mut self, timeout: Duration) -> Option<String> {
        let deadline = Instant::now() + timeout;
        loop {
            let mut inbox = inbox();
            if let Some(message) = inbox.queues.get_mut(&self.id).and_then(VecDeque::pop_front) {
                drop(inbox);
                if is_closed_update(&message) {
                    self.closed = true;
                }
                return Some(message);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            if let Some(message) = tdjson().receive(&mut inbox, left.min(RECEIVE_SLICE)) {
                match client_id_of(&message) {
                    Some(id) => inbox.queues.entry(id).or_default().push_back(message),
                    None => inbox.unrouted.push(message),
                }
            }
        }
    }

    /// Whether this client has received `authorizationStateClosed`.
    pub fn is_closed(&self) -> bool {
        self.closed
    }
}

/// Whether a message is the last one of a client.
fn is_closed_update(message: &str) -> bool {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(message) else {
        return false;
    };
    value["@type"] == "updateAuthorizationState"
        && value["authorization_state"]["@type"] == "authorizationStateClosed"
}

impl Drop for Client {
    fn drop(&mut self) {
        if self.started && !self.closed {
            self.send(r#"{"@type":"close"}"#);
            let deadline = Instant::now() + CLOSE_ON_DROP;
            while !self.closed {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() || self.receive(left).is_none() {
                    break;
                }
            }
        }
        inbox().queues.remove(&self.id);
    }
}
