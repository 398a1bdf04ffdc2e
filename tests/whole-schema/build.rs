//! Generates the test half of the whole-schema proof from the schemas
//! vendored in `schemas/` (see `checks.rs`): for each schema, what tl-gen
//! makes of it (the same model the `whole-schema-*` crates are generated
//! from), a `Sample` impl per type and function, the table of cases and a
//! report of what was generated, into OUT_DIR for `tests/schema_*.rs`.

#[path = "checks.rs"]
mod checks;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=checks.rs");
    for file in ["td_api.tl", "telegram_api.tl", "mtproto_api.tl"] {
        let path = manifest.join("schemas").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let generated = tl_gen::Config::new()
            .generate_file(&path)
            .unwrap_or_else(|e| panic!("{e}"));
        let checks = checks::checks(file, generated.schema(), generated.api());
        let name = file.trim_end_matches(".tl");
        std::fs::write(out.join(format!("{name}_checks.rs")), checks.checks)
            .expect("write generated checks");
        std::fs::write(out.join(format!("{name}_report.txt")), checks.report)
            .expect("write report");
    }
}
