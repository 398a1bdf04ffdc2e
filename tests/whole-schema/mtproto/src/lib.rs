//! Every constructor of MTProto's service messages, mtproto_api.tl as a derived Rust type
//! (`types`), every TL type as an enum of them (`enums`), and every
//! function as a derived Rust type (`functions`), generated from
//! `../schemas/mtproto_api.tl` by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/mtproto_api.rs"));
