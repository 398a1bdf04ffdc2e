//! Reading Rust types by their syntax: `Option<T>`, `Vec<T>`, single names,
//! and the TL primitives the macro can name without `const` evaluation. A
//! leaf module: the model, the checks and the generators all ask it.

use syn::{Expr, GenericArgument, Lit, PathArguments, Type};
use tl_schema::TypeDesc;

/// `T` of `Option<T>` (also `std::option::Option<T>`).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    single_type_argument(&last.arguments)
}

/// `T` of `Vec<T>` (or `std::vec::Vec<T>`, `alloc::vec::Vec<T>`).
pub fn vec_element(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() || !is_std_path(&path.path) {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Vec" {
        return None;
    }
    single_type_argument(&last.arguments)
}

/// The type of `<T>`: exactly one argument, a type.
fn single_type_argument(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    match args.args.first() {
        Some(GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// The first type argument of a path's last segment (`HashMap<K, V>` -> `K`).
pub fn first_type_argument(arguments: &PathArguments) -> Option<&Type> {
    let PathArguments::AngleBracketed(args) = arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

/// Whether `ty` is the single identifier `name`, seen through the invisible
/// groups of `macro_rules!` expansions.
pub fn is_path(ty: &Type, name: &str) -> bool {
    match ty {
        Type::Path(path) => path.qself.is_none() && path.path.is_ident(name),
        Type::Group(group) => is_path(&group.elem, name),
        _ => false,
    }
}

/// Whether `ty` is a path whose last segment is `name`, without arguments
/// (`Flags`, `tl_core::Flags`), seen through `macro_rules!` groups.
pub fn names_type(ty: &Type, name: &str) -> bool {
    match ty {
        Type::Path(path) => {
            path.qself.is_none()
                && path
                    .path
                    .segments
                    .last()
                    .is_some_and(|last| last.ident == name && last.arguments.is_empty())
        }
        Type::Group(group) => names_type(&group.elem, name),
        _ => false,
    }
}

/// A path the macro may read by its last name: a bare name (`String`), or
/// the standard library's (`std::string::String`, `core::primitive::i64`).
/// Any other path (`crate::String`) names the user's own type.
fn is_std_path(path: &syn::Path) -> bool {
    let mut segments = path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string());
    match path.segments.len() {
        1 => path.leading_colon.is_none(),
        2 | 3 => matches!(segments.next().as_deref(), Some("std" | "alloc" | "core")),
        _ => false,
    }
}

fn array_len(expr: &Expr) -> Option<usize> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(int) => int.base10_parse().ok(),
            _ => None,
        },
        _ => None,
    }
}

/// The scalars, in the order of the vector tables below.
static SCALARS: [TypeDesc; 8] = [
    TypeDesc::Int32,
    TypeDesc::Int64,
    TypeDesc::Double,
    TypeDesc::Bool,
    TypeDesc::String,
    TypeDesc::Bytes,
    TypeDesc::Int128,
    TypeDesc::Int256,
];

/// `Vec<S>` of each scalar.
static VECTORS: [TypeDesc; 8] = vectors_of(&SCALARS);

/// `Vec<Vec<S>>` of each scalar.
static NESTED_VECTORS: [TypeDesc; 8] = vectors_of(&VECTORS);

/// `Vec<E>` of each of `elements`.
const fn vectors_of(elements: &'static [TypeDesc; 8]) -> [TypeDesc; 8] {
    let mut out = [TypeDesc::Int32; 8];
    let mut i = 0;
    while i < out.len() {
        out[i] = TypeDesc::Vector(&elements[i]);
        i += 1;
    }
    out
}

/// The `TypeDesc` a Rust type has in tl-core, if the macro can tell from its
/// name: `i32`, `i64`, `f64`, `bool`, `String`, `Vec<u8>`, `[u8; 16]`,
/// `[u8; 32]`, and vectors of those two deep. Deeper vectors are left to
/// `const` evaluation, like derived types: the descriptions are `'static`
/// tables, so the macro allocates none.
pub fn primitive_desc(ty: &Type) -> Option<&'static TypeDesc> {
    let mut depth = 0;
    let mut ty = ty;
    while let Some(element) = vec_element(ty) {
        if is_path(element, "u8") {
            break;
        }
        ty = element;
        depth += 1;
    }
    let index = scalar_index(ty)?;
    match depth {
        0 => Some(&SCALARS[index]),
        1 => Some(&VECTORS[index]),
        2 => Some(&NESTED_VECTORS[index]),
        _ => None,
    }
}

/// [`primitive_desc`] of a type that is not a vector of scalars.
pub fn scalar_desc(ty: &Type) -> Option<&'static TypeDesc> {
    scalar_index(ty).map(|index| &SCALARS[index])
}

/// The index in [`SCALARS`] of a scalar type (`Vec<u8>` is `bytes`).
fn scalar_index(ty: &Type) -> Option<usize> {
    if vec_element(ty).is_some_and(|element| is_path(element, "u8")) {
        return Some(5);
    }
    match ty {
        Type::Array(array) if is_path(&array.elem, "u8") => match array_len(&array.len)? {
            16 => Some(6),
            32 => Some(7),
            _ => None,
        },
        Type::Path(path) if path.qself.is_none() && is_std_path(&path.path) => {
            let last = path.path.segments.last()?;
            if !last.arguments.is_empty() {
                return None;
            }
            match last.ident.to_string().as_str() {
                "i32" => Some(0),
                "i64" => Some(1),
                "f64" => Some(2),
                "bool" => Some(3),
                "String" => Some(4),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(text: &str) -> Option<&'static TypeDesc> {
        primitive_desc(&syn::parse_str(text).unwrap())
    }

    #[test]
    fn primitives_are_recognized_by_name() {
        assert_eq!(desc("i32"), Some(&TypeDesc::Int32));
        assert_eq!(desc("i64"), Some(&TypeDesc::Int64));
        assert_eq!(desc("f64"), Some(&TypeDesc::Double));
        assert_eq!(desc("bool"), Some(&TypeDesc::Bool));
        assert_eq!(desc("String"), Some(&TypeDesc::String));
        assert_eq!(desc("std::string::String"), Some(&TypeDesc::String));
        assert_eq!(desc("Vec<u8>"), Some(&TypeDesc::Bytes));
        assert_eq!(desc("[u8; 16]"), Some(&TypeDesc::Int128));
        assert_eq!(desc("[u8; 32]"), Some(&TypeDesc::Int256));
        assert_eq!(
            desc("Vec<Vec<i64>>"),
            Some(&TypeDesc::Vector(&TypeDesc::Vector(&TypeDesc::Int64)))
        );
        assert_eq!(desc("Vec<i64>"), Some(&TypeDesc::Vector(&TypeDesc::Int64)));
        assert_eq!(
            desc("Vec<Vec<u8>>"),
            Some(&TypeDesc::Vector(&TypeDesc::Bytes))
        );
        // Deeper vectors are left to `const`: the tables stop at two.
        assert_eq!(desc("Vec<Vec<Vec<i32>>>"), None);
    }

    #[test]
    fn other_types_are_left_to_const() {
        for text in [
            "SessionType",
            "Vec<User>",
            "u64",
            "[u8; 8]",
            "Option<i32>",
            "Box<i32>",
            "&str",
            "crate::String",
            "my::i64",
            "Vec<crate::String>",
        ] {
            assert_eq!(desc(text), None, "{text}");
        }
    }

    #[test]
    fn option_and_vec_by_syntax() {
        let ty: Type = syn::parse_str("Option<Vec<i32>>").unwrap();
        let inner = option_inner(&ty).unwrap();
        assert!(vec_element(inner).is_some_and(|element| is_path(element, "i32")));
        assert!(option_inner(&syn::parse_str("Option<i32, i64>").unwrap()).is_none());
    }
}
