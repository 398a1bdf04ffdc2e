/// `sessions sessions:vector<session> = Sessions` hashes to 0xe46560d7.
/// `session` is only named by its impl, so the id is checked in `const`;
/// the error still points at the attribute and quotes the whole line.
#[derive(tl_core::TlObject)]
#[tl(id = 0xb0a79cce)]
struct Sessions {
    sessions: Vec<Session>,
}

#[derive(tl_core::TlObject)]
struct Session {
    id: i64,
}

fn main() {}
