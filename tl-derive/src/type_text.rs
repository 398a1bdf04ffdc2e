//! Field types as a schema writes them (`#[tl(ty = "vector<%Message>")]`):
//! which levels are boxed, and whether the innermost type is `int53`.
//!
//! Whether the text names what the Rust type is gets checked at compile time
//! by tl-core (`__private::check_type_text`); here we only read its shape.

/// The shape of a TL type expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeText {
    /// Bit n: level n is boxed (`Vector`, an upper-case type name).
    pub boxed_bits: u32,
    /// Whether the innermost type is `int53` (a JSON number, not a string).
    pub int53: bool,
    /// The fewest bytes a value takes when the text alone decides it: a
    /// vector's count, a primitive's bytes; `None` for an object type.
    pub min_len: Option<usize>,
}

/// Reads a type expression, or says what is wrong with it.
pub fn parse(text: &str) -> Result<TypeText, String> {
    let mut parser = Parser {
        text,
        pos: 0,
        boxed_bits: 0,
        vectors: 0,
    };
    let innermost = parser.ty(0)?;
    parser.skip_spaces();
    if parser.pos != text.len() {
        return Err(format!(
            "unexpected `{}` after the type",
            &text[parser.pos..]
        ));
    }
    // A vector level is always the outermost one: its count comes first.
    let min_len = if parser.vectors > 0 {
        Some(4)
    } else {
        primitive_min_len(innermost)
    };
    Ok(TypeText {
        boxed_bits: parser.boxed_bits,
        int53: innermost == "int53",
        min_len,
    })
}

/// The bytes of the primitive `name` names, as its type in tl-core takes
/// them (a string's or a vector's least is its length or count).
fn primitive_min_len(name: &str) -> Option<usize> {
    Some(match name {
        "int" | "int32" | "Bool" | "string" | "bytes" => 4,
        "long" | "int64" | "int53" | "double" => 8,
        "int128" => 16,
        "int256" => 32,
        _ => return None,
    })
}

/// Where in the text: the rest of it, or its end.
fn at(rest: &str) -> String {
    if rest.is_empty() {
        "at the end of the text".to_owned()
    } else {
        format!("at `{rest}`")
    }
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    boxed_bits: u32,
    /// How many vector levels the text has.
    vectors: u32,
}

impl<'a> Parser<'a> {
    fn skip_spaces(&mut self) {
        while self.text[self.pos..].starts_with(' ') {
            self.pos += 1;
        }
    }

    fn eat(&mut self, token: char) -> bool {
        self.skip_spaces();
        if self.text[self.pos..].starts_with(token) {
            self.pos += token.len_utf8();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, token: char) -> Result<(), String> {
        if self.eat(token) {
            Ok(())
        } else {
            Err(format!(
                "expected `{token}` at `{}`",
                &self.text[self.pos..]
            ))
        }
    }

    /// A dotted name (`auth.Authorization`, `int53`).
    fn name(&mut self) -> Result<&'a str, String> {
        self.skip_spaces();
        let rest = &self.text[self.pos..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(rest.len());
        let name = &rest[..len];
        if name.is_empty() || name.starts_with('.') || name.ends_with('.') || name.contains("..") {
            return Err(format!("expected a type name {}", at(rest)));
        }
        self.pos += len;
        Ok(name)
    }

    fn set_boxed(&mut self, level: u32) {
        if level < 32 {
            self.boxed_bits |= 1 << level;
        }
    }

    /// Reads one type at nesting `level`; returns the innermost name.
    fn ty(&mut self, level: u32) -> Result<&'a str, String> {
        if self.eat('%') {
            return self.name();
        }
        if self.eat('(') {
            let name = self.name()?;
            self.vector_name(name, level)?;
            let inner = self.ty(level + 1)?;
            self.expect(')')?;
            return Ok(inner);
        }
        let name = self.name()?;
        if self.eat('<') {
            self.vector_name(name, level)?;
            let inner = self.ty(level + 1)?;
            self.expect('>')?;
            return Ok(inner);
        }
        let last = name.rsplit('.').next().unwrap_or(name);
        if last.starts_with(|c: char| c.is_ascii_uppercase()) {
            self.set_boxed(level);
        }
        Ok(name)
    }

    fn vector_name(&mut self, name: &str, level: u32) -> Result<(), String> {
        self.vectors += 1;
        match name {
            "Vector" => {
                self.set_boxed(level);
                Ok(())
            }
            "vector" => Ok(()),
            other => Err(format!(
                "`{other}` takes no type argument; only `vector` and `Vector` do"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(text: &str) -> u32 {
        parse(text).unwrap().boxed_bits
    }

    #[test]
    fn boxedness_per_level() {
        assert_eq!(bits("int53"), 0);
        assert_eq!(bits("Bool"), 1);
        assert_eq!(bits("Vector<long>"), 0b01);
        assert_eq!(bits("vector<%Message>"), 0b00);
        assert_eq!(bits("Vector<auth.Authorization>"), 0b11);
        assert_eq!(bits("vector<future_salt>"), 0);
        assert_eq!(bits("(vector adnl.Message)"), 0b10);
        assert_eq!(bits("vector<vector<int53>>"), 0);
        assert!(parse("vector<vector<int53>>").unwrap().int53);
    }

    #[test]
    fn fewest_bytes_from_the_text() {
        let min_len = |text: &str| parse(text).unwrap().min_len;
        assert_eq!(min_len("int53"), Some(8));
        assert_eq!(min_len("int"), Some(4));
        assert_eq!(min_len("Bool"), Some(4));
        assert_eq!(min_len("bytes"), Some(4));
        assert_eq!(min_len("int256"), Some(32));
        assert_eq!(min_len("vector<message>"), Some(4));
        assert_eq!(min_len("Vector<long>"), Some(4));
        assert_eq!(min_len("(vector adnl.Message)"), Some(4));
        // An object's fewest bytes are its fields': only `const` knows,
        // whatever its name starts with.
        assert_eq!(min_len("formattedText"), None);
        assert_eq!(min_len("vectorSegment"), None);
        assert_eq!(min_len("VectorClock"), None);
        assert_eq!(min_len("MessageSender"), None);
    }

    #[test]
    fn malformed() {
        assert!(parse("").is_err());
        assert!(parse("vector<int").is_err());
        assert!(parse("List<int>").is_err());
        assert!(parse("int int").is_err());
        assert!(parse("a..b").is_err());
    }
}
