//! TDLib's types for a bot, generated from `td_api.tl` by `build.rs` with
//! tl-gen: only the functions and updates the bot names, and every type
//! they reach.
//!
//! - `types`: a struct per constructor (`types::InputMessageText`);
//! - `enums`: an enum per TL type (`enums::Update::NewMessage`), each with
//!   a catch-all `Other(tl_core::Unknown)` for the constructors left out;
//! - `functions`: a struct per function, whose `TlFunction::Return` is the
//!   type of TDLib's answer (`functions::GetMe` returns `enums::User`).

include!(concat!(env!("OUT_DIR"), "/td_api.rs"));
