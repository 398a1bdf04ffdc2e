//! td's nullable fields: which fields TDLib may leave null, read from
//! td_api.tl's doc comments. The rule lives here and nowhere else.

use crate::schema::{Field, FieldType, TypeRef};

/// Whether, and how, a field may be null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nullable {
    /// Never null.
    No,
    /// The object itself may be null: `Option<T>`.
    Object,
    /// A vector's elements may be null: `Vec<Option<T>>`.
    Elements,
}

/// Whether a field's description says TDLib may leave it null: "may be
/// null" (also "may be null if unknown"...) or, for what the application
/// sends, "pass null" ("pass null to use default settings").
pub fn says_null(description: &str) -> bool {
    let text = description.to_lowercase();
    text.contains("may be null") || text.contains("pass null")
}

/// How a td field may be null, by its doc comment:
///
/// - an object (`country:countryInfo`, `type:AuthenticationCodeType`) is
///   `Option<T>`;
/// - a vector of objects (`messages:vector<message>`, "messages may be
///   null") has nullable elements, `Vec<Option<T>>`: TDLib never leaves a
///   vector itself null, but `getMessages` returns null in the place of a
///   message it did not find;
/// - anything else stays as it is: only objects may be null, and a
///   conditional field is already optional. [`kept_non_null`] says why.
pub fn nullable(field: &Field) -> Nullable {
    if !says_null(&field.description) || field.condition.is_some() {
        return Nullable::No;
    }
    match &field.ty {
        FieldType::Type(ty) if ty.is_object() => Nullable::Object,
        FieldType::Type(TypeRef::Vector { element, .. }) if element.is_object() => {
            Nullable::Elements
        }
        _ => Nullable::No,
    }
}

/// Why a field whose doc says it may be null stays non-null, or `None`
/// when the doc does not say so or the field is nullable.
pub fn kept_non_null(field: &Field) -> Option<&'static str> {
    if !says_null(&field.description) || nullable(field) != Nullable::No {
        return None;
    }
    Some(match &field.ty {
        _ if field.condition.is_some() => "a conditional field, already an `Option`",
        FieldType::Type(TypeRef::Vector { .. }) => {
            "a vector of non-objects; only objects may be null"
        }
        _ => "not an object; only objects may be null",
    })
}
