//! Generates `../schemas/telegram_api.tl`'s functions with tl-gen, as a user's build script would.

fn main() {
    let out = std::path::Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("functions.rs");
    // No `Debug, Clone, PartialEq`: the proof needs none of them, and on
    // td_api's types they take 0.3 GB more of the largest rustc process.
    tl_gen::Config::new()
        .derives(Vec::<String>::new())
        .types(false)
        .out(out)
        .compile("../schemas/telegram_api.tl")
        .unwrap_or_else(|e| panic!("{e}"));
}
