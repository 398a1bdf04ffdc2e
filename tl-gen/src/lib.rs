//! Rust types from a Telegram `.tl` schema, derived with
//! `#[derive(TlObject)]`: TDLib's `td_api.tl` or Telegram's
//! `telegram_api.tl` and `mtproto_api.tl`, read exactly as they are
//! published, whole or only what a program uses.
//!
//! The generated code has three modules, with TL namespaces as nested
//! modules and names in UpperCamelCase:
//!
//! - `types`: a struct per constructor (`types::Session`,
//!   `types::auth::Authorization`);
//! - `enums`: an enum per TL type, a variant per constructor
//!   (`enums::Update::NewMessage`), with a catch-all `Other` variant for
//!   the constructors it does not list (on by default for td);
//! - `functions`: a struct per function, `#[tl(function, returns = T)]`
//!   (`functions::messages::SendMessage`).
//!
//! It names `tl_core` by absolute path, so a crate that depends on
//! `tl-core` compiles it, and it carries each schema's doc comments and
//! TL lines. Ids are checked at compile time: mtproto's `#id`s are
//! written as `id = 0x...`, td's are computed.
//!
//! From `build.rs`, as with prost-build:
//!
//! ```no_run
//! // build.rs
//! # #[allow(clippy::needless_doctest_main)]
//! fn main() {
//!     tl_gen::Config::new()
//!         .only(["getMe", "sendMessage", "updateNewMessage"])
//!         .compile("td_api.tl")
//!         .unwrap();
//! }
//! ```
//!
//! ```ignore
//! // src/lib.rs
//! include!(concat!(env!("OUT_DIR"), "/td_api.rs"));
//! ```
//!
//! Or as a command, into files checked in under `src`:
//!
//! ```text
//! cargo run -p tl-gen -- td_api.tl --out src/td --only getMe,sendMessage
//! cargo run -p tl-gen -- td_api.tl --out src/td --only getMe,sendMessage --check
//! cargo run -p tl-gen -- diff old/telegram_api.tl telegram_api.tl
//! ```
//!
//! `only` takes function, constructor and type names and keeps their
//! closure: every type their fields, results and constructors reach. An
//! enum cut down to named constructors gets the catch-all, so it still
//! reads every constructor it does not list.
//!
//! What the generated code costs to build (one crate holding it, tl-core
//! built already, `CARGO_INCREMENTAL=0`, rustc's peak RSS; 2-vCPU Intel Xeon
//! KVM guest, Rust 1.95, 2026-12-07; the workspace README has the method):
//!
//! | generated crate | declarations | JSON on | binary only |
//! |---|---:|---:|---:|
//! | TDLib 1.8.64's whole `td_api.tl` | 3 044 | 52.5 s, 2.85 GB | 25.4 s, 1.60 GB |
//! | the same with `--derives ""` (no `Debug, Clone, PartialEq`) | 3 044 | – | 18.2 s, 1.17 GB |
//! | a bot's `only` set of it | 638 | 9.7 s, 0.67 GB | 4.7 s, 0.42 GB |
//! | Telegram layer 227's whole `telegram_api.tl` | 2 422 | 44.2 s, 2.43 GB | 21.0 s, 1.36 GB |
//! | grammers-tl-types 0.11 (layer 230, no JSON) | 2 554 | – | 15.1 s, 1.21 GB |
//!
//! Fewer derives ([`Config::derives`], `--derives`) and fewer declarations
//! ([`Config::only`], `--only`) are what make a build smaller.
//!
//! Generating the whole `td_api.tl` takes 0.07 s (release) or 0.3 s (the
//! debug build a build script runs).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod api;
mod boxing;
mod diff;
mod doc;
mod emit;
mod error;
mod names;
pub mod nullable;
mod output;
mod parse;
pub mod schema;
mod select;

use std::path::{Path, PathBuf};

pub use crate::api::{Api, Dialect};
pub use crate::boxing::INLINE_LIMIT;
pub use crate::diff::{Change, Diff};
pub use crate::emit::SPLIT_ABOVE;
pub use crate::error::{Diagnostic, Error};
pub use crate::output::Written;
pub use crate::schema::{Position, Schema};
pub use crate::select::Selection;

/// The derives every generated struct and enum gets besides `TlObject`,
/// unless [`Config::derives`] says otherwise.
pub const DEFAULT_DERIVES: &[&str] = &["Debug", "Clone", "PartialEq"];

/// Parses the text of a `.tl` file, every mistake reported with its line
/// and column.
///
/// ```
/// let schema = tl_gen::parse("ok = Ok;\n---functions---\nclose = Ok;").unwrap();
/// assert_eq!(schema.declarations.len(), 2);
/// assert_eq!(schema.declarations[1].line(), "close = Ok");
/// ```
pub fn parse(text: &str) -> Result<Schema, Vec<Diagnostic>> {
    parse::parse(text)
}

/// How to generate: a builder in the manner of `prost_build::Config`.
#[derive(Debug, Clone)]
pub struct Config {
    dialect: Option<Dialect>,
    only: Option<Vec<String>>,
    catch_all: Option<bool>,
    derives: Vec<String>,
    types: bool,
    functions: bool,
    out: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config::new()
    }
}

impl Config {
    /// The defaults: the dialect inferred from the file, everything in it,
    /// the catch-all on td's enums, `Debug, Clone, PartialEq`, output to
    /// `$OUT_DIR/<schema name>.rs`.
    pub fn new() -> Self {
        Config {
            dialect: None,
            only: None,
            catch_all: None,
            derives: DEFAULT_DERIVES.iter().map(|d| (*d).to_owned()).collect(),
            types: true,
            functions: true,
            out: None,
        }
    }

    /// The dialect, instead of inferring it: a file with `#id`s is mtproto,
    /// one without is td.
    pub fn dialect(&mut self, dialect: Dialect) -> &mut Self {
        self.dialect = Some(dialect);
        self
    }

    /// Generate only these functions, constructors and types and what they
    /// reach (see the crate's docs).
    pub fn only<I, S>(&mut self, names: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.only = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// Whether every enum gets a catch-all variant `Other(tl_core::Unknown)`
    /// for the constructors it does not declare. On by default for td,
    /// where TDLib adds updates with every release; off for mtproto. An
    /// enum that `only` cut down always has it.
    pub fn catch_all(&mut self, catch_all: bool) -> &mut Self {
        self.catch_all = Some(catch_all);
        self
    }

    /// The derives of every generated struct and enum besides `TlObject`
    /// (default `Debug, Clone, PartialEq`). Fewer derives build faster.
    pub fn derives<I, S>(&mut self, derives: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.derives = derives.into_iter().map(Into::into).collect();
        self
    }

    /// Whether to write `types` and `enums` (default on). Off, the
    /// functions name `super::types` and `super::enums`, which the
    /// including module provides (re-exported from another crate).
    pub fn types(&mut self, on: bool) -> &mut Self {
        self.types = on;
        self
    }

    /// Whether to write `functions` (default on).
    pub fn functions(&mut self, on: bool) -> &mut Self {
        self.functions = on;
        self
    }

    /// Where to write: a path ending in `.rs` gets one file for
    /// `include!`; any other path is a directory that gets a module tree
    /// (`mod.rs`, a file per module). Default: `$OUT_DIR/<schema name>.rs`.
    pub fn out(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.out = Some(path.into());
        self
    }

    /// Generates from the text of a schema, in memory. `name` (the file's
    /// name) goes in the header and in errors.
    pub fn generate(&self, name: &str, text: &str) -> Result<Generated, Error> {
        let schema_error = |diagnostics| Error::Schema {
            file: Some(PathBuf::from(name)),
            diagnostics,
        };
        let schema = parse::parse(text).map_err(schema_error)?;
        let dialect = self.dialect.unwrap_or(if schema.has_ids() {
            Dialect::Mtproto
        } else {
            Dialect::Td
        });
        let selection = match &self.only {
            Some(names) => Selection::only(&schema, names).map_err(schema_error)?,
            None => Selection::all(&schema),
        };
        let catch_all = self.catch_all.unwrap_or(dialect == Dialect::Td);
        let api = Api::new(&schema, dialect, &selection, catch_all).map_err(schema_error)?;
        let mut header = format!(
            "{} {} from {name} ({} dialect",
            output::HEADER_PREFIX,
            env!("CARGO_PKG_VERSION"),
            dialect.as_str()
        );
        if let Some(only) = &self.only {
            header.push_str(&format!(", only {}", only.join(",")));
        }
        header.push_str("); do not edit.");
        Ok(Generated {
            style: emit::Style {
                header,
                derives: self.derives.clone(),
                types: self.types,
                functions: self.functions,
            },
            schema,
            api,
        })
    }

    /// Reads and generates from the file at `path`.
    pub fn generate_file(&self, path: impl AsRef<Path>) -> Result<Generated, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.generate(&name, &text).map_err(|e| match e {
            Error::Schema { diagnostics, .. } => Error::Schema {
                file: Some(path.to_path_buf()),
                diagnostics,
            },
            other => other,
        })
    }

    /// For `build.rs`: generates from the schema at `path` and writes the
    /// output where [`Config::out`] says (default `$OUT_DIR/<name>.rs`),
    /// only where its content changed, and tells Cargo to run the build
    /// script again when the schema changes.
    pub fn compile(&self, path: impl AsRef<Path>) -> Result<Written, Error> {
        let path = path.as_ref();
        println!("cargo:rerun-if-changed={}", path.display());
        let generated = self.generate_file(path)?;
        let out = self.out_path(path)?;
        generated.write(&out)
    }

    /// Whether the files at [`Config::out`] are what the schema at `path`
    /// gives: an error listing those that differ, for CI.
    pub fn check(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let generated = self.generate_file(path)?;
        let out = self.out_path(path)?;
        generated.check(&out)
    }

    fn out_path(&self, schema: &Path) -> Result<PathBuf, Error> {
        if let Some(out) = &self.out {
            return Ok(out.clone());
        }
        let dir = std::env::var_os("OUT_DIR").ok_or_else(|| {
            Error::Config(
                "no output path: set `Config::out`, or run from a build script (OUT_DIR)".into(),
            )
        })?;
        let stem = schema
            .file_stem()
            .map_or_else(|| "schema".to_owned(), |s| s.to_string_lossy().into_owned());
        Ok(PathBuf::from(dir).join(format!("{stem}.rs")))
    }
}

/// Generated code, in memory: the model, and the text in either layout.
#[derive(Debug, Clone)]
pub struct Generated {
    schema: Schema,
    api: Api,
    style: emit::Style,
}

impl Generated {
    /// The schema as parsed.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// What each declaration and type became.
    pub fn api(&self) -> &Api {
        &self.api
    }

    /// The whole code as one file, for `include!`.
    pub fn file(&self) -> String {
        emit::file(&self.api, &self.style)
    }

    /// The code as a module tree: `(path relative to the directory, text)`,
    /// `mod.rs` first.
    pub fn directory(&self) -> Vec<(PathBuf, String)> {
        emit::directory(&self.api, &self.style)
    }

    /// Writes to `out`: one file if it ends in `.rs`, else a module tree
    /// (removing generated files of an earlier run that are no longer
    /// generated). Files whose content is unchanged are not touched.
    pub fn write(&self, out: &Path) -> Result<Written, Error> {
        let (base, files, tree) = self.layout(out);
        output::write(&base, &files, tree)
    }

    /// Whether the files at `out` are exactly what [`Generated::write`]
    /// would write; an error naming each that is not.
    pub fn check(&self, out: &Path) -> Result<(), Error> {
        let (base, files, tree) = self.layout(out);
        let differ = output::check(&base, &files, tree)?;
        if differ.is_empty() {
            return Ok(());
        }
        let list: Vec<String> = differ
            .iter()
            .map(|(path, why)| format!("  {} {why}", path.display()))
            .collect();
        Err(Error::Config(format!(
            "generated code is out of date; run tl-gen without --check to update it:\n{}",
            list.join("\n")
        )))
    }

    fn layout(&self, out: &Path) -> (PathBuf, Vec<(PathBuf, String)>, bool) {
        if out.extension().is_some_and(|e| e == "rs") {
            let base = out.parent().map(Path::to_path_buf).unwrap_or_default();
            let name = PathBuf::from(out.file_name().unwrap_or_default());
            (base, vec![(name, self.file())], false)
        } else {
            (out.to_path_buf(), self.directory(), true)
        }
    }
}
