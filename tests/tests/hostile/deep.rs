//! Deeply nested inputs, binary and JSON, built by hand; and drops of deep
//! values that do not recurse.

use tl_core::{TlConstructor, TlType};

use crate::hardening::{Chain, Node, Tree};
use crate::support::Expected;

/// `tree` boxed at the top, then `levels - 1` bare trees of one kid each.
pub(crate) fn tree_bytes(levels: usize) -> Vec<u8> {
    let mut bytes = Expected::default().id(Tree::ID);
    for _ in 1..levels {
        bytes = bytes.int32(1);
    }
    bytes.int32(0).bytes()
}

/// `nodeBoxed` `levels - 1` times, then `nodeEmpty`.
pub(crate) fn node_bytes(levels: usize) -> Vec<u8> {
    let boxed = <Node as TlType>::CONSTRUCTORS[3];
    let empty = <Node as TlType>::CONSTRUCTORS[4];
    assert_eq!((boxed.name, empty.name), ("nodeBoxed", "nodeEmpty"));
    let mut bytes = Vec::with_capacity(4 * levels);
    for _ in 1..levels {
        bytes.extend_from_slice(&boxed.id.to_le_bytes());
    }
    bytes.extend_from_slice(&empty.id.to_le_bytes());
    bytes
}

/// `chain` `levels` deep through `next`: each level is the id, flags, value;
/// the `ids` vectors (empty) follow innermost first.
pub(crate) fn chain_bytes(levels: usize) -> Vec<u8> {
    let mut bytes = Expected::default();
    for level in 0..levels {
        let flags = if level + 1 < levels { 1 } else { 0 };
        bytes = bytes.id(Chain::ID).int32(flags).int64(level as i64);
        if level + 1 == levels {
            bytes = bytes.id(tl_core::wire::VECTOR).int32(0);
        }
    }
    for _ in 1..levels {
        bytes = bytes.id(tl_core::wire::VECTOR).int32(0);
    }
    bytes.bytes()
}

/// Drops a deep tree without deep recursion.
pub(crate) fn drop_tree(tree: Tree) {
    let mut stack = vec![tree];
    while let Some(mut tree) = stack.pop() {
        stack.append(&mut tree.kids);
    }
}

pub(crate) fn drop_chain(chain: Chain) {
    let mut next = Some(Box::new(chain));
    while let Some(mut chain) = next {
        next = chain.next.take();
    }
}

pub(crate) fn drop_node(node: Node) {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        match node {
            Node::Branch { children } => stack.extend(children),
            Node::Boxed { inner } => stack.push(*inner),
            _ => {}
        }
    }
}

const JSON_NODE_LEAF: &str = r#"{"_":"nodeEmpty"}"#;

pub(crate) fn json_node_boxed(levels: usize) -> String {
    format!(
        "{}{JSON_NODE_LEAF}{}",
        r#"{"_":"nodeBoxed","inner":"#.repeat(levels),
        "}".repeat(levels)
    )
}

/// The tag last: entries before it are buffered, then replayed.
pub(crate) fn json_node_boxed_tag_last(levels: usize) -> String {
    format!(
        "{}{JSON_NODE_LEAF}{}",
        r#"{"inner":"#.repeat(levels),
        r#","_":"nodeBoxed"}"#.repeat(levels)
    )
}

pub(crate) fn json_tree(levels: usize) -> String {
    let tree = tl_core::from_bytes_with_max_depth::<Tree>(&tree_bytes(levels), levels).unwrap();
    let text = tl_core::json::to_string(&tree).unwrap();
    drop_tree(tree);
    text
}
