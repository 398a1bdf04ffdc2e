//! The client: TDLib's JSON interface (`td_json_client.h`) loaded with
//! libloading, one receiver thread for the whole process, and a blocking
//! `send` per request.
//!
//! `td_receive` returns the messages of every client and must not run on
//! two threads at once, so the process has one receiver thread, shared by
//! all clients. It reads only each message's envelope (`@client_id`,
//! `@extra`, `@type`) and hands the text on: a reply to the caller that
//! waits for its `@extra` (a counter per client), an update to the client's
//! update channel. Reading the body into a type happens on the caller's
//! thread, so the one receiver thread is not what limits throughput.
//!
//! Shutdown: TDLib answers `close` with `ok`, answers or aborts what was in
//! flight, and ends with `updateAuthorizationState` holding
//! `authorizationStateClosed`, after which it sends nothing more for that
//! client. The receiver then drops every waiter left (each caller gets
//! [`TdError::Closed`]) and the update channel (the iterator ends); when
//! the last client is gone the thread ends, and `close` joins it.

use std::collections::HashMap;
use std::ffi::{CStr, CString, c_char, c_double, c_int};
use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use tl_core::TlFunction;
use tl_core::json::{JsonDecode, JsonEncode};

use crate::{enums, functions, types};

/// The environment variable that names another libtdjson.so.
pub const PATH_VARIABLE: &str = "TL_TDJSON";
/// Where `.ci/install-tdlib` puts the library, from the repository root.
const INSTALLED: &str = "target/tdlib/node_modules/@prebuilt-tdlib/linux-x64-glibc/libtdjson.so";
const INSTALL: &str = ".ci/install-tdlib";

/// How long `td_receive` blocks: only how soon an idle receiver notices
/// that its last client was abandoned (a closed client wakes it at once).
const RECEIVE_TIMEOUT: c_double = 1.0;
/// TDLib closes a client in milliseconds; this bounds a TDLib that never
/// confirms, so that `close` and drop cannot hang.
const CLOSE_PATIENCE: Duration = Duration::from_secs(30);

/// Why a request has no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TdError {
    /// TDLib answered `error`: the request was rejected, or aborted (code
    /// 500) because the client was closing.
    Tdlib { code: i32, message: String },
    /// The client closed, or was dropped, before the answer came; also
    /// every request sent after it closed.
    Closed,
    /// `close` (or drop) gave up waiting for `authorizationStateClosed`;
    /// the requests still pending got [`TdError::Closed`].
    ShutdownTimedOut,
    /// TDLib's answer is neither the request's `Return` nor `error`.
    BadReply { reply: String, error: String },
    /// The request cannot be written as TDLib's JSON.
    BadRequest(String),
}

impl TdError {
    /// TDLib's error code, for an error TDLib answered.
    pub fn code(&self) -> Option<i32> {
        match self {
            TdError::Tdlib { code, .. } => Some(*code),
            _ => None,
        }
    }
}

impl fmt::Display for TdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TdError::Tdlib { code, message } => write!(f, "TDLib error {code}: {message}"),
            TdError::Closed => f.write_str("the TDLib client is closed"),
            TdError::ShutdownTimedOut => write!(
                f,
                "TDLib did not confirm closing the client within {CLOSE_PATIENCE:?}"
            ),
            TdError::BadReply { reply, error } => {
                write!(f, "cannot read TDLib's answer {reply}: {error}")
            }
            TdError::BadRequest(error) => write!(f, "cannot write the request: {error}"),
        }
    }
}

impl std::error::Error for TdError {}

/// libtdjson.so is missing or is not TDLib's JSON interface.
#[derive(Debug, Clone)]
pub struct LoadError(String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

/// TDLib's JSON interface, as `td_json_client.h` declares it.
pub struct TdJson {
    execute: unsafe extern "C" fn(*const c_char) -> *const c_char,
    create_client_id: unsafe extern "C" fn() -> c_int,
    send: unsafe extern "C" fn(c_int, *const c_char),
    receive: unsafe extern "C" fn(c_double) -> *const c_char,
    /// Keeps the pointers above valid; never unloaded.
    _library: libloading::Library,
}

/// The library named by `TL_TDJSON`, or the one `.ci/install-tdlib`
/// installs; loaded once per process.
pub fn load() -> Result<&'static TdJson, LoadError> {
    static TDJSON: OnceLock<Result<TdJson, LoadError>> = OnceLock::new();
    TDJSON
        .get_or_init(load_library)
        .as_ref()
        .map_err(Clone::clone)
}

fn library_path() -> PathBuf {
    match std::env::var_os(PATH_VARIABLE) {
        Some(path) => PathBuf::from(path),
        // This package is examples/tdlib-client of the repository.
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(INSTALLED),
    }
}

fn load_library() -> Result<TdJson, LoadError> {
    let path = library_path();
    if !path.is_file() {
        return Err(LoadError(format!(
            "TDLib's libtdjson.so is not at {}: run `{INSTALL}` from the repository root \
             (it installs TDLib 1.8.67 from npm into target/tdlib), or set {PATH_VARIABLE} \
             to the library's path",
            path.display()
        )));
    }
    let failed = |e: libloading::Error| LoadError(format!("loading {}: {e}", path.display()));
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

/// TDLib's answers live in a buffer that its next call on the same thread
/// reuses: copied at once. Not UTF-8 (TDLib promises it) is replaced
/// rather than trusted, and then fails to read as JSON where it matters.
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
    Some(String::from_utf8_lossy(bytes).into_owned())
}

fn encode<F: JsonEncode>(request: &F, extra: Option<u64>) -> Result<CString, TdError> {
    let text = match extra {
        Some(extra) => tl_core::json::to_string_td_with_extra(request, &extra),
        None => tl_core::json::to_string_td(request),
    };
    let text = text.map_err(|e| TdError::BadRequest(e.to_string()))?;
    // serde_json escapes NUL in strings, so this fails only on a bug.
    CString::new(text).map_err(|e| TdError::BadRequest(e.to_string()))
}

/// A reply as `F::Return`, or TDLib's `error`.
fn decode<F>(reply: &str) -> Result<F::Return, TdError>
where
    F: TlFunction,
    F::Return: for<'de> JsonDecode<'de>,
{
    match tl_core::json::reply_from_str::<F>(reply) {
        Ok(reply) => reply.result.map_err(|e| TdError::Tdlib {
            code: e.code,
            message: e.message,
        }),
        Err(error) => Err(TdError::BadReply {
            reply: reply.to_owned(),
            error: error.to_string(),
        }),
    }
}

impl TdJson {
    /// Runs a request synchronously with `td_execute`: only those TDLib
    /// documents as "Can be called synchronously" (`setLogVerbosityLevel`,
    /// `getTextEntities`...); others answer an error.
    pub fn execute<F>(&self, request: F) -> Result<F::Return, TdError>
    where
        F: TlFunction + JsonEncode,
        F::Return: for<'de> JsonDecode<'de>,
    {
        let text = encode(&request, None)?;
        // SAFETY: `text` is a C string; the answer stays valid until this
        // thread's next call into td_execute or td_receive, and is copied
        // before either.
        let reply = unsafe { copy((self.execute)(text.as_ptr())) };
        let reply = reply.ok_or_else(|| TdError::BadReply {
            reply: String::new(),
            error: "td_execute returned null".into(),
        })?;
        decode::<F>(&reply)
    }
}

/// Poisoning only says another thread panicked while holding the lock;
/// every critical section here leaves its data consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What the receiver knows of one client.
struct Slot {
    routes: Mutex<Routes>,
    /// Signalled once `routes.closed` is set.
    closed: Condvar,
}

struct Routes {
    /// Callers waiting for an answer, by the `@extra` of their request.
    waiting: HashMap<u64, SyncSender<String>>,
    /// Dropped on close, which ends the update iterator.
    updates: Option<Sender<String>>,
    /// TDLib sends nothing more for this client.
    closed: bool,
}

impl Slot {
    /// Answers what can no longer be answered: every waiter is dropped
    /// (its caller gets `Closed`), and so is the update channel.
    fn finish(&self) {
        let mut routes = lock(&self.routes);
        routes.closed = true;
        routes.waiting.clear();
        routes.updates = None;
        self.closed.notify_all();
    }
}

/// The process's one receiver thread and the clients it serves.
struct Router {
    tdjson: &'static TdJson,
    state: Mutex<RouterState>,
}

struct RouterState {
    clients: HashMap<c_int, Arc<Slot>>,
    /// Whether a receiver thread runs (or is about to: it is spawned
    /// under this lock).
    running: bool,
    /// The receiver, running or ended, not joined yet.
    receiver: Option<JoinHandle<()>>,
}

fn router() -> Result<&'static Router, LoadError> {
    static ROUTER: OnceLock<Router> = OnceLock::new();
    let tdjson = load()?;
    Ok(ROUTER.get_or_init(|| Router {
        tdjson,
        state: Mutex::new(RouterState {
            clients: HashMap::new(),
            running: false,
            receiver: None,
        }),
    }))
}

impl Router {
    /// Adds a client, starting the receiver if none runs.
    fn register(&'static self, id: c_int, slot: Arc<Slot>) {
        let mut state = lock(&self.state);
        state.clients.insert(id, slot);
        if state.running {
            return;
        }
        state.running = true;
        // The previous receiver decided to end under this lock, after its
        // last td_receive: the two never call td_receive at once.
        let previous = state.receiver.take();
        state.receiver = Some(std::thread::spawn(move || self.receive_loop()));
        drop(state);
        if let Some(previous) = previous {
            let _ = previous.join();
        }
    }

    /// Forgets a client TDLib never confirmed closing, so that the
    /// receiver may end.
    fn forget(&self, id: c_int) {
        lock(&self.state).clients.remove(&id);
    }

    /// Joins the receiver if it has ended, which it does with the last
    /// client.
    fn reap(&self) {
        let mut state = lock(&self.state);
        if state.running {
            return;
        }
        let receiver = state.receiver.take();
        drop(state);
        if let Some(receiver) = receiver {
            let _ = receiver.join();
        }
    }

    fn receive_loop(&self) {
        loop {
            // SAFETY: only this thread calls td_receive (see `register`);
            // it never calls td_execute, and the answer is copied before
            // the next td_receive.
            let message = unsafe { copy((self.tdjson.receive)(RECEIVE_TIMEOUT)) };
            let mut state = lock(&self.state);
            if let Some(message) = message {
                route(&mut state, message);
            }
            if state.clients.is_empty() {
                state.running = false;
                return;
            }
        }
    }
}

/// Hands a message to the caller or the update channel it belongs to.
/// TDLib's text is not trusted: what cannot be routed is logged.
fn route(state: &mut RouterState, message: String) {
    let envelope = match tl_core::json::envelope(&message) {
        Ok(envelope) => envelope,
        Err(error) => return log(&message, &format!("not a TDLib object: {error}")),
    };
    let slot = envelope
        .client_id
        .and_then(|id| c_int::try_from(id).ok())
        .and_then(|id| Some((id, state.clients.get(&id)?)));
    let Some((client_id, slot)) = slot else {
        return log(&message, "no client of ours");
    };
    if let Some(extra) = envelope.extra {
        // We send counters, which serde writes as plain digits, and TDLib
        // echoes the text: anything else is not ours.
        let Ok(extra) = extra.get().parse::<u64>() else {
            return log(&message, "an @extra this client did not send");
        };
        let waiter = lock(&slot.routes).waiting.remove(&extra);
        match waiter {
            // A caller that gave up waiting dropped its receiver.
            Some(waiter) => drop(waiter.try_send(message)),
            None => log(&message, "an answer nobody waits for"),
        }
        return;
    }
    let closed = envelope.tag.as_deref() == Some("updateAuthorizationState")
        && matches!(
            tl_core::json::from_str::<enums::Update>(&message),
            Ok(enums::Update::AuthorizationState(
                types::UpdateAuthorizationState {
                    authorization_state: enums::AuthorizationState::Closed(_),
                }
            ))
        );
    if let Some(updates) = &lock(&slot.routes).updates {
        // The client may have dropped its receiving end: nothing to do.
        let _ = updates.send(message);
    }
    if closed {
        slot.finish();
        state.clients.remove(&client_id);
    }
}

fn log(message: &str, why: &str) {
    eprintln!("tdlib-client: dropped a message from TDLib ({why}): {message}");
}

/// One TDLib instance. `Send + Sync`: share it by reference (or `Arc`)
/// between threads, each of which may `send`.
///
/// Dropping it closes it, as [`Client::close`] does.
pub struct Client {
    id: c_int,
    router: &'static Router,
    slot: Arc<Slot>,
    next_extra: AtomicU64,
    updates: Mutex<Receiver<String>>,
}

/// A request sent, its answer not read yet: [`Pending::wait`] blocks for
/// it. It does not borrow the client, so it outlives a client dropped
/// before the answer came, and then gets [`TdError::Closed`].
#[must_use = "the answer, or the error, is only known by waiting"]
pub struct Pending<F> {
    answer: Result<Receiver<String>, TdError>,
    request: PhantomData<fn() -> F>,
}

impl<F> Pending<F>
where
    F: TlFunction,
    F::Return: for<'de> JsonDecode<'de>,
{
    /// The answer, once TDLib sends it or the client closes.
    pub fn wait(self) -> Result<F::Return, TdError> {
        let reply = self.answer?.recv().map_err(|_| TdError::Closed)?;
        decode::<F>(&reply)
    }

    /// [`Pending::wait`] for at most `timeout`; the request back if no
    /// answer came by then.
    pub fn wait_timeout(self, timeout: Duration) -> Result<Result<F::Return, TdError>, Self> {
        let receiver = match self.answer {
            Ok(receiver) => receiver,
            Err(error) => return Ok(Err(error)),
        };
        match receiver.recv_timeout(timeout) {
            Ok(reply) => Ok(decode::<F>(&reply)),
            Err(RecvTimeoutError::Disconnected) => Ok(Err(TdError::Closed)),
            Err(RecvTimeoutError::Timeout) => Err(Pending {
                answer: Ok(receiver),
                request: PhantomData,
            }),
        }
    }
}

impl Client {
    /// A new TDLib instance; TDLib starts it with the first request.
    pub fn new() -> Result<Client, LoadError> {
        let router = router()?;
        // SAFETY: no arguments; callable from any thread.
        let id = unsafe { (router.tdjson.create_client_id)() };
        let (updates, receiver) = mpsc::channel();
        let slot = Arc::new(Slot {
            routes: Mutex::new(Routes {
                waiting: HashMap::new(),
                updates: Some(updates),
                closed: false,
            }),
            closed: Condvar::new(),
        });
        router.register(id, Arc::clone(&slot));
        Ok(Client {
            id,
            router,
            slot,
            next_extra: AtomicU64::new(1),
            updates: Mutex::new(receiver),
        })
    }

    /// TDLib's id of this client (`@client_id`).
    pub fn id(&self) -> i32 {
        self.id
    }

    /// Sends a request and blocks for its answer.
    pub fn send<F>(&self, request: F) -> Result<F::Return, TdError>
    where
        F: TlFunction + JsonEncode,
        F::Return: for<'de> JsonDecode<'de>,
    {
        self.submit(request).wait()
    }

    /// Sends a request without waiting for its answer.
    pub fn submit<F>(&self, request: F) -> Pending<F>
    where
        F: TlFunction + JsonEncode,
    {
        Pending {
            answer: self.post(&request),
            request: PhantomData,
        }
    }

    fn post<F: JsonEncode>(&self, request: &F) -> Result<Receiver<String>, TdError> {
        let extra = self.next_extra.fetch_add(1, Ordering::Relaxed);
        let text = encode(request, Some(extra))?;
        let (waiter, answer) = mpsc::sync_channel(1);
        {
            let mut routes = lock(&self.slot.routes);
            if routes.closed {
                return Err(TdError::Closed);
            }
            // Before td_send: the answer may come before td_send returns.
            routes.waiting.insert(extra, waiter);
        }
        // SAFETY: `text` is a C string, which TDLib copies before
        // returning; td_send may be called from any thread.
        unsafe { (self.router.tdjson.send)(self.id, text.as_ptr()) };
        Ok(answer)
    }

    /// The updates TDLib sends this client, in order, read as
    /// `enums::Update` (those the build did not name as `Other`). Blocks
    /// for the next; ends when the client is closed. Updates wait in an
    /// unbounded queue until read, so a program that never reads them
    /// keeps them all.
    pub fn updates(&self) -> impl Iterator<Item = enums::Update> + '_ {
        std::iter::from_fn(move || {
            loop {
                let message = lock(&self.updates).recv().ok()?;
                match tl_core::json::from_str::<enums::Update>(&message) {
                    Ok(update) => return Some(update),
                    Err(error) => log(&message, &format!("not an update: {error}")),
                }
            }
        })
    }

    /// Whether TDLib has closed this client.
    pub fn is_closed(&self) -> bool {
        lock(&self.slot.routes).closed
    }

    /// Closes the client: TDLib answers or aborts the requests in flight,
    /// any left then get [`TdError::Closed`], and the receiver thread is
    /// joined if this was the last client. Closing again does nothing.
    pub fn close(&self) -> Result<(), TdError> {
        let result = self.shut_down();
        self.router.reap();
        result
    }

    fn shut_down(&self) -> Result<(), TdError> {
        if self.is_closed() {
            return Ok(());
        }
        // TDLib answers a second `close` with an error, and `Closed` is
        // what a close that raced this one gives: waiting settles both.
        let _ = self.send(functions::Close {});
        let routes = lock(&self.slot.routes);
        let (routes, _) = self
            .slot
            .closed
            .wait_timeout_while(routes, CLOSE_PATIENCE, |routes| !routes.closed)
            .unwrap_or_else(PoisonError::into_inner);
        if routes.closed {
            return Ok(());
        }
        drop(routes);
        self.slot.finish();
        self.router.forget(self.id);
        Err(TdError::ShutdownTimedOut)
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Err(error) = self.close() {
            eprintln!("tdlib-client: closing client {}: {error}", self.id);
        }
    }
}

/// Routing without TDLib: what the receiver does with each kind of
/// message, malformed ones included.
#[cfg(test)]
mod tests {
    use super::*;

    fn state_with_client(id: c_int) -> (RouterState, Arc<Slot>, Receiver<String>) {
        let (updates, receiver) = mpsc::channel();
        let slot = Arc::new(Slot {
            routes: Mutex::new(Routes {
                waiting: HashMap::new(),
                updates: Some(updates),
                closed: false,
            }),
            closed: Condvar::new(),
        });
        let state = RouterState {
            clients: HashMap::from([(id, Arc::clone(&slot))]),
            running: true,
            receiver: None,
        };
        (state, slot, receiver)
    }

    fn wait_for(slot: &Slot, extra: u64) -> Pending<functions::TestSquareInt> {
        let (waiter, answer) = mpsc::sync_channel(1);
        lock(&slot.routes).waiting.insert(extra, waiter);
        Pending {
            answer: Ok(answer),
            request: PhantomData,
        }
    }

    #[test]
    fn an_answer_reaches_the_request_with_its_extra() {
        let (mut state, slot, _updates) = state_with_client(3);
        let seven = wait_for(&slot, 7);
        let eight = wait_for(&slot, 8);
        route(
            &mut state,
            r#"{"@type":"testInt","value":64,"@extra":8,"@client_id":3}"#.into(),
        );
        route(
            &mut state,
            r#"{"@type":"error","code":400,"message":"no","@extra":7,"@client_id":3}"#.into(),
        );
        assert_eq!(
            eight.wait(),
            Ok(enums::TestInt::TestInt(types::TestInt { value: 64 }))
        );
        assert_eq!(
            seven.wait(),
            Err(TdError::Tdlib {
                code: 400,
                message: "no".into()
            })
        );
        assert!(lock(&slot.routes).waiting.is_empty());
    }

    #[test]
    fn malformed_messages_are_dropped_not_routed() {
        let (mut state, slot, updates) = state_with_client(3);
        let waiting = wait_for(&slot, 7);
        for message in [
            "",
            "not json",
            "[1,2]",
            r#"{"@type":"testInt","value":1,"@extra":7"#,
            r#"{"@type":"testInt","value":1,"@extra":7}"#,
            r#"{"@type":"testInt","value":1,"@extra":7,"@client_id":4}"#,
            r#"{"@type":"testInt","value":1,"@extra":7,"@client_id":99999999999}"#,
            r#"{"@type":"testInt","value":1,"@extra":"7","@client_id":3}"#,
            r#"{"@type":"testInt","value":1,"@extra":-7,"@client_id":3}"#,
        ] {
            route(&mut state, message.into());
        }
        assert!(updates.try_recv().is_err());
        assert!(lock(&slot.routes).waiting.contains_key(&7));
        // A reply that is JSON but not the request's type is the caller's
        // error.
        route(
            &mut state,
            r#"{"@type":"testInt","value":"x","@extra":7,"@client_id":3}"#.into(),
        );
        let error = waiting.wait().unwrap_err();
        assert!(matches!(error, TdError::BadReply { .. }), "{error:?}");
    }

    #[test]
    fn closed_ends_the_client_and_fails_what_waits() {
        let (mut state, slot, updates) = state_with_client(3);
        let waiting = wait_for(&slot, 7);
        route(
            &mut state,
            r#"{"@type":"updateOption","name":"version","value":{"@type":"optionValueString","value":"1.8.67"},"@client_id":3}"#.into(),
        );
        route(
            &mut state,
            r#"{"@type":"updateAuthorizationState","authorization_state":{"@type":"authorizationStateClosed"},"@client_id":3}"#.into(),
        );
        assert_eq!(waiting.wait(), Err(TdError::Closed));
        assert!(lock(&slot.routes).closed);
        assert!(state.clients.is_empty());
        // Both updates, in order, and then the channel's end.
        assert!(updates.recv().unwrap().contains("updateOption"));
        assert!(updates.recv().unwrap().contains("authorizationStateClosed"));
        assert!(updates.recv().is_err());
    }
}
