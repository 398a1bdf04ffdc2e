//! No module of tl-core, tl-derive or tl-schema imports one that imports it
//! back, directly or through others: leaf modules hold what both sides
//! need. The graph is read from the sources: `crate::a::b` paths (also in
//! `use crate::{a, b}` lists), `super::` and `self::` paths, and a parent
//! naming a child module (`text::to_string`). Unit tests
//! (`#[cfg(test)] mod tests` at the end of a file) are left out: they may
//! reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`json::buffer`, `` for the crate root) -> source text.
fn modules(src: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read a source directory") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|ext| ext != "rs") {
                continue;
            }
            let relative = path.strip_prefix(src).expect("under src");
            let mut parts: Vec<String> = relative
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts
                .last()
                .is_some_and(|last| last == "mod" || last == "lib")
            {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).expect("read a source file");
            out.insert(parts.join("::"), without_tests_and_comments(&text));
        }
    }
    out
}

fn without_tests_and_comments(text: &str) -> String {
    // `#[cfg(test)]` or `#[cfg(all(test, ...))]` right before `mod tests`.
    let tests = text.find("\nmod tests {").and_then(|at| {
        let attribute = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let line = &text[attribute..at];
        (line.starts_with("#[cfg(") && line.contains("test")).then_some(attribute)
    });
    let code = match tests {
        Some(at) => &text[..at],
        None => text,
    };
    code.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths (`a::b::C`) that follow `prefix` in `text`, where `prefix` is
/// not the tail of a longer name.
fn paths_after<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(prefix) {
        let at = from + found;
        from = at + prefix.len();
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &text[from..];
        let len = rest
            .find(|c: char| {
                !(c.is_alphanumeric()
                    || c == '_'
                    || c == ':'
                    || c == '{'
                    || c == ','
                    || c == ' '
                    || c == '\n')
            })
            .unwrap_or(rest.len());
        let path = &rest[..len];
        // `crate::{a, b::c}`: every entry of the list.
        if let Some(list) = path.strip_prefix('{') {
            out.extend(list.split(',').map(str::trim).filter(|p| !p.is_empty()));
        } else {
            out.push(path.split([' ', '\n', ',', '{']).next().unwrap_or(""));
        }
    }
    out
}

/// The longest module that `path` (relative to `base`) starts with.
fn resolve(modules: &BTreeMap<String, String>, base: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split("::").filter(|p| !p.is_empty()).collect();
    let depth = parts.len();
    parts.extend(path.split("::").filter(|p| !p.is_empty()));
    (depth + 1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find(|candidate| modules.contains_key(candidate))
}

fn edges(modules: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph = BTreeMap::new();
    for (name, text) in modules {
        let parent = name.rsplit_once("::").map_or("", |(parent, _)| parent);
        let mut out = BTreeSet::new();
        for path in paths_after(text, "crate::") {
            out.extend(resolve(modules, "", path));
        }
        for path in paths_after(text, "super::") {
            // `super::super::x` climbs once more per `super`.
            let (mut base, mut path) = (parent, path);
            while let Some(rest) = path.strip_prefix("super::") {
                base = base.rsplit_once("::").map_or("", |(up, _)| up);
                path = rest;
            }
            out.extend(
                resolve(modules, base, path)
                    .or_else(|| modules.contains_key(base).then(|| base.to_owned())),
            );
        }
        for path in paths_after(text, "self::") {
            out.extend(resolve(modules, name, path));
        }
        for child in modules.keys() {
            let Some(last) = child
                .strip_prefix(&format!("{name}::"))
                .or_else(|| (name.is_empty()).then_some(child.as_str()))
            else {
                continue;
            };
            if last.contains("::") {
                continue;
            }
            if !paths_after(text, &format!("{last}::")).is_empty() {
                out.insert(child.clone());
            }
        }
        out.remove(name);
        out.remove("");
        graph.insert(name.clone(), out);
    }
    graph.remove("");
    graph
}

/// Every module that reaches itself, with the loop it goes round.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for start in graph.keys() {
        // Depth-first from `start`, looking for a way back to it.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(&node).into_iter().flatten() {
                if next == start {
                    found.push(path.clone());
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    found
}

fn crate_src(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(name)
        .join("src")
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let mut report = Vec::new();
    for name in ["tl-core", "tl-derive", "tl-schema"] {
        let modules = modules(&crate_src(name));
        assert!(modules.len() > 3, "{name}: too few modules read");
        for cycle in cycles(&edges(&modules)) {
            report.push(format!("{name}: {} -> back", cycle.join(" -> ")));
        }
    }
    assert!(report.is_empty(), "import cycles:\n{}", report.join("\n"));
}

#[test]
fn the_reader_sees_each_kind_of_import() {
    let modules: BTreeMap<String, String> = [
        ("a", "use crate::{b, c::D};"),
        ("b", "fn f() { super::a::g() }"),
        ("c", "pub use self::d::X; fn f() { d::y() }"),
        ("c::d", "use super::super::e::Z;"),
        ("e", "// crate::a in a comment\nfn h() {}"),
    ]
    .into_iter()
    .map(|(name, text)| (name.to_owned(), without_tests_and_comments(text)))
    .collect();
    let graph = edges(&modules);
    let names = |module: &str| -> Vec<&str> { graph[module].iter().map(String::as_str).collect() };
    assert_eq!(names("a"), ["b", "c"]);
    assert_eq!(names("b"), ["a"]);
    assert_eq!(names("c"), ["c::d"]);
    assert_eq!(names("c::d"), ["e"]);
    assert!(names("e").is_empty());
    let cycles = cycles(&graph);
    assert!(
        cycles.iter().any(|cycle| cycle == &["a", "b"]),
        "{cycles:?}"
    );
    assert!(!cycles.iter().flatten().any(|m| m == "e"), "{cycles:?}");
}
