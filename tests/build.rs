//! Generates the whole-schema test types from shared/schemas (see
//! `build/schema_gen.rs`), into OUT_DIR for `tests/schemas.rs`.

#[path = "build/schema_gen.rs"]
mod schema_gen;

use std::path::PathBuf;

use schema_gen::Dialect;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let schemas = manifest.join("../../shared/schemas");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/schema_gen.rs");
    let mut report = String::new();
    for (file, dialect) in [
        ("td_api.tl", Dialect::Td),
        ("telegram_api.tl", Dialect::Mtproto),
        ("mtproto_api.tl", Dialect::Mtproto),
    ] {
        let path = schemas.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let schema = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let (source, summary) = schema_gen::generate(&schema, dialect);
        let name = file.trim_end_matches(".tl");
        std::fs::write(out.join(format!("{name}.rs")), source).expect("write generated source");
        report.push_str(&format!(
            "{file}: {} constructors generated, {} `ty` and {} `bare` attributes, {} lines skipped\n",
            summary.constructors,
            summary.ty_attributes,
            summary.bare_attributes,
            summary.skipped.len()
        ));
        for line in &summary.skipped {
            report.push_str(&format!("  skipped: {line}\n"));
        }
    }
    std::fs::write(out.join("schemas_report.txt"), report).expect("write report");
}
