//! `tl-gen`: Rust types from a `.tl` schema, or what changed between two.

use std::path::PathBuf;
use std::process::ExitCode;

use tl_gen::{Config, Dialect, Diff};

const USAGE: &str = "\
usage:
  tl-gen SCHEMA.tl --out PATH [--dialect td|mtproto] [--only NAME,...] [--derives NAME,...] [--catch-all | --no-catch-all] [--check]
  tl-gen diff OLD.tl NEW.tl

  --out PATH       a path ending in .rs gets one file for include!; any other, a module tree (mod.rs, ...)
  --dialect        td or mtproto; inferred when not given: a file with #ids is mtproto
  --only NAMES     functions, constructors and types to keep, with everything they reach
  --derives NAMES  the derives besides TlObject (default Debug,Clone,PartialEq; \"\" for none):
                   each costs build time and memory, about a quarter of a whole schema's
  --catch-all      give every enum an Other(tl_core::Unknown) variant (the default for td)
  --no-catch-all   only enums cut down by --only get it (the default for mtproto)
  --check          write nothing; fail if the files at PATH differ from what the schema gives";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some("-V" | "--version") => {
            println!("tl-gen {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some("diff") => diff(&args[1..]),
        Some(_) => generate(args),
    }
}

fn diff(args: &[String]) -> Result<(), String> {
    let [old, new] = args else {
        return Err(format!("tl-gen diff takes two files\n\n{USAGE}"));
    };
    let read = |path: &String| -> Result<(tl_gen::Schema, Dialect), String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let schema = tl_gen::parse(&text).map_err(|diagnostics| {
            tl_gen::Error::Schema {
                file: Some(PathBuf::from(path)),
                diagnostics,
            }
            .to_string()
        })?;
        let dialect = if schema.has_ids() {
            Dialect::Mtproto
        } else {
            Dialect::Td
        };
        Ok((schema, dialect))
    };
    let (old_schema, old_dialect) = read(old)?;
    let (new_schema, new_dialect) = read(new)?;
    println!("{old} -> {new}");
    print!(
        "{}",
        Diff::new(&old_schema, old_dialect, &new_schema, new_dialect)
    );
    Ok(())
}

fn generate(args: &[String]) -> Result<(), String> {
    let mut schema: Option<&str> = None;
    let mut out: Option<&str> = None;
    let mut check = false;
    let mut config = Config::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .map(String::as_str)
                .ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--out" => out = Some(value("--out")?),
            "--dialect" => {
                config.dialect(value("--dialect")?.parse::<Dialect>()?);
            }
            "--only" => {
                config.only(comma_list(value("--only")?));
            }
            "--derives" => {
                let derives = comma_list(value("--derives")?);
                if let Some(bad) = derives.iter().find(|name| !is_path(name)) {
                    return Err(format!(
                        "--derives: `{bad}` is not a path to a derive macro"
                    ));
                }
                config.derives(derives);
            }
            "--catch-all" => {
                config.catch_all(true);
            }
            "--no-catch-all" => {
                config.catch_all(false);
            }
            "--check" => check = true,
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option `{flag}`\n\n{USAGE}"));
            }
            path if schema.is_none() => schema = Some(path),
            extra => return Err(format!("a second schema `{extra}`: give one\n\n{USAGE}")),
        }
    }
    let schema = schema.ok_or_else(|| format!("no schema given\n\n{USAGE}"))?;
    let out = out.ok_or_else(|| format!("--out PATH is required\n\n{USAGE}"))?;
    config.out(out);
    if check {
        config.check(schema).map_err(|e| e.to_string())?;
        eprintln!("{out}: up to date with {schema}");
        return Ok(());
    }
    let generated = config.generate_file(schema).map_err(|e| e.to_string())?;
    let written = generated
        .write(std::path::Path::new(out))
        .map_err(|e| e.to_string())?;
    let api = generated.api();
    eprintln!(
        "{out}: {} structs, {} enums from {schema}; {} files written, {} unchanged, {} removed",
        api.structs.len(),
        api.enums.len(),
        written.changed.len(),
        written.unchanged.len(),
        written.removed.len()
    );
    Ok(())
}

/// The names of a comma-separated list, trimmed, without empty ones.
fn comma_list(value: &str) -> Vec<&str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .collect()
}

/// Whether `name` is a Rust path (`Hash`, `::serde::Serialize`): what a
/// derive list holds, so that a typo cannot write a file that fails to parse.
fn is_path(name: &str) -> bool {
    let name = name.strip_prefix("::").unwrap_or(name);
    name.split("::").all(|segment| {
        let mut chars = segment.chars();
        chars
            .next()
            .is_some_and(|first| first == '_' || first.is_ascii_alphabetic())
            && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
    })
}
