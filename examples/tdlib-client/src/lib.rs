//! A typed TDLib client: requests are structs generated from `td_api.tl`
//! by `build.rs`, each answer is read as its request's
//! `TlFunction::Return`, and updates arrive as `enums::Update`.
//!
//! ```no_run
//! use tdlib_client::{Client, enums, functions, types};
//!
//! let tdjson = tdlib_client::load()?;
//! tdjson.execute(functions::SetLogVerbosityLevel { new_verbosity_level: 1 })?;
//! let client = Client::new()?;
//! let enums::TestInt::TestInt(types::TestInt { value }) =
//!     client.send(functions::TestSquareInt { x: 12 })?
//! else {
//!     unreachable!("testInt has one constructor")
//! };
//! assert_eq!(value, 144);
//! client.close()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! - `types`, `enums`, `functions`: what `build.rs` generated with tl-gen;
//! - [`Client`], [`Pending`], [`TdError`]: the client (`src/client.rs`);
//! - [`load`], [`TdJson`]: libtdjson, loaded at run time.

mod client;

pub use client::{Client, LoadError, PATH_VARIABLE, Pending, TdError, TdJson, load};

include!(concat!(env!("OUT_DIR"), "/td_api.rs"));
