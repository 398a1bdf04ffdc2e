//! Replays the inputs of the cargo-fuzz targets `catch_all_binary`,
//! `catch_all_json`, `nullable` and `replies` on stable, through the
//! targets' own checks: the fuzz crate is its own nightly-only workspace,
//! so its checks are compiled here by path rather than copied.
//! (`parse_tl`'s replay is `tl-gen/tests/fuzz_replay.rs`.)

use std::fs;
use std::path::{Path, PathBuf};

#[path = "../../fuzz/src/catch_all.rs"]
mod catch_all;
#[path = "../../fuzz/src/nullable.rs"]
mod nullable;
#[path = "../../fuzz/src/oracle.rs"]
mod oracle;
#[path = "../../fuzz/src/replies.rs"]
mod replies;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The files of `fuzz/<kind>/<target>`, sorted; none when it does not
/// exist (the corpus is git-ignored, present only after a local run).
fn inputs(kind: &str, target: &str) -> Vec<(PathBuf, Vec<u8>)> {
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
        .filter_map(|p| match fs::read(&p) {
            Ok(data) => Some((p, data)),
            // A fuzzer running on the corpus replaces inputs it shrinks.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("{}: {e}", p.display()),
        })
        .collect()
}

/// Committed crashes (`fuzz/regressions/<target>`) and, after a local run,
/// the corpus the fuzzer kept: what once failed, or reached new code,
/// still passes.
fn replay_found(target: &str, check: fn(&[u8])) {
    for kind in ["regressions", "corpus"] {
        for (path, data) in inputs(kind, target) {
            eprintln!("{}", path.display());
            check(&data);
        }
    }
}

/// The seeds, which must stay accepted: a fuzzer started from rejected
/// seeds explores the error paths only, never the round trips.
fn seeds(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let seeds = inputs("seeds", target);
    assert!(seeds.len() >= 5, "fuzz/seeds/{target} lost its seeds");
    seeds
}

fn text(path: &Path, data: &[u8]) -> String {
    String::from_utf8(data.to_vec()).unwrap_or_else(|_| panic!("{} is not UTF-8", path.display()))
}

#[test]
fn catch_all_binary_seeds_and_corpus_pass_the_checks() {
    let mut unknown = 0;
    for (path, data) in seeds("catch_all_binary") {
        let update = catch_all::binary_case::<catch_all::Update>(&data)
            .unwrap_or_else(|| panic!("seed {} does not decode", path.display()));
        unknown += usize::from(matches!(update, catch_all::Update::Other(_)));
        catch_all::check_binary(&data);
    }
    assert!(unknown >= 1, "no seed reaches the catch-all");
    replay_found("catch_all_binary", catch_all::check_binary);
}

#[test]
fn catch_all_json_seeds_and_corpus_pass_the_checks() {
    let mut unknown = 0;
    for (path, data) in seeds("catch_all_json") {
        let update = catch_all::json_case::<catch_all::Update>(&text(&path, &data))
            .unwrap_or_else(|| panic!("seed {} does not read", path.display()));
        unknown += usize::from(matches!(update, catch_all::Update::Other(_)));
        catch_all::check_json(&data);
    }
    assert!(unknown >= 3, "too few seeds reach the catch-all");
    replay_found("catch_all_json", catch_all::check_json);
}

#[test]
fn nullable_seeds_and_corpus_pass_the_checks() {
    for (path, data) in seeds("nullable") {
        let read = match path.extension().and_then(|e| e.to_str()) {
            Some("bin") => nullable::check_binary(&data),
            _ => nullable::check_json(&text(&path, &data)),
        };
        assert!(read.is_some(), "seed {} does not read", path.display());
        nullable::check(&data);
    }
    replay_found("nullable", nullable::check);
}

#[test]
fn replies_seeds_and_corpus_pass_the_checks() {
    for (path, data) in seeds("replies") {
        let text = text(&path, &data);
        let envelope = replies::check_envelope(&text);
        // `ids.json` is the one reply that is no object.
        assert_eq!(
            envelope.is_some(),
            !path.ends_with("ids.json"),
            "seed {}",
            path.display()
        );
        replies::check(&data);
    }
    replay_found("replies", replies::check);
}

/// `catch_all_json`, crash-8ed22e0a (after 14 333 runs, in the target's
/// first version): invalid UTF-8 in a repeated top-level tag. serde_json's
/// `from_slice` skips a string nobody reads without checking its UTF-8,
/// so the catch-all reads this input; the check then required every
/// non-UTF-8 input to fail. What is read must write back stably.
#[test]
fn non_utf8_in_a_skipped_repeated_tag() {
    let (_, data) = found("catch_all_json", "non_utf8_in_a_skipped_repeated_tag");
    assert!(std::str::from_utf8(&data).is_err());
    let update = tl_core::json::from_slice::<catch_all::Update>(&data)
        .expect("the unread string is skipped");
    assert_eq!(
        tl_core::json::to_string_td(&update).unwrap(),
        r#"{"@type":"x"}"#
    );
    catch_all::check_json(&data);
}

/// `replies`, crash-d59c26a7 (after 42 007 runs, in the target's first
/// version): `1234567890e01890` is out of `f64`'s range. serde_json skips
/// an entry the envelope does not read without checking that, so the
/// envelope reads; the check then read every entry as a `Value` and
/// refused it. The oracle now skips the same entries.
#[test]
fn out_of_range_number_in_a_skipped_entry() {
    let (_, data) = found("replies", "out_of_range_number_in_a_skipped_entry");
    let text = std::str::from_utf8(&data).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(text).is_err());
    let envelope = tl_core::json::envelope(text).expect("the number is skipped");
    assert_eq!(envelope, tl_core::json::Envelope::default());
    replies::check(&data);
}

/// A committed input of `fuzz/regressions/<target>`, by name.
fn found(target: &str, name: &str) -> (PathBuf, Vec<u8>) {
    inputs("regressions", target)
        .into_iter()
        .find(|(path, _)| path.file_name().is_some_and(|n| n == name))
        .unwrap_or_else(|| panic!("fuzz/regressions/{target}/{name} is missing"))
}

/// A finding of `replies`, fixed in tl-core: `Envelope::extra` and
/// `Reply::extra` were `serde_json::Value`s, which (without serde_json's
/// `arbitrary_precision`) hold a number as a `u64`, an `i64` or an `f64`,
/// so TDLib's echo of a request's `@extra` came back rounded when it was
/// an integer beyond 64 bits or a decimal an `f64` cannot hold. They now
/// keep the text, which goes out again unchanged.
#[test]
fn extra_keeps_numbers_of_any_size() {
    for extra in [
        "123456789012345678901234567890",
        "-9223372036854775809",
        "0.10000000000000000001",
        "0.1000000000000000055511151231257827",
        "1e2",
        "-0",
        r#"{"a":[1.0,18446744073709551616,"\u00e9"]}"#,
    ] {
        let text = format!(r#"{{"@type":"ok","@extra":{extra}}}"#);
        let reply = tl_core::json::reply_from_str::<replies::SetOption>(&text).unwrap();
        let echoed = reply.extra.expect("`@extra` is there");
        assert_eq!(echoed.get(), extra, "`@extra` changed");
        let sent = tl_core::json::to_string_td_with_extra(&replies::TestInt { value: 1 }, &echoed)
            .unwrap();
        assert_eq!(
            sent,
            format!(r#"{{"@type":"testInt","value":1,"@extra":{extra}}}"#)
        );
        replies::check(text.as_bytes());
    }
}

/// `replies`, crash after 1 663 819 runs of the 10 M run: a tag key
/// repeated after the tag, holding a number out of `f64`'s range. The
/// envelope, which has its tag, skips it unread; the oracle read every tag
/// key. It now reads them only until one holds a name.
#[test]
fn out_of_range_number_in_a_repeated_tag() {
    let (_, data) = found("replies", "out_of_range_number_in_a_repeated_tag");
    let text = std::str::from_utf8(&data).unwrap();
    let envelope = tl_core::json::envelope(text).expect("the second tag is skipped");
    assert_eq!(envelope.tag.as_deref(), Some("a"));
    replies::check(&data);
}
