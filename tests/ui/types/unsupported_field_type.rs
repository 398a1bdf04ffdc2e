use std::collections::HashMap;

#[derive(tl_core::TlObject)]
struct Message {
    id: u64,
    views: Vec<u32>,
    reactions: HashMap<String, i32>,
    text: String,
}

fn main() {}
