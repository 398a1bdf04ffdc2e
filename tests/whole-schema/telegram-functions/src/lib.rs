//! Every function of Telegram layer 227's telegram_api.tl as a derived Rust type (`functions`),
//! generated from `../schemas/telegram_api.tl` by `build.rs`, beside the types
//! and enums of `whole-schema-telegram` (re-exported) that they name.

pub use whole_schema_telegram::{enums, types};

include!(concat!(env!("OUT_DIR"), "/functions.rs"));
