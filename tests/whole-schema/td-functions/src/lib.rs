//! Every function of TDLib 1.8.64's td_api.tl as a derived Rust type (`functions`),
//! generated from `../schemas/td_api.tl` by `build.rs`, beside the types
//! and enums of `whole-schema-td` (re-exported) that they name.

pub use whole_schema_td::{enums, types};

include!(concat!(env!("OUT_DIR"), "/functions.rs"));
