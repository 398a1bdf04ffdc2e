//! Which fields need a `Box`: those through which a type holds itself.
//!
//! A struct holds each object of its fields inline, `Option` included; an
//! enum holds its variants' structs. A field whose object can hold, inline
//! again, the struct the field is in would make the type infinitely large,
//! so it is boxed; every other field is not, since a `Box` costs an
//! allocation on every decode. Vectors hold their elements on the heap
//! already and break every cycle.

use std::collections::HashMap;

use crate::api::ItemPath;
use crate::schema::{Declaration, FieldType, TypeRef};

/// The strongly connected components of the inline-holding graph.
pub struct Recursion {
    /// Node -> its component, for constructors (`c:name`) and types (`t:Name`).
    component: HashMap<String, usize>,
}

impl Recursion {
    /// The graph of the selected constructors and the generated types.
    pub fn new(
        selected: &[&Declaration],
        structs: &HashMap<String, ItemPath>,
        enums: &HashMap<String, ItemPath>,
    ) -> Recursion {
        let mut nodes: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut node = |key: String, nodes: &mut Vec<String>| -> usize {
            *index.entry(key.clone()).or_insert_with(|| {
                nodes.push(key);
                nodes.len() - 1
            })
        };
        let mut edges: Vec<(usize, usize)> = Vec::new();
        for d in selected.iter().filter(|d| !d.is_function()) {
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
        Recursion {
            component: nodes
                .into_iter()
                .enumerate()
                .map(|(i, key)| (key, components[i]))
                .collect(),
        }
    }

    /// Whether field type `tl` of constructor `constructor` must be boxed:
    /// its object can hold the constructor's struct inline.
    pub fn needs_box(&self, constructor: &str, tl: &TypeRef) -> bool {
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
