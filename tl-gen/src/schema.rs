//! The model of a `.tl` file: its declarations as the file writes them,
//! with their doc comments and where they are.

use std::fmt;

/// Which section a declaration is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// `---types---` (the default at the top of a file): a constructor.
    Types,
    /// `---functions---`: a function (a request).
    Functions,
}

/// A place in a `.tl` file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, counted in characters.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A whole `.tl` file, parsed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Schema {
    /// The declarations of both sections, in file order.
    pub declarations: Vec<Declaration>,
    /// The descriptions of abstract types (td's `//@class Name
    /// @description ...`), by type name, in file order.
    pub classes: Vec<(String, String)>,
    /// The builtin lines the generator leaves to tl-core (`int ? = Int`,
    /// `vector {t:Type} # [ t ] = Vector t`, `int128 4*[ int ] = Int128`),
    /// with where they are.
    pub builtins: Vec<(Position, String)>,
}

impl Schema {
    /// Whether any declaration carries an explicit `#id`: the files of
    /// the mtproto dialect (`telegram_api.tl`, `mtproto_api.tl`) do, td's
    /// `td_api.tl` does not.
    pub fn has_ids(&self) -> bool {
        self.declarations.iter().any(|d| d.id.is_some())
    }

    /// The declaration named `name` in `section`.
    pub fn find(&self, section: Section, name: &str) -> Option<&Declaration> {
        self.declarations
            .iter()
            .find(|d| d.section == section && d.name == name)
    }
}

/// One constructor or function.
#[derive(Debug, Clone, PartialEq)]
pub struct Declaration {
    /// The full name, with its namespace: `auth.sentCode`, `session`.
    pub name: String,
    /// The `#id` the file writes, if any.
    pub id: Option<u32>,
    /// A generic function's type parameter (`{X:Type}`), by name.
    pub param: Option<String>,
    /// The fields (a function's parameters), in order.
    pub fields: Vec<Field>,
    /// The result type: `auth.SentCode`, or for a generic function its
    /// parameter; a function may also return `Vector<T>` or a primitive.
    pub result: TypeRef,
    /// Which section it is in.
    pub section: Section,
    /// Its description (td's `@description`), empty where the file has none.
    pub description: String,
    /// Where its name starts.
    pub position: Position,
    /// Its line as the file writes it (without leading or trailing spaces),
    /// for messages and docs.
    pub text: String,
}

impl Declaration {
    /// Whether it is a function (declared in `---functions---`).
    pub fn is_function(&self) -> bool {
        self.section == Section::Functions
    }

    /// The declaration as one line, without `#id` and `;`, as the derive
    /// writes it in `SCHEMA`: `name {X:Type} field:type ... = Result`.
    pub fn line(&self) -> String {
        let mut out = self.name.clone();
        if let Some(param) = &self.param {
            out.push_str(&format!(" {{{param}:Type}}"));
        }
        for field in &self.fields {
            out.push_str(&format!(" {field}"));
        }
        out.push_str(&format!(" = {}", self.result));
        out
    }

    /// The line as the file would write it, with `#id` (eight hex digits)
    /// where it has one, and `;`.
    pub fn source_line(&self) -> String {
        let line = self.line();
        match self.id {
            Some(id) => {
                let (name, rest) = line.split_at(self.name.len());
                format!("{name}#{id:08x}{rest};")
            }
            None => format!("{line};"),
        }
    }
}

/// One field of a declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The name as written: `type`, `flags`, `reply_to_message_id`.
    pub name: String,
    /// `flags.3?`: the flags word and bit that make it present.
    pub condition: Option<Condition>,
    /// Its type.
    pub ty: FieldType,
    /// Its description (td's `@name text`), empty where the file has none.
    pub description: String,
    /// Where its name starts.
    pub position: Position,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.name)?;
        if let Some(condition) = &self.condition {
            write!(f, "{}.{}?", condition.word, condition.bit)?;
        }
        write!(f, "{}", self.ty)
    }
}

/// `flags.3?`: a conditional field's flags word and bit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Condition {
    /// The name of the `#` field holding the bit.
    pub word: String,
    /// The bit, 0 to 31.
    pub bit: u8,
}

/// What a field holds.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldType {
    /// `#`: a flags word.
    Flags,
    /// `true` (under a condition): the bit alone, no bytes.
    True,
    /// `!X`: a generic function's query, of its type parameter.
    Param(String),
    /// A type.
    Type(TypeRef),
}

impl fmt::Display for FieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldType::Flags => f.write_str("#"),
            FieldType::True => f.write_str("true"),
            FieldType::Param(p) => write!(f, "!{p}"),
            FieldType::Type(t) => write!(f, "{t}"),
        }
    }
}

/// A TL type in field or result position.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TypeRef {
    /// A builtin: `int`, `long`, `int32`, `int53`, `int64`, `double`,
    /// `string`, `bytes`, `Bool`, `int128`, `int256`.
    Primitive(Primitive),
    /// `Vector<T>` (boxed) or `vector<T>` (bare).
    Vector {
        /// `Vector` (with its id on the wire) rather than `vector`.
        boxed: bool,
        /// The element type.
        element: Box<TypeRef>,
    },
    /// A lower-case name: one constructor, referenced bare.
    Constructor(String),
    /// An upper-case name: a type, referenced boxed. A generic function's
    /// result is its parameter, as a `Type`.
    Type(String),
}

impl fmt::Display for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeRef::Primitive(p) => f.write_str(p.as_str()),
            TypeRef::Vector { boxed, element } => {
                let vector = if *boxed { "Vector" } else { "vector" };
                write!(f, "{vector}<{element}>")
            }
            TypeRef::Constructor(name) | TypeRef::Type(name) => f.write_str(name),
        }
    }
}

/// The builtin types a field may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Primitive {
    /// `int` (mtproto) or `int32` (td).
    Int32 {
        /// Written `int32` rather than `int`.
        td: bool,
    },
    /// `long` (mtproto) or `int64` (td).
    Int64 {
        /// Written `int64` rather than `long`.
        td: bool,
    },
    /// `int53` (td): a 64-bit integer that JSON writes as a number.
    Int53,
    /// `double`.
    Double,
    /// `string`.
    String,
    /// `bytes`.
    Bytes,
    /// `Bool`.
    Bool,
    /// `int128`.
    Int128,
    /// `int256`.
    Int256,
}

impl Primitive {
    /// The primitive named `name`, if it is one.
    pub fn from_name(name: &str) -> Option<Primitive> {
        Some(match name {
            "int" => Primitive::Int32 { td: false },
            "int32" => Primitive::Int32 { td: true },
            "long" => Primitive::Int64 { td: false },
            "int64" => Primitive::Int64 { td: true },
            "int53" => Primitive::Int53,
            "double" => Primitive::Double,
            "string" => Primitive::String,
            "bytes" => Primitive::Bytes,
            "Bool" => Primitive::Bool,
            "int128" => Primitive::Int128,
            "int256" => Primitive::Int256,
            _ => return None,
        })
    }

    /// The name as the schema writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Primitive::Int32 { td: false } => "int",
            Primitive::Int32 { td: true } => "int32",
            Primitive::Int64 { td: false } => "long",
            Primitive::Int64 { td: true } => "int64",
            Primitive::Int53 => "int53",
            Primitive::Double => "double",
            Primitive::String => "string",
            Primitive::Bytes => "bytes",
            Primitive::Bool => "Bool",
            Primitive::Int128 => "int128",
            Primitive::Int256 => "int256",
        }
    }
}

impl TypeRef {
    /// Whether it is an object (a constructor or a type), which td may
    /// leave null.
    pub fn is_object(&self) -> bool {
        matches!(self, TypeRef::Constructor(_) | TypeRef::Type(_))
    }
}
