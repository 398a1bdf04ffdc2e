//! The asynchronous interface: a client (`td_create_client_id`), requests
//! (`td_send`) carrying `@extra`, and the stream of answers and updates
//! (`td_receive`), every message decoded into a type of `types.rs`.
//!
//! TDLib needs no network for what these tests ask: a new client announces
//! its options and waits for `setTdlibParameters`, the `test*` functions
//! answer locally, and `close` closes it.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use crate::client::{Client, take_unrouted};
use crate::types::{
    self, AuthorizationState, AuthorizationUpdate, Close, Function, GetAuthorizationState,
    GetOption, OptionValue, TestCallEmpty, TestCallString, TestCallVectorInt, TestReturnError,
    TestSquareInt, Update, UpdateAuthorizationState, UpdateOption,
};
use crate::{assert_same_json, decode, decode_answer};

/// How long to wait for any one message; TDLib answers these requests in
/// milliseconds.
const PATIENCE: Duration = Duration::from_secs(10);

/// A client and what it has received: answers are matched to their
/// requests by `@extra`, every other message must be an update we declared.
struct Session {
    /// The TDLib client.
    client: Client,
    /// Numbers the `@extra` of each request.
    sent: u64,
    /// The `@extra`s sent and not yet answered.
    pending: BTreeSet<String>,
    /// Answers read while waiting for another one, by `@extra`.
    answers: BTreeMap<String, String>,
    /// Every update, decoded, in order.
    updates: Vec<Update>,
    /// The `@type` of every message, in order.
    seen: Vec<String>,
    /// The updates `AuthorizationUpdate` took into its catch-all.
    caught: Vec<String>,
}

impl Session {
    /// A session of a new client, which starts with the first request.
    fn new() -> Session {
        Session {
            client: Client::create(),
            sent: 0,
            pending: BTreeSet::new(),
            answers: BTreeMap::new(),
            updates: Vec::new(),
            seen: Vec::new(),
            caught: Vec::new(),
        }
    }

    /// Sends our typed request with an `@extra` of its own, and returns
    /// that `@extra`.
    fn send<F: Function>(&mut self, request: &F) -> String {
        self.sent += 1;
        let extra = format!("{}:{}:{}", self.client.id(), F::NAME, self.sent);
        let text =
            tl_core::json::to_string_td_with_extra(request, &extra).expect("a request serializes");
        self.client.send(&text);
        self.pending.insert(extra.clone());
        extra
    }

    /// Reads one message: an answer is kept for [`Session::answer`], an
    /// update is decoded and kept. Fails the test on anything else.
    fn read(&mut self) {
        let Some(message) = self.client.receive(PATIENCE) else {
            panic!(
                "no message from TDLib within {PATIENCE:?}; seen so far: {:?}",
                self.seen
            );
        };
        let envelope = tl_core::json::envelope(&message).expect("TDLib writes JSON");
        assert_eq!(
            envelope.client_id,
            Some(i64::from(self.client.id())),
            "a message routed to the wrong client: {message}"
        );
        let tag = envelope.tag.clone();
        self.seen
            .push(tag.unwrap_or_else(|| panic!("TDLib sent an object without @type: {message}")));
        match envelope.extra {
            Some(extra) => {
                let extra: String = serde_json::from_str(extra.get()).unwrap_or_default();
                assert!(
                    self.pending.remove(&extra),
                    "an answer whose @extra no pending request has: {message}"
                );
                self.answers.insert(extra, message);
            }
            None => {
                let update: Update = decode(&message);
                assert_same_json(&update, &message);
                // A client that declares one update reads the others
                // into its catch-all, and writes them back unchanged.
                let partial: AuthorizationUpdate = decode(&message);
                assert_same_json(&partial, &message);
                if let AuthorizationUpdate::Other(unknown) = &partial {
                    self.caught
                        .push(unknown.name().unwrap_or_default().to_owned());
                }
                self.updates.push(update);
            }
        }
    }

    /// The answer to the request sent with `extra`, decoded as `F`'s.
    fn answer<F: Function>(&mut self, extra: &str) -> Result<F::Reply, tl_core::TdError> {
        loop {
            if let Some(message) = self.answers.remove(extra) {
                let answer = decode_answer::<F>(&message);
                match &answer {
                    Ok(reply) => assert_same_json(reply, &message),
                    Err(error) => assert_same_json(error, &message),
                }
                return answer;
            }
            self.read();
        }
    }

    /// Sends `request` and waits for its answer.
    fn call<F: Function>(&mut self, request: &F) -> Result<F::Reply, tl_core::TdError> {
        let extra = self.send(request);
        self.answer::<F>(&extra)
    }

    /// [`Session::call`] of a request that must succeed.
    fn call_ok<F: Function>(&mut self, request: &F) -> F::Reply {
        self.call(request)
            .unwrap_or_else(|error| panic!("{request:?} failed: {error:?}"))
    }

    /// Reads until the update that says the client is closed.
    fn read_until_closed(&mut self) {
        while !self.client.is_closed() {
            self.read();
        }
    }

    /// The authorization states the client went through, in order.
    fn authorization_states(&self) -> Vec<AuthorizationState> {
        self.updates
            .iter()
            .filter_map(|update| match update {
                Update::AuthorizationState(UpdateAuthorizationState {
                    authorization_state,
                }) => Some(authorization_state.clone()),
                Update::Option(_) | Update::Other(_) => None,
            })
            .collect()
    }
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn one_client_from_start_to_close() {
    let mut session = Session::new();

    // The client starts with the first request: it first announces its
    // options and its state, then answers.
    let version = session.call_ok(&GetOption {
        name: "version".into(),
    });
    assert_eq!(
        version,
        OptionValue::String {
            value: "1.8.67".into()
        }
    );
    let [
        Update::Option(UpdateOption {
            name: first,
            value: OptionValue::String { value: first_value },
        }),
        Update::Option(UpdateOption {
            name: second,
            value: OptionValue::String { .. },
        }),
        Update::AuthorizationState(UpdateAuthorizationState {
            authorization_state: AuthorizationState::WaitTdlibParameters,
        }),
    ] = session.updates.as_slice()
    else {
        panic!("updates before the first answer: {:?}", session.updates);
    };
    assert_eq!(
        (first.as_str(), first_value.as_str(), second.as_str()),
        ("version", "1.8.67", "commit_hash")
    );

    assert_eq!(
        session.call_ok(&TestSquareInt { x: 12 }),
        types::TestInt { value: 144 }
    );
    let x = vec![0, -1, i32::MAX, i32::MIN];
    assert_eq!(
        session.call_ok(&TestCallVectorInt { x: x.clone() }),
        types::TestVectorInt { value: x }
    );
    let x = "h\u{e9}llo \u{1F44D} \"quoted\"\n".to_owned();
    assert_eq!(
        session.call_ok(&TestCallString { x: x.clone() }),
        types::TestString { value: x }
    );
    assert_eq!(session.call_ok(&TestCallEmpty), types::Ok);
    let error = tl_core::TdError {
        code: 404,
        message: "NOT_FOUND".into(),
    };
    assert_eq!(
        session.call(&TestReturnError {
            error: error.clone()
        }),
        Err(error.clone())
    );
    assert_eq!(
        session.call_ok(&GetAuthorizationState),
        AuthorizationState::WaitTdlibParameters
    );

    // Several requests in flight. TDLib does not promise to answer in the
    // order of sending (requests sent to a client that has not started yet
    // come back out of order: testReturnError before testSquareInt), so
    // answers are matched by @extra; here they are taken in reverse order,
    // mostly from those read early.
    let square = session.send(&TestSquareInt { x: 7 });
    let string = session.send(&TestCallString { x: "s".into() });
    let failing = session.send(&TestReturnError {
        error: error.clone(),
    });
    let state = session.send(&GetAuthorizationState);
    let squares: Vec<(i32, String)> = (1..=5)
        .map(|x| (x, session.send(&TestSquareInt { x })))
        .collect();
    for (x, extra) in squares.iter().rev() {
        let answer = session.answer::<TestSquareInt>(extra);
        assert_eq!(answer, Ok(types::TestInt { value: x * x }));
    }
    assert_eq!(
        session.answer::<GetAuthorizationState>(&state),
        Ok(AuthorizationState::WaitTdlibParameters)
    );
    assert_eq!(session.answer::<TestReturnError>(&failing), Err(error));
    assert_eq!(
        session.answer::<TestCallString>(&string),
        Ok(types::TestString { value: "s".into() })
    );
    assert_eq!(
        session.answer::<TestSquareInt>(&square),
        Ok(types::TestInt { value: 49 })
    );

    assert_eq!(session.call_ok(&Close), types::Ok);
    session.read_until_closed();
    assert_eq!(
        session.authorization_states(),
        [
            AuthorizationState::WaitTdlibParameters,
            AuthorizationState::Closing,
            AuthorizationState::Closed,
        ]
    );
    assert!(
        session.pending.is_empty(),
        "unanswered: {:?}",
        session.pending
    );
    assert!(session.answers.is_empty());
    assert_eq!(take_unrouted(), Vec::<String>::new());
    // The version and commit_hash options went to the catch-all of the
    // enum that declares only updateAuthorizationState.
    assert_eq!(session.caught, ["updateOption", "updateOption"]);

    println!("@types seen, in order: {:?}", session.seen);
    let kinds: BTreeSet<&str> = session.seen.iter().map(String::as_str).collect();
    println!("distinct @types: {kinds:?}");
    assert_eq!(
        kinds,
        BTreeSet::from([
            "updateOption",
            "updateAuthorizationState",
            "optionValueString",
            "testInt",
            "testVectorInt",
            "testString",
            "ok",
            "error",
            "authorizationStateWaitTdlibParameters",
        ])
    );
}

/// Two clients on two threads at once (and beside the other tests): each
/// gets only its own messages, however `td_receive` interleaves them.
#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tl-tests --test tdlib -- --ignored"]
fn two_clients_on_two_threads() {
    let run = |base: i32| {
        move || {
            let mut session = Session::new();
            for x in base..base + 20 {
                assert_eq!(
                    session.call_ok(&TestSquareInt { x }),
                    types::TestInt { value: x * x }
                );
            }
            assert_eq!(session.call_ok(&Close), types::Ok);
            session.read_until_closed();
            session.client.id()
        }
    };
    let first = std::thread::spawn(run(100));
    let second = std::thread::spawn(run(1000));
    let first = first.join().expect("the first client's thread");
    let second = second.join().expect("the second client's thread");
    assert_ne!(first, second);
}
