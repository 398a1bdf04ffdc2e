//! The properties of the `parse_tl` and `generate_tl` targets:
//! `tl_gen::parse`, and the generator behind it, on any text.
//!
//! Two targets, since generating (building every item, then formatting the
//! code with prettyplease) costs about twice what parsing and reading back
//! every declaration does: `parse_tl` runs the parser's checks alone, fast
//! enough for tens of millions of inputs; `generate_tl` runs them and the
//! generator.
//!
//! This file depends on `tl_gen` and `std` only: `tl-gen/tests/fuzz_replay.rs`
//! compiles it by path on stable, so the seeds and every crash replay
//! through these very checks under `cargo test --workspace`, which never
//! sees this nightly-only crate.

use tl_gen::schema::{Condition, Declaration, FieldType, Section, TypeRef};

/// What `parse_tl` checks of one input. The bytes are read as UTF-8
/// lossily: every input exercises the parser, and U+FFFD (three bytes, one
/// column) keeps byte and character offsets apart, which diagnostics must
/// not confuse.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = check_parse(&text);
}

/// What `generate_tl` checks of one input: what `parse_tl` does, then the
/// generator on the same text.
pub fn check_with_generator(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let parsed = check_parse(&text);
    check_generate(&text, parsed.is_ok());
}

/// `tl_gen::parse` does not panic; its diagnostics point into the text and
/// every declaration it accepts reads back from its `source_line`.
pub fn check_parse(text: &str) -> Result<tl_gen::Schema, Vec<tl_gen::Diagnostic>> {
    let lines: Vec<&str> = text.lines().collect();
    let parsed = tl_gen::parse(text);
    match &parsed {
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty(), "an error without a diagnostic");
            for diagnostic in diagnostics {
                check_diagnostic(&lines, diagnostic);
            }
        }
        Ok(schema) => {
            for declaration in &schema.declarations {
                check_position(&lines, declaration);
                check_round_trip(declaration);
            }
        }
    }
    parsed
}

/// A parse diagnostic's place exists, and its `line` is that line's text,
/// since `Error`'s `Display` draws the caret under it.
pub fn check_diagnostic(lines: &[&str], diagnostic: &tl_gen::Diagnostic) {
    let line = check_place(lines, diagnostic);
    assert_eq!(
        diagnostic.line, line,
        "diagnostic at {} quotes another line",
        diagnostic.position
    );
}

/// A diagnostic's place exists: a line of the text, and a column on it or
/// just past its end (where a missing `;` goes). Returns that line.
pub fn check_place<'a>(lines: &[&'a str], diagnostic: &tl_gen::Diagnostic) -> &'a str {
    let position = diagnostic.position;
    assert!(
        position.line >= 1 && position.column >= 1,
        "diagnostic at {position}: lines and columns count from 1 ({diagnostic:?})"
    );
    let Some(&line) = lines.get(position.line - 1) else {
        panic!(
            "diagnostic at {position}, but the text has {} lines ({diagnostic:?})",
            lines.len()
        );
    };
    let width = line.chars().count();
    assert!(
        position.column <= width + 1,
        "diagnostic at {position}, but line {} has {width} characters ({diagnostic:?})",
        position.line
    );
    line
}

/// A declaration's place is where its name is.
fn check_position(lines: &[&str], declaration: &Declaration) {
    let position = declaration.position;
    let line = position
        .line
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .unwrap_or_else(|| panic!("`{}` at {position}: no such line", declaration.name));
    let at: String = line
        .chars()
        .skip(position.column.saturating_sub(1))
        .collect();
    assert!(
        position.column >= 1 && at.starts_with(&declaration.name),
        "`{}` at {position}, where the line reads {line:?}",
        declaration.name
    );
}

/// `source_line` is text that parses (in the declaration's section) to
/// exactly this declaration, as far as a single line can say it: not where
/// it is, its descriptions or the file's own spelling of the line.
pub fn check_round_trip(declaration: &Declaration) {
    let line = declaration.source_line();
    let text = match declaration.section {
        Section::Types => line.clone(),
        Section::Functions => format!("---functions---\n{line}"),
    };
    let schema = tl_gen::parse(&text)
        .unwrap_or_else(|e| panic!("`{line}` (from {declaration:?}) does not parse: {e:?}"));
    assert!(
        schema.builtins.is_empty() && schema.declarations.len() == 1,
        "`{line}` does not read as one declaration: {schema:?}"
    );
    assert_eq!(
        Meaning::of(&schema.declarations[0]),
        Meaning::of(declaration),
        "`{line}` reads back as another declaration"
    );
}

/// What a declaration's line says, field by field: named rather than
/// compared whole, so that what tl-gen adds to `Declaration` about the
/// file (places, descriptions, text) does not count.
#[derive(Debug, PartialEq)]
struct Meaning<'a> {
    name: &'a str,
    id: Option<u32>,
    param: Option<&'a str>,
    fields: Vec<(&'a str, Option<&'a Condition>, &'a FieldType)>,
    result: &'a TypeRef,
    section: Section,
}

impl<'a> Meaning<'a> {
    fn of(d: &'a Declaration) -> Self {
        Meaning {
            name: &d.name,
            id: d.id,
            param: d.param.as_deref(),
            fields: d
                .fields
                .iter()
                .map(|f| (f.name.as_str(), f.condition.as_ref(), &f.ty))
                .collect(),
            result: &d.result,
            section: d.section,
        }
    }
}

/// Generation from the text does not panic, nor does writing its code in
/// either layout; it fails where parsing did, since it parses first.
pub fn check_generate(text: &str, parses: bool) {
    match tl_gen::Config::new().generate("fuzz.tl", text) {
        Ok(generated) => {
            assert!(parses, "generated from text that does not parse");
            let file = generated.file();
            assert!(!file.is_empty(), "generated an empty file");
            let directory = generated.directory();
            assert!(!directory.is_empty(), "generated an empty module tree");
        }
        Err(tl_gen::Error::Schema { diagnostics, .. }) => {
            // Line 0 is a mistake in the request rather than in the file.
            // Only the place is checked: the generator's diagnostics quote
            // the declaration's `source_line`, not the file's text.
            let lines: Vec<&str> = text.lines().collect();
            for diagnostic in diagnostics.iter().filter(|d| d.position.line != 0) {
                check_place(&lines, diagnostic);
            }
        }
        Err(error) => panic!("generating in memory failed without a schema error: {error}"),
    }
}
