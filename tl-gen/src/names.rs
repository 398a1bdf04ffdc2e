//! TL names as Rust names: UpperCamelCase items, namespaces as modules,
//! fields as they are (raw where they are keywords).

/// Rust's keywords, strict and reserved, for editions up to 2024.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers (`r#self` is not allowed).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// The names of the prelude that generated code writes unqualified: an
/// item of the same name in a generated module would shadow them.
pub const PRELUDE: &[&str] = &["Option", "Vec", "String", "Box", "Some", "None"];

/// One part of a TL name in UpperCamelCase: each `_`-separated word with
/// its first letter in upper case, the rest as written.
/// `p_q_inner_data_dc` -> `PQInnerDataDc`, `sentCode` -> `SentCode`,
/// `resPQ` -> `ResPQ`.
pub fn upper_camel(part: &str) -> String {
    let mut out = String::with_capacity(part.len());
    for word in part.split('_') {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.extend(chars);
        }
    }
    out
}

/// What the derive names a Rust ident by default: its first character
/// in lower case, the rest as written (`SessionTypeAndroid` ->
/// `sessionTypeAndroid`).
pub fn lower_camel(ident: &str) -> String {
    let mut chars = ident.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A TL name split into its namespace and its own name:
/// `auth.sentCode` -> (`["auth"]`, `sentCode`).
pub fn split_namespace(name: &str) -> (Vec<String>, &str) {
    let mut parts: Vec<&str> = name.split('.').collect();
    let last = parts.pop().unwrap_or(name);
    (parts.into_iter().map(str::to_owned).collect(), last)
}

/// A Rust identifier for a module or field named `name` in TL, and whether
/// it differs from the name (so the field needs `rename`): keywords
/// become raw (`r#type`, which the derive unraws), and the few that
/// cannot be raw get a trailing `_`.
pub fn ident(name: &str) -> (String, bool) {
    if NOT_RAW.contains(&name) {
        (format!("{name}_"), true)
    } else if KEYWORDS.contains(&name) {
        (format!("r#{name}"), false)
    } else {
        (name.to_owned(), false)
    }
}

/// Whether an UpperCamelCase item name cannot be used as is (`Self`).
pub fn is_reserved_item(ident: &str) -> bool {
    NOT_RAW.contains(&ident) || KEYWORDS.contains(&ident) || ident.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_names() {
        assert_eq!(upper_camel("sentCode"), "SentCode");
        assert_eq!(upper_camel("p_q_inner_data_dc"), "PQInnerDataDc");
        assert_eq!(upper_camel("resPQ"), "ResPQ");
        assert_eq!(upper_camel("Server_DH_Params"), "ServerDHParams");
        assert_eq!(lower_camel("SessionTypeAndroid"), "sessionTypeAndroid");
        assert_eq!(
            split_namespace("auth.sentCode"),
            (vec!["auth".to_owned()], "sentCode")
        );
        assert_eq!(split_namespace("session"), (vec![], "session"));
        assert_eq!(ident("type"), ("r#type".to_owned(), false));
        assert_eq!(ident("self"), ("self_".to_owned(), true));
        assert_eq!(ident("id"), ("id".to_owned(), false));
        assert!(is_reserved_item("Self"));
    }
}
