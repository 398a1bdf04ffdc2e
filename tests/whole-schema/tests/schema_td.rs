//! The whole-schema proof for TDLib 1.8.64's td_api.tl: every constructor of `td_api.tl` as a
//! derived Rust type (crate `whole-schema-td`), with its official id
//! and schema line, round-tripping a sample value through binary and JSON.
//! One test binary per schema, and the types in their own crate, keep each
//! rustc process within a laptop's memory.

#[macro_use]
mod whole_schema;

/// The derived types (from `whole-schema-td`) and their checks.
mod td_api {
    pub use whole_schema_td::{enums, types};
    include!(concat!(env!("OUT_DIR"), "/td_api_checks.rs"));
}

#[test]
fn generation_report() {
    whole_schema::check_report(
        include_str!(concat!(env!("OUT_DIR"), "/td_api_report.txt")),
        "td_api.tl",
        2054,
        // Only builtins are skipped: `double ? = Double`, `string ? = String`, generic `vector`.
        3,
    );
}

#[test]
fn td_api() {
    whole_schema::run("td_api.tl", td_api::CASES, false);
}
