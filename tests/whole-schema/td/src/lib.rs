//! Every constructor of TDLib 1.8.64's td_api.tl as a derived Rust type
//! (`types`), and every TL type as an enum of them (`enums`), generated
//! from `../schemas/td_api.tl` by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/types.rs"));
