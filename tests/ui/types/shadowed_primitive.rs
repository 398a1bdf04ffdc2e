/// A local type named `String` (deriving TlObject, so it is a TL type):
/// the derive reads `String` as TL `string` by its name, and says so when
/// the name means another type here.
#[derive(tl_core::TlObject)]
struct String {
    text: std::string::String,
}

#[derive(tl_core::TlObject)]
struct Note {
    id: i64,
    body: String,
}

/// With a path, the type is not read by name: its own TL type is used.
#[derive(tl_core::TlObject)]
struct Fixed {
    id: i64,
    body: crate::String,
}

fn main() {}
