//! The `differential` target on stable: `types.txt` is what it should be,
//! the seeds are real encodings both sides read alike, and every seed,
//! committed regression and (after a local run) corpus input passes the
//! target's own checks (`fuzz/src/differential.rs`), with the count of
//! each outcome printed (`cargo test -- --nocapture`).
//!
//! `TL_BLESS=1` rewrites `types.txt` and the seeds instead of checking them.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use tl_fuzz_differential::differential::{TYPES, selector};
use tl_fuzz_differential::{Outcome, Tally, check};
use tl_gen::schema::{Declaration, FieldType, Primitive, Schema, Section, TypeRef};

fn here() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Schema {
    let path = here().join("../../tests/whole-schema/schemas/telegram_api.tl");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    tl_gen::parse(&text).expect("telegram_api.tl parses")
}

fn blessing() -> bool {
    std::env::var_os("TL_BLESS").is_some()
}

/// The constructors of each type, and the type of each constructor.
struct Types<'a> {
    by_type: HashMap<String, Vec<&'a Declaration>>,
    by_name: HashMap<&'a str, &'a Declaration>,
}

impl<'a> Types<'a> {
    fn of(schema: &'a Schema) -> Types<'a> {
        let mut by_type: HashMap<String, Vec<&Declaration>> = HashMap::new();
        let mut by_name = HashMap::new();
        for d in schema
            .declarations
            .iter()
            .filter(|d| d.section == Section::Types)
        {
            by_type.entry(d.result.to_string()).or_default().push(d);
            by_name.insert(d.name.as_str(), d);
        }
        Types { by_type, by_name }
    }
}

/// The types whose every constructor has the same line in layer 230 (the
/// same id under the same name in grammers: the id is the CRC of the
/// line), and whose fields reach only such types: the greatest set closed
/// under "a field's type is in it". `Bool` and `True` are grammers'
/// `bool`, not enums.
fn equal_in_both_layers(schema: &Schema) -> BTreeSet<String> {
    let types = Types::of(schema);
    let same = |d: &Declaration| {
        d.id.is_some_and(|id| grammers_tl_types::name_for_id(id) == d.name)
    };
    let mut usable: BTreeSet<String> = types
        .by_type
        .iter()
        .filter(|(ty, ds)| *ty != "Bool" && *ty != "True" && ds.iter().all(|d| same(d)))
        .map(|(ty, _)| ty.clone())
        .collect();
    fn reaches(r: &TypeRef, usable: &BTreeSet<String>, types: &Types) -> bool {
        match r {
            TypeRef::Primitive(_) => true,
            TypeRef::Vector { element, .. } => reaches(element, usable, types),
            TypeRef::Constructor(c) => types
                .by_name
                .get(c.as_str())
                .is_some_and(|d| usable.contains(&d.result.to_string())),
            TypeRef::Type(t) => usable.contains(t),
        }
    }
    loop {
        let dropped: Vec<String> = usable
            .iter()
            .filter(|ty| {
                types.by_type[*ty].iter().any(|d| {
                    d.fields.iter().any(|f| match &f.ty {
                        FieldType::Type(r) => !reaches(r, &usable, &types),
                        FieldType::Param(_) => true,
                        FieldType::Flags | FieldType::True => false,
                    })
                })
            })
            .cloned()
            .collect();
        if dropped.is_empty() {
            return usable;
        }
        for ty in dropped {
            usable.remove(&ty);
        }
    }
}

#[test]
fn types_are_those_equal_in_both_layers() {
    let schema = schema();
    let expected = equal_in_both_layers(&schema);
    let path = here().join("types.txt");
    if blessing() {
        let mut text = String::from(
            "# The TL types of the differential: those whose constructors have the same\n\
             # line in layer 227 (ours) and 230 (grammers), reaching only such types.\n\
             # Written by `TL_BLESS=1 cargo test --test replay`; checked by that test.\n",
        );
        for ty in &expected {
            text.push_str(ty);
            text.push('\n');
        }
        fs::write(&path, text).unwrap();
        return;
    }
    let listed: BTreeSet<String> = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    assert_eq!(
        listed, expected,
        "types.txt is stale: rewrite it with TL_BLESS=1"
    );
    assert_eq!(
        TYPES.len(),
        listed.len(),
        "build.rs paired every listed type"
    );
}

/// A value of `ty` as TL bytes, written from the schema alone (not by
/// either side): conditional fields present down to depth 2, and each
/// type as its constructor whose always-present fields nest the least,
/// vectors of one element down to depth 2 and empty below.
struct Sampler<'a> {
    types: Types<'a>,
    rank: HashMap<&'a str, usize>,
}

impl<'a> Sampler<'a> {
    fn new(schema: &'a Schema) -> Sampler<'a> {
        let types = Types::of(schema);
        let mut rank: HashMap<&str, usize> = HashMap::new();
        loop {
            let mut changed = false;
            for (name, d) in &types.by_name {
                let need = |r: &TypeRef| -> Option<usize> {
                    match r {
                        TypeRef::Primitive(_) | TypeRef::Vector { .. } => Some(0),
                        TypeRef::Constructor(c) => rank.get(c.as_str()).copied(),
                        TypeRef::Type(t) => types
                            .by_type
                            .get(t)?
                            .iter()
                            .filter_map(|d| rank.get(d.name.as_str()).copied())
                            .min(),
                    }
                };
                let mut max = Some(0);
                for f in d.fields.iter().filter(|f| f.condition.is_none()) {
                    if let FieldType::Type(r) = &f.ty {
                        max = max.zip(need(r)).map(|(a, b)| a.max(b));
                    }
                }
                if let Some(max) = max
                    && rank.get(name).is_none_or(|&old| max + 1 < old)
                {
                    rank.insert(name, max + 1);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        Sampler { types, rank }
    }

    fn boxed(&self, ty: &str, depth: u32, out: &mut Vec<u8>) {
        let d = self.types.by_type[ty]
            .iter()
            .min_by_key(|d| {
                self.rank
                    .get(d.name.as_str())
                    .copied()
                    .unwrap_or(usize::MAX)
            })
            .expect("a type has constructors");
        out.extend(d.id.expect("telegram_api.tl has ids").to_le_bytes());
        self.bare(d, depth, out);
    }

    fn bare(&self, d: &Declaration, depth: u32, out: &mut Vec<u8>) {
        let present = depth < 2;
        for f in &d.fields {
            if f.condition.is_some() && !present {
                continue;
            }
            match &f.ty {
                FieldType::Flags => {
                    let word: u32 = if present {
                        d.fields
                            .iter()
                            .filter_map(|g| g.condition.as_ref())
                            .filter(|c| c.word == f.name)
                            .fold(0, |w, c| w | 1 << c.bit)
                    } else {
                        0
                    };
                    out.extend(word.to_le_bytes());
                }
                FieldType::True => {}
                FieldType::Param(_) => unreachable!("types have no parameters"),
                FieldType::Type(r) => self.value(r, depth + 1, out),
            }
        }
    }

    fn value(&self, r: &TypeRef, depth: u32, out: &mut Vec<u8>) {
        match r {
            TypeRef::Primitive(p) => match p {
                Primitive::Int32 { .. } => out.extend(7i32.to_le_bytes()),
                Primitive::Int64 { .. } | Primitive::Int53 => {
                    out.extend(0x0102_0304_0506_0708i64.to_le_bytes())
                }
                Primitive::Double => out.extend(1.5f64.to_le_bytes()),
                Primitive::String => out.extend(*b"\x03abc"),
                Primitive::Bytes => out.extend(*b"\x02\xab\xcd\x00"),
                Primitive::Bool => out.extend(0x9972_75b5u32.to_le_bytes()),
                Primitive::Int128 => out.extend([0x11; 16]),
                Primitive::Int256 => out.extend([0x22; 32]),
            },
            TypeRef::Vector { boxed, element } => {
                if *boxed {
                    out.extend(0x1cb5_c415u32.to_le_bytes());
                }
                // One element near the top; empty below, where the
                // element type may lead back to this one.
                if depth < 2 {
                    out.extend(1i32.to_le_bytes());
                    self.value(element, depth, out);
                } else {
                    out.extend(0i32.to_le_bytes());
                }
            }
            TypeRef::Constructor(c) => self.bare(self.types.by_name[c.as_str()], depth, out),
            TypeRef::Type(t) => self.boxed(t, depth, out),
        }
    }
}

fn inputs(kind: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = here().join("..").join(kind).join("differential");
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

/// The seeds: one sample of each type, selector first.
#[test]
fn seeds_are_samples_both_read_alike() {
    let schema = schema();
    let sampler = Sampler::new(&schema);
    let dir = here().join("../seeds/differential");
    let mut expected = Vec::new();
    for (ty, _) in TYPES {
        let mut data = selector(ty).expect("in the table").to_vec();
        sampler.boxed(ty, 0, &mut data);
        expected.push((dir.join(ty.replace('.', "_")), data));
    }
    if blessing() {
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for (path, data) in &expected {
            fs::write(path, data).unwrap();
        }
    }
    let mut seeds = inputs("seeds");
    seeds.sort();
    expected.sort();
    assert_eq!(
        seeds.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        expected.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        "fuzz/seeds/differential is stale: rewrite it with TL_BLESS=1"
    );
    on_a_big_stack(move || {
        for ((path, data), (_, want)) in seeds.iter().zip(&expected) {
            assert_eq!(data, want, "{} is stale", path.display());
            assert_eq!(check(data), Outcome::BothEqual, "{}", path.display());
        }
    });
}

/// Every input the target kept or once crashed on passes its checks; the
/// counts of each outcome are printed.
#[test]
fn regressions_and_corpus_pass_the_checks() {
    on_a_big_stack(|| {
        for kind in ["regressions", "corpus"] {
            let tally = Tally::new();
            for (path, data) in inputs(kind) {
                let outcome = std::panic::catch_unwind(|| check(&data))
                    .unwrap_or_else(|_| panic!("{} fails the checks", path.display()));
                tally.add(outcome);
            }
            eprint!("fuzz/{kind}/differential:\n{}", tally.report());
        }
    });
}

/// grammers has no depth limit: a deep input needs more stack than a test
/// thread's 2 MiB.
fn on_a_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

/// Our depth limit, which the fuzzer does not reach (128 objects deep
/// takes over 512 bytes of valid nesting): `RichText` 1 000 deep, which
/// grammers reads on the checking thread's big stack, is one of our
/// stricter checks, and 100 deep both read alike.
#[test]
fn nesting_beyond_our_limit_is_our_stricter_check() {
    let schema = schema();
    let id = |name: &str| {
        schema
            .declarations
            .iter()
            .find(|d| d.name == name)
            .and_then(|d| d.id)
            .expect("in telegram_api.tl")
    };
    let (bold, empty) = (id("textBold"), id("textEmpty"));
    let nested = move |depth: usize| {
        let mut data = selector("RichText").expect("in the table").to_vec();
        for _ in 0..depth {
            data.extend(bold.to_le_bytes());
        }
        data.extend(empty.to_le_bytes());
        data
    };
    on_a_big_stack(move || {
        assert_eq!(check(&nested(100)), Outcome::BothEqual);
        assert_eq!(
            check(&nested(1000)),
            Outcome::Stricter(tl_fuzz_differential::Strict::Depth)
        );
    });
}
