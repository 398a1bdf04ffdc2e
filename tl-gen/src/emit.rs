//! Writing the model as Rust source, laid out as rustfmt lays it out, in
//! one file (for `include!`) or in a tree of module files (for `src`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::api::{Api, Enum, Module, Struct};
use crate::doc;

/// rustfmt's default line width.
const WIDTH: usize = 100;

/// A module of the directory layout holding more items than this is split
/// into files by the items' first letter.
pub const SPLIT_ABOVE: usize = 300;

/// How the generated source looks, beyond the model.
#[derive(Debug, Clone)]
pub struct Style {
    /// The first line: where the code comes from.
    pub header: String,
    /// The derives of every struct and enum besides `TlObject`.
    pub derives: Vec<String>,
    /// Whether to write `types` and `enums`.
    pub types: bool,
    /// Whether to write `functions`.
    pub functions: bool,
}

/// The lints generated code allows: it is not the user's to fix, and a
/// user's crate that includes only some of it in a private module uses
/// few of its items.
const ALLOW: &[&str] = &[
    "dead_code",
    "missing_docs",
    "non_snake_case",
    "clippy::all",
    "clippy::pedantic",
    "rustdoc::all",
];

/// rustfmt's `attr_fn_like_width`: attribute arguments wider than this go
/// one a line.
const ATTR_ARGS_WIDTH: usize = 70;

/// One item of a module.
#[derive(Clone, Copy)]
enum Item<'a> {
    Struct(&'a Struct),
    Enum(&'a Enum),
}

impl Item<'_> {
    fn ident(&self) -> &str {
        match self {
            Item::Struct(s) => &s.path.ident,
            Item::Enum(e) => &e.path.ident,
        }
    }
}

/// A module and its namespaces.
#[derive(Default)]
struct Tree<'a> {
    items: Vec<Item<'a>>,
    children: BTreeMap<String, Tree<'a>>,
}

impl<'a> Tree<'a> {
    fn insert(&mut self, namespace: &[String], item: Item<'a>) {
        match namespace.split_first() {
            None => self.items.push(item),
            Some((first, rest)) => self
                .children
                .entry(first.clone())
                .or_default()
                .insert(rest, item),
        }
    }
}

/// The three modules' trees, those the style asks for.
fn modules<'a>(api: &'a Api, style: &Style) -> Vec<(Module, Tree<'a>)> {
    let mut types = Tree::default();
    let mut enums = Tree::default();
    let mut functions = Tree::default();
    for s in &api.structs {
        match s.path.module {
            Module::Functions => functions.insert(&s.path.namespace, Item::Struct(s)),
            _ => types.insert(&s.path.namespace, Item::Struct(s)),
        }
    }
    for e in &api.enums {
        enums.insert(&e.path.namespace, Item::Enum(e));
    }
    let mut out = Vec::new();
    if style.types {
        out.push((Module::Types, types));
        out.push((Module::Enums, enums));
    }
    if style.functions {
        out.push((Module::Functions, functions));
    }
    out
}

/// Source text at an indentation.
struct Out {
    text: String,
    indent: usize,
}

impl Out {
    fn new(indent: usize) -> Self {
        Out {
            text: String::new(),
            indent,
        }
    }

    fn line(&mut self, line: &str) {
        if line.is_empty() {
            self.text.push('\n');
            return;
        }
        for _ in 0..self.indent {
            self.text.push_str("    ");
        }
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn width(&self) -> usize {
        WIDTH - 4 * self.indent
    }

    /// A doc comment, one `///` line per line of `text`.
    fn doc(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.trim_end();
            if line.is_empty() {
                self.line("///");
            } else {
                self.line(&format!("/// {line}"));
            }
        }
    }

    /// `#[tl(a, b, c)]`: on one line where it fits, else one argument a
    /// line, as rustfmt writes it. An attribute with a path value
    /// (`returns = ...`) is no meta rustfmt formats: it stays on one line.
    fn tl_attr<S: AsRef<str>>(&mut self, args: &[S]) {
        self.attr("tl", args);
    }

    fn attr<S: AsRef<str>>(&mut self, name: &str, args: &[S]) {
        if args.is_empty() {
            return;
        }
        let args: Vec<&str> = args.iter().map(AsRef::as_ref).collect();
        let joined = args.join(", ");
        let one = format!("#[{name}({joined})]");
        let literal = args.iter().all(|a| !a.starts_with("returns"));
        if (one.len() <= self.width() && joined.len() <= ATTR_ARGS_WIDTH) || !literal {
            self.line(&one);
            return;
        }
        self.line(&format!("#[{name}("));
        self.indent += 1;
        for (i, arg) in args.iter().enumerate() {
            if i + 1 == args.len() {
                self.line(arg);
            } else {
                self.line(&format!("{arg},"));
            }
        }
        self.indent -= 1;
        self.line(")]");
    }
}

/// The whole code in one file, for `include!`: no inner attributes.
pub fn file(api: &Api, style: &Style) -> String {
    let mut out = Out::new(0);
    out.line(&style.header);
    for (module, tree) in modules(api, style) {
        out.line("");
        out.attr("allow", ALLOW);
        write_module_inline(&mut out, module.as_str(), &tree, 1, style);
    }
    out.text
}

fn write_module_inline(out: &mut Out, name: &str, tree: &Tree<'_>, depth: usize, style: &Style) {
    if tree.items.is_empty() && tree.children.is_empty() {
        out.line(&format!("pub mod {name} {{}}"));
        return;
    }
    out.line(&format!("pub mod {name} {{"));
    out.indent += 1;
    let mut first = true;
    for (child, subtree) in &tree.children {
        if !first {
            out.line("");
        }
        first = false;
        write_module_inline(out, child, subtree, depth + 1, style);
    }
    for item in &tree.items {
        if !first {
            out.line("");
        }
        first = false;
        write_item(out, *item, &"super::".repeat(depth), style);
    }
    out.indent -= 1;
    out.line("}");
}

/// The code as a tree of files under a directory: `mod.rs` declaring the
/// modules, a file per module, namespaces in files of their own, and
/// modules of more than [`SPLIT_ABOVE`] items split by first letter.
/// Paths are relative to the directory.
pub fn directory(api: &Api, style: &Style) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut root = Out::new(0);
    root.line(&style.header);
    for (module, tree) in modules(api, style) {
        root.line("");
        root.attr("allow", ALLOW);
        root.line(&format!("pub mod {};", module.as_str()));
        write_module_files(&mut files, PathBuf::new(), module.as_str(), &tree, 1, style);
    }
    files.insert(0, (PathBuf::from("mod.rs"), root.text));
    files
}

fn write_module_files(
    files: &mut Vec<(PathBuf, String)>,
    parent: PathBuf,
    name: &str,
    tree: &Tree<'_>,
    depth: usize,
    style: &Style,
) {
    let file_name = name.trim_start_matches("r#");
    let split = tree.items.len() > SPLIT_ABOVE;
    let has_children = !tree.children.is_empty() || split;
    let path = if has_children {
        parent.join(file_name).join("mod.rs")
    } else {
        parent.join(format!("{file_name}.rs"))
    };
    let mut out = Out::new(0);
    out.line(&style.header);
    // rustfmt sorts `mod` declarations by name, public or not.
    let parts = if split {
        by_letter(&tree.items)
    } else {
        Vec::new()
    };
    let mut mods: Vec<(&str, String)> = tree
        .children
        .keys()
        .map(|child| (child.trim_start_matches("r#"), format!("pub mod {child};")))
        .chain(
            parts
                .iter()
                .map(|(letter, _)| (letter.as_str(), format!("mod {letter};"))),
        )
        .collect();
    mods.sort();
    let mut declarations: Vec<String> = mods.into_iter().map(|(_, line)| line).collect();
    for (letter, _) in &parts {
        declarations.push(format!("pub use {letter}::*;"));
    }
    if !declarations.is_empty() {
        out.line("");
        for d in &declarations {
            out.line(d);
        }
    }
    if !split {
        for item in &tree.items {
            out.line("");
            write_item(&mut out, *item, &"super::".repeat(depth), style);
        }
    }
    files.push((path, out.text));
    let dir = parent.join(file_name);
    for (child, subtree) in &tree.children {
        write_module_files(files, dir.clone(), child, subtree, depth + 1, style);
    }
    for (letter, items) in parts {
        let mut out = Out::new(0);
        out.line(&style.header);
        for item in items {
            out.line("");
            write_item(&mut out, item, &"super::".repeat(depth + 1), style);
        }
        files.push((dir.join(format!("{letter}.rs")), out.text));
    }
}

/// Items grouped by the lower-cased first letter of their identifiers,
/// as private modules `letter_a`, `letter_b`...
fn by_letter<'a>(items: &[Item<'a>]) -> Vec<(String, Vec<Item<'a>>)> {
    let mut groups: BTreeMap<String, Vec<Item<'a>>> = BTreeMap::new();
    for item in items {
        let first = item
            .ident()
            .chars()
            .next()
            .map_or('_', |c| c.to_ascii_lowercase());
        let key = if first.is_ascii_alphanumeric() {
            format!("letter_{first}")
        } else {
            "letter_other".to_owned()
        };
        groups.entry(key).or_default().push(*item);
    }
    groups.into_iter().collect()
}

fn derive_line(style: &Style) -> String {
    let mut derives = style.derives.clone();
    derives.push("::tl_core::TlObject".to_owned());
    format!("#[derive({})]", derives.join(", "))
}

fn write_item(out: &mut Out, item: Item<'_>, root: &str, style: &Style) {
    match item {
        Item::Struct(s) => write_struct(out, s, root, style),
        Item::Enum(e) => write_enum(out, e, root, style),
    }
}

fn write_struct(out: &mut Out, s: &Struct, root: &str, style: &Style) {
    let d = &s.declaration;
    // The line as the file writes it, without a trailing comment.
    let line = d.text.split("//").next().unwrap_or_default().trim();
    out.doc(&doc::item(&d.description, line));
    out.line(&derive_line(style));
    let mut attrs = s.attrs.clone();
    if d.is_function() {
        // After `dialect` and `name`, before `id`.
        let at = attrs
            .iter()
            .position(|a| a.starts_with("id ="))
            .unwrap_or(attrs.len());
        let mut function = vec!["function".to_owned()];
        if let Some(returns) = &s.returns {
            function.push(format!("returns = {}", returns.render(root)));
            // The text of the result: the derive then knows the whole line
            // and only checks the text against the type.
            function.push(format!("ty = \"{}\"", d.result));
        }
        attrs.splice(at..at, function);
    }
    out.tl_attr(&attrs);
    let generics = match &d.param {
        Some(p) => format!("<{p}>"),
        None => String::new(),
    };
    if s.fields.is_empty() {
        out.line(&format!("pub struct {}{generics} {{}}", s.path.ident));
        return;
    }
    out.line(&format!("pub struct {}{generics} {{", s.path.ident));
    out.indent += 1;
    for field in &s.fields {
        if !field.description.is_empty() {
            out.doc(&doc::text(&field.description));
        }
        out.tl_attr(&field.attrs);
        let ty = field.ty.render(root);
        let line = format!("pub {}: {ty},", field.ident);
        if line.len() <= out.width() {
            out.line(&line);
        } else {
            out.line(&format!("pub {}:", field.ident));
            out.indent += 1;
            out.line(&format!("{ty},"));
            out.indent -= 1;
        }
    }
    out.indent -= 1;
    out.line("}");
}

fn write_enum(out: &mut Out, e: &Enum, root: &str, style: &Style) {
    out.doc(&doc::enumeration(&e.description, &e.ty));
    out.line(&derive_line(style));
    out.tl_attr(&e.attrs);
    out.line(&format!("pub enum {} {{", e.path.ident));
    out.indent += 1;
    for v in &e.variants {
        let target = format!("{root}{}", v.target.from_root());
        let line = format!("{}({target}),", v.ident);
        if line.len() <= out.width() {
            out.line(&line);
        } else {
            out.line(&format!("{}(", v.ident));
            out.indent += 1;
            out.line(&format!("{target},"));
            out.indent -= 1;
            out.line("),");
        }
    }
    if let Some(other) = &e.catch_all {
        out.doc("Any other constructor, kept as read, re-encoded unchanged.");
        out.line("#[tl(other)]");
        out.line(&format!("{other}(::tl_core::Unknown),"));
    }
    out.indent -= 1;
    out.line("}");
}
