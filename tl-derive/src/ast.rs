//! Our model of the derive input, built from syn's tree.
//!
//! Shapes TL cannot express (tuple structs, unions, generics) are reported
//! here; everything that can be modelled is, so that [`crate::valid`] sees
//! the whole input and reports all remaining mistakes at once.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type};

use tl_schema::Dialect;

use crate::attr::{self, ContainerAttrs, FieldAttrs, IdAttr};
use crate::case::lower_camel;
use crate::errors::Errors;
use crate::generics::ImplHeader;
use crate::syntax::{is_path, names_type, option_inner};

/// A struct or enum deriving `TlObject`.
pub enum Input<'a> {
    Struct(Struct<'a>),
    Enum(Enum<'a>),
}

/// What both kinds of input share.
pub struct Container {
    pub attrs: ContainerAttrs,
    /// The TL type built (`ty`, default the Rust ident).
    pub ty: String,
    pub dialect: Dialect,
    /// The path of tl_core in generated code.
    pub krate: TokenStream,
    /// Impl headers with the type's lifetime parameters.
    pub header: ImplHeader,
}

pub struct Struct<'a> {
    pub container: Container,
    pub constructor: Constructor<'a>,
    /// `#[tl(function)]`: the struct is a TL function (a request).
    pub function: Option<Function>,
}

/// What a function returns.
pub enum Function {
    /// `returns = T`.
    Returns(Box<Type>),
    /// A generic function, `{X:Type} ... query:!X = X`: its one type
    /// parameter, the type of its query field, whose result it returns.
    Generic { param: Ident },
}

pub struct Enum<'a> {
    pub container: Container,
    /// The variants with constructors, in declaration order: variant `n`
    /// is row `n` of the generated constructor table.
    pub variants: Vec<Variant<'a>>,
    /// The catch-all variant, `#[tl(other)] Other(tl_core::Unknown)`.
    pub other: Option<Other<'a>>,
}

/// The catch-all variant of an enum: it takes every constructor the other
/// variants do not declare.
pub struct Other<'a> {
    pub ident: &'a Ident,
    /// The type of its one field, which must be `tl_core::Unknown`.
    pub ty: &'a Type,
}

/// A constructor with its own fields: a struct, or an enum variant with
/// named fields or none.
pub struct Constructor<'a> {
    /// The TL constructor name.
    pub name: String,
    pub name_span: Span,
    pub id: Option<IdAttr>,
    pub force: Option<Span>,
    pub fields: Vec<Field<'a>>,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub kind: VariantKind<'a>,
}

pub enum VariantKind<'a> {
    /// A unit variant or one with named fields: a constructor declared here.
    Own { constructor: Constructor<'a> },
    /// `Variant(Struct)`: the struct's constructor, boxed into this type.
    Newtype { ty: &'a Type },
}

pub struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    /// The TL field name (`rename`, else the ident without `r#`).
    pub name: String,
    pub kind: FieldKind<'a>,
}

pub enum FieldKind<'a> {
    /// `name:T`.
    Plain,
    /// `name:#`, a flags word.
    Flags,
    /// `name:flags.N?true`: a `bool` under a flag.
    FlagTrue,
    /// `name:flags.N?T`: an `Option<T>` under a flag.
    FlagOption { inner: &'a Type },
    /// `name:T` through the codec functions of the module in
    /// `attrs.with`, which also says what `T` is.
    With,
    /// `name:!X`: a generic function's query, of its type parameter `X`,
    /// written boxed.
    Query,
}

impl<'a> Input<'a> {
    pub fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        let attrs = attr::container(&input.attrs, errors);
        let param = type_parameter(input, &attrs, errors);
        let krate = match &attrs.crate_path {
            Some(path) => path.to_token_stream(),
            None => quote!(::tl_core),
        };
        let container = Container {
            // A function's `ty` is the text of what it returns; the
            // function's own type (in its description and errors) is its
            // name.
            ty: match (&attrs.ty, attrs.function) {
                (Some(ty), None) => ty.value(),
                _ => input.ident.to_string(),
            },
            dialect: attrs.dialect.unwrap_or(Dialect::Td),
            header: ImplHeader::new(&input.ident, &input.generics, "de", &krate),
            krate,
            attrs,
        };
        match &input.data {
            Data::Struct(data) => {
                let fields = match &data.fields {
                    Fields::Named(named) => fields(named.named.iter(), param, errors),
                    Fields::Unit => Vec::new(),
                    Fields::Unnamed(unnamed) => {
                        errors.at(
                            unnamed.span(),
                            "tuple structs are not supported: TL fields have names, so use \
                             named fields, e.g. `struct Error { code: i32, message: String }`",
                        );
                        return None;
                    }
                };
                let name = container
                    .attrs
                    .constructor
                    .name
                    .as_ref()
                    .map(LitStr::value)
                    .unwrap_or_else(|| lower_camel(&input.ident.to_string()));
                let name_span = container
                    .attrs
                    .constructor
                    .name
                    .as_ref()
                    .map_or(input.ident.span(), LitStr::span);
                let constructor = Constructor {
                    name,
                    name_span,
                    id: container.attrs.constructor.id.clone(),
                    force: container.attrs.constructor.force,
                    fields,
                };
                let function = match (&container.attrs.function, &container.attrs.returns) {
                    (Some(_), Some(returns)) => Some(Function::Returns(returns.clone())),
                    (Some(_), None) => param.map(|param| Function::Generic {
                        param: param.clone(),
                    }),
                    (None, _) => None,
                };
                Some(Input::Struct(Struct {
                    container,
                    constructor,
                    function,
                }))
            }
            Data::Enum(data) => {
                let mut other: Option<Other> = None;
                let mut variants = Vec::new();
                for variant in &data.variants {
                    let attrs = attr::variant(&variant.attrs, errors);
                    if let Some(span) = attrs.other {
                        if let Some(catch_all) = other_variant(variant, &attrs, span, errors) {
                            if other.is_some() {
                                errors.at(
                                    span,
                                    "a second `other` variant: one catch-all takes every \
                                     constructor the enum does not declare, so keep one",
                                );
                            } else {
                                other = Some(catch_all);
                            }
                        }
                        continue;
                    }
                    let attrs = attrs.constructor;
                    let own = |fields| {
                        let name = attrs.name.as_ref().map(LitStr::value).unwrap_or_else(|| {
                            lower_camel(&format!("{}{}", input.ident, variant.ident))
                        });
                        VariantKind::Own {
                            constructor: Constructor {
                                name,
                                name_span: attrs
                                    .name
                                    .as_ref()
                                    .map_or(variant.ident.span(), LitStr::span),
                                id: attrs.id.clone(),
                                force: attrs.force,
                                fields,
                            },
                        }
                    };
                    let kind = match &variant.fields {
                        Fields::Unit => own(Vec::new()),
                        Fields::Named(named) => own(fields(named.named.iter(), None, errors)),
                        Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
                            for (span, what, example) in [
                                (
                                    attrs.name.as_ref().map(LitStr::span),
                                    "name",
                                    "name = \"...\"",
                                ),
                                (attrs.id.as_ref().map(|id| id.span), "id", "id = 0x..."),
                                (attrs.force, "force", "id = 0x..., force"),
                            ] {
                                if let Some(span) = span {
                                    errors.at(
                                        span,
                                        format!(
                                            "`{what}` on a variant holding a struct: the \
                                             struct's own constructor is used, so put \
                                             #[tl({example})] on the struct"
                                        ),
                                    );
                                }
                            }
                            VariantKind::Newtype {
                                ty: &unnamed.unnamed[0].ty,
                            }
                        }
                        Fields::Unnamed(unnamed) => {
                            errors.at(
                                unnamed.span(),
                                "a variant may hold one derived struct, `Variant(Struct)`, \
                                 or named fields, `Variant { a: i32, b: String }`",
                            );
                            continue;
                        }
                    };
                    variants.push(Variant {
                        ident: &variant.ident,
                        kind,
                    });
                }
                if data.variants.is_empty() {
                    errors.at(
                        input.ident.span(),
                        "an enum without variants has no constructors; add one variant per \
                         TL constructor of the type",
                    );
                    return None;
                }
                Some(Input::Enum(Enum {
                    container,
                    variants,
                    other,
                }))
            }
            Data::Union(data) => {
                errors.at(
                    data.union_token.span(),
                    "unions are not supported: a TL type with several constructors is an \
                     enum, one with a single constructor is a struct",
                );
                None
            }
        }
    }
}

/// The catch-all variant `variant`, marked `other` at `span`: a one-field
/// tuple variant without constructor attributes.
fn other_variant<'a>(
    variant: &'a syn::Variant,
    attrs: &attr::VariantAttrs,
    span: Span,
    errors: &mut Errors,
) -> Option<Other<'a>> {
    let constructor = &attrs.constructor;
    for (at, what) in [
        (constructor.name.as_ref().map(LitStr::span), "name"),
        (constructor.id.as_ref().map(|id| id.span), "id"),
        (constructor.force, "force"),
    ] {
        if let Some(at) = at {
            errors.at(
                at,
                format!(
                    "`{what}` on the `other` variant: it takes every constructor the enum does \
                     not declare, each with its own {what}"
                ),
            );
        }
    }
    match &variant.fields {
        Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
            let ty = &unnamed.unnamed[0].ty;
            // Read by name, as the derive reads primitives: the type checker
            // holds a type of that name to be tl_core's.
            if !names_type(ty, "Unknown") {
                errors.spanned(
                    ty,
                    "the `other` variant holds a `tl_core::Unknown`, which keeps the \
                     constructor it reads (its name, id and body)",
                );
                return None;
            }
            Some(Other {
                ident: &variant.ident,
                ty,
            })
        }
        _ => {
            errors.at(
                span,
                format!(
                    "`other` goes on a variant holding one `tl_core::Unknown`, which keeps the \
                     constructor it reads: write `#[tl(other)] {}(tl_core::Unknown)`",
                    variant.ident
                ),
            );
            None
        }
    }
}

/// The type parameter of a generic function, after reporting every
/// parameter the input may not have: `'de`, const parameters, and type
/// parameters anywhere but one on a function without `returns`.
fn type_parameter<'a>(
    input: &'a DeriveInput,
    attrs: &ContainerAttrs,
    errors: &mut Errors,
) -> Option<&'a Ident> {
    let generic_function = matches!(input.data, Data::Struct(_))
        && attrs.function.is_some()
        && attrs.returns.is_none();
    let mut found = None;
    for param in &input.generics.params {
        match param {
            syn::GenericParam::Lifetime(param) if param.lifetime.ident == "de" => errors.spanned(
                param,
                "the lifetime `'de` is the one the derive decodes from: name this one \
                 differently, e.g. `'a`",
            ),
            syn::GenericParam::Lifetime(_) => {}
            syn::GenericParam::Type(param) if generic_function => {
                if found.is_some() {
                    errors.spanned(
                        param,
                        "a generic function has one type parameter, `{X:Type}`, the type of \
                         its query (`query: X`): remove this one",
                    );
                } else {
                    found = Some(&param.ident);
                }
            }
            syn::GenericParam::Type(param) if attrs.returns.is_some() => errors.spanned(
                param,
                "a type parameter makes a generic function (`{X:Type} ... query:!X = X`), \
                 which returns what its query returns: remove `returns`, or the parameter",
            ),
            syn::GenericParam::Type(param) => errors.spanned(
                param,
                "a TL constructor is one concrete type: type parameters are for generic \
                 functions only, #[tl(function)] with one parameter as one field's type \
                 (`struct InvokeWithLayer<X> { layer: i32, query: X }`); lifetimes, for \
                 borrowed fields, are fine",
            ),
            syn::GenericParam::Const(param) => errors.spanned(
                param,
                "#[derive(TlObject)] does not support const parameters: a TL constructor is \
                 one concrete type",
            ),
        }
    }
    found
}

/// The fields; a field whose type is `param`, a generic function's type
/// parameter, is its query.
fn fields<'a>(
    iter: impl Iterator<Item = &'a syn::Field>,
    param: Option<&Ident>,
    errors: &mut Errors,
) -> Vec<Field<'a>> {
    iter.filter_map(|field| {
        let ident = field.ident.as_ref()?;
        let attrs = attr::field(&field.attrs, errors);
        let name = attrs
            .rename
            .as_ref()
            .map(LitStr::value)
            .unwrap_or_else(|| unraw(ident));
        let kind = if attrs.flags.is_some() {
            FieldKind::Flags
        } else if attrs.flag.is_some() {
            if let Some(inner) = option_inner(&field.ty) {
                FieldKind::FlagOption { inner }
            } else if is_path(&field.ty, "bool") {
                FieldKind::FlagTrue
            } else {
                errors.at(
                    field.ty.span(),
                    "a field with `flag` must be `bool` (for `flags.N?true`) or `Option<T>` \
                     (for `flags.N?T`)",
                );
                FieldKind::Plain
            }
        } else if attrs.with.is_some() {
            FieldKind::With
        } else if param.is_some_and(|param| is_path(&field.ty, &param.to_string())) {
            FieldKind::Query
        } else {
            FieldKind::Plain
        };
        Some(Field {
            ident,
            ty: &field.ty,
            attrs,
            name,
            kind,
        })
    })
    .collect()
}

/// `r#type` -> `type`.
fn unraw(ident: &Ident) -> String {
    let text = ident.to_string();
    text.strip_prefix("r#").map(str::to_owned).unwrap_or(text)
}
