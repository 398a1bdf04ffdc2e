//! The whole-schema proof for TDLib 1.8.64's `td_api.tl`: every constructor as a
//! derived Rust type (crate `whole-schema-td`), with its official id and
//! schema line, round-tripping a sample value through binary and JSON. One
//! test binary per schema, and the types in their own crate, keep each
//! rustc process within a laptop's memory.

#[macro_use]
mod whole_schema;

// Only builtins are skipped: `double ? = Double`, `string ? = String`, generic `vector`.
schema_tests!(
    td_api from whole_schema_td, "td_api.tl",
    constructors: 2054, skipped: 3, mtproto: false
);
