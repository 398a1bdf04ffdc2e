//! Generates one derived Rust type per constructor and per function of a
//! real TL schema, for the whole-schema tests (`tests/schema_*.rs`).
//!
//! Every declaration of the types sections becomes a struct deriving
//! `TlObject`; every TL type becomes an enum whose variants hold those
//! structs. Every declaration of the functions sections becomes a struct
//! deriving a function, `#[tl(function, returns = T)]` with `T` the Rust
//! type of its result; a generic one (`{X:Type} ... query:!X = X`) takes
//! its parameter, named as the schema does, as one field's type. Field
//! attributes are emitted only where the derive's defaults would name the
//! type differently from the schema, so the defaults themselves are what
//! the tests prove.
//!
//! In td_api.tl, a field whose doc comment says it "may be null" (or a
//! function's parameter one may "pass null") is a nullable object,
//! `Option<T>` (see [`mark_nullable`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

/// The schema family of a file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Td,
    Mtproto,
}

impl Dialect {
    fn attr(self) -> &'static str {
        match self {
            Dialect::Td => "td",
            Dialect::Mtproto => "mtproto",
        }
    }
}

/// A field type as the schema writes it.
#[derive(Clone, Debug, PartialEq)]
enum TlTy {
    /// `#`.
    Flags,
    /// `int`, `long`, `string`... and `Bool`.
    Primitive(String),
    /// `Vector<T>` (boxed) or `vector<T>` (bare).
    Vector { boxed: bool, element: Box<TlTy> },
    /// A lower-case constructor name: a bare object.
    Constructor(String),
    /// An upper-case type name: a boxed object.
    Type(String),
    /// `!X`: a generic function's query, of its type parameter `X`.
    Param(String),
}

/// Whether TDLib may leave a field (td) null, by its doc comment.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Nullable {
    No,
    /// The object itself: `Option<T>`.
    Object,
    /// A vector's elements: `Vec<Option<T>>`.
    Elements,
}

struct Field {
    name: String,
    /// `(flags word, bit)`.
    condition: Option<(String, u8)>,
    /// `None` for `flags.N?true`.
    ty: Option<TlTy>,
    /// The type text as written (after the condition).
    text: String,
    nullable: Nullable,
}

struct Declaration {
    name: String,
    id: Option<u32>,
    fields: Vec<Field>,
    result: String,
    /// The line without `#id` and `;`.
    line: String,
    /// The doc comment's `@tag text` pairs (`//@...` lines, continued on
    /// `//-` lines), in order; `@param_description` documents a field
    /// named `description`.
    docs: Vec<(String, String)>,
    /// Declared in a `---functions---` section.
    function: bool,
    /// A generic function's type parameter (`{X:Type}`), by its name.
    param: Option<String>,
}

/// What a generated file holds, for the report.
pub struct Summary {
    /// The constructors (types sections).
    pub constructors: Kind,
    /// The functions (`---functions---` sections).
    pub functions: Kind,
    /// Of the functions, the generic ones (`{X:Type} ... query:!X = X`).
    pub generic_functions: usize,
    pub skipped: Vec<String>,
    pub ty_attributes: usize,
    pub bare_attributes: usize,
}

/// What was generated of one kind of declaration, constructors or
/// functions.
#[derive(Default)]
pub struct Kind {
    pub generated: usize,
    /// Declared with `id = ..., force`: official ids that are not the CRC
    /// of their line ([`FORCED`]).
    pub forced: usize,
    /// Fields (a function's parameters) emitted as nullable objects
    /// (`Option<T>`, td).
    pub nullable_objects: usize,
    /// Vector fields emitted with nullable elements (`Vec<Option<T>>`, td).
    pub nullable_elements: usize,
    /// Fields whose doc says "may be null" but that stay non-null (not
    /// objects), each `declaration.field:type  (why)`.
    pub not_nullable: Vec<String>,
}

const PRIMITIVES: &[&str] = &[
    "int", "long", "int32", "int53", "int64", "double", "string", "bytes", "Bool", "int128",
    "int256",
];

/// Official ids that are not the CRC of their line (DESIGN.md): six
/// constructors and, in telegram_api.tl, the four `invokeWith*Prefix`
/// functions, which share the ids of the generic `invokeWith*` wrappers
/// whose first fields they are.
const FORCED: &[&str] = &[
    "ipPortSecret",
    "accessPointRule",
    "help.configSimple",
    "inputPeerPhotoFileLocationLegacy",
    "inputStickerSetThumbLegacy",
    "gzip_packed",
    "invokeWithBusinessConnectionPrefix",
    "invokeWithGooglePlayIntegrityPrefix",
    "invokeWithApnsSecretPrefix",
    "invokeWithReCaptchaPrefix",
];

/// The inner function a generic function is instantiated with in the
/// checks: a non-generic function without parameters, the one an MTProto
/// client first sends.
const INNER_FUNCTION: &str = "help.getConfig";

fn parse_type(text: &str) -> Result<TlTy, String> {
    if let Some(inner) = text
        .strip_prefix("Vector<")
        .and_then(|t| t.strip_suffix('>'))
    {
        return Ok(TlTy::Vector {
            boxed: true,
            element: Box::new(parse_type(inner)?),
        });
    }
    if let Some(inner) = text
        .strip_prefix("vector<")
        .and_then(|t| t.strip_suffix('>'))
    {
        return Ok(TlTy::Vector {
            boxed: false,
            element: Box::new(parse_type(inner)?),
        });
    }
    if text == "#" {
        return Ok(TlTy::Flags);
    }
    if text.starts_with('%') || text.contains(['<', '>', '(', ')', '!', '{']) {
        return Err(format!("unsupported type `{text}`"));
    }
    if PRIMITIVES.contains(&text) {
        return Ok(TlTy::Primitive(text.to_owned()));
    }
    let last = text.rsplit('.').next().unwrap_or(text);
    if last.starts_with(|c: char| c.is_ascii_uppercase()) {
        Ok(TlTy::Type(text.to_owned()))
    } else {
        Ok(TlTy::Constructor(text.to_owned()))
    }
}

/// One declaration's line; `function` when it is in a `---functions---`
/// section, where a generic function (`{X:Type} ... query:!X = X`) may be.
fn parse_line(line: &str, function: bool) -> Result<Declaration, String> {
    let body = line.trim().trim_end_matches(';').trim();
    let (left, result) = body.rsplit_once(" = ").ok_or("no ` = `")?;
    if result.contains(' ') {
        return Err(format!("generic result type `{result}`"));
    }
    let mut tokens = left.split_whitespace();
    let head = tokens.next().ok_or("empty")?;
    let (name, id) = match head.split_once('#') {
        Some((name, id)) => (
            name,
            Some(u32::from_str_radix(id, 16).map_err(|e| format!("bad id: {e}"))?),
        ),
        None => (head, None),
    };
    let mut fields = Vec::new();
    let mut param = None;
    let mut line_text = name.to_owned();
    for token in tokens {
        // `{X:Type}`, first, declares a generic function's parameter.
        let declared = token
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix(":Type}"))
            .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if let (true, None, true, Some(p)) = (function, &param, fields.is_empty(), declared) {
            param = Some(p.to_owned());
            line_text.push(' ');
            line_text.push_str(token);
            continue;
        }
        if token == "?" || token.starts_with('{') || token.starts_with('[') || token.contains('*') {
            return Err(format!("builtin or generic declaration (`{token}`)"));
        }
        let (field_name, ty) = token
            .split_once(':')
            .ok_or_else(|| format!("field without type: `{token}`"))?;
        let (condition, text) = match ty.split_once('?') {
            Some((condition, rest)) => {
                let (word, bit) = condition.split_once('.').ok_or("bad condition")?;
                let bit: u8 = bit.parse().map_err(|_| "bad flag bit")?;
                (Some((word.to_owned(), bit)), rest)
            }
            None => (None, ty),
        };
        let parsed = if condition.is_some() && text == "true" {
            None
        } else if let Some(p) = text.strip_prefix('!') {
            // `!X`: the query of a generic function, its parameter's type.
            if condition.is_some() || param.as_deref() != Some(p) {
                return Err(format!("`{token}` is no generic function's query"));
            }
            Some(TlTy::Param(p.to_owned()))
        } else {
            Some(parse_type(text)?)
        };
        fields.push(Field {
            name: field_name.to_owned(),
            condition,
            ty: parsed,
            text: text.to_owned(),
            nullable: Nullable::No,
        });
        line_text.push(' ');
        line_text.push_str(token);
    }
    if let Some(p) = &param {
        let queries = fields
            .iter()
            .filter(|f| f.ty == Some(TlTy::Param(p.clone())))
            .count();
        if queries != 1 || result != p {
            return Err(format!(
                "a generic function takes its parameter `{p}` as one field `!{p}` and returns it"
            ));
        }
    }
    line_text.push_str(" = ");
    line_text.push_str(result);
    Ok(Declaration {
        name: name.to_owned(),
        id,
        fields,
        result: result.to_owned(),
        line: line_text,
        docs: Vec::new(),
        function,
        param,
    })
}

/// The `@tag text` pairs of a doc comment's text (its `//@` and `//-`
/// lines joined with spaces, without the `//`): td_api.tl writes `@` only
/// to start a tag, as the first character of a line or after a space.
fn doc_tags(doc: &str) -> Vec<(String, String)> {
    let doc = format!(" {doc}");
    doc.split(" @")
        .skip(1)
        .map(|chunk| {
            let (tag, text) = chunk.split_once(' ').unwrap_or((chunk, ""));
            let tag = if tag == "param_description" {
                "description"
            } else {
                tag
            };
            (tag.to_owned(), text.trim().to_owned())
        })
        .collect()
}

/// The declarations of the types and functions sections, each with the doc
/// comment just above it, and the lines skipped with why.
fn declarations(schema: &str) -> (Vec<Declaration>, Vec<String>) {
    let mut in_types = true;
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    // The doc comment so far: the lines since the last blank line or
    // declaration (a blank line ends a `//@class` comment).
    let mut doc = String::new();
    for line in schema.lines() {
        let line = line.trim();
        match line {
            "---functions---" => in_types = false,
            "---types---" => in_types = true,
            _ => {}
        }
        if let Some(text) = line.strip_prefix("//@") {
            doc.push_str(" @");
            doc.push_str(text);
            continue;
        }
        if let Some(text) = line.strip_prefix("//-") {
            doc.push(' ');
            doc.push_str(text);
            continue;
        }
        if line.starts_with("//") {
            continue;
        }
        let this_doc = std::mem::take(&mut doc);
        if line.is_empty() || line.starts_with("---") {
            continue;
        }
        match parse_line(line, !in_types) {
            Ok(mut declaration) => {
                declaration.docs = doc_tags(&this_doc);
                out.push(declaration);
            }
            Err(why) => skipped.push(format!("{line}  ({why})")),
        }
    }
    (out, skipped)
}

/// Whether a field's doc says TDLib may leave it null: "may be null"
/// (also "; may be null if none", "may be null if unknown"...) or, for
/// what the application sends, "pass null" ("pass null if none", "pass
/// null to use an empty caption"...).
fn says_null(doc: &str) -> bool {
    let doc = doc.to_lowercase();
    doc.contains("may be null") || doc.contains("pass null")
}

/// Marks the fields of td declarations that TDLib may leave null, and the
/// parameters of td functions that the application may pass null, by their
/// doc comments (see [`says_null`]):
///
/// - an object field (`country:countryInfo`, `type:AuthenticationCodeType`)
///   becomes `Option<T>`;
/// - a vector of objects whose doc says so (`messages:vector<message>`,
///   "List of messages; messages may be null") has nullable elements,
///   `Vec<Option<T>>`: TDLib never leaves a vector itself null (in JSON,
///   an empty vector is `[]`), but `getMessages` "returns null on the
///   corresponding position of the result" for a message not found;
/// - any other field, a number, string or vector of them, stays as it is,
///   since only objects may be null (`Option<i32>` does not compile), and
///   is listed in the summary's `not_nullable`. td_api.tl 1.8.64 has
///   none: its 405 such fields in the types section are 403 objects and
///   the two vectors of messages, and its 137 such function parameters
///   are objects.
fn mark_nullable(declarations: &mut [Declaration], summary: &mut Summary) {
    for d in declarations.iter_mut() {
        for field in &mut d.fields {
            let said = d
                .docs
                .iter()
                .any(|(tag, text)| *tag == field.name && says_null(text));
            if !said {
                continue;
            }
            let object = |ty: &TlTy| matches!(ty, TlTy::Constructor(_) | TlTy::Type(_));
            let why = match (&field.condition, &field.ty) {
                (None, Some(ty)) if object(ty) => {
                    field.nullable = Nullable::Object;
                    continue;
                }
                (None, Some(TlTy::Vector { element, .. })) if object(element) => {
                    field.nullable = Nullable::Elements;
                    continue;
                }
                (Some(_), _) => "a conditional field, already an `Option`",
                (None, Some(TlTy::Vector { .. })) => {
                    "a vector of non-objects; only objects may be null"
                }
                _ => "not an object; only objects may be null",
            };
            let kind = if d.function {
                &mut summary.functions
            } else {
                &mut summary.constructors
            };
            kind.not_nullable
                .push(format!("{}.{}:{}  ({why})", d.name, field.name, field.text));
        }
    }
}

/// `auth.sentCode` -> `AuthSentCode`, `p_q_inner_data_dc` -> `PQInnerDataDc`.
fn camel(name: &str) -> String {
    let mut out = String::new();
    for part in name.split(['.', '_']) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.extend(chars);
        }
    }
    out
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where", "while",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try", "gen",
];

/// A Rust ident for a field name, and whether it needs `rename`.
fn field_ident(name: &str) -> (String, bool) {
    match name {
        "self" | "Self" | "super" | "crate" | "_" => (format!("{name}_"), true),
        _ if KEYWORDS.contains(&name) => (format!("r#{name}"), false),
        _ => (name.to_owned(), false),
    }
}

struct Names {
    /// Constructor name -> struct ident (module `types`).
    structs: HashMap<String, String>,
    /// Type name -> enum ident (module `enums`).
    enums: HashMap<String, String>,
    /// Function name -> struct ident (module `functions`).
    functions: HashMap<String, String>,
}

fn unique(used: &mut HashSet<String>, base: String) -> String {
    let mut candidate = base.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}{n}");
        n += 1;
    }
    candidate
}

/// The Rust type of a TL type, and the type text our derive would write for
/// it by default in `dialect`.
fn rust_type(
    ty: &TlTy,
    dialect: Dialect,
    names: &Names,
    boxed_field: bool,
) -> Result<(String, String), String> {
    let td = dialect == Dialect::Td;
    Ok(match ty {
        TlTy::Flags => ("u32".into(), "#".into()),
        // The query of a generic function: its type parameter, written
        // boxed by the derive.
        TlTy::Param(p) => (p.clone(), format!("!{p}")),
        TlTy::Primitive(p) => {
            let (rust, default) = match p.as_str() {
                "int" | "int32" => ("i32", if td { "int32" } else { "int" }),
                "long" | "int64" | "int53" => ("i64", if td { "int64" } else { "long" }),
                "double" => ("f64", "double"),
                "string" => ("::std::string::String", "string"),
                "bytes" => ("::std::vec::Vec<u8>", "bytes"),
                "Bool" => ("bool", "Bool"),
                "int128" => ("[u8; 16]", "int128"),
                "int256" => ("[u8; 32]", "int256"),
                other => return Err(format!("primitive {other}")),
            };
            (rust.into(), default.into())
        }
        TlTy::Vector { element, .. } => {
            let (rust, default) = rust_type(element, dialect, names, false)?;
            let vector = if td { "vector" } else { "Vector" };
            (
                format!("::std::vec::Vec<{rust}>"),
                format!("{vector}<{default}>"),
            )
        }
        TlTy::Constructor(name) => {
            let ident = names
                .structs
                .get(name)
                .ok_or_else(|| format!("unknown constructor `{name}`"))?;
            let rust = format!("super::types::{ident}");
            let rust = if boxed_field {
                format!("::std::boxed::Box<{rust}>")
            } else {
                rust
            };
            // Structs are bare by default only in td.
            (
                rust,
                if td {
                    name.clone()
                } else {
                    format!("<boxed {name}>")
                },
            )
        }
        TlTy::Type(name) => {
            let ident = names
                .enums
                .get(name)
                .ok_or_else(|| format!("unknown type `{name}`"))?;
            let rust = format!("super::enums::{ident}");
            let rust = if boxed_field {
                format!("::std::boxed::Box<{rust}>")
            } else {
                rust
            };
            (rust, name.clone())
        }
    })
}

/// Ranks for samples that terminate (constructors only): a constructor's
/// rank is one more than the largest rank among the types its
/// always-present fields need (not conditional, not nullable objects); a
/// type's rank is its lowest-ranked constructor's.
fn ranks(declarations: &[Declaration]) -> HashMap<String, usize> {
    let mut rank: HashMap<String, usize> = HashMap::new();
    let mut type_rank: HashMap<String, usize> = HashMap::new();
    loop {
        let mut changed = false;
        for d in declarations.iter().filter(|d| !d.function) {
            let needed = d
                .fields
                .iter()
                .filter(|f| f.condition.is_none() && f.nullable != Nullable::Object)
                .map(|f| match &f.ty {
                    Some(TlTy::Constructor(name)) => rank.get(name).copied(),
                    Some(TlTy::Type(name)) => type_rank.get(name).copied(),
                    _ => Some(0),
                });
            let mut max = Some(0);
            for n in needed {
                max = match (max, n) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            if let Some(max) = max {
                let r = max + 1;
                if rank.get(&d.name).is_none_or(|&old| r < old) {
                    rank.insert(d.name.clone(), r);
                    changed = true;
                }
                if type_rank.get(&d.result).is_none_or(|&old| r < old) {
                    type_rank.insert(d.result.clone(), r);
                    changed = true;
                }
            }
        }
        if !changed {
            return rank;
        }
    }
}

/// The parts generated from one schema.
pub struct Generated {
    /// `pub mod types` and `pub mod enums`: the derived types, for the
    /// schema's own library crate.
    pub types: String,
    /// `pub mod functions`: the derived functions, whose fields and
    /// results name `super::types` and `super::enums`, for a library crate
    /// with those beside it (its own, or re-exported).
    pub functions: String,
    /// For the test binary, inside a module beside `types`, `enums` and
    /// `functions`: a `Sample` impl per type and function, the
    /// compile-time check of each function's `Return` and
    /// `pub static CASES`.
    pub checks: String,
    pub summary: Summary,
}

/// One struct's fields as Rust, and what the checks need of them.
#[derive(Default)]
struct Body {
    /// The fields, with their `#[tl(...)]` attributes.
    fields: String,
    /// The field initializers of the struct's `Sample` impl.
    samples: String,
    /// `NullableField`s of the case, for the round trip's JSON checks.
    nullable: String,
    ty_attributes: usize,
    bare_attributes: usize,
    nullable_objects: usize,
    nullable_elements: usize,
}

/// The fields of the struct of `d`, a constructor or function, or why
/// they cannot be generated.
fn body(d: &Declaration, dialect: Dialect, names: &Names) -> Result<Body, String> {
    let mut out = Body::default();
    for field in &d.fields {
        let (field_ident, rename) = field_ident(&field.name);
        let mut attrs = Vec::new();
        if rename {
            attrs.push(format!("rename = \"{}\"", field.name));
        }
        let rust = match (&field.condition, &field.ty) {
            (Some((word, bit)), None) => {
                attrs.push(format!("flag = \"{word}.{bit}\""));
                writeln!(out.samples, "{field_ident}: depth < 2,").unwrap();
                "bool".to_owned()
            }
            (None, None) => return Err("a field without a type".to_owned()),
            (_, Some(TlTy::Flags)) => {
                attrs.push("flags".into());
                writeln!(out.samples, "{field_ident}: 0,").unwrap();
                "u32".to_owned()
            }
            (condition, Some(ty)) => {
                let boxed_field = matches!(ty, TlTy::Type(_) | TlTy::Constructor(_));
                let (rust, default) = rust_type(ty, dialect, names, boxed_field)?;
                // A nullable field's schema text is its object's, so
                // it takes no `ty` or `bare` (the derive rejects them).
                assert!(
                    field.nullable == Nullable::No || default == field.text,
                    "{}.{}: a nullable field whose type `{}` would need an attribute",
                    d.name,
                    field.name,
                    field.text
                );
                let rust = match field.nullable {
                    Nullable::No => rust,
                    Nullable::Object => {
                        out.nullable_objects += 1;
                        format!("::std::option::Option<{rust}>")
                    }
                    Nullable::Elements => {
                        out.nullable_elements += 1;
                        let element = rust
                            .strip_prefix("::std::vec::Vec<")
                            .and_then(|r| r.strip_suffix('>'))
                            .expect("a vector");
                        format!("::std::vec::Vec<::std::option::Option<{element}>>")
                    }
                };
                if field.nullable != Nullable::No {
                    write!(
                        out.nullable,
                        "crate::whole_schema::NullableField {{ key: {:?}, elements: {} }}, ",
                        field.name,
                        field.nullable == Nullable::Elements
                    )
                    .unwrap();
                }
                if default != field.text {
                    if matches!(ty, TlTy::Constructor(_)) {
                        attrs.push("bare".into());
                        out.bare_attributes += 1;
                    } else {
                        attrs.push(format!("ty = \"{}\"", field.text));
                        out.ty_attributes += 1;
                    }
                }
                match condition {
                    Some((word, bit)) => {
                        attrs.push(format!("flag = \"{word}.{bit}\""));
                        writeln!(
                            out.samples,
                            "{field_ident}: if depth < 2 {{ ::std::option::Option::Some(<{rust} as Sample>::sample(depth + 1, nulls)) }} else {{ ::std::option::Option::None }},"
                        )
                        .unwrap();
                        format!("::std::option::Option<{rust}>")
                    }
                    None => {
                        writeln!(
                            out.samples,
                            "{field_ident}: <{rust} as Sample>::sample(depth + 1, nulls),"
                        )
                        .unwrap();
                        rust
                    }
                }
            }
        };
        if !attrs.is_empty() {
            writeln!(out.fields, "    #[tl({})]", attrs.join(", ")).unwrap();
        }
        writeln!(out.fields, "    pub {field_ident}: {rust},").unwrap();
    }
    Ok(out)
}

/// The Rust type of a non-generic function's result, for `returns`: the
/// result type's enum, `bool`, `Vec<...>` or a primitive, as fields map
/// them, whose default text is the result as written.
fn result_type(d: &Declaration, dialect: Dialect, names: &Names) -> Result<String, String> {
    let ty = parse_type(&d.result)?;
    let (rust, default) = rust_type(&ty, dialect, names, false)?;
    if default != d.result {
        return Err(format!(
            "the result `{}` would be written `{default}`",
            d.result
        ));
    }
    Ok(rust)
}

/// Rust source for `schema`, in three parts (see [`Generated`]). The types
/// and functions compile in library crates and the checks, which
/// instantiate every type's generic JSON code, in the test binary, so no
/// rustc process holds both.
pub fn generate(schema: &str, dialect: Dialect) -> Generated {
    let (mut declarations, mut skipped) = declarations(schema);
    let mut summary = Summary {
        constructors: Kind::default(),
        functions: Kind::default(),
        generic_functions: 0,
        skipped: Vec::new(),
        ty_attributes: 0,
        bare_attributes: 0,
    };
    if dialect == Dialect::Td {
        mark_nullable(&mut declarations, &mut summary);
    }
    let mut used_structs = HashSet::new();
    let mut used_enums = HashSet::new();
    let mut used_functions = HashSet::new();
    let mut names = Names {
        structs: HashMap::new(),
        enums: HashMap::new(),
        functions: HashMap::new(),
    };
    let mut by_type: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, d) in declarations.iter().enumerate() {
        if d.function {
            let ident = unique(&mut used_functions, camel(&d.name));
            names.functions.insert(d.name.clone(), ident);
            continue;
        }
        let ident = unique(&mut used_structs, camel(&d.name));
        names.structs.insert(d.name.clone(), ident);
        by_type.entry(d.result.clone()).or_default().push(index);
    }
    for ty in by_type.keys() {
        let ident = unique(&mut used_enums, camel(ty));
        names.enums.insert(ty.clone(), ident);
    }
    let rank = ranks(&declarations);

    let mut types = String::new();
    let mut functions = String::new();
    let mut samples_impls = String::new();
    let mut returns = String::new();
    let mut cases = String::new();
    // The Rust type of each non-generic function's result, by name, for
    // the generic functions instantiated with `INNER_FUNCTION`, whose
    // cases and checks come last: `(declaration, ident, fields)`.
    let mut results: HashMap<String, String> = HashMap::new();
    let mut generics: Vec<(&Declaration, String, Body)> = Vec::new();
    for d in &declarations {
        let result = if d.function && d.param.is_none() {
            match result_type(d, dialect, &names) {
                Ok(rust) => Some(rust),
                Err(why) => {
                    skipped.push(format!("{}  ({why})", d.line));
                    continue;
                }
            }
        } else {
            None
        };
        let body = match body(d, dialect, &names) {
            Ok(body) => body,
            Err(why) => {
                skipped.push(format!("{}  ({why})", d.line));
                continue;
            }
        };
        summary.ty_attributes += body.ty_attributes;
        summary.bare_attributes += body.bare_attributes;
        let kind = if d.function {
            &mut summary.functions
        } else {
            &mut summary.constructors
        };
        kind.generated += 1;
        kind.nullable_objects += body.nullable_objects;
        kind.nullable_elements += body.nullable_elements;
        let forced = FORCED.contains(&d.name.as_str());
        let mut container = vec![
            format!("dialect = \"{}\"", dialect.attr()),
            format!("name = \"{}\"", d.name),
        ];
        if d.function {
            container.push("function".into());
            if let Some(result) = &result {
                container.push(format!("returns = {result}"));
            }
        } else {
            container.push(format!("ty = \"{}\"", d.result));
        }
        if let (true, Some(id)) = (forced, d.id) {
            container.push(format!("id = {id:#010x}, force"));
            kind.forced += 1;
        }
        let (ident, module, out) = if d.function {
            (&names.functions[&d.name], "functions", &mut functions)
        } else {
            (&names.structs[&d.name], "types", &mut types)
        };
        let generic = match &d.param {
            Some(p) => format!("<{p}>"),
            None => String::new(),
        };
        writeln!(
            out,
            "/// `{line}`\n#[derive(tl_core::TlObject)]\n#[tl({attrs})]\npub struct {ident}{generic} {{\n{fields}}}\n",
            line = d.line.replace('`', "'"),
            attrs = container.join(", "),
            fields = body.fields,
        )
        .unwrap();
        let impl_generics = match &d.param {
            Some(p) => format!("<{p}: Sample>"),
            None => String::new(),
        };
        writeln!(
            samples_impls,
            "impl{impl_generics} Sample for super::{module}::{ident}{generic} {{\n    #[allow(unused_variables)]\n    fn sample(depth: u32, nulls: bool) -> Self {{\n        Self {{\n{samples}        }}\n    }}\n}}\n",
            samples = body.samples,
        )
        .unwrap();
        if d.param.is_some() {
            summary.generic_functions += 1;
            generics.push((d, ident.clone(), body));
            continue;
        }
        if let Some(result) = result {
            writeln!(
                returns,
                "    returns::<super::functions::{ident}, {result}>();"
            )
            .unwrap();
            results.insert(d.name.clone(), result);
        }
        cases.push_str(&case(d, &format!("{module}::{ident}"), forced, &body));
    }
    // Each generic function with the inner function as its query.
    for (d, ident, body) in &generics {
        let inner = names
            .functions
            .get(INNER_FUNCTION)
            .filter(|_| results.contains_key(INNER_FUNCTION))
            .unwrap_or_else(|| panic!("{}: no `{INNER_FUNCTION}` to instantiate it with", d.name));
        writeln!(
            returns,
            "    returns::<super::functions::{ident}<super::functions::{inner}>, {result}>();",
            result = results[INNER_FUNCTION],
        )
        .unwrap();
        let forced = FORCED.contains(&d.name.as_str());
        cases.push_str(&case(
            d,
            &format!("functions::{ident}<functions::{inner}>"),
            forced,
            body,
        ));
    }

    let mut enums = String::new();
    for (ty, members) in &by_type {
        let ident = &names.enums[ty];
        let usable: Vec<&Declaration> = members
            .iter()
            .map(|&i| &declarations[i])
            .filter(|d| !skipped.iter().any(|s| s.starts_with(&d.line)))
            .collect();
        if usable.is_empty() {
            continue;
        }
        let sample = usable
            .iter()
            .min_by_key(|d| rank.get(&d.name).copied().unwrap_or(usize::MAX))
            .map(|d| &names.structs[&d.name])
            .expect("non-empty");
        let variants: String = usable
            .iter()
            .map(|d| {
                let s = &names.structs[&d.name];
                format!("    {s}(super::types::{s}),\n")
            })
            .collect();
        writeln!(
            enums,
            "#[derive(tl_core::TlObject)]\n#[tl(dialect = \"{dialect}\", ty = \"{ty}\")]\npub enum {ident} {{\n{variants}}}\n",
            dialect = dialect.attr(),
        )
        .unwrap();
        writeln!(
            samples_impls,
            "impl Sample for super::enums::{ident} {{\n    fn sample(depth: u32, nulls: bool) -> Self {{\n        Self::{sample}(<super::types::{sample} as Sample>::sample(depth, nulls))\n    }}\n}}\n",
        )
        .unwrap();
    }

    summary.skipped = skipped;
    let allow = "#[allow(clippy::all, non_camel_case_types, non_snake_case, dead_code)]";
    let types = format!(
        "// Generated by tests/whole-schema/generate.rs from a vendored schema; do not edit.\n\n\
         {allow}\npub mod types {{\n{types}}}\n\n\
         {allow}\npub mod enums {{\n{enums}}}\n"
    );
    let functions = format!(
        "// Generated by tests/whole-schema/generate.rs from a vendored schema; do not edit.\n\n\
         {allow}\npub mod functions {{\n{functions}}}\n"
    );
    let checks = format!(
        "// Generated by tests/whole-schema/build.rs from a vendored schema; do not edit.\n\n\
         mod samples {{\n    use crate::whole_schema::Sample;\n\n{samples_impls}}}\n\n\
         /// Each function's `TlFunction::Return` is the Rust type its result\n\
         /// maps to (a generic one's, its inner function's): this compiles\n\
         /// only if so.\n\
         mod returns {{\n    use crate::whole_schema::returns;\n\n    const _: () = {{\n{returns}    }};\n}}\n\n\
         pub static CASES: &[crate::whole_schema::Case] = &[\n{cases}];\n"
    );
    Generated {
        types,
        functions,
        checks,
        summary,
    }
}

/// The case of `d`, derived as `path` (under the checks' module).
fn case(d: &Declaration, path: &str, forced: bool, body: &Body) -> String {
    let official = match d.id {
        Some(id) => format!("::std::option::Option::Some({id:#010x})"),
        None => "::std::option::Option::None".into(),
    };
    format!(
        "    crate::whole_schema::Case {{ name: {name:?}, line: {line:?}, function: {function}, generic: {generic}, official_id: {official}, forced: {forced}, id: <{path} as tl_core::TlConstructor>::ID, derived_name: <{path} as tl_core::TlConstructor>::NAME, derived_schema: <{path} as tl_core::TlConstructor>::SCHEMA, round_trip: crate::whole_schema::round_trip::<{path}>, nullable: &[{nullable}] }},\n",
        name = d.name,
        line = d.line,
        function = d.function,
        generic = d.param.is_some(),
        nullable = body.nullable,
    )
}

/// A vendored schema's text, for a build script that reruns when it changes.
pub fn read_schema(path: &std::path::Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The build script of a schema's crate of types or of functions
/// (`tests/whole-schema/*`): reads `schemas/{file}` and writes its
/// `types` part to `OUT_DIR/types.rs` and its `functions` part to
/// `OUT_DIR/functions.rs`, for the crate to include what it holds.
pub fn write_types_crate(file: &str, dialect: Dialect) {
    let manifest = std::path::PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../generate.rs");
    let schema = read_schema(&manifest.join("../schemas").join(file));
    let generated = generate(&schema, dialect);
    std::fs::write(out.join("types.rs"), generated.types).expect("write generated types");
    std::fs::write(out.join("functions.rs"), generated.functions)
        .expect("write generated functions");
}
