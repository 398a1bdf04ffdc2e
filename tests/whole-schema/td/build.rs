//! Generates `../schemas/td_api.tl`'s types and enums with tl-gen, as a user's build script would.

fn main() {
    let out = std::path::Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("types.rs");
    tl_gen::Config::new()
        .functions(false)
        .out(out)
        .compile("../schemas/td_api.tl")
        .unwrap_or_else(|e| panic!("{e}"));
}
