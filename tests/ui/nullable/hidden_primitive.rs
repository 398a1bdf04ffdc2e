// A primitive behind an alias: the macro cannot see it, `const` evaluation
// rejects it.
type Name = String;

#[derive(tl_core::TlObject)]
struct User {
    id: i64,
    username: Option<Name>,
}

fn main() {}
