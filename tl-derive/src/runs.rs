//! Runs of fixed-size fields: consecutive `int`, `long`, `double`, `Bool`,
//! `int128`, `int256` fields and flags words are written as one array and
//! read from one borrowed chunk, so a run costs one capacity or bounds
//! check rather than one per field. `flags.N?true` fields take no bytes and do not break
//! a run.
//!
//! Consecutive text fields (`String`, `&str`) are read as a run too: one
//! UTF-8 validation for the run rather than one per string
//! (`tl_core::__private::text`).
//!
//! The sizes come from the field types' names (as in `literal`); the typed
//! helpers in `tl_core::__private::{fixed, text}` reject any other type of
//! that name at compile time.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::{Ident, Type};
use tl_schema::TypeDesc;

use crate::ast::{Constructor, Enum, Field, FieldKind, VariantKind};
use crate::names::binding;

/// How a fixed-size field is written and read.
#[derive(Clone, Copy)]
enum Fixed {
    Int32,
    Int64,
    Double,
    Bool,
    Int128,
    Int256,
    Flags,
}

impl Fixed {
    fn of(field: &Field) -> Option<Fixed> {
        match field.kind {
            FieldKind::Flags => Some(Fixed::Flags),
            FieldKind::Plain => match crate::syntax::scalar_desc(field.ty)? {
                TypeDesc::Int32 => Some(Fixed::Int32),
                TypeDesc::Int64 => Some(Fixed::Int64),
                TypeDesc::Double => Some(Fixed::Double),
                TypeDesc::Bool => Some(Fixed::Bool),
                TypeDesc::Int128 => Some(Fixed::Int128),
                TypeDesc::Int256 => Some(Fixed::Int256),
                _ => None,
            },
            _ => None,
        }
    }

    fn len(self) -> usize {
        match self {
            Fixed::Int32 | Fixed::Bool | Fixed::Flags => 4,
            Fixed::Int64 | Fixed::Double => 8,
            Fixed::Int128 => 16,
            Fixed::Int256 => 32,
        }
    }

    /// The `__private::fixed` helper pair: bytes of a value, value at an
    /// offset.
    fn helpers(self) -> (&'static str, &'static str) {
        match self {
            Fixed::Int32 => ("i32_bytes", "i32_at"),
            Fixed::Int64 => ("i64_bytes", "i64_at"),
            Fixed::Double => ("f64_bytes", "f64_at"),
            Fixed::Bool => ("bool_bytes", "bool_at"),
            Fixed::Int128 => ("int128_bytes", "int128_at"),
            Fixed::Int256 => ("int256_bytes", "int256_at"),
            Fixed::Flags => ("u32_bytes", "u32_at"),
        }
    }
}

/// How a text field's value is made from the text read.
#[derive(Clone, Copy)]
enum Text {
    /// `String`.
    Owned,
    /// `&str`.
    Borrowed,
}

impl Text {
    fn of(field: &Field) -> Option<Text> {
        if !matches!(field.kind, FieldKind::Plain) {
            return None;
        }
        if matches!(crate::syntax::scalar_desc(field.ty), Some(TypeDesc::String)) {
            return Some(Text::Owned);
        }
        match field.ty {
            Type::Reference(reference)
                if reference.mutability.is_none()
                    && crate::syntax::is_path(&reference.elem, "str") =>
            {
                Some(Text::Borrowed)
            }
            _ => None,
        }
    }

    fn helper(self) -> &'static str {
        match self {
            Text::Owned => "owned",
            Text::Borrowed => "borrowed",
        }
    }
}

/// A run of text fields: its first field and its members in order.
struct TextRun {
    first: usize,
    members: Vec<(usize, Text)>,
}

/// The groups of consecutive fields that `kind_of` gives a kind, each
/// field with its kind, in order, the first group being the fields before
/// any other (possibly none); a `flags.N?true` field, which takes no bytes,
/// does not break a group. A run needs two members: a single field gains
/// nothing from one, unless a constructor id is written before it.
fn consecutive<K: Copy>(
    fields: &[Field],
    kind_of: impl Fn(&Field) -> Option<K>,
) -> Vec<Vec<(usize, K)>> {
    let mut groups = Vec::new();
    let mut current = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        if let Some(kind) = kind_of(field) {
            current.push((index, kind));
        } else if !matches!(field.kind, FieldKind::FlagTrue) {
            groups.push(std::mem::take(&mut current));
        }
    }
    groups.push(current);
    groups
}

/// The bare length of `constructor` when every field is of a fixed size
/// (or takes no bytes): its decoder is then a few reads, worth inlining
/// wherever it is called, into a vector's loop above all.
pub fn fixed_len(constructor: &Constructor) -> Option<usize> {
    constructor
        .fields
        .iter()
        .try_fold(0, |len, field| match field.kind {
            FieldKind::FlagTrue => Some(len),
            _ => Fixed::of(field).map(|fixed| len + fixed.len()),
        })
}

/// For an enum whose every variant is a constructor of fixed-size fields
/// (no catch-all, no variant wrapping a struct), the shortest variant's
/// bare length: with its id, the fewest bytes a value takes.
pub fn shortest_fixed_variant(data: &Enum) -> Option<usize> {
    fixed_variant_lens(data)?.try_fold(usize::MAX, |shortest, len| Some(shortest.min(len?)))
}

/// For such an enum whose variants' fields all take the same number of
/// bytes (`Peer`: one `long` each), that number.
pub fn same_fixed_variant_len(data: &Enum) -> Option<usize> {
    let mut lens = fixed_variant_lens(data)?;
    let first = lens.next()??;
    lens.try_fold(first, |first, len| (len? == first).then_some(first))
}

/// The bare length of each variant, `None` for one not of fixed-size
/// fields; nothing for an enum with a catch-all.
fn fixed_variant_lens<'a>(data: &'a Enum<'a>) -> Option<impl Iterator<Item = Option<usize>> + 'a> {
    if data.other.is_some() {
        return None;
    }
    Some(data.variants.iter().map(|variant| match &variant.kind {
        VariantKind::Own { constructor, .. } => fixed_len(constructor),
        VariantKind::Newtype { .. } => None,
    }))
}

/// A run of fixed-size fields: its first field, its length in bytes and
/// its members with their offsets; `id` when the constructor id is written
/// in the run, at offset 0, before the fields.
struct Run {
    first: usize,
    len: usize,
    members: Vec<(usize, Fixed, usize)>,
    id: bool,
}

/// The runs of a constructor, and each field's place in them.
pub struct Runs {
    runs: Vec<Run>,
    /// By field index: the run and offset of a fixed field in a run.
    place: Vec<Option<(usize, Fixed, usize)>>,
    texts: Vec<TextRun>,
    /// By field index: the text run and place in it of a text field in one.
    text_place: Vec<Option<(usize, usize, Text)>>,
}

impl Runs {
    /// The runs of a constructor's fields.
    pub fn of(constructor: &Constructor) -> Runs {
        Runs::new(constructor, false)
    }

    /// The runs of a constructor whose id is always written before its
    /// fields (an enum variant's): the id joins the leading fixed-size
    /// fields, so that `peerUser user_id:long` is one 12-byte write.
    pub fn with_leading_id(constructor: &Constructor) -> Runs {
        Runs::new(constructor, true)
    }

    /// Whether the constructor id is written in the first run, so that the
    /// caller must not write it.
    pub fn writes_id(&self) -> bool {
        self.runs.first().is_some_and(|run| run.id)
    }

    fn new(constructor: &Constructor, leading_id: bool) -> Runs {
        let fields = &constructor.fields;
        let runs: Vec<Run> = consecutive(fields, Fixed::of)
            .into_iter()
            .enumerate()
            // A run's `Bool` fields are marked in a `u64` for `read_run`:
            // a longer group is cut into runs of at most 64 fields, the id
            // joining the first of the leading group's.
            .flat_map(|(number, group)| {
                let leading = leading_id && number == 0;
                group
                    .chunks(MAX_RUN_FIELDS)
                    .enumerate()
                    .map(|(chunk, members)| (leading && chunk == 0, members.to_vec()))
                    .collect::<Vec<_>>()
            })
            .filter_map(|(id, members)| {
                let first = members.first()?.0;
                if members.len() + usize::from(id) < 2 {
                    return None;
                }
                let mut len = if id { 4 } else { 0 };
                let members = members
                    .into_iter()
                    .map(|(index, fixed)| {
                        let offset = len;
                        len += fixed.len();
                        (index, fixed, offset)
                    })
                    .collect::<Vec<_>>();
                Some(Run {
                    first,
                    len,
                    members,
                    id,
                })
            })
            .collect();
        let mut place = vec![None; fields.len()];
        for (number, run) in runs.iter().enumerate() {
            for &(index, fixed, offset) in &run.members {
                place[index] = Some((number, fixed, offset));
            }
        }

        let texts: Vec<TextRun> = consecutive(fields, Text::of)
            .into_iter()
            .filter(|members| members.len() >= 2)
            .map(|members| TextRun {
                first: members[0].0,
                members,
            })
            .collect();
        let mut text_place = vec![None; fields.len()];
        for (number, run) in texts.iter().enumerate() {
            for (at, &(index, text)) in run.members.iter().enumerate() {
                text_place[index] = Some((number, at, text));
            }
        }
        Runs {
            runs,
            place,
            texts,
            text_place,
        }
    }

    /// Whether the field is written and read as part of a run of
    /// fixed-size fields.
    pub fn contains(&self, index: usize) -> bool {
        self.place.get(index).is_some_and(Option::is_some)
    }

    /// Whether the field is read as part of a run (of fixed-size fields,
    /// or of text fields).
    pub fn decodes(&self, index: usize) -> bool {
        self.contains(index) || self.text_place.get(index).is_some_and(Option::is_some)
    }

    /// At a field of a text run, the statements binding it: at the run's
    /// first field, the run is read first.
    fn decode_text_at(
        &self,
        krate: &TokenStream,
        constructor: &Constructor,
        index: usize,
    ) -> TokenStream {
        let Some(Some((number, at, text))) = self.text_place.get(index).copied() else {
            return TokenStream::new();
        };
        let run = &self.texts[number];
        let texts = format_ident!("__text{}", number);
        let mut out = TokenStream::new();
        if run.first == index {
            let len = run.members.len();
            let names = run
                .members
                .iter()
                .map(|(index, _)| &constructor.fields[*index].name);
            let read = crate::propagate::or_return(
                krate,
                quote! {
                    #krate::__private::text::read_run::<#len>(__reader, &[#(#names),*])
                },
            );
            out.extend(quote!(let #texts = #read;));
        }
        let field = &constructor.fields[index];
        let binding = binding(index);
        let helper = Ident::new(text.helper(), field.ty.span());
        out.extend(quote!(let #binding = #krate::__private::text::#helper(#texts[#at]);));
        out
    }

    fn run_ident(number: usize) -> Ident {
        format_ident!("__run{}", number)
    }

    /// At the first field of a run, the statement writing the whole run.
    pub fn encode_at(
        &self,
        krate: &TokenStream,
        constructor: &Constructor,
        index: usize,
        id: &TokenStream,
    ) -> TokenStream {
        let Some(run) = self.runs.iter().find(|run| run.first == index) else {
            return TokenStream::new();
        };
        let len = run.len;
        let put_id = run.id.then(|| {
            quote!(#krate::__private::fixed::put(__run, 0usize, #krate::__private::fixed::u32_bytes(&#id));)
        });
        let puts = run.members.iter().map(|&(index, fixed, offset)| {
            let value = binding(index);
            let (bytes, _) = fixed.helpers();
            let bytes = Ident::new(bytes, span_of(&constructor.fields[index]));
            // Flags words are computed values; other fields are references.
            let value = match fixed {
                Fixed::Flags => quote!(&#value),
                _ => quote!(#value),
            };
            quote!(#krate::__private::fixed::put(__run, #offset, #krate::__private::fixed::#bytes(#value));)
        });
        quote! {
            #krate::__private::fixed::write::<#len>(__writer, |__run| { #put_id #(#puts)* });
        }
    }

    /// At a field of a run, the statements binding it: at the run's first
    /// field, the run is read first.
    pub fn decode_at(
        &self,
        krate: &TokenStream,
        constructor: &Constructor,
        index: usize,
    ) -> TokenStream {
        let Some(Some((number, fixed, offset))) = self.place.get(index).copied() else {
            return self.decode_text_at(krate, constructor, index);
        };
        let run = &self.runs[number];
        let run_ident = Self::run_ident(number);
        let start = format_ident!("__run{}_start", number);
        let mut out = TokenStream::new();
        if run.first == index {
            let len = run.len;
            let sizes = run.members.iter().map(|(_, fixed, _)| fixed.len());
            let names = run
                .members
                .iter()
                .map(|(index, _, _)| &constructor.fields[*index].name);
            let bools = run
                .members
                .iter()
                .enumerate()
                .filter(|(_, (_, fixed, _))| matches!(fixed, Fixed::Bool))
                .fold(0u64, |bools, (at, _)| bools | 1 << at);
            let read = crate::propagate::or_return(
                krate,
                quote! {
                    #krate::__private::fixed::read_run::<#len>(__reader, &[#(#sizes),*], &[#(#names),*], #bools)
                },
            );
            // Only a flags word's check needs the run's input offset.
            if run
                .members
                .iter()
                .any(|(_, fixed, _)| matches!(fixed, Fixed::Flags))
            {
                out.extend(quote!(let #start = __reader.position();));
            }
            out.extend(quote!(let #run_ident = #read;));
        }
        let field = &constructor.fields[index];
        let binding = binding(index);
        let (_, at) = fixed.helpers();
        let at = Ident::new(at, span_of(field));
        out.extend(match fixed {
            Fixed::Flags => {
                let reject = crate::flags::reject_unknown(
                    krate,
                    constructor,
                    index,
                    quote!(#start + #offset),
                );
                quote! {
                    let #binding: u32 = #krate::__private::fixed::#at(#run_ident, #offset);
                    #reject
                }
            }
            _ => quote!(let #binding = #krate::__private::fixed::#at(#run_ident, #offset);),
        });
        out
    }
}

/// The most fields in one run: `read_run` marks its `Bool`s in a `u64`.
const MAX_RUN_FIELDS: usize = 64;

/// Helper calls are spanned at the field type, so a type that only has a
/// primitive's name is reported there.
fn span_of(field: &Field) -> Span {
    match field.kind {
        FieldKind::Flags => Span::call_site(),
        _ => field.ty.span(),
    }
}
