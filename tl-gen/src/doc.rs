//! Doc comments of generated items: the schema's descriptions as Markdown
//! that rustdoc renders as written, and the TL line itself.

/// A struct's doc: its description, then its line as the file writes it.
pub fn item(description: &str, line: &str) -> String {
    let mut out = String::new();
    if !description.is_empty() {
        out.push_str(&text(description));
        out.push_str("\n\n");
    }
    out.push_str("```text\n");
    out.push_str(line);
    out.push_str("\n```");
    out
}

/// An enum's doc: the type's description (td's `@class`), or its name.
pub fn enumeration(description: &str, ty: &str) -> String {
    if description.is_empty() {
        format!("The TL type `{ty}`: one variant per constructor.")
    } else {
        format!("{}\n\nThe TL type `{ty}`.", text(description))
    }
}

/// A description as Markdown that renders as written: the characters
/// rustdoc would read as links or HTML (`[`, `]`, `<`, `>`) and Markdown
/// emphasis (`*`, `_` at word edges) are escaped, and web addresses become
/// autolinks, so that documenting the generated code warns about nothing.
pub fn text(description: &str) -> String {
    let mut out = String::with_capacity(description.len() + 8);
    for (i, word) in description.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if let Some(at) = word.find("https://").or_else(|| word.find("http://")) {
            let (before, link) = word.split_at(at);
            let end = link
                .trim_end_matches(['.', ',', ';', ':', ')', '"', '\''])
                .len();
            escape_into(&mut out, before);
            out.push('<');
            out.push_str(&link[..end].replace(['<', '>'], ""));
            out.push('>');
            escape_into(&mut out, &link[end..]);
        } else {
            escape_into(&mut out, word);
        }
    }
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '[' | ']' | '<' | '>' | '*' | '_' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_links_addresses() {
        assert_eq!(text("a [b] <i>c</i>"), r"a \[b\] \<i\>c\</i\>");
        assert_eq!(
            text("See https://core.telegram.org/api. Done"),
            "See <https://core.telegram.org/api>. Done"
        );
        assert_eq!(text("snake_case *x*"), r"snake\_case \*x\*");
        assert_eq!(item("", "ok = Ok;"), "```text\nok = Ok;\n```");
    }
}
