//! Derived types against a real TDLib 1.8.67 (`libtdjson.so`).
//!
//! The other tests check our JSON against JSON written down by hand; these
//! exchange it with TDLib itself: TDLib's answers must decode into the
//! types of `types.rs`, TDLib must understand the requests we write with
//! `to_string_td`, and what we write back from its answers must get the
//! same answers again.
//!
//! Needs the library, so every test that calls it is ignored by default:
//!
//! ```sh
//! .ci/install-tdlib
//! cargo test -p tl-tests --test tdlib -- --ignored
//! ```
//!
//! `TL_TDJSON=/path/to/libtdjson.so` uses another copy of TDLib 1.8.67.
//! Without the library, an ignored test run this way fails and names the
//! install command. The tests of `types.rs` (schema lines and ids) need no
//! library and always run.

mod client;
mod stream;
mod sync;
mod types;

use tl_core::json::{JsonDecode, JsonEncode, TdJson};

use types::Function;

/// Decodes TDLib's message as `T`; a failure fails the test, naming the
/// message.
fn decode<T: for<'de> JsonDecode<'de>>(message: &str) -> T {
    tl_core::json::from_str(message).unwrap_or_else(|e| {
        panic!(
            "our {} cannot read TDLib's {message}: {e}",
            std::any::type_name::<T>()
        )
    })
}

/// Decodes TDLib's answer to `F` as `F::Return`, or the `error` it failed
/// with: `reply_from_str` picks by the tag.
fn decode_answer<F: Function>(answer: &str) -> Result<F::Reply, tl_core::TdError> {
    match tl_core::json::reply_from_str::<F>(answer) {
        Ok(reply) => reply.result,
        Err(e) => panic!(
            "our {} cannot read TDLib's answer {answer}: {e}",
            std::any::type_name::<F::Reply>()
        ),
    }
}

/// Our request as TDLib's JSON, as a tree, to add `@extra` to or to send.
fn request_value<F: Function>(request: &F) -> serde_json::Value {
    serde_json::to_value(TdJson(request)).expect("a request serializes")
}

/// Runs `request` synchronously: written by `to_string_td`, answered by
/// `td_execute`. Returns the decoded answer and TDLib's text of it.
fn execute<F: Function>(request: &F) -> (Result<F::Reply, tl_core::TdError>, String) {
    let text = tl_core::json::to_string_td(request).expect("a request serializes");
    let answer = client::td_execute(&text);
    (decode_answer::<F>(&answer), answer)
}

/// [`execute`] of a request TDLib must answer with a result.
fn execute_ok<F: Function>(request: &F) -> (F::Reply, String) {
    match execute(request) {
        (Ok(reply), answer) => (reply, answer),
        (Err(error), _) => panic!("{request:?} failed: {error:?}"),
    }
}

/// Asserts that our value, written back in TDLib's form, is TDLib's object
/// field for field: no field of TDLib's was dropped by our type (JSON input
/// ignores unknown fields, so decoding alone would not notice one) and none
/// was made up. `@extra` and `@client_id` belong to the message, not the
/// object: a declared type drops them, a catch-all keeps them with the rest.
fn assert_same_json<T: JsonEncode>(ours: &T, theirs: &str) {
    let without_envelope = |mut value: serde_json::Value| {
        if let Some(object) = value.as_object_mut() {
            object.remove("@extra");
            object.remove("@client_id");
        }
        value
    };
    let ours = without_envelope(serde_json::to_value(TdJson(ours)).expect("our value serializes"));
    let theirs = without_envelope(serde_json::from_str(theirs).expect("TDLib writes JSON"));
    assert_eq!(ours, theirs, "our JSON (left) is not TDLib's (right)");
}
