//! Default constructor names: Rust idents in TL's lowerCamelCase.

/// `SessionTypeAndroid` -> `sessionTypeAndroid`: the first character in
/// lower case, the rest as written.
pub fn lower_camel(ident: &str) -> String {
    let mut chars = ident.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::lower_camel;

    #[test]
    fn lowers_only_the_first_character() {
        assert_eq!(lower_camel("SessionTypeAndroid"), "sessionTypeAndroid");
        assert_eq!(lower_camel("Session"), "session");
        assert_eq!(lower_camel("resPQ"), "resPQ");
        assert_eq!(lower_camel(""), "");
    }
}
