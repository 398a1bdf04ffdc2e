//! Every constructor of Telegram layer 227's telegram_api.tl as a derived Rust type
//! (`types`), and every TL type as an enum of them (`enums`), generated
//! from `../schemas/telegram_api.tl` by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/types.rs"));
