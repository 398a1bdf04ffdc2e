//! Generates `../schemas/td_api.tl`'s types and enums with tl-gen, as a user's build script would.

fn main() {
    let out = std::path::Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("types.rs");
    // No `Debug, Clone, PartialEq`: the proof needs none of them, and on
    // td_api's types they take 0.3 GB more of the largest rustc process.
    tl_gen::Config::new()
        .derives(Vec::<String>::new())
        .functions(false)
        .out(out)
        .compile("../schemas/td_api.tl")
        .unwrap_or_else(|e| panic!("{e}"));
}
