//! What changed between two versions of a schema: the constructors and
//! functions added, removed and changed, with their old and new lines and
//! ids, for a layer bump or a TDLib upgrade.

use std::collections::BTreeMap;
use std::fmt;

use crate::api::Dialect;
use crate::schema::{Declaration, Schema, Section};

/// One declaration that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// `constructor` or `function`.
    pub section: Section,
    /// Its name.
    pub name: String,
    /// Its line and id before, if it existed.
    pub old: Option<(String, u32)>,
    /// Its line and id after, if it exists.
    pub new: Option<(String, u32)>,
}

/// The differences between two schemas, in name order within each section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// Every declaration added, removed or changed (its line or its id).
    pub changes: Vec<Change>,
}

impl Diff {
    /// Compares `old` with `new`, each with ids as its dialect computes
    /// them where the file has none.
    pub fn new(old: &Schema, old_dialect: Dialect, new: &Schema, new_dialect: Dialect) -> Diff {
        let index = |schema: &Schema, dialect: Dialect| {
            let mut map: BTreeMap<(u8, String), (String, u32)> = BTreeMap::new();
            for d in &schema.declarations {
                let section = u8::from(d.is_function());
                map.entry((section, d.name.clone()))
                    .or_insert_with(|| (d.line(), id_of(d, dialect)));
            }
            map
        };
        let before = index(old, old_dialect);
        let after = index(new, new_dialect);
        let mut keys: Vec<&(u8, String)> = before.keys().chain(after.keys()).collect();
        keys.sort();
        keys.dedup();
        let changes = keys
            .into_iter()
            .filter_map(|key| {
                let old = before.get(key).cloned();
                let new = after.get(key).cloned();
                (old != new).then(|| Change {
                    section: if key.0 == 1 {
                        Section::Functions
                    } else {
                        Section::Types
                    },
                    name: key.1.clone(),
                    old,
                    new,
                })
            })
            .collect();
        Diff { changes }
    }

    fn count(&self, section: Section) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for c in self.changes.iter().filter(|c| c.section == section) {
            match (&c.old, &c.new) {
                (None, Some(_)) => counts.0 += 1,
                (Some(_), None) => counts.1 += 1,
                _ => counts.2 += 1,
            }
        }
        counts
    }
}

/// The declaration's id: the file's, else the CRC of its line.
fn id_of(d: &Declaration, dialect: Dialect) -> u32 {
    d.id.unwrap_or_else(|| tl_schema::constructor_id(&d.line(), dialect.schema()))
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (section, what) in [
            (Section::Types, "constructors"),
            (Section::Functions, "functions"),
        ] {
            let (added, removed, changed) = self.count(section);
            writeln!(
                f,
                "{what}: {added} added, {removed} removed, {changed} changed"
            )?;
        }
        for c in &self.changes {
            let kind = match c.section {
                Section::Types => "constructor",
                Section::Functions => "function",
            };
            writeln!(f)?;
            match (&c.old, &c.new) {
                (None, Some((line, id))) => {
                    writeln!(f, "+ {kind} {}\n    new: #{id:08x} {line}", c.name)?
                }
                (Some((line, id)), None) => {
                    writeln!(f, "- {kind} {}\n    old: #{id:08x} {line}", c.name)?
                }
                (Some((old, old_id)), Some((new, new_id))) => writeln!(
                    f,
                    "~ {kind} {}\n    old: #{old_id:08x} {old}\n    new: #{new_id:08x} {new}",
                    c.name
                )?,
                (None, None) => {}
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    #[test]
    fn lists_added_removed_and_changed() {
        let old =
            parse("a#00000001 x:int = A;\nb#00000002 = B;\n---functions---\nf#00000003 = A;\n")
                .unwrap();
        let new =
            parse("a#00000004 x:long = A;\nc#00000005 = C;\n---functions---\nf#00000003 = A;\n")
                .unwrap();
        let diff = Diff::new(&old, Dialect::Mtproto, &new, Dialect::Mtproto);
        let names: Vec<_> = diff.changes.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        let text = diff.to_string();
        assert!(text.starts_with("constructors: 1 added, 1 removed, 1 changed\nfunctions: 0 added, 0 removed, 0 changed\n"), "{text}");
        assert!(
            text.contains(
                "~ constructor a\n    old: #00000001 a x:int = A\n    new: #00000004 a x:long = A\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("- constructor b\n    old: #00000002 b = B\n"),
            "{text}"
        );
        assert!(
            text.contains("+ constructor c\n    new: #00000005 c = C\n"),
            "{text}"
        );
    }

    #[test]
    fn computes_td_ids() {
        let old = parse("ok = Ok;\n").unwrap();
        let new = parse("ok = Ok;\nerror code:int32 message:string = Error;\n").unwrap();
        let text = Diff::new(&old, Dialect::Td, &new, Dialect::Td).to_string();
        assert!(
            text.contains(
                "+ constructor error\n    new: #9bdd8f1a error code:int32 message:string = Error\n"
            ),
            "{text}"
        );
    }
}
