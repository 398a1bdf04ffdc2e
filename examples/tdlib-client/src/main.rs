//! `cargo run -p tdlib-client`: a typed conversation with a real TDLib,
//! offline and without an account. A new client answers `getOption` and
//! the `test*` functions locally; it waits for `setTdlibParameters`, which
//! this program never sends.

use std::process::ExitCode;

use tdlib_client::{Client, enums, functions, types};
use tl_core::TlObject;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let tdjson = tdlib_client::load()?;
    // Before the first client: TDLib logs at verbosity 5 otherwise.
    tdjson.execute(functions::SetLogVerbosityLevel {
        new_verbosity_level: 1,
    })?;
    let client = Client::new()?;

    match client.send(functions::GetOption {
        name: "version".into(),
    })? {
        enums::OptionValue::String(types::OptionValueString { value }) => {
            println!("TDLib {value}");
        }
        other => println!("TDLib's version is not a string: {other:?}"),
    }

    let square = client.send(functions::TestSquareInt { x: 12 })?;
    println!("testSquareInt(12) = {square:?}");

    let text = "h\u{e9}llo \u{1F44D}";
    let string = client.send(functions::TestCallString { x: text.into() })?;
    println!("testCallString({text:?}) = {string:?}");

    let strings = vec!["tl".to_owned(), "derive".to_owned()];
    let vector = client.send(functions::TestCallVectorString { x: strings.clone() })?;
    println!("testCallVectorString({strings:?}) = {vector:?}");

    let state = client.send(functions::GetAuthorizationState {})?;
    println!("getAuthorizationState = {state:?}");

    // A wrong argument: TDLib's refusal comes back as `Err(TdError)`.
    let refused = client.send(functions::SetLogVerbosityLevel {
        new_verbosity_level: -5,
    });
    println!("setLogVerbosityLevel(-5) = {refused:?}");

    client.close()?;
    println!("closed");

    // The updates wait in the client's queue, which closing ended: read
    // after the requests so that the output keeps one order.
    println!("updates:");
    for update in client.updates() {
        match update {
            enums::Update::AuthorizationState(types::UpdateAuthorizationState {
                authorization_state,
            }) => println!(
                "  updateAuthorizationState {}",
                authorization_state.constructor_name()
            ),
            enums::Update::Option(types::UpdateOption { name, value }) => {
                println!("  updateOption {name} = {value:?}");
            }
            enums::Update::Other(other) => {
                println!("  {} (not in this build)", other.name().unwrap_or("?"));
            }
        }
    }
    Ok(())
}
