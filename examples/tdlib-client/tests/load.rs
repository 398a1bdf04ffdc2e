//! The client under load, against a real TDLib (1.8.67's `libtdjson.so`):
//! answers reach the thread that asked, TDLib's refusals are errors, and a
//! client closed or dropped with requests in flight answers every one of
//! them. Nothing needs a network or a login.
//!
//! Ignored by default, since it needs the library:
//!
//! ```sh
//! .ci/install-tdlib
//! cargo test -p tdlib-client --test load -- --ignored
//! ```
//!
//! Without the library the tests fail, naming the install command. Every
//! wait is bounded: a lost answer fails the test instead of hanging it.

use std::collections::VecDeque;
use std::sync::mpsc;
use std::time::Duration;

use tdlib_client::{Client, Pending, TdError, enums, functions, types};

/// TDLib answers in microseconds; this only bounds a hang.
const PATIENCE: Duration = Duration::from_secs(20);
const THREADS: usize = 8;
const REQUESTS: usize = 10_000;
/// Requests each thread keeps in flight, so that answers can come out of
/// order and cross if routing were wrong.
const WINDOW: usize = 8;

fn client() -> Client {
    let tdjson = tdlib_client::load().unwrap_or_else(|error| panic!("{error}"));
    tdjson
        .execute(functions::SetLogVerbosityLevel {
            new_verbosity_level: 0,
        })
        .unwrap();
    Client::new().unwrap_or_else(|error| panic!("{error}"))
}

/// A request of the mix and the answer that belongs to it: most
/// `testSquareInt` and `testCallString`, with an argument no other request
/// has, and every 50th a `testReturnError` whose error names its request.
enum Asked {
    Square(i32, Pending<functions::TestSquareInt>),
    String(String, Pending<functions::TestCallString>),
    Error(String, Pending<functions::TestReturnError>),
    /// A request TDLib keeps until the client is initialized, which these
    /// tests never do: still in flight whenever the client closes.
    Parked(Pending<functions::GetOption>),
}

#[derive(Debug, Default, PartialEq)]
struct Tally {
    right: usize,
    crossed: usize,
    lost: usize,
    failed: usize,
}

fn ask(client: &Client, n: usize) -> Asked {
    if n % 50 == 49 {
        let message = format!("refused #{n}");
        let request = functions::TestReturnError {
            error: types::Error {
                code: 400,
                message: message.clone(),
            },
        };
        return Asked::Error(message, client.submit(request));
    }
    if n.is_multiple_of(2) {
        let x = i32::try_from(n).unwrap();
        Asked::Square(x, client.submit(functions::TestSquareInt { x }))
    } else {
        // Text TDLib must carry back exactly: non-ASCII, quotes, escapes.
        let x = format!("#{n} \u{e9}\u{1F44D} \"{}\"\n", n * 7);
        Asked::String(x.clone(), client.submit(functions::TestCallString { x }))
    }
}

/// Waits for one answer: `None` if none came, `Some(Ok(true))` if it is
/// its own request's, `Some(Ok(false))` if it is another's, or the error
/// that came instead.
fn answer(asked: Asked) -> Option<Result<bool, TdError>> {
    match asked {
        Asked::Square(x, pending) => {
            let answer = pending.wait_timeout(PATIENCE).ok()?;
            Some(answer.map(|a| a == enums::TestInt::TestInt(types::TestInt { value: x * x })))
        }
        Asked::String(x, pending) => {
            let answer = pending.wait_timeout(PATIENCE).ok()?;
            Some(answer.map(|a| a == enums::TestString::TestString(types::TestString { value: x })))
        }
        Asked::Error(message, pending) => match pending.wait_timeout(PATIENCE).ok()? {
            Err(TdError::Tdlib {
                code: 400,
                message: m,
            }) => Some(Ok(m == message)),
            Err(error) => Some(Err(error)),
            Ok(_) => Some(Ok(false)),
        },
        Asked::Parked(pending) => match pending.wait_timeout(PATIENCE).ok()? {
            Err(error) => Some(Err(error)),
            Ok(_) => Some(Ok(false)),
        },
    }
}

/// Waits for one answer and counts it; under load, every error is a
/// failure.
fn check(asked: Asked, tally: &mut Tally) {
    match answer(asked) {
        None => tally.lost += 1,
        Some(Ok(true)) => tally.right += 1,
        Some(Ok(false)) => tally.crossed += 1,
        Some(Err(error)) => {
            eprintln!("{error}");
            tally.failed += 1;
        }
    }
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tdlib-client --test load -- --ignored"]
fn eight_threads_get_their_own_answers() {
    let client = client();
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..THREADS)
            .map(|thread| {
                let client = &client;
                scope.spawn(move || {
                    let mut tally = Tally::default();
                    let mut in_flight = VecDeque::new();
                    // Thread t asks t, t + 8, t + 16...: no argument twice.
                    for n in (thread..REQUESTS).step_by(THREADS) {
                        if in_flight.len() == WINDOW {
                            check(in_flight.pop_front().unwrap(), &mut tally);
                        }
                        in_flight.push_back(ask(client, n));
                    }
                    for asked in in_flight {
                        check(asked, &mut tally);
                    }
                    tally
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let total = tallies.iter().fold(Tally::default(), |sum, t| Tally {
        right: sum.right + t.right,
        crossed: sum.crossed + t.crossed,
        lost: sum.lost + t.lost,
        failed: sum.failed + t.failed,
    });
    assert_eq!(
        total,
        Tally {
            right: REQUESTS,
            ..Tally::default()
        },
        "per thread: {tallies:?}"
    );
    client.close().unwrap();
    assert!(client.is_closed());
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tdlib-client --test load -- --ignored"]
fn a_wrong_argument_is_tdlibs_error() {
    let client = client();
    // TDLib checks the level itself and answers `error`.
    assert_eq!(
        client.send(functions::SetLogVerbosityLevel {
            new_verbosity_level: -5
        }),
        Err(TdError::Tdlib {
            code: 400,
            message: "Wrong new verbosity level specified".into()
        })
    );
    // The client goes on after a refusal.
    assert_eq!(
        client.send(functions::TestSquareInt { x: -7 }),
        Ok(enums::TestInt::TestInt(types::TestInt { value: 49 }))
    );
    client.close().unwrap();
    assert_eq!(
        client.send(functions::TestSquareInt { x: 2 }),
        Err(TdError::Closed)
    );
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tdlib-client --test load -- --ignored"]
fn dropping_the_client_answers_every_request_in_flight() {
    const ANSWERED: usize = 4_000;
    const PARKED: usize = 100;
    let client = client();
    // TDLib answers the test functions in order, before the `close` that
    // drop sends; the options it keeps until `close` aborts them.
    let asked: Vec<Asked> = (0..ANSWERED + PARKED)
        .map(|n| match n % 41 {
            40 => Asked::Parked(client.submit(functions::GetOption {
                name: format!("no_such_option_{n}"),
            })),
            _ => ask(&client, n),
        })
        .collect();
    let parked = asked
        .iter()
        .filter(|asked| matches!(asked, Asked::Parked(_)))
        .count();
    let (done, results) = mpsc::channel();
    let tallies = std::thread::scope(|scope| {
        // The waiters hold only their `Pending`s, not the client.
        let mut chunks: Vec<Vec<Asked>> = (0..THREADS).map(|_| Vec::new()).collect();
        for (n, asked) in asked.into_iter().enumerate() {
            chunks[n % THREADS].push(asked);
        }
        for chunk in chunks {
            let done = done.clone();
            scope.spawn(move || {
                let mut tally = Tally::default();
                for asked in chunk {
                    check_after_drop(asked, &mut tally);
                }
                done.send(tally).unwrap();
            });
        }
        drop(done);
        drop(client);
        results.iter().collect::<Vec<Tally>>()
    });
    let lost: usize = tallies.iter().map(|t| t.lost).sum();
    let crossed: usize = tallies.iter().map(|t| t.crossed).sum();
    let failed: usize = tallies.iter().map(|t| t.failed).sum();
    let right: usize = tallies.iter().map(|t| t.right).sum();
    assert_eq!((lost, crossed), (0, 0), "per thread: {tallies:?}");
    assert_eq!(right + failed, ANSWERED + PARKED);
    // Every request still in flight at the drop got an error.
    assert_eq!(failed, parked, "per thread: {tallies:?}");
}

/// After a drop, an answer is its own request's or an error that says the
/// client closed: TDLib's abort (500) or ours. Any other error counts as
/// crossed.
fn check_after_drop(asked: Asked, tally: &mut Tally) {
    match answer(asked) {
        None => tally.lost += 1,
        Some(Ok(true)) => tally.right += 1,
        Some(Err(TdError::Closed | TdError::Tdlib { code: 500, .. })) => tally.failed += 1,
        Some(Ok(false)) => tally.crossed += 1,
        Some(Err(error)) => {
            eprintln!("not a closing error: {error}");
            tally.crossed += 1;
        }
    }
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tdlib-client --test load -- --ignored"]
fn closing_stops_threads_blocked_in_send() {
    let client = client();
    let (started, ready) = mpsc::channel();
    let (done, stopped) = mpsc::channel();
    std::thread::scope(|scope| {
        for thread in 0..THREADS {
            let (client, started, done) = (&client, started.clone(), done.clone());
            scope.spawn(move || {
                let mut sent = 0;
                // Until the client closes: `send` must then fail, not block.
                let error = loop {
                    let x = i32::try_from(thread * 1_000_000 + sent).unwrap();
                    match client.send(functions::TestSquareInt { x: x % 40_000 }) {
                        Ok(answer) => {
                            let value = (x % 40_000) * (x % 40_000);
                            assert_eq!(answer, enums::TestInt::TestInt(types::TestInt { value }));
                        }
                        Err(error) => break error,
                    }
                    sent += 1;
                    if sent == 100 {
                        started.send(()).unwrap();
                    }
                };
                done.send(error).unwrap();
            });
        }
        drop((started, done));
        for _ in 0..THREADS {
            ready
                .recv_timeout(PATIENCE)
                .expect("a thread never got going");
        }
        client.close().unwrap();
        for _ in 0..THREADS {
            let error = stopped
                .recv_timeout(PATIENCE)
                .expect("a thread still blocked in send after close");
            assert!(
                matches!(error, TdError::Closed | TdError::Tdlib { code: 500, .. }),
                "{error:?}"
            );
        }
    });
}

#[test]
#[ignore = "needs TDLib: run .ci/install-tdlib, then cargo test -p tdlib-client --test load -- --ignored"]
fn updates_are_typed_and_end_with_the_client() {
    let client = client();
    let enums::OptionValue::String(types::OptionValueString { value: version }) = client
        .send(functions::GetOption {
            name: "version".into(),
        })
        .unwrap()
    else {
        panic!("the version is not a string");
    };
    client.close().unwrap();
    // Closed: the iterator ends instead of waiting for more.
    let updates: Vec<enums::Update> = client.updates().collect();
    let states: Vec<&str> = updates
        .iter()
        .filter_map(|update| match update {
            enums::Update::AuthorizationState(state) => Some(tl_core::TlObject::constructor_name(
                &state.authorization_state,
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        states,
        [
            "authorizationStateWaitTdlibParameters",
            "authorizationStateClosing",
            "authorizationStateClosed"
        ]
    );
    assert!(
        updates.contains(&enums::Update::Option(types::UpdateOption {
            name: "version".into(),
            value: enums::OptionValue::String(types::OptionValueString { value: version }),
        })),
        "{updates:?}"
    );
}
