//! `only`: what a program uses, and everything it reaches.
//!
//! A name may be a function's, a constructor's or a type's. The closure
//! holds every declaration and type that the named ones reach through their
//! fields, results and (for a type) constructors. A type reached through a
//! field or result is whole, with all its constructors; a type that only
//! named constructors bring in is partial: its enum lists those and takes
//! every other constructor through its catch-all.

use std::collections::{BTreeSet, HashMap};

use crate::error::Diagnostic;
use crate::schema::{FieldType, Schema, Section, TypeRef};

/// What the generated code holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// The declarations (constructors and functions), by index in the schema.
    pub declarations: BTreeSet<usize>,
    /// Types generated with every constructor.
    pub whole_types: BTreeSet<String>,
    /// Types generated with the named constructors only, and a catch-all.
    pub partial_types: BTreeSet<String>,
}

impl Selection {
    /// Everything in the schema.
    pub fn all(schema: &Schema) -> Selection {
        Selection {
            declarations: (0..schema.declarations.len()).collect(),
            whole_types: schema
                .declarations
                .iter()
                .filter(|d| !d.is_function())
                .map(|d| d.result.to_string())
                .collect(),
            partial_types: BTreeSet::new(),
        }
    }

    /// The closure of `names` (see the module's docs); an unknown name is
    /// an error, every one reported.
    pub fn only(schema: &Schema, names: &[String]) -> Result<Selection, Vec<Diagnostic>> {
        let mut constructors: HashMap<&str, usize> = HashMap::new();
        let mut functions: HashMap<&str, usize> = HashMap::new();
        let mut by_type: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, d) in schema.declarations.iter().enumerate() {
            match d.section {
                Section::Types => {
                    constructors.entry(&d.name).or_insert(index);
                    by_type.entry(d.result.to_string()).or_default().push(index);
                }
                Section::Functions => {
                    functions.entry(&d.name).or_insert(index);
                }
            }
        }
        let mut walk = Walk {
            schema,
            constructors: &constructors,
            by_type: &by_type,
            selection: Selection::default(),
            pending: Vec::new(),
        };
        let mut errors = Vec::new();
        let mut named_constructors = Vec::new();
        for name in names {
            let name = name.trim();
            let mut found = false;
            if let Some(&index) = functions.get(name) {
                walk.declaration(index);
                found = true;
            }
            if let Some(&index) = constructors.get(name) {
                walk.declaration(index);
                named_constructors.push(index);
                found = true;
            }
            if by_type.contains_key(name) {
                walk.whole_type(name);
                found = true;
            }
            if !found {
                errors.push(Diagnostic::request(unknown_name(schema, name)));
            }
        }
        walk.run();
        for index in named_constructors {
            let ty = schema.declarations[index].result.to_string();
            if !walk.selection.whole_types.contains(&ty) {
                walk.selection.partial_types.insert(ty);
            }
        }
        if errors.is_empty() {
            Ok(walk.selection)
        } else {
            Err(errors)
        }
    }
}

struct Walk<'a> {
    schema: &'a Schema,
    constructors: &'a HashMap<&'a str, usize>,
    by_type: &'a HashMap<String, Vec<usize>>,
    selection: Selection,
    /// Declarations added whose fields are not walked yet.
    pending: Vec<usize>,
}

impl Walk<'_> {
    fn declaration(&mut self, index: usize) {
        if self.selection.declarations.insert(index) {
            self.pending.push(index);
        }
    }

    fn whole_type(&mut self, name: &str) {
        if !self.selection.whole_types.insert(name.to_owned()) {
            return;
        }
        self.selection.partial_types.remove(name);
        for &index in self.by_type.get(name).into_iter().flatten() {
            self.declaration(index);
        }
    }

    fn type_ref(&mut self, ty: &TypeRef) {
        match ty {
            TypeRef::Primitive(_) => {}
            TypeRef::Vector { element, .. } => self.type_ref(element),
            TypeRef::Constructor(name) => {
                if let Some(&index) = self.constructors.get(name.as_str()) {
                    self.declaration(index);
                }
            }
            TypeRef::Type(name) => self.whole_type(name),
        }
    }

    fn run(&mut self) {
        let schema = self.schema;
        while let Some(index) = self.pending.pop() {
            let d = &schema.declarations[index];
            for field in &d.fields {
                if let FieldType::Type(ty) = &field.ty {
                    self.type_ref(ty);
                }
            }
            if d.is_function() && d.param.is_none() {
                self.type_ref(&d.result);
            }
        }
    }
}

/// The message for an `only` name the schema lacks, with the names that
/// differ from it only in case, if any.
fn unknown_name(schema: &Schema, name: &str) -> String {
    let lower = name.to_lowercase();
    let mut near: Vec<String> = schema
        .declarations
        .iter()
        .flat_map(|d| [d.name.clone(), d.result.to_string()])
        .filter(|n| n.to_lowercase() == lower)
        .collect();
    near.sort();
    near.dedup();
    if near.is_empty() {
        format!("`{name}` (in `only`) is no function, constructor or type of this schema")
    } else {
        format!(
            "`{name}` (in `only`) is no function, constructor or type of this schema; did you mean `{}`?",
            near.join("`, `")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    const SCHEMA: &str = "\
ok = Ok;
user id:int53 photo:profilePhoto = User;
profilePhoto id:int64 = ProfilePhoto;
updateNewMessage message:message = Update;
updateUser user:user = Update;
updateOption name:string = Update;
message id:int53 sender:MessageSender = Message;
messageSenderUser user_id:int53 = MessageSender;
messageSenderChat chat_id:int53 = MessageSender;
unused = Unused;
---functions---
getMe = User;
close = Ok;
";

    fn names(schema: &Schema, selection: &Selection) -> Vec<String> {
        selection
            .declarations
            .iter()
            .map(|&i| schema.declarations[i].name.clone())
            .collect()
    }

    #[test]
    fn a_function_brings_its_result_and_what_it_holds() {
        let schema = parse(SCHEMA).unwrap();
        let s = Selection::only(&schema, &["getMe".into()]).unwrap();
        assert_eq!(names(&schema, &s), ["user", "profilePhoto", "getMe"]);
        assert_eq!(s.whole_types, ["User".to_owned()].into());
        assert!(s.partial_types.is_empty());
    }

    #[test]
    fn a_constructor_brings_a_partial_type() {
        let schema = parse(SCHEMA).unwrap();
        let s = Selection::only(&schema, &["updateNewMessage".into()]).unwrap();
        assert_eq!(
            names(&schema, &s),
            [
                "updateNewMessage",
                "message",
                "messageSenderUser",
                "messageSenderChat"
            ]
        );
        assert_eq!(s.partial_types, ["Update".to_owned()].into());
        assert_eq!(
            s.whole_types,
            ["MessageSender".to_owned()].into(),
            "reached through a field: whole"
        );
        let whole =
            Selection::only(&schema, &["updateNewMessage".into(), "Update".into()]).unwrap();
        assert!(whole.partial_types.is_empty());
        assert_eq!(
            whole.declarations.len(),
            8,
            "updateUser brings user and profilePhoto"
        );
    }

    #[test]
    fn unknown_names_are_errors_with_a_suggestion() {
        let schema = parse(SCHEMA).unwrap();
        let errors = Selection::only(&schema, &["getme".into(), "nothing".into()]).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(
            errors[0].message.contains("did you mean `getMe`?"),
            "{}",
            errors[0].message
        );
        assert!(!errors[1].message.contains("did you mean"));
    }
}
