//! Helpers shared by the integration tests: scratch directories, trees
//! read into memory, the vendored schemas and rustfmt.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

/// The eight names of the td `--only` subset the tests share.
pub const TD_ONLY: &[&str] = &[
    "setTdlibParameters",
    "checkAuthenticationBotToken",
    "getMe",
    "sendMessage",
    "getChat",
    "getChatHistory",
    "updateNewMessage",
    "updateAuthorizationState",
];

/// A file of `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A vendored schema: `td_api.tl`, `telegram_api.tl` or `mtproto_api.tl`.
pub fn vendored(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/whole-schema/schemas")
        .join(name)
}

/// A fresh directory under Cargo's scratch space for integration tests,
/// removed when dropped, a failing test's too (drop runs on unwinding).
pub struct Scratch {
    path: PathBuf,
}

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        // Tests of one binary run as threads of one process: the pid alone
        // would not tell their directories apart.
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("tl-gen-{name}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap();
        // rustfmt reads the nearest rustfmt.toml above a file: an empty one
        // here keeps any configuration of the machine out of the tests.
        fs::write(path.join("rustfmt.toml"), "").unwrap();
        Scratch { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn join(&self, relative: &str) -> PathBuf {
        self.path.join(relative)
    }

    /// Writes `text` at `relative`, creating its directories.
    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Every file under `root` (or `root` itself if it is a file), by path
/// relative to it, with its bytes: two trees compare as wholes, so an extra
/// or a missing file fails as surely as a changed byte.
pub fn read_tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(root)
        .into_iter()
        .map(|(relative, path)| (relative, fs::read(path).unwrap()))
        .collect()
}

/// The modification time of every file under `root`.
pub fn mtimes(root: &Path) -> BTreeMap<PathBuf, SystemTime> {
    files_under(root)
        .into_iter()
        .map(|(relative, path)| (relative, fs::metadata(path).unwrap().modified().unwrap()))
        .collect()
}

/// Sets every file under `root` to a modification time long past, so that
/// any rewrite shows, however coarse the file system's clock.
pub fn age(root: &Path) -> SystemTime {
    let past = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for (_, path) in files_under(root) {
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(past)
            .unwrap();
    }
    past
}

fn files_under(root: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    if root.is_file() {
        out.push((PathBuf::from(root.file_name().unwrap()), root.to_path_buf()));
        return out;
    }
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                out.push((path.strip_prefix(root).unwrap().to_path_buf(), path));
            }
        }
    }
    out.sort();
    out
}

/// The paths of a tree, as text, for messages and comparisons.
pub fn paths(tree: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
    tree.keys().map(|p| p.display().to_string()).collect()
}

/// Panics, saying how to get it, unless rustfmt runs: the rustfmt tests
/// must fail where it is missing rather than pass without checking.
pub fn require_rustfmt() {
    match Command::new("rustfmt").arg("--version").output() {
        Ok(output) if output.status.success() => {}
        Ok(output) => panic!(
            "`rustfmt --version` failed ({}): {}; the rustfmt tests need rustfmt \
             (`rustup component add rustfmt`)",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(e) => panic!(
            "rustfmt is not on PATH ({e}); the rustfmt tests need it \
             (`rustup component add rustfmt`)"
        ),
    }
}

/// Runs `rustfmt --edition 2024` on `entry` (which follows its `mod`
/// declarations to the other files under `root`) and returns the files it
/// changed, with the first line that differs in each.
pub fn rustfmt_changes(root: &Path, entry: &Path) -> Vec<String> {
    require_rustfmt();
    let before = read_tree(root);
    let output = Command::new("rustfmt")
        .args(["--edition", "2024"])
        .arg(entry)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "rustfmt failed on {}: {}",
        entry.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let after = read_tree(root);
    assert_eq!(
        paths(&before),
        paths(&after),
        "rustfmt added or removed files"
    );
    let mut changed = Vec::new();
    for (path, old) in &before {
        let new = &after[path];
        if old != new {
            let (old, new) = (String::from_utf8_lossy(old), String::from_utf8_lossy(new));
            changed.push(format!(
                "{}: {}",
                path.display(),
                first_difference(&old, &new)
            ));
        }
    }
    changed
}

/// Where two texts first differ, as the two lines with their number.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let mut a = expected.lines();
    let mut b = actual.lines();
    let mut number = 1;
    loop {
        match (a.next(), b.next()) {
            (None, None) => return "same lines; they differ in line endings".to_owned(),
            (x, y) if x == y => number += 1,
            (x, y) => {
                return format!(
                    "line {number}:\n  expected: {}\n  actual:   {}",
                    x.unwrap_or("<end of file>"),
                    y.unwrap_or("<end of file>")
                );
            }
        }
    }
}
