//! Telegram's API types, generated from `telegram_api.tl` by `generate.sh`
//! (the tl-gen command) into `src/tl`, which is checked in: only the
//! requests this crate sends, and every type they reach.
//!
//! - `tl::types`: a struct per constructor (`tl::types::Config`);
//! - `tl::enums`: an enum per TL type (`tl::enums::auth::SentCode`);
//! - `tl::functions`: a struct per function
//!   (`tl::functions::help::GetConfig`), whose `TlFunction::Return` is the
//!   type of the server's answer.

pub mod tl;
