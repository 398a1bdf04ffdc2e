//! The whole-schema proof for TDLib 1.8.64's `td_api.tl`: every constructor
//! and every function as a derived Rust type (crate `whole-schema-td`),
//! with its official id and schema line, round-tripping two sample values
//! through binary and JSON: one with every field TDLib may leave null (and
//! every parameter one may pass null) `None`, one with them `Some`. One
//! test binary per schema, and the types in their own crate, keep each
//! rustc process within a laptop's memory.

#[macro_use]
mod whole_schema;

// Only builtins are skipped: `double ? = Double`, `string ? = String`, generic `vector`.
// Nullable: the fields of the types section whose doc says "may be null"
// or "pass null", 405: 403 objects (`Option<T>`, among them
// `messagePoll.media:MessageContent`, a nullable field of the type its own
// constructor belongs to), and the two `messages:vector<message>` whose
// "messages may be null" (`Vec<Option<T>>`). None is a number or string.
// Of the functions' parameters, 137 say so, all objects
// (`setAuthenticationPhoneNumber.settings:phoneNumberAuthenticationSettings`
// "pass null to use default settings"...). td_api.tl has no ids, so each
// is checked against the CRC of its line.
schema_tests!(
    td_api from whole_schema_td and whole_schema_td_functions, "td_api.tl",
    constructors: 2054, functions: 990, generic: 0, skipped: 3, mtproto: false,
    forced: (0, 0),
    nullable: 403, nullable_elements: 2, kept_non_null: 0,
    nullable_parameters: 137, nullable_parameter_elements: 0, kept_non_null_parameters: 0
);
