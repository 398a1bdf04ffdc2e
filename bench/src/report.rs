//! The ratio table: each case's competitors, their median times, ours
//! divided by theirs, and the targets.
//!
//! Every binary case has two rows: the inlined one (criterion group
//! `peer/decode`: each codec compiled into criterion's closure) and the
//! call-boundary one (group `peer/decode@call`: each codec behind its own
//! `#[inline(never)]` function). Issue #21's targets are judged on the
//! call-boundary rows.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, io};

use serde_json::Value;

/// The suffix of a call-boundary group: `peer/decode@call` is
/// `peer/decode` with every competitor behind an `#[inline(never)]`
/// function.
pub const CALL: &str = "@call";

/// A case's inlined name and whether it is the call-boundary row.
pub fn split(case: &str) -> (&str, bool) {
    match case.strip_suffix(CALL) {
        Some(base) => (base, true),
        None => (case, false),
    }
}

/// The words the tables use for a row's kind.
pub fn kind(case: &str) -> &'static str {
    if split(case).1 {
        "call boundary"
    } else {
        "inlined"
    }
}

/// Cases in the order the table lists them (each inlined row followed by
/// its call-boundary row), with what each compares: the
/// value and the Rust field types every competitor of the case decodes
/// into (or encodes from). Others follow alphabetically.
pub const CASES: &[(&str, &str)] = &[
    (
        "session/encode",
        "`session` encode (164 B), `String` fields",
    ),
    ("session/decode", "`session` decode, `String` fields"),
    (
        "session/decode_borrowed_str",
        "`session` decode, `&'a str` fields",
    ),
    (
        "authorization/encode",
        "`authorization` encode (140 B, flags), `String` fields",
    ),
    (
        "authorization/decode",
        "`authorization` decode, `String` fields",
    ),
    (
        "authorization/encode_bytes",
        "`authorization` encode, `Vec<u8>` fields",
    ),
    (
        "authorization/decode_bytes",
        "`authorization` decode, `Vec<u8>` fields",
    ),
    (
        "authorization/decode_borrowed_bytes",
        "`authorization` decode, `&'a [u8]` fields",
    ),
    (
        "authorization/decode_borrowed_str",
        "`authorization` decode, `&'a str` fields",
    ),
    ("sessions_1000/encode", "`sessions` of 1 000 encode"),
    (
        "sessions_1000/decode",
        "`sessions` of 1 000 decode, `String` fields",
    ),
    (
        "sessions_1000/decode_borrowed_str",
        "`sessions` of 1 000 decode, `&'a str` fields",
    ),
    ("bytes_1MiB/encode", "1 MiB `bytes` field encode"),
    ("bytes_1MiB/decode", "1 MiB `bytes` field decode, `Vec<u8>`"),
    (
        "bytes_1MiB/decode_borrowed_bytes",
        "1 MiB `bytes` field decode, `&'a [u8]`",
    ),
    ("peer/encode", "one `Peer` encode (12 B)"),
    ("peer/decode", "one `Peer` decode"),
    ("peers_10000/encode", "`Vector<Peer>` of 10 000 encode"),
    ("peers_10000/decode", "`Vector<Peer>` of 10 000 decode"),
    ("rich_text_1/encode", "`RichText`, 1 level, encode"),
    ("rich_text_1/decode", "`RichText`, 1 level, decode"),
    ("rich_text_100/encode", "`RichText`, 100 levels, encode"),
    ("rich_text_100/decode", "`RichText`, 100 levels, decode"),
    (
        "messages_100/encode",
        "`messages.messages`, 100 messages, 20 users, 5 chats, encode",
    ),
    ("messages_100/decode", "`messages.messages` decode"),
    ("json/session/serialize", "JSON `session` serialize"),
    ("json/session/deserialize", "JSON `session` deserialize"),
    (
        "json/authorization/serialize",
        "JSON `authorization` serialize",
    ),
    (
        "json/authorization/deserialize",
        "JSON `authorization` deserialize",
    ),
    (
        "json/sessions_1000/serialize",
        "JSON `sessions` of 1 000 serialize",
    ),
    (
        "json/sessions_1000/deserialize",
        "JSON `sessions` of 1 000 deserialize",
    ),
];

/// Cases of many elements (or levels), with their count: the table shows
/// our time per element beside our time for one (`one`, the case of a
/// single element).
pub const PER_ELEMENT: &[(&str, f64, &str)] = &[
    ("peers_10000/encode", 10_000.0, "peer/encode"),
    ("peers_10000/decode", 10_000.0, "peer/decode"),
    ("rich_text_100/encode", 100.0, "rich_text_1/encode"),
    ("rich_text_100/decode", 100.0, "rich_text_1/decode"),
];

/// Targets across two cases of one run: ours in the first case ÷ the
/// competitor in the second, at most the limit (for the inlined rows and,
/// between the two `@call` groups, for the call-boundary rows).
pub const CROSS_TARGETS: &[(&str, &str, &str, f64, &str)] = &[(
    "authorization/decode_borrowed_str",
    "authorization/decode_borrowed_bytes",
    "tl-proto",
    1.3,
    "<= 1.30 (UTF-8 checks: ours `&'a str` ÷ tl-proto's `&'a [u8]`)",
)];

/// Our derive, the function every ratio divides.
pub const OURS: &str = "ours";

/// Competitors in the order the table lists them.
pub const COMPETITORS: &[&str] = &[
    OURS,
    "tl-proto",
    "grammers",
    "hand-written",
    "memcpy",
    "tl_core::json",
    "serde_derive",
    "serde_derive, tagged",
];

/// One measured function: its case (criterion group) and competitor
/// (function id), with the median and its 95% confidence bounds in ns.
#[derive(Debug, Clone)]
pub struct Measurement {
    /// The criterion group, such as `session/encode`.
    pub case: String,
    /// The function, such as `tl-proto`.
    pub competitor: String,
    /// Median time per iteration, ns.
    pub median: f64,
    /// Lower bound of the median's confidence interval, ns.
    pub lower: f64,
    /// Upper bound of the median's confidence interval, ns.
    pub upper: f64,
    /// The fastest sample's time per iteration, ns: interference from other
    /// processes only ever adds time, so on a shared machine this is the
    /// steadier figure.
    pub fastest: f64,
}

/// Criterion's output directory, found the way criterion finds it:
/// `$CRITERION_HOME`, `$CARGO_TARGET_DIR/criterion`, the target directory
/// of `cargo metadata`, `target/criterion`.
pub fn criterion_dir() -> PathBuf {
    if let Some(home) = env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let metadata = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .ok()
        .and_then(|out| serde_json::from_slice::<Value>(&out.stdout).ok());
    match metadata
        .as_ref()
        .and_then(|m| m.get("target_directory"))
        .and_then(Value::as_str)
    {
        Some(target) => Path::new(target).join("criterion"),
        None => PathBuf::from("target/criterion"),
    }
}

/// Every `*/new/{benchmark,estimates}.json` pair under `dir`.
pub fn load(dir: &Path) -> io::Result<Vec<Measurement>> {
    let mut found = Vec::new();
    walk(dir, &mut found)?;
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<Measurement>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if !path.is_dir() {
            continue;
        }
        if path.file_name().is_some_and(|name| name == "new") {
            if let Some(m) = read_measurement(&path) {
                found.push(m);
            }
        } else if path.file_name().is_some_and(|name| name != "report") {
            walk(&path, found)?;
        }
    }
    Ok(())
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}

fn read_measurement(new: &Path) -> Option<Measurement> {
    let benchmark = read_json(&new.join("benchmark.json"))?;
    let estimates = read_json(&new.join("estimates.json"))?;
    let median = estimates.get("median")?;
    let interval = median.get("confidence_interval")?;
    let sample = read_json(&new.join("sample.json"))?;
    let per_iteration = |key: &str| -> Option<Vec<f64>> {
        sample
            .get(key)?
            .as_array()?
            .iter()
            .map(Value::as_f64)
            .collect()
    };
    let fastest = per_iteration("times")?
        .iter()
        .zip(per_iteration("iters")?)
        .map(|(time, iters)| time / iters)
        .fold(f64::INFINITY, f64::min);
    Some(Measurement {
        case: benchmark.get("group_id")?.as_str()?.to_owned(),
        competitor: benchmark.get("function_id")?.as_str()?.to_owned(),
        median: median.get("point_estimate")?.as_f64()?,
        lower: interval.get("lower_bound")?.as_f64()?,
        upper: interval.get("upper_bound")?.as_f64()?,
        fastest,
    })
}

/// Cases of small objects (and vectors of them), where issue #21 wants
/// ours at least as fast as grammers on the call-boundary rows.
pub const SMALL: &[&str] = &["peer/", "peers_10000/", "rich_text_1/"];

/// The target for `competitor` in `case` (either row): the largest allowed
/// ours/theirs ratio, and its wording.
pub fn target(case: &str, competitor: &str) -> Option<(f64, &'static str)> {
    let case = split(case).0;
    let json = case.starts_with("json/");
    match competitor {
        "grammers" if case.starts_with("authorization/") || case.starts_with("messages_100/") => {
            Some((0.5, "<= 0.50"))
        }
        "tl-proto" | "grammers" if !json => Some((1.0, "<= 1.00 (at least as fast)")),
        "hand-written" if !json => Some((1.2, "<= 1.20")),
        "memcpy" if case.starts_with("bytes_1MiB/") => Some((1.5, "<= 1.50")),
        "serde_derive" if json => Some((1.1, "<= 1.10 (tag costs <= 10%)")),
        _ => None,
    }
}

/// Whether issue #21 sets the target of `competitor` in `case`: the
/// call-boundary rows of one `Peer` and `Vector<Peer>` against tl-proto,
/// of the small objects against grammers, and of `messages.messages`
/// against grammers.
pub fn issue_21(case: &str, competitor: &str) -> bool {
    let (base, call) = split(case);
    let peers = base.starts_with("peer/") || base.starts_with("peers_10000/");
    let small = SMALL.iter().any(|prefix| base.starts_with(prefix));
    call && match competitor {
        "tl-proto" => peers,
        "grammers" => small || base.starts_with("messages_100/"),
        _ => false,
    }
}

fn rank<T: PartialEq>(list: &[T], item: &T) -> usize {
    list.iter().position(|x| x == item).unwrap_or(list.len())
}

/// A case's place: its inlined name's place in [`CASES`], then the
/// inlined row before the call-boundary row.
fn case_rank(case: &str) -> usize {
    let (base, call) = split(case);
    let place = CASES
        .iter()
        .position(|(name, _)| *name == base)
        .unwrap_or(CASES.len());
    2 * place + usize::from(call)
}

/// The words the README table uses for a case (the same for both rows).
pub fn label(case: &str) -> &str {
    let base = split(case).0;
    CASES
        .iter()
        .find(|(name, _)| *name == base)
        .map_or(base, |(_, label)| label)
}

/// A time in ns with a unit.
pub fn format_time(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.2} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

/// A case or competitor, sorted by its place in [`CASES`] or [`COMPETITORS`].
type Key = (usize, String);

/// Which time of a measurement a table shows.
type Time = fn(&Measurement) -> f64;

/// The measurements of one case, by competitor.
type Row<'a> = BTreeMap<Key, &'a Measurement>;

fn ours_in<'a>(row: &Row<'a>) -> Option<&'a Measurement> {
    row.iter()
        .find(|((_, name), _)| name == OURS)
        .map(|(_, m)| *m)
}

/// The tables (markdown: medians, then fastest samples, then the README
/// form) and the list of targets met or missed.
pub fn render(measurements: &[Measurement]) -> String {
    let mut cases: BTreeMap<Key, Row<'_>> = BTreeMap::new();
    for m in measurements {
        cases
            .entry((case_rank(&m.case), m.case.clone()))
            .or_default()
            .insert(
                (
                    rank(COMPETITORS, &m.competitor.as_str()),
                    m.competitor.clone(),
                ),
                m,
            );
    }
    let by_name = |case: &str| {
        cases
            .iter()
            .find(|((_, name), _)| name == case)
            .map(|(_, row)| row)
    };
    let mut columns: Vec<Key> = cases.values().flat_map(|row| row.keys().cloned()).collect();
    columns.sort();
    columns.dedup();

    let mut out = String::new();
    let tables: [(&str, Time); 2] = [
        (
            "Median time per operation; in brackets ours ÷ theirs (< 1: ours is faster).",
            |m| m.median,
        ),
        (
            "Fastest sample (per operation), the same ratios: less sensitive to other \
             processes on the machine.",
            |m| m.fastest,
        ),
    ];
    for (title, time) in tables {
        out.push_str(title);
        out.push_str("\n\n| case | row |");
        for (_, name) in &columns {
            let _ = write!(out, " {name} |");
        }
        out.push_str("\n|---|---|");
        for _ in &columns {
            out.push_str("---:|");
        }
        out.push('\n');
        for ((_, case), row) in &cases {
            let _ = write!(out, "| {} | {} |", split(case).0, kind(case));
            let ours = ours_in(row);
            for column in &columns {
                match (row.get(column), ours) {
                    (Some(m), Some(ours)) if column.1 != OURS => {
                        let ratio = time(ours) / time(m);
                        let _ = write!(out, " {} ({ratio:.2}) |", format_time(time(m)));
                    }
                    (Some(m), _) => {
                        let _ = write!(out, " {} |", format_time(time(m)));
                    }
                    (None, _) => out.push_str(" - |"),
                }
            }
            out.push('\n');
        }
        out.push('\n');
    }

    // The README form: binary cases, our median, then ours ÷ each other
    // competitor; many-element cases with our time per element beside our
    // time for one.
    let binary: Vec<&Key> = columns
        .iter()
        .filter(|(_, name)| {
            name != OURS
                && cases.iter().any(|((_, case), row)| {
                    !case.starts_with("json/")
                        && row.contains_key(&(rank(COMPETITORS, &name.as_str()), name.clone()))
                })
        })
        .collect();
    out.push_str(
        "README form (binary cases, each inlined and behind a call boundary; ours ÷ theirs on \
         medians, – where a competitor lacks the form):\n\n| case | row | ours |",
    );
    for (_, name) in &binary {
        let _ = write!(out, " {name} |");
    }
    out.push_str("\n|---|---|---:|");
    for _ in &binary {
        out.push_str("---:|");
    }
    out.push('\n');
    for ((_, case), row) in &cases {
        if case.starts_with("json/") {
            continue;
        }
        let Some(ours) = ours_in(row) else { continue };
        let mut time = format_time(ours.median);
        let (base, call) = split(case);
        if let Some(&(_, count, one)) = PER_ELEMENT.iter().find(|(name, _, _)| *name == base) {
            let _ = write!(time, "; {} each", format_time(ours.median / count));
            let one = if call {
                format!("{one}{CALL}")
            } else {
                one.to_owned()
            };
            if let Some(single) = by_name(&one).and_then(ours_in) {
                let _ = write!(time, " (one alone: {})", format_time(single.median));
            }
        }
        let _ = write!(out, "| {} | {} | {time} |", label(case), kind(case));
        for column in &binary {
            match row.get(column) {
                Some(m) => {
                    let _ = write!(out, " {:.2} |", ours.median / m.median);
                }
                None => out.push_str(" – |"),
            }
        }
        out.push('\n');
    }
    out.push('\n');

    // Verdicts of the call-boundary rows, then of the inlined rows.
    let mut verdicts = [String::new(), String::new()];
    let mut verdict = |case: &str,
                       theirs_case: &str,
                       competitor: &str,
                       ours: &Measurement,
                       m: &Measurement,
                       limit: f64,
                       wording: &str| {
        let ratio = ours.median / m.median;
        let fastest = ours.fastest / m.fastest;
        // Overlapping confidence intervals make a near miss a tie within
        // noise.
        let verdict = if ratio <= limit {
            "met"
        } else if ours.lower / m.upper <= limit {
            "missed (within noise)"
        } else {
            "MISSED"
        };
        let theirs = if theirs_case == case {
            competitor.to_owned()
        } else {
            format!("{competitor} in {theirs_case}")
        };
        let issue = if issue_21(case, competitor) {
            " [#21]"
        } else {
            ""
        };
        let _ = writeln!(
            verdicts[usize::from(!split(case).1)],
            "- {case}: ours/{theirs} = {ratio:.2} (fastest samples: {fastest:.2}), \
             target {wording}{issue}: {verdict}"
        );
    };
    for ((_, case), row) in &cases {
        let Some(ours) = ours_in(row) else {
            continue;
        };
        for ((_, competitor), m) in row {
            let Some((limit, wording)) = target(case, competitor) else {
                continue;
            };
            verdict(case, case, competitor, ours, m, limit, wording);
        }
    }
    for &(case, theirs_case, competitor, limit, wording) in CROSS_TARGETS {
        for suffix in ["", CALL] {
            let (case, theirs_case) = (format!("{case}{suffix}"), format!("{theirs_case}{suffix}"));
            let ours = by_name(&case).and_then(ours_in);
            let theirs = by_name(&theirs_case).and_then(|row| {
                row.iter()
                    .find(|((_, name), _)| name == competitor)
                    .map(|(_, m)| *m)
            });
            if let (Some(ours), Some(theirs)) = (ours, theirs) {
                verdict(
                    &case,
                    &theirs_case,
                    competitor,
                    ours,
                    theirs,
                    limit,
                    wording,
                );
            }
        }
    }
    let [call, inlined] = verdicts;
    if !call.is_empty() {
        out.push_str(
            "Targets, call-boundary rows (on medians; [#21]: a target of issue #21, judged \
             on these rows):\n\n",
        );
        out.push_str(&call);
        out.push('\n');
    }
    if !inlined.is_empty() {
        out.push_str("Targets, inlined rows (on medians):\n\n");
        out.push_str(&inlined);
    }
    out
}

/// Prints the table for the results in `dir` (criterion's directory when
/// `None`).
pub fn print(dir: Option<&Path>) -> io::Result<()> {
    let dir = dir.map_or_else(criterion_dir, Path::to_path_buf);
    let measurements = load(&dir)?;
    if measurements.is_empty() {
        println!("no criterion results under {}", dir.display());
    } else {
        println!("Results from {}\n", dir.display());
        print!("{}", render(&measurements));
    }
    Ok(())
}
