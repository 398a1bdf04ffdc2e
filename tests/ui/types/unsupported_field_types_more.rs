use std::collections::{BTreeMap, HashSet};

#[derive(tl_core::TlObject)]
struct Everything {
    small: u8,
    short: i16,
    wide: i128,
    single: f32,
    letter: char,
    tags: HashSet<String>,
    index: BTreeMap<i32, String>,
    count: usize,
    boxed: Box<u16>,
    nested: Vec<Vec<u64>>,
}

fn main() {}
