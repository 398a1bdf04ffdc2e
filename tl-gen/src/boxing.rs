//! Which fields hold their object in a `Box`.
//!
//! A struct holds each object of its fields inline, `Option` included; an
//! enum holds its variants' structs. Two kinds of field are boxed:
//!
//! - a field through which a type holds itself (its object can hold,
//!   inline again, the struct the field is in), which would make the type
//!   infinitely large;
//! - a field whose object is larger than [`INLINE_LIMIT`] bytes: inline,
//!   one `td_api` message would take tens of kilobytes of stack, and every
//!   enum of it as much as its largest variant.
//!
//! Every other field is inline, since a `Box` costs an allocation on every
//! decode: a `Peer` in a message stays a few words in place. Vectors hold
//! their elements on the heap already and break every cycle.

use std::collections::{HashMap, HashSet};

use crate::api::ItemPath;
use crate::schema::{Declaration, FieldType, Primitive, TypeRef};

/// Objects larger than this many bytes (as this module estimates a
/// 64-bit layout) are boxed: clippy's `large_enum_variant` warns from 200.
pub const INLINE_LIMIT: usize = 128;

/// The estimated size of `tl_core::Unknown`, a catch-all's payload.
const UNKNOWN_SIZE: usize = 64;

/// Which fields of the selected constructors are boxed.
pub struct Boxing {
    /// `(constructor, field index)` of every boxed field.
    boxed: HashSet<(String, usize)>,
}

impl Boxing {
    /// Decides for the selected constructors, given the generated structs
    /// and enums, and whether enums get a catch-all.
    pub fn new(
        selected: &[&Declaration],
        structs: &HashMap<String, ItemPath>,
        enums: &HashMap<String, ItemPath>,
        catch_all: &HashSet<String>,
    ) -> Boxing {
        let constructors: HashMap<&str, &Declaration> = selected
            .iter()
            .filter(|d| !d.is_function())
            .map(|d| (d.name.as_str(), *d))
            .collect();
        let cycles = Cycles::new(&constructors, structs, enums);
        let mut by_type: HashMap<String, Vec<&str>> = HashMap::new();
        for d in constructors.values() {
            by_type
                .entry(d.result.to_string())
                .or_default()
                .push(&d.name);
        }
        let mut sizes = Sizes {
            constructors: &constructors,
            by_type,
            structs,
            enums,
            catch_all,
            cycles: &cycles,
            memo: HashMap::new(),
            boxed: HashSet::new(),
        };
        let mut names: Vec<&str> = constructors.keys().copied().collect();
        names.sort_unstable();
        for name in names {
            sizes.constructor(name);
        }
        Boxing { boxed: sizes.boxed }
    }

    /// Whether field `index` of constructor `constructor` is boxed.
    pub fn is_boxed(&self, constructor: &str, index: usize) -> bool {
        self.boxed.contains(&(constructor.to_owned(), index))
    }
}

/// Estimated sizes of the generated types, deciding boxes bottom-up: a
/// field's object is sized (with its own fields' boxes decided) before
/// the field is.
struct Sizes<'a> {
    constructors: &'a HashMap<&'a str, &'a Declaration>,
    /// Type name -> its constructors.
    by_type: HashMap<String, Vec<&'a str>>,
    structs: &'a HashMap<String, ItemPath>,
    enums: &'a HashMap<String, ItemPath>,
    catch_all: &'a HashSet<String>,
    cycles: &'a Cycles,
    /// Node key -> size; `None` while being computed.
    memo: HashMap<String, Option<usize>>,
    boxed: HashSet<(String, usize)>,
}

impl Sizes<'_> {
    fn constructor(&mut self, name: &str) -> usize {
        let key = format!("c:{name}");
        if let Some(known) = self.memo.get(&key) {
            // In progress: only through a cycle, whose edges are boxed.
            return known.unwrap_or(8);
        }
        self.memo.insert(key.clone(), None);
        let Some(d) = self.constructors.get(name).copied() else {
            self.memo.insert(key, Some(8));
            return 8;
        };
        let mut size = 0;
        for (index, field) in d.fields.iter().enumerate() {
            let optional = field.condition.is_some() || says_optional(field);
            size += match &field.ty {
                FieldType::Flags => 0,
                FieldType::True => 1,
                FieldType::Param(_) => 8,
                FieldType::Type(tl) => {
                    let boxed_for_cycle = self.cycles.holds_itself(name, tl);
                    let inline = if boxed_for_cycle { 0 } else { self.inline(tl) };
                    if boxed_for_cycle || inline > INLINE_LIMIT {
                        self.boxed.insert((name.to_owned(), index));
                        8
                    } else if optional {
                        inline + 8
                    } else {
                        inline
                    }
                }
            };
        }
        self.memo.insert(key, Some(size));
        size
    }

    fn enumeration(&mut self, ty: &str) -> usize {
        let key = format!("t:{ty}");
        if let Some(known) = self.memo.get(&key) {
            return known.unwrap_or(8);
        }
        self.memo.insert(key.clone(), None);
        let mut largest = if self.catch_all.contains(ty) {
            UNKNOWN_SIZE
        } else {
            0
        };
        let members = self.by_type.get(ty).cloned().unwrap_or_default();
        for member in members {
            largest = largest.max(self.constructor(member));
        }
        let size = largest + 8;
        self.memo.insert(key, Some(size));
        size
    }

    /// The size of a field's value held inline.
    fn inline(&mut self, tl: &TypeRef) -> usize {
        match tl {
            TypeRef::Primitive(p) => match p {
                Primitive::Int32 { .. } => 4,
                Primitive::Int64 { .. } | Primitive::Int53 | Primitive::Double => 8,
                Primitive::Bool => 1,
                Primitive::String | Primitive::Bytes => 24,
                Primitive::Int128 => 16,
                Primitive::Int256 => 32,
            },
            TypeRef::Vector { .. } => 24,
            TypeRef::Constructor(name) if self.structs.contains_key(name) => self.constructor(name),
            TypeRef::Type(name) if self.enums.contains_key(name) => self.enumeration(name),
            _ => 8,
        }
    }
}

/// Whether td's doc makes a field an `Option` (the nullable rule's own
/// test, so sizes follow it).
fn says_optional(field: &crate::schema::Field) -> bool {
    crate::nullable::nullable(field) != crate::nullable::Nullable::No
}

/// The strongly connected components of the inline-holding graph.
struct Cycles {
    /// Node -> its component, for constructors (`c:name`) and types (`t:Name`).
    component: HashMap<String, usize>,
}

impl Cycles {
    fn new(
        constructors: &HashMap<&str, &Declaration>,
        structs: &HashMap<String, ItemPath>,
        enums: &HashMap<String, ItemPath>,
    ) -> Cycles {
        let mut nodes: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut node = |key: String, nodes: &mut Vec<String>| -> usize {
            *index.entry(key.clone()).or_insert_with(|| {
                nodes.push(key);
                nodes.len() - 1
            })
        };
        let mut edges: Vec<(usize, usize)> = Vec::new();
        let mut ordered: Vec<&&Declaration> = constructors.values().collect();
        ordered.sort_by(|a, b| a.name.cmp(&b.name));
        for d in ordered {
            let from = node(format!("c:{}", d.name), &mut nodes);
            let ty = d.result.to_string();
            if enums.contains_key(&ty) {
                let t = node(format!("t:{ty}"), &mut nodes);
                edges.push((t, from));
            }
            for field in &d.fields {
                if let FieldType::Type(tl) = &field.ty
                    && let Some(key) = inline_target(tl, structs, enums)
                {
                    let to = node(key, &mut nodes);
                    edges.push((from, to));
                }
            }
        }
        let mut adjacency = vec![Vec::new(); nodes.len()];
        for (from, to) in edges {
            adjacency[from].push(to);
        }
        let components = tarjan(&adjacency);
        Cycles {
            component: nodes
                .into_iter()
                .enumerate()
                .map(|(i, key)| (key, components[i]))
                .collect(),
        }
    }

    /// Whether field type `tl` of constructor `constructor` can hold the
    /// constructor's struct inline.
    fn holds_itself(&self, constructor: &str, tl: &TypeRef) -> bool {
        let key = match tl {
            TypeRef::Constructor(name) => format!("c:{name}"),
            TypeRef::Type(name) => format!("t:{name}"),
            _ => return false,
        };
        let from = self.component.get(&format!("c:{constructor}"));
        from.is_some() && from == self.component.get(&key)
    }
}

/// The node a field holds inline, if any: an object, not inside a vector.
fn inline_target(
    tl: &TypeRef,
    structs: &HashMap<String, ItemPath>,
    enums: &HashMap<String, ItemPath>,
) -> Option<String> {
    match tl {
        TypeRef::Constructor(name) if structs.contains_key(name) => Some(format!("c:{name}")),
        TypeRef::Type(name) if enums.contains_key(name) => Some(format!("t:{name}")),
        _ => None,
    }
}

/// Each node's strongly connected component (Tarjan's algorithm, with an
/// explicit stack so that a long chain of types cannot overflow it).
fn tarjan(adjacency: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = adjacency.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut component = vec![UNSEEN; n];
    let mut next_order = 0;
    let mut components = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        // (node, index of the next edge to look at)
        let mut calls = vec![(root, 0)];
        order[root] = next_order;
        low[root] = next_order;
        next_order += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut edge)) = calls.last_mut() {
            if let Some(&w) = adjacency[v].get(*edge) {
                *edge += 1;
                if order[w] == UNSEEN {
                    order[w] = next_order;
                    low[w] = next_order;
                    next_order += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == order[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = components;
                    if w == v {
                        break;
                    }
                }
                components += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::tarjan;

    #[test]
    fn finds_cycles() {
        // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 3
        let c = tarjan(&[vec![1], vec![2], vec![0, 3], vec![3], vec![]]);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_ne!(c[2], c[3]);
        assert_ne!(c[3], c[4]);
    }
}
