//! Replays the inputs of the cargo-fuzz targets `parse_tl` and
//! `generate_tl` on stable, through the targets' own checks: the fuzz
//! crate is its own nightly-only workspace, so its checks are compiled
//! here by path rather than copied. Every input goes through the
//! generator too (`generate_tl`'s checks): on stable that costs
//! milliseconds, not the fuzzer's throughput.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "../../fuzz/src/parse_tl.rs"]
mod parse_tl;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The files of `fuzz/<kind>/<target>`, sorted; none when it does not
/// exist (the corpus is git-ignored, present only after a local run).
fn inputs_of(kind: &str, target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = fuzz_dir().join(kind).join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let data = fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, data)
        })
        .collect()
}

/// The seeds are lines of the real schemas: they must stay valid, or the
/// fuzzer would start from the error paths only and never reach the round
/// trip and the generator.
#[test]
fn seeds_and_corpus_pass_the_checks() {
    let seeds = inputs_of("seeds", "parse_tl");
    assert!(seeds.len() >= 5, "fuzz/seeds/parse_tl lost its seeds");
    for (path, data) in &seeds {
        let text = std::str::from_utf8(data).expect("seeds are UTF-8");
        let schema = parse_tl::check_parse(text)
            .unwrap_or_else(|e| panic!("seed {} does not parse: {e:?}", path.display()));
        assert!(
            !schema.declarations.is_empty(),
            "seed {} declares nothing",
            path.display()
        );
        parse_tl::check_generate(text, true);
    }
    // Committed crashes (`fuzz/regressions/<target>`, none so far) and,
    // after a local run, the corpus the fuzzers kept: what once failed, or
    // reached new code, still passes.
    for kind in ["regressions", "corpus"] {
        for target in ["parse_tl", "generate_tl"] {
            for (path, data) in inputs_of(kind, target) {
                eprintln!("{}", path.display());
                // `parse_tl`'s checks, then `generate_tl`'s, which repeat
                // them: a crash of either target replays as itself.
                parse_tl::check(&data);
                parse_tl::check_with_generator(&data);
            }
        }
    }
}
