//! Generates the test half of the whole-schema proof from the schemas
//! vendored in `schemas/` (see `generate.rs`): for each schema, a `Sample`
//! impl per type and function and the table of cases, and a report of what was
//! generated (constructors, functions, forced ids, attributes, td's
//! nullable fields and parameters, skipped lines), into OUT_DIR for
//! `tests/schema_*.rs`. The types and functions themselves are the
//! `whole-schema-*` crates beside this file.

#[allow(dead_code)]
#[path = "generate.rs"]
mod generate;

use std::path::PathBuf;

use generate::Dialect;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let schemas = manifest.join("schemas");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=generate.rs");
    for (file, dialect) in [
        ("td_api.tl", Dialect::Td),
        ("telegram_api.tl", Dialect::Mtproto),
        ("mtproto_api.tl", Dialect::Mtproto),
    ] {
        let schema = generate::read_schema(&schemas.join(file));
        let generated = generate::generate(&schema, dialect);
        let summary = &generated.summary;
        let name = file.trim_end_matches(".tl");
        std::fs::write(out.join(format!("{name}_checks.rs")), &generated.checks)
            .expect("write generated checks");
        let mut report = format!(
            "{file}: {} constructors generated, {} functions generated ({} generic), {} `ty` and {} `bare` attributes, {} lines skipped\n",
            summary.constructors.generated,
            summary.functions.generated,
            summary.generic_functions,
            summary.ty_attributes,
            summary.bare_attributes,
            summary.skipped.len()
        );
        report.push_str(&format!(
            "  forced ids: {} constructors, {} functions\n",
            summary.constructors.forced, summary.functions.forced
        ));
        for (what, kind) in [
            ("nullable", &summary.constructors),
            ("nullable parameters", &summary.functions),
        ] {
            report.push_str(&format!(
                "  {what}: {} objects (`Option<T>`), {} vectors of nullable elements (`Vec<Option<T>>`), {} kept non-null\n",
                kind.nullable_objects,
                kind.nullable_elements,
                kind.not_nullable.len()
            ));
            for line in &kind.not_nullable {
                report.push_str(&format!("  kept non-null: {line}\n"));
            }
        }
        for line in &summary.skipped {
            report.push_str(&format!("  skipped: {line}\n"));
        }
        std::fs::write(out.join(format!("{name}_report.txt")), report).expect("write report");
    }
}
