//! `#[tl(...)]` attributes on containers, variants and fields.
//!
//! Every attribute is read even after an error, and errors are collected in
//! `Errors`, so that one build reports all of a user's mistakes.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, LitInt, LitStr, Path, Token};
use tl_schema::Dialect;

use crate::errors::Errors;

/// `#[tl(id = 0x..)]`, possibly with `force`.
#[derive(Clone)]
pub struct IdAttr {
    pub value: u32,
    pub span: Span,
}

/// Attributes of a struct or enum.
#[derive(Default)]
pub struct ContainerAttrs {
    /// `name`, `id` and `force`: a struct's constructor (an error on an
    /// enum, whose variants are the constructors).
    pub constructor: ConstructorAttrs,
    pub ty: Option<LitStr>,
    pub dialect: Option<Dialect>,
    pub crate_path: Option<Path>,
    /// `function`: the struct is a TL function (a request).
    pub function: Option<Span>,
    /// `returns = T`: the function's result type.
    pub returns: Option<Box<syn::Type>>,
}

/// Attributes of a constructor: a struct's or an enum variant's.
#[derive(Default)]
pub struct ConstructorAttrs {
    pub name: Option<LitStr>,
    pub id: Option<IdAttr>,
    pub force: Option<Span>,
}

/// Attributes of an enum variant.
#[derive(Default)]
pub struct VariantAttrs {
    /// `name`, `id` and `force` of the variant's own constructor.
    pub constructor: ConstructorAttrs,
    /// `other`: the catch-all variant.
    pub other: Option<Span>,
}

/// `flag = "flags.3"`.
#[derive(Clone)]
pub struct FlagRef {
    pub word: String,
    pub bit: u8,
    pub span: Span,
}

/// Attributes of a field.
#[derive(Default)]
pub struct FieldAttrs {
    pub rename: Option<LitStr>,
    pub ty: Option<LitStr>,
    pub flags: Option<Span>,
    pub flag: Option<FlagRef>,
    pub bare: Option<Span>,
    pub boxed: Option<Span>,
    pub default: Option<Span>,
    /// A module of codec functions for the field (`#[tl(with = "unix_time")]`).
    pub with: Option<Path>,
}

const CONTAINER_KEYS: &str =
    "`name`, `id`, `force`, `ty`, `dialect`, `crate`, `function`, `returns`";
const VARIANT_KEYS: &str = "`name`, `id`, `force`, `other`";
const FIELD_KEYS: &str = "`rename`, `ty`, `flags`, `flag`, `bare`, `boxed`, `default`, `with`";

/// Runs `each` on every item of every `#[tl(...)]` attribute, recording
/// parse errors and going on with the next attribute.
fn for_each_item(
    attrs: &[Attribute],
    errors: &mut Errors,
    mut each: impl FnMut(&ParseNestedMeta, &mut Errors) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("tl")) {
        let result = attr.parse_nested_meta(|meta| each(&meta, errors));
        if let Err(error) = result {
            errors.push(error);
        }
    }
}

/// The attribute's name as written (`name`, `serde::rename`).
fn key(meta: &ParseNestedMeta) -> String {
    meta.path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

fn set_once<T>(slot: &mut Option<T>, value: T, meta: &ParseNestedMeta, errors: &mut Errors) {
    if slot.is_some() {
        errors.push(meta.error(format!("duplicate `{}` attribute: keep one", key(meta))));
    } else {
        *slot = Some(value);
    }
}

fn unknown(meta: &ParseNestedMeta, place: &str, keys: &str) -> syn::Error {
    meta.error(format!(
        "unknown attribute `{}` on {place}; expected one of {keys}",
        key(meta)
    ))
}

/// The `= value` of an attribute, or an error showing how to write it.
fn value<'a>(meta: &'a ParseNestedMeta, example: &str) -> syn::Result<syn::parse::ParseStream<'a>> {
    meta.value().map_err(|_| {
        syn::Error::new(
            meta.path.span(),
            format!(
                "`{}` needs a value: #[tl({} = {example})]",
                key(meta),
                key(meta)
            ),
        )
    })
}

/// A path written as a string (`crate = "my::tl"`), or `message` at the
/// string when it is not one.
fn path_value(meta: &ParseNestedMeta, message: &str) -> syn::Result<Path> {
    let lit = string(meta)?;
    lit.parse::<Path>()
        .map_err(|_| syn::Error::new(lit.span(), message))
}

fn string(meta: &ParseNestedMeta) -> syn::Result<LitStr> {
    let input = value(meta, "\"...\"")?;
    input.parse::<LitStr>().map_err(|error| {
        syn::Error::new(
            error.span(),
            format!("`{0}` takes a string: #[tl({0} = \"...\")]", key(meta)),
        )
    })
}

/// `id = 0x2ea2c0d4`, or a published signed id such as `id = -722616727`.
fn id(meta: &ParseNestedMeta) -> syn::Result<IdAttr> {
    let input = value(meta, "0x9bdd8f1a")?;
    let negative = input.parse::<Option<Token![-]>>()?.is_some();
    let lit: LitInt = input.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            "`id` takes an integer, unquoted: #[tl(id = 0x9bdd8f1a)] or #[tl(id = -1679978726)]",
        )
    })?;
    let span = lit.span();
    let value = if negative {
        lit.base10_parse::<i64>()
            .ok()
            .and_then(|v| i32::try_from(-v).ok())
            .map(|v| v as u32)
    } else {
        lit.base10_parse::<u32>().ok()
    };
    match value {
        Some(value) => Ok(IdAttr { value, span }),
        None => Err(syn::Error::new(
            span,
            "constructor id must fit in 32 bits: write it as 0x1234abcd or as a signed i32",
        )),
    }
}

fn dialect(meta: &ParseNestedMeta) -> syn::Result<Dialect> {
    let lit = string(meta)?;
    match lit.value().as_str() {
        "td" => Ok(Dialect::Td),
        "mtproto" => Ok(Dialect::Mtproto),
        "ton" => Ok(Dialect::Ton),
        other => Err(syn::Error::new(
            lit.span(),
            format!("unknown dialect `{other}`; expected \"td\", \"mtproto\" or \"ton\""),
        )),
    }
}

fn flag_ref(lit: &LitStr) -> syn::Result<FlagRef> {
    let text = lit.value();
    let parsed = text.rsplit_once('.').and_then(|(word, bit)| {
        let word_ok = !word.is_empty()
            && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !word.starts_with(|c: char| c.is_ascii_digit());
        let bit = bit.parse::<u32>().ok()?;
        word_ok.then(|| (word.to_owned(), bit))
    });
    match parsed {
        Some((_, bit)) if bit > 31 => Err(syn::Error::new(
            lit.span(),
            format!("flag bit {bit} is out of range: a flags word has bits 0 to 31"),
        )),
        Some((word, bit)) => Ok(FlagRef {
            word,
            bit: bit as u8,
            span: lit.span(),
        }),
        None => Err(syn::Error::new(
            lit.span(),
            format!(
                "expected `flag = \"flags.N\"` (a flags field and a bit number), found \"{text}\""
            ),
        )),
    }
}

/// Reads `name`, `id` or `force`, the keys of a constructor (a struct or
/// a variant); false for any other key.
fn constructor_key(
    meta: &ParseNestedMeta,
    out: &mut ConstructorAttrs,
    errors: &mut Errors,
) -> syn::Result<bool> {
    if meta.path.is_ident("name") {
        set_once(&mut out.name, string(meta)?, meta, errors);
    } else if meta.path.is_ident("id") {
        set_once(&mut out.id, id(meta)?, meta, errors);
    } else if meta.path.is_ident("force") {
        set_once(&mut out.force, meta.path.span(), meta, errors);
    } else {
        return Ok(false);
    }
    Ok(true)
}

pub fn container(attrs: &[Attribute], errors: &mut Errors) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for_each_item(attrs, errors, |meta, errors| {
        if constructor_key(meta, &mut out.constructor, errors)? {
            return Ok(());
        }
        if meta.path.is_ident("ty") {
            set_once(&mut out.ty, string(meta)?, meta, errors);
        } else if meta.path.is_ident("dialect") {
            set_once(&mut out.dialect, dialect(meta)?, meta, errors);
        } else if meta.path.is_ident("crate") {
            let path = path_value(
                meta,
                "`crate` takes a path to tl_core, e.g. #[tl(crate = \"my_runtime::tl\")]",
            )?;
            set_once(&mut out.crate_path, path, meta, errors);
        } else if meta.path.is_ident("function") {
            set_once(&mut out.function, meta.path.span(), meta, errors);
        } else if meta.path.is_ident("returns") {
            let ty = value(meta, "Sessions")?
                .parse::<syn::Type>()
                .map_err(|error| {
                    syn::Error::new(
                        error.span(),
                        "`returns` takes the Rust type of the function's result: \
                     #[tl(function, returns = Sessions)]",
                    )
                })?;
            set_once(&mut out.returns, Box::new(ty), meta, errors);
        } else {
            return Err(unknown(meta, "a struct or enum", CONTAINER_KEYS));
        }
        Ok(())
    });
    out
}

pub fn variant(attrs: &[Attribute], errors: &mut Errors) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    for_each_item(attrs, errors, |meta, errors| {
        if constructor_key(meta, &mut out.constructor, errors)? {
            return Ok(());
        }
        if meta.path.is_ident("other") {
            set_once(&mut out.other, meta.path.span(), meta, errors);
            Ok(())
        } else {
            Err(unknown(meta, "a variant", VARIANT_KEYS))
        }
    });
    out
}

pub fn field(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for_each_item(attrs, errors, |meta, errors| {
        if meta.path.is_ident("rename") {
            set_once(&mut out.rename, string(meta)?, meta, errors);
        } else if meta.path.is_ident("ty") {
            set_once(&mut out.ty, string(meta)?, meta, errors);
        } else if meta.path.is_ident("flags") {
            set_once(&mut out.flags, meta.path.span(), meta, errors);
        } else if meta.path.is_ident("flag") {
            let flag = flag_ref(&string(meta)?)?;
            set_once(&mut out.flag, flag, meta, errors);
        } else if meta.path.is_ident("bare") {
            set_once(&mut out.bare, meta.path.span(), meta, errors);
        } else if meta.path.is_ident("boxed") {
            set_once(&mut out.boxed, meta.path.span(), meta, errors);
        } else if meta.path.is_ident("default") {
            set_once(&mut out.default, meta.path.span(), meta, errors);
        } else if meta.path.is_ident("with") {
            let path = path_value(
                meta,
                "`with` takes the path of a codec module, e.g. #[tl(with = \"unix_time\")]",
            )?;
            set_once(&mut out.with, path, meta, errors);
        } else {
            return Err(unknown(meta, "a field", FIELD_KEYS));
        }
        Ok(())
    });
    out
}
