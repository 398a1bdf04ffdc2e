//! The Rust side of a schema: what each selected declaration and type
//! becomes (its path, its fields' Rust types, the `#[tl(...)]` attributes
//! the derive needs), before any text is written. The whole-schema proof
//! reads this model too, to write its samples.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::boxing::Boxing;
use crate::error::Diagnostic;
use crate::names::{self, PRELUDE};
use crate::nullable::{Nullable, nullable};
use crate::schema::{Condition, Declaration, FieldType, Primitive, Schema, TypeRef};
use crate::select::Selection;

/// The schema family: type names, vector forms and id normalization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// TDLib's `td_api.tl`: no ids in the file, `int32`/`int53`/`int64`,
    /// bare `vector<T>`, doc comments, nullable fields.
    Td,
    /// Telegram's `telegram_api.tl` and `mtproto_api.tl`: an `#id` on each
    /// line, `int`/`long`, boxed `Vector<T>`, flags, namespaces.
    Mtproto,
}

impl Dialect {
    /// The name `#[tl(dialect = "...")]` and `--dialect` use.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Td => "td",
            Dialect::Mtproto => "mtproto",
        }
    }

    /// The same dialect as tl-schema names it, for its CRC rules.
    pub(crate) fn schema(self) -> tl_schema::Dialect {
        match self {
            Dialect::Td => tl_schema::Dialect::Td,
            Dialect::Mtproto => tl_schema::Dialect::Mtproto,
        }
    }
}

impl std::str::FromStr for Dialect {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text {
            "td" => Ok(Dialect::Td),
            "mtproto" => Ok(Dialect::Mtproto),
            other => Err(format!("unknown dialect `{other}`: `td` or `mtproto`")),
        }
    }
}

/// The three generated modules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Module {
    /// `types`: a struct per constructor.
    Types,
    /// `enums`: an enum per TL type.
    Enums,
    /// `functions`: a struct per function.
    Functions,
}

impl Module {
    /// The module's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Module::Types => "types",
            Module::Enums => "enums",
            Module::Functions => "functions",
        }
    }
}

/// Where a generated item lives, from the root of the generated code:
/// `types::auth::Authorization`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemPath {
    /// Its top module.
    pub module: Module,
    /// The namespace modules inside it, as Rust identifiers.
    pub namespace: Vec<String>,
    /// The item's identifier.
    pub ident: String,
}

impl ItemPath {
    /// The path from the root of the generated code: `types::auth::Authorization`.
    pub fn from_root(&self) -> String {
        let mut out = String::from(self.module.as_str());
        for part in &self.namespace {
            out.push_str("::");
            out.push_str(part);
        }
        out.push_str("::");
        out.push_str(&self.ident);
        out
    }
}

/// A field's (or a function's result's) Rust type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RustType {
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f64`.
    F64,
    /// `bool`.
    Bool,
    /// `String`.
    String,
    /// `Vec<u8>`.
    Bytes,
    /// `[u8; 16]`.
    Int128,
    /// `[u8; 32]`.
    Int256,
    /// `::tl_core::Flags`: a flags word, recomputed on every write.
    Flags,
    /// `Vec<T>`.
    Vec(Box<RustType>),
    /// `Option<T>`.
    Option(Box<RustType>),
    /// `Box<T>`, where a type holds itself.
    Boxed(Box<RustType>),
    /// A generated struct or enum.
    Item(ItemPath),
    /// A generic function's type parameter.
    Param(String),
}

impl RustType {
    /// The type as Rust source, with `root` (`super::super::` or `crate::tl::`)
    /// before generated items' paths.
    pub fn render(&self, root: &str) -> String {
        match self {
            RustType::I32 => "i32".into(),
            RustType::I64 => "i64".into(),
            RustType::F64 => "f64".into(),
            RustType::Bool => "bool".into(),
            RustType::String => "String".into(),
            RustType::Bytes => "Vec<u8>".into(),
            RustType::Int128 => "[u8; 16]".into(),
            RustType::Int256 => "[u8; 32]".into(),
            RustType::Flags => "::tl_core::Flags".into(),
            RustType::Vec(inner) => format!("Vec<{}>", inner.render(root)),
            RustType::Option(inner) => format!("Option<{}>", inner.render(root)),
            RustType::Boxed(inner) => format!("Box<{}>", inner.render(root)),
            RustType::Item(path) => format!("{root}{}", path.from_root()),
            RustType::Param(p) => p.clone(),
        }
    }
}

/// One field of a generated struct.
#[derive(Debug, Clone, PartialEq)]
pub struct RustField {
    /// Its name in TL.
    pub name: String,
    /// Its Rust identifier (`r#type`, `self_`).
    pub ident: String,
    /// Its whole Rust type, `Option` of a conditional or nullable field included.
    pub ty: RustType,
    /// What goes in its `#[tl(...)]`, if anything: `flags`,
    /// `flag = "flags.3"`, `ty = "int53"`, `bare`, `rename = "self"`.
    pub attrs: Vec<String>,
    /// The TL type as the file writes it (after a condition).
    pub tl: FieldType,
    /// `flags.N?`, if conditional.
    pub condition: Option<Condition>,
    /// Whether td may leave it null.
    pub nullable: Nullable,
    /// Its description.
    pub description: String,
}

/// A generated struct: a constructor's or a function's.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// The declaration it is generated from.
    pub declaration: Declaration,
    /// Where it lives: `types::...` or `functions::...`.
    pub path: ItemPath,
    /// Its fields.
    pub fields: Vec<RustField>,
    /// What goes in its `#[tl(...)]`: `name`, `ty`, `id`, `dialect`.
    pub attrs: Vec<String>,
    /// A function's `returns` type (for a generic one: none, the derive
    /// takes its query's).
    pub returns: Option<RustType>,
    /// Whether its official id is not the CRC of its line (`id = ..., force`).
    pub forced_id: bool,
}

/// One variant of a generated enum.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The variant's identifier: the constructor's name without the
    /// type's (`InputPeer::Empty` for `inputPeerEmpty`), or whole where
    /// that would clash or be empty.
    pub ident: String,
    /// The struct it holds.
    pub target: ItemPath,
    /// The constructor's TL name.
    pub constructor: String,
}

/// A generated enum: one TL type.
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    /// The TL type: `auth.SentCode`.
    pub ty: String,
    /// Where it lives: `enums::...`.
    pub path: ItemPath,
    /// One per generated constructor, in file order.
    pub variants: Vec<Variant>,
    /// The catch-all variant's identifier (`Other`), if it has one.
    pub catch_all: Option<String>,
    /// What goes in its `#[tl(...)]`.
    pub attrs: Vec<String>,
    /// Its description (td's `@class`), empty where the file has none.
    pub description: String,
}

/// What a schema becomes in Rust.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// The dialect it was generated in.
    pub dialect: Dialect,
    /// Constructors and functions, in file order.
    pub structs: Vec<Struct>,
    /// Types, in the order of their first constructor in the file.
    pub enums: Vec<Enum>,
}

impl Api {
    /// Builds the model of `selection` of `schema`, collecting every
    /// mistake: unknown types, names that clash in Rust, results the
    /// derive cannot express.
    pub fn new(
        schema: &Schema,
        dialect: Dialect,
        selection: &Selection,
        catch_all: bool,
    ) -> Result<Api, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut names = Names::default();
        let selected: Vec<&Declaration> = selection
            .declarations
            .iter()
            .map(|&i| &schema.declarations[i])
            .collect();
        for d in &selected {
            let module = if d.is_function() {
                Module::Functions
            } else {
                Module::Types
            };
            let path = item_path(module, &d.name);
            if let Err(e) = names.claim(&path, &d.name, d) {
                errors.push(e);
            }
            if d.is_function() {
                names.functions.insert(d.name.clone(), path);
            } else {
                names.structs.entry(d.name.clone()).or_insert(path);
            }
        }
        // Types in the order of their first generated constructor.
        let mut type_order: Vec<String> = Vec::new();
        let mut first_of_type: HashMap<String, &Declaration> = HashMap::new();
        for d in selected.iter().filter(|d| !d.is_function()) {
            let ty = d.result.to_string();
            if (selection.whole_types.contains(&ty) || selection.partial_types.contains(&ty))
                && !first_of_type.contains_key(&ty)
            {
                first_of_type.insert(ty.clone(), d);
                type_order.push(ty);
            }
        }
        for ty in &type_order {
            let path = item_path(Module::Enums, ty);
            if let Err(e) = names.claim(&path, ty, first_of_type[ty]) {
                errors.push(e);
            }
            names.enums.insert(ty.clone(), path);
        }
        if !errors.is_empty() {
            return Err(errors);
        }

        let with_catch_all: HashSet<String> = type_order
            .iter()
            .filter(|ty| catch_all || selection.partial_types.contains(*ty))
            .cloned()
            .collect();
        let boxing = Boxing::new(&selected, &names.structs, &names.enums, &with_catch_all);
        let mut structs = Vec::new();
        for d in &selected {
            match build_struct(d, dialect, &names, &boxing) {
                Ok(s) => structs.push(s),
                Err(e) => errors.push(e),
            }
        }
        let mut members: HashMap<String, Vec<&Struct>> = HashMap::new();
        for s in structs.iter().filter(|s| !s.declaration.is_function()) {
            members
                .entry(s.declaration.result.to_string())
                .or_default()
                .push(s);
        }
        let classes: HashMap<&str, &str> = schema
            .classes
            .iter()
            .map(|(class, text)| (class.as_str(), text.as_str()))
            .collect();
        let mut enums = Vec::new();
        for ty in &type_order {
            let partial = selection.partial_types.contains(ty);
            enums.push(build_enum(
                ty,
                &names.enums[ty],
                members.get(ty).map_or(&[][..], Vec::as_slice),
                dialect,
                catch_all || partial,
                classes
                    .get(ty.as_str())
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
            ));
        }
        if errors.is_empty() {
            Ok(Api {
                dialect,
                structs,
                enums,
            })
        } else {
            Err(errors)
        }
    }

    /// The struct generated for the constructor or function `name`.
    pub fn find_struct(&self, name: &str, function: bool) -> Option<&Struct> {
        self.structs
            .iter()
            .find(|s| s.declaration.name == name && s.declaration.is_function() == function)
    }
}

/// The path of the item for TL name `name` (`auth.sentCode`) in `module`.
fn item_path(module: Module, name: &str) -> ItemPath {
    let (namespace, own) = names::split_namespace(name);
    ItemPath {
        module,
        namespace: namespace.iter().map(|n| names::ident(n).0).collect(),
        ident: names::upper_camel(own),
    }
}

/// The generated items by TL name, and which paths are taken.
#[derive(Default)]
struct Names {
    /// Constructor name -> struct.
    structs: HashMap<String, ItemPath>,
    /// Type name -> enum.
    enums: HashMap<String, ItemPath>,
    /// Function name -> struct.
    functions: HashMap<String, ItemPath>,
    /// Path -> the TL name that took it.
    taken: BTreeMap<ItemPath, String>,
}

impl Names {
    fn claim(&mut self, path: &ItemPath, name: &str, at: &Declaration) -> Result<(), Diagnostic> {
        let line = &at.text;
        if names::is_reserved_item(&path.ident) {
            return Err(Diagnostic::at(
                at.position,
                line,
                format!(
                    "`{name}` would be the Rust item `{}`, a keyword",
                    path.ident
                ),
            ));
        }
        if PRELUDE.contains(&path.ident.as_str()) {
            return Err(Diagnostic::at(
                at.position,
                line,
                format!(
                    "`{name}` would be the Rust item `{}`, which hides the prelude's in generated code",
                    path.ident
                ),
            ));
        }
        if let Some(other) = self.taken.get(path) {
            return Err(Diagnostic::at(
                at.position,
                line,
                format!(
                    "`{name}` and `{other}` would both be `{}` in Rust",
                    path.from_root()
                ),
            ));
        }
        self.taken.insert(path.clone(), name.to_owned());
        Ok(())
    }
}

fn build_struct(
    d: &Declaration,
    dialect: Dialect,
    names: &Names,
    boxing: &Boxing,
) -> Result<Struct, Diagnostic> {
    let line = &d.text;
    let path = if d.is_function() {
        names.functions[&d.name].clone()
    } else {
        names.structs[&d.name].clone()
    };
    let mut fields = Vec::new();
    for (index, field) in d.fields.iter().enumerate() {
        let error = |message: String| Diagnostic::at(field.position, line, message);
        let (ident, rename) = names::ident(&field.name);
        let mut attrs = Vec::new();
        if rename {
            attrs.push(format!("rename = \"{}\"", field.name));
        }
        let null = match dialect {
            Dialect::Td => nullable(field),
            Dialect::Mtproto => Nullable::No,
        };
        let ty = match &field.ty {
            FieldType::Flags => {
                attrs.push("flags".into());
                RustType::Flags
            }
            FieldType::True => RustType::Bool,
            FieldType::Param(p) => RustType::Param(p.clone()),
            FieldType::Type(tl) => {
                let (rust, default) = rust_type(tl, dialect, names).map_err(error)?;
                let boxed = !d.is_function() && boxing.is_boxed(&d.name, index);
                let rust = if boxed {
                    RustType::Boxed(Box::new(rust))
                } else {
                    rust
                };
                let written = tl.to_string();
                if default != written {
                    if null != Nullable::No {
                        return Err(error(format!(
                            "a nullable field of type `{written}`, which the derive would write `{default}`"
                        )));
                    }
                    if matches!(tl, TypeRef::Constructor(_)) {
                        attrs.push("bare".into());
                    } else {
                        attrs.push(format!("ty = \"{written}\""));
                    }
                } else if names_an_item(tl) {
                    // Only the text names a generated type to the derive:
                    // with it, the derive writes the line and the form as
                    // literals, and the compiler only compares the name.
                    attrs.push(format!("ty = \"{written}\""));
                }
                match (null, rust) {
                    (Nullable::Object, rust) => RustType::Option(Box::new(rust)),
                    (Nullable::Elements, RustType::Vec(element)) => {
                        RustType::Vec(Box::new(RustType::Option(element)))
                    }
                    (_, rust) => rust,
                }
            }
        };
        let ty = match &field.condition {
            Some(c) => {
                attrs.push(format!("flag = \"{}.{}\"", c.word, c.bit));
                match ty {
                    RustType::Bool if field.ty == FieldType::True => RustType::Bool,
                    other => RustType::Option(Box::new(other)),
                }
            }
            None => ty,
        };
        fields.push(RustField {
            name: field.name.clone(),
            ident,
            ty,
            attrs,
            tl: field.ty.clone(),
            condition: field.condition.clone(),
            nullable: null,
            description: field.description.clone(),
        });
    }

    let mut attrs = Vec::new();
    if dialect == Dialect::Mtproto {
        attrs.push("dialect = \"mtproto\"".to_owned());
    }
    if names::lower_camel(&path.ident) != d.name {
        attrs.push(format!("name = \"{}\"", d.name));
    }
    let mut returns = None;
    if d.is_function() {
        if d.param.is_none() {
            let (rust, default) = rust_type(&d.result, dialect, names)
                .map_err(|m| Diagnostic::at(d.position, line, m))?;
            if default != d.result.to_string() {
                return Err(Diagnostic::at(
                    d.position,
                    line,
                    format!(
                        "the result `{}` would be written `{default}` by the derive",
                        d.result
                    ),
                ));
            }
            returns = Some(rust);
        }
    } else if d.result.to_string() != path.ident {
        attrs.push(format!("ty = \"{}\"", d.result));
    }
    let mut forced_id = false;
    if let Some(id) = d.id {
        let computed = tl_schema::constructor_id(&d.line(), dialect.schema());
        forced_id = computed != id;
        attrs.push(format!("id = {id:#010x}"));
        if forced_id {
            attrs.push("force".to_owned());
        }
    }
    Ok(Struct {
        declaration: d.clone(),
        path,
        fields,
        attrs,
        returns,
        forced_id,
    })
}

/// Whether a field type names a generated struct or enum, at any depth of
/// vectors.
fn names_an_item(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Primitive(_) => false,
        TypeRef::Vector { element, .. } => names_an_item(element),
        TypeRef::Constructor(_) | TypeRef::Type(_) => true,
    }
}

/// The Rust type of a TL type, and the text the derive writes for that
/// Rust type by default in `dialect` (which decides whether the field
/// needs `ty` or `bare`).
fn rust_type(ty: &TypeRef, dialect: Dialect, names: &Names) -> Result<(RustType, String), String> {
    let td = dialect == Dialect::Td;
    Ok(match ty {
        TypeRef::Primitive(p) => {
            let (rust, td_text, mtproto_text) = match p {
                Primitive::Int32 { .. } => (RustType::I32, "int32", "int"),
                Primitive::Int64 { .. } | Primitive::Int53 => (RustType::I64, "int64", "long"),
                Primitive::Double => (RustType::F64, "double", "double"),
                Primitive::String => (RustType::String, "string", "string"),
                Primitive::Bytes => (RustType::Bytes, "bytes", "bytes"),
                Primitive::Bool => (RustType::Bool, "Bool", "Bool"),
                Primitive::Int128 => (RustType::Int128, "int128", "int128"),
                Primitive::Int256 => (RustType::Int256, "int256", "int256"),
            };
            (rust, if td { td_text } else { mtproto_text }.to_owned())
        }
        TypeRef::Vector { element, .. } => {
            let (rust, text) = rust_type(element, dialect, names)?;
            let vector = if td { "vector" } else { "Vector" };
            (RustType::Vec(Box::new(rust)), format!("{vector}<{text}>"))
        }
        TypeRef::Constructor(name) => {
            let path = names
                .structs
                .get(name)
                .ok_or_else(|| format!("unknown constructor `{name}`"))?;
            // A struct is referenced bare by its name only in td; mtproto
            // writes its type, boxed.
            let text = if td { name.clone() } else { String::new() };
            (RustType::Item(path.clone()), text)
        }
        TypeRef::Type(name) => {
            let path = names
                .enums
                .get(name)
                .ok_or_else(|| format!("unknown type `{name}`: no constructor builds it"))?;
            (RustType::Item(path.clone()), name.clone())
        }
    })
}

fn build_enum(
    ty: &str,
    path: &ItemPath,
    members: &[&Struct],
    dialect: Dialect,
    catch_all: bool,
    description: String,
) -> Enum {
    let type_ident = &path.ident;
    let short = |s: &Struct| -> Option<String> {
        let rest = s.path.ident.strip_prefix(type_ident.as_str())?;
        rest.starts_with(|c: char| c.is_ascii_uppercase())
            .then(|| rest.to_owned())
    };
    let shorts: Vec<Option<String>> = members.iter().map(|s| short(s)).collect();
    let mut used: HashSet<String> = HashSet::new();
    let mut variants = Vec::new();
    for (s, candidate) in members.iter().zip(&shorts) {
        let clashes = |name: &str| {
            shorts.iter().filter(|c| c.as_deref() == Some(name)).count() > 1
                || members
                    .iter()
                    .any(|m| m.path.ident == name && m.path != s.path)
                || (catch_all && name == "Other")
        };
        let ident = match candidate {
            Some(c) if !clashes(c) && !names::is_reserved_item(c) => c.clone(),
            _ => s.path.ident.clone(),
        };
        let ident = if used.contains(&ident) {
            // Two constructors with one name in different namespaces.
            let mut full: String = s
                .path
                .namespace
                .iter()
                .map(|n| names::upper_camel(n))
                .collect();
            full.push_str(&s.path.ident);
            full
        } else {
            ident
        };
        used.insert(ident.clone());
        variants.push(Variant {
            ident,
            target: s.path.clone(),
            constructor: s.declaration.name.clone(),
        });
    }
    let catch_all = catch_all.then(|| {
        if used.contains("Other") {
            "OtherConstructor".to_owned()
        } else {
            "Other".to_owned()
        }
    });
    let mut attrs = Vec::new();
    if dialect == Dialect::Mtproto {
        attrs.push("dialect = \"mtproto\"".to_owned());
    }
    if ty != path.ident {
        attrs.push(format!("ty = \"{ty}\""));
    }
    Enum {
        ty: ty.to_owned(),
        path: path.clone(),
        variants,
        catch_all,
        attrs,
        description,
    }
}
