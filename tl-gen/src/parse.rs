//! Reading a `.tl` file as TDLib and Telegram publish it: one declaration
//! per line, `---types---` and `---functions---` sections, `//` comments,
//! and td's doc comments (`//@description ... @field ...`, continued on
//! `//-` lines; `//@class Name @description ...` for abstract types).

use crate::error::Diagnostic;
use crate::schema::{
    Condition, Declaration, Field, FieldType, Position, Primitive, Schema, Section, TypeRef,
};

/// The most mistakes reported for one file: past that, the rest is noise.
const MAX_DIAGNOSTICS: usize = 50;

/// Parses a whole `.tl` file, collecting every mistake (up to 50).
pub fn parse(text: &str) -> Result<Schema, Vec<Diagnostic>> {
    let mut schema = Schema::default();
    let mut errors = Vec::new();
    let mut section = Section::Types;
    // The doc comment since the last line that was not one.
    let mut doc = String::new();
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
        let line = raw.trim();
        if let Some(rest) = line.strip_prefix("//@") {
            doc.push_str(" @");
            doc.push_str(rest);
            continue;
        }
        if let Some(rest) = line.strip_prefix("//-") {
            doc.push(' ');
            doc.push_str(rest);
            continue;
        }
        if line.starts_with("//") {
            continue;
        }
        let tags = doc_tags(&std::mem::take(&mut doc));
        if let Some(class) = tag(&tags, "class") {
            let description = tag(&tags, "description").unwrap_or_default();
            schema
                .classes
                .push((class.to_owned(), description.to_owned()));
        }
        match line {
            "" => continue,
            "---types---" => {
                section = Section::Types;
                continue;
            }
            "---functions---" => {
                section = Section::Functions;
                continue;
            }
            _ => {}
        }
        let start = Position {
            line: number,
            column: indent + 1,
        };
        if line.starts_with("---") {
            errors.push(Diagnostic::at(
                start,
                raw,
                "unknown section: only `---types---` and `---functions---` exist",
            ));
            continue;
        }
        let mut parser = LineParser {
            raw,
            number,
            tokens: tokens(raw),
        };
        match parser.declaration(section) {
            Ok(Parsed::Builtin) => schema.builtins.push((start, line.to_owned())),
            Ok(Parsed::Declaration(mut declaration)) => {
                declaration.description = tag(&tags, "description").unwrap_or_default().to_owned();
                for field in &mut declaration.fields {
                    if let Some(text) = tag(&tags, field_tag(&field.name)) {
                        field.description = text.to_owned();
                    }
                }
                schema.declarations.push(declaration);
            }
            Err(diagnostic) => errors.push(diagnostic),
        }
        if errors.len() >= MAX_DIAGNOSTICS {
            break;
        }
    }
    if errors.is_empty() {
        Ok(schema)
    } else {
        Err(errors)
    }
}

/// The `@tag text` pairs of a doc comment (its `//@` and `//-` lines
/// joined, without the `//`): td_api.tl writes `@` to start a tag only
/// first on a line or after a space.
fn doc_tags(doc: &str) -> Vec<(String, String)> {
    doc.split(" @")
        .skip(1)
        .map(|chunk| {
            let (tag, text) = chunk.split_once(' ').unwrap_or((chunk, ""));
            (tag.trim().to_owned(), text.trim().to_owned())
        })
        .collect()
}

/// The text of tag `@name`.
fn tag<'a>(tags: &'a [(String, String)], name: &str) -> Option<&'a str> {
    tags.iter()
        .find(|(tag, _)| tag == name)
        .map(|(_, text)| text.as_str())
}

/// The tag documenting field `name`: `@description` is the declaration's
/// own, so td_api.tl documents a field named `description` as
/// `@param_description`.
fn field_tag(name: &str) -> &str {
    if name == "description" {
        "param_description"
    } else {
        name
    }
}

/// A token of a line and the column (in characters, from 1) it starts at.
struct Token<'a> {
    text: &'a str,
    column: usize,
}

/// The whitespace-separated tokens of a line, up to a `//` comment.
fn tokens(raw: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut column = 0;
    let mut start: Option<(usize, usize)> = None;
    let code = match raw.find("//") {
        Some(at) => &raw[..at],
        None => raw,
    };
    for (offset, c) in code.char_indices() {
        column += 1;
        match (c.is_whitespace(), start) {
            (true, Some((begin, col))) => {
                out.push(Token {
                    text: &code[begin..offset],
                    column: col,
                });
                start = None;
            }
            (false, None) => start = Some((offset, column)),
            _ => {}
        }
    }
    if let Some((begin, col)) = start {
        out.push(Token {
            text: &code[begin..],
            column: col,
        });
    }
    out
}

enum Parsed {
    Declaration(Declaration),
    Builtin,
}

struct LineParser<'a> {
    raw: &'a str,
    number: usize,
    tokens: Vec<Token<'a>>,
}

impl LineParser<'_> {
    fn error(&self, column: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(
            Position {
                line: self.number,
                column,
            },
            self.raw,
            message,
        )
    }

    /// Whether the line is one of TL's builtin declarations, which define
    /// the primitives and `Vector` themselves with syntax no other line
    /// uses (`?`, a bare `#`, `[ ]`): `int ? = Int`,
    /// `vector {t:Type} # [ t ] = Vector t`, `int128 4*[ int ] = Int128`.
    fn is_builtin(&self) -> bool {
        let Some(eq) = self.tokens.iter().position(|t| t.text == "=") else {
            return false;
        };
        self.tokens[..eq].iter().any(|t| {
            t.text == "?" || t.text == "#" || t.text.starts_with('[') || t.text.contains("*[")
        })
    }

    fn declaration(&mut self, section: Section) -> Result<Parsed, Diagnostic> {
        if self.is_builtin() {
            return Ok(Parsed::Builtin);
        }
        // `;` ends the declaration: as its own token or glued to the last.
        let Some(last) = self.tokens.last_mut() else {
            return Err(self.error(1, "empty declaration"));
        };
        let end_column = last.column + last.text.chars().count();
        match last.text.strip_suffix(';') {
            Some(rest) => last.text = rest,
            None => {
                return Err(self.error(end_column, "a declaration ends with `;` on its own line"));
            }
        }
        if last.text.is_empty() {
            self.tokens.pop();
        }
        let Some(eq) = self.tokens.iter().position(|t| t.text == "=") else {
            return Err(self.error(end_column, "expected ` = Type` before `;`"));
        };
        if eq == 0 {
            return Err(self.error(self.tokens[0].column, "a declaration starts with its name"));
        }
        let result = match &self.tokens[eq + 1..] {
            [one] => one,
            [] => return Err(self.error(end_column, "expected the result type after `=`")),
            [_, extra, ..] => {
                return Err(self.error(extra.column, "expected `;` after the result type"));
            }
        };
        let head = &self.tokens[0];
        let (name, id) = match head.text.split_once('#') {
            Some((name, hex)) => {
                let id = parse_id(hex).ok_or_else(|| {
                    self.error(
                        head.column + name.chars().count(),
                        format!("`#{hex}` is not an id: write 1 to 8 hex digits, as `#2ea2c0d4`"),
                    )
                })?;
                (name, Some(id))
            }
            None => (head.text, None),
        };
        check_name(name, false).map_err(|why| self.error(head.column, why))?;
        let mut param = None;
        let mut fields: Vec<Field> = Vec::new();
        for token in &self.tokens[1..eq] {
            let text = token.text;
            if let Some(inner) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
                let Some(p) = inner.strip_suffix(":Type") else {
                    return Err(self.error(
                        token.column,
                        format!("`{text}`: a type parameter is written `{{X:Type}}`"),
                    ));
                };
                if section == Section::Types || param.is_some() || !fields.is_empty() {
                    return Err(self.error(
                        token.column,
                        "a type parameter comes right after a function's name, once: `invokeWithLayer {X:Type} layer:int query:!X = X`",
                    ));
                }
                check_ident(p).map_err(|why| self.error(token.column + 1, why))?;
                param = Some(p.to_owned());
                continue;
            }
            let field = self.field(token, &fields, param.as_deref())?;
            fields.push(field);
        }
        let result_type = self.result(result, param.as_deref(), section)?;
        if let Some(p) = &param {
            let queries = fields
                .iter()
                .filter(|f| f.ty == FieldType::Param(p.clone()))
                .count();
            if queries != 1 || result_type != TypeRef::Type(p.clone()) {
                return Err(self.error(
                    head.column,
                    format!("a generic function takes its parameter as one field `query:!{p}` and returns `{p}`"),
                ));
            }
        }
        Ok(Parsed::Declaration(Declaration {
            name: name.to_owned(),
            id,
            param,
            fields,
            result: result_type,
            section,
            description: String::new(),
            position: Position {
                line: self.number,
                column: head.column,
            },
            text: self.raw.trim_end().to_owned(),
        }))
    }

    fn field(
        &self,
        token: &Token<'_>,
        earlier: &[Field],
        param: Option<&str>,
    ) -> Result<Field, Diagnostic> {
        let text = token.text;
        let Some((name, ty)) = text.split_once(':') else {
            return Err(self.error(
                token.column,
                format!("`{text}` is not a field: write `name:type`"),
            ));
        };
        check_ident(name).map_err(|why| self.error(token.column, why))?;
        if earlier.iter().any(|f| f.name == name) {
            return Err(self.error(token.column, format!("a second field named `{name}`")));
        }
        let mut column = token.column + name.chars().count() + 1;
        let (condition, ty) = match ty.split_once('?') {
            Some((condition, rest)) => {
                let parsed = self.condition(condition, column, earlier)?;
                column += condition.chars().count() + 1;
                (Some(parsed), rest)
            }
            None => (None, ty),
        };
        let ty = match ty {
            "true" if condition.is_some() => FieldType::True,
            "#" if condition.is_none() => FieldType::Flags,
            "#" => return Err(self.error(column, "a flags word `#` cannot be conditional")),
            _ => match ty.strip_prefix('!') {
                Some(p) => {
                    if param != Some(p) || condition.is_some() {
                        return Err(self.error(column, format!("`!{p}` is the query of a generic function declared `{{{p}:Type}}`, unconditional")));
                    }
                    FieldType::Param(p.to_owned())
                }
                None => FieldType::Type(self.type_ref(ty, column)?),
            },
        };
        Ok(Field {
            name: name.to_owned(),
            condition,
            ty,
            description: String::new(),
            position: Position {
                line: self.number,
                column: token.column,
            },
        })
    }

    fn condition(
        &self,
        text: &str,
        column: usize,
        earlier: &[Field],
    ) -> Result<Condition, Diagnostic> {
        let Some((word, bit)) = text.split_once('.') else {
            return Err(self.error(
                column,
                format!("`{text}?` is not a condition: write `flags.3?`"),
            ));
        };
        let bit = bit
            .parse::<u8>()
            .ok()
            .filter(|b| *b < 32 && !bit.starts_with('+'))
            .ok_or_else(|| {
                self.error(
                    column + word.chars().count() + 1,
                    format!("`{bit}` is not a flag bit: 0 to 31"),
                )
            })?;
        let is_word = earlier
            .iter()
            .any(|f| f.name == word && f.ty == FieldType::Flags);
        if !is_word {
            return Err(self.error(
                column,
                format!("no flags word `{word}:#` before this field"),
            ));
        }
        Ok(Condition {
            word: word.to_owned(),
            bit,
        })
    }

    fn type_ref(&self, text: &str, column: usize) -> Result<TypeRef, Diagnostic> {
        for (prefix, boxed) in [("Vector<", true), ("vector<", false)] {
            if let Some(inner) = text.strip_prefix(prefix) {
                let Some(inner) = inner.strip_suffix('>') else {
                    return Err(self.error(
                        column,
                        format!("`{text}`: a vector's element type ends with `>`"),
                    ));
                };
                let element = self.type_ref(inner, column + prefix.len())?;
                return Ok(TypeRef::Vector {
                    boxed,
                    element: Box::new(element),
                });
            }
        }
        if let Some(primitive) = Primitive::from_name(text) {
            return Ok(TypeRef::Primitive(primitive));
        }
        if text.starts_with('%') {
            return Err(self.error(
                column,
                format!(
                    "`{text}`: bare types (`%`) are not supported; name the constructor instead"
                ),
            ));
        }
        check_name(text, true).map_err(|why| self.error(column, why))?;
        let last = text.rsplit('.').next().unwrap_or(text);
        if last.starts_with(|c: char| c.is_ascii_uppercase()) {
            Ok(TypeRef::Type(text.to_owned()))
        } else {
            Ok(TypeRef::Constructor(text.to_owned()))
        }
    }

    fn result(
        &self,
        token: &Token<'_>,
        param: Option<&str>,
        section: Section,
    ) -> Result<TypeRef, Diagnostic> {
        let text = token.text;
        if param == Some(text) {
            return Ok(TypeRef::Type(text.to_owned()));
        }
        // A constructor builds a type, `Bool` (`boolTrue = Bool`) included.
        if section == Section::Types && text.starts_with(|c: char| c.is_ascii_uppercase()) {
            check_name(text, true).map_err(|why| self.error(token.column, why))?;
            return Ok(TypeRef::Type(text.to_owned()));
        }
        let ty = self.type_ref(text, token.column)?;
        match (&ty, section) {
            (TypeRef::Type(_), _) => Ok(ty),
            (_, Section::Functions) if !matches!(ty, TypeRef::Constructor(_)) => Ok(ty),
            _ => Err(self.error(
                token.column,
                format!("`{text}` cannot be a result: a constructor builds a type (`= Session`)"),
            )),
        }
    }
}

/// `#2ea2c0d4`'s digits: 1 to 8 hex digits.
fn parse_id(hex: &str) -> Option<u32> {
    if hex.is_empty() || hex.len() > 8 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok()
}

/// A field or parameter name: ASCII letters, digits and `_`, not first a digit.
fn check_ident(text: &str) -> Result<(), String> {
    let ok = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{text}` is not a name: letters, digits and `_`, starting with a letter"
        ))
    }
}

/// A declaration or type name: identifiers joined by `.` (a namespace);
/// a declaration's last part starts in lower case.
fn check_name(text: &str, type_position: bool) -> Result<(), String> {
    for part in text.split('.') {
        check_ident(part).map_err(|_| {
            format!("`{text}` is not a name: identifiers joined by `.`, as `auth.sentCode`")
        })?;
    }
    let last = text.rsplit('.').next().unwrap_or(text);
    if !type_position && !last.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err(format!(
            "`{text}`: a constructor's or function's name starts in lower case (types are upper case)"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Declaration {
        let schema = parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(schema.declarations.len(), 1, "{text}");
        schema.declarations.into_iter().next().unwrap()
    }

    fn error(text: &str) -> Diagnostic {
        match parse(text) {
            Ok(schema) => panic!("parsed: {schema:?}"),
            Err(errors) => errors.into_iter().next().unwrap(),
        }
    }

    #[test]
    fn reads_a_declaration_with_id_flags_and_vectors() {
        let d = one(
            "auth.authorization#2ea2c0d4 flags:# setup_password_required:flags.1?true otherwise_relogin_days:flags.1?int tmp_sessions:flags.0?int future_auth_token:flags.2?bytes user:User = auth.Authorization;",
        );
        assert_eq!(d.name, "auth.authorization");
        assert_eq!(d.id, Some(0x2ea2c0d4));
        assert_eq!(d.fields.len(), 6);
        assert_eq!(d.fields[1].ty, FieldType::True);
        assert_eq!(
            d.fields[1].condition,
            Some(Condition {
                word: "flags".into(),
                bit: 1
            })
        );
        assert_eq!(d.result, TypeRef::Type("auth.Authorization".into()));
        assert_eq!(
            d.line(),
            "auth.authorization flags:# setup_password_required:flags.1?true otherwise_relogin_days:flags.1?int tmp_sessions:flags.0?int future_auth_token:flags.2?bytes user:User = auth.Authorization"
        );
        let vectors = one("x a:Vector<long> b:vector<session> = X;");
        assert_eq!(vectors.line(), "x a:Vector<long> b:vector<session> = X");
        assert_eq!(
            vectors.source_line(),
            "x a:Vector<long> b:vector<session> = X;"
        );
    }

    #[test]
    fn reads_docs_classes_and_continuations() {
        let schema = parse(
            "//@class AuthenticationCodeType @description Provides information\n\n\
             //@description An authentication code @length Length of the code; may be\n\
             //-null @param_description The description\n\
             authenticationCodeTypeTelegramMessage length:int32 description:string = AuthenticationCodeType;\n",
        )
        .unwrap();
        assert_eq!(
            schema.classes,
            vec![(
                "AuthenticationCodeType".to_owned(),
                "Provides information".to_owned()
            )]
        );
        let d = &schema.declarations[0];
        assert_eq!(d.description, "An authentication code");
        assert_eq!(d.fields[0].description, "Length of the code; may be null");
        assert_eq!(d.fields[1].description, "The description");
    }

    #[test]
    fn skips_builtins_and_reads_generic_functions() {
        let schema = parse(
            "int ? = Int;\nvector {t:Type} # [ t ] = Vector t;\nint128 4*[ int ] = Int128;\n---functions---\ninvokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;\n",
        )
        .unwrap();
        assert_eq!(schema.builtins.len(), 3);
        let d = &schema.declarations[0];
        assert_eq!(d.param.as_deref(), Some("X"));
        assert_eq!(d.line(), "invokeWithLayer {X:Type} layer:int query:!X = X");
        assert!(d.is_function());
    }

    #[test]
    fn errors_say_where() {
        let e = error("ok = Ok;\nsession id:int64 = Session\n");
        assert_eq!(
            e.position,
            Position {
                line: 2,
                column: 27
            }
        );
        assert!(e.message.contains("`;`"), "{}", e.message);
        let e = error("x a:flags.0?int = X;");
        assert_eq!(e.position, Position { line: 1, column: 5 });
        assert!(e.message.contains("no flags word"), "{}", e.message);
        let e = error("x flags:# a:flags.32?int = X;");
        assert_eq!(e.position.column, 19);
        let e = error("x#zz = X;");
        assert_eq!(e.position.column, 2);
        let e = error("  X = X;");
        assert_eq!(e.position.column, 3);
        let e = error("x a:Vector<int = X;");
        assert!(e.message.contains('>'), "{}", e.message);
        let e = error("x a = X;");
        assert!(e.message.contains("name:type"), "{}", e.message);
        let e = error("x a:int a:int = X;");
        assert_eq!(e.position.column, 9);
        let e = error("user id:int53 = User User;");
        assert_eq!(e.position.column, 22);
    }

    #[test]
    fn collects_every_error() {
        let errors = parse("x a = X;\ny b = Y;\nok = Ok;\n").unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[1].position.line, 2);
    }

    #[test]
    fn columns_count_characters() {
        let e = error("// é\nxé = X;");
        assert_eq!(e.position, Position { line: 2, column: 1 });
        let e = error("x é:int = X;");
        assert_eq!(e.position.column, 3);
    }
}
