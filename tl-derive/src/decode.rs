//! `TlDecode`: a value from its bytes, checking the constructor id, the
//! nesting depth and unknown flag bits; runs of fixed-size fields are read
//! in one step, and runs of text fields validated in one (`runs`).
//!
//! Fields are read into bindings `__field{i}` (values), then the value is
//! built from them, so the same code serves a struct and an enum variant.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::Type;
use syn::spanned::Spanned;

use crate::ast::{Constructor, Enum, FieldKind, Struct, VariantKind};
use crate::flags;
use crate::names::{Context, binding, trait_call, with_fn};
use crate::propagate::{or_return, or_return_in};
use crate::runs::Runs;

/// The `TlDecode` impl of a struct: its id when boxed, then its fields,
/// one level deeper.
pub fn for_struct(data: &Struct) -> TokenStream {
    let container = &data.container;
    let krate = &container.krate;
    let impl_decode = container.header.impl_de_of(quote!(#krate::TlDecode<'de>));
    let constructor = &data.constructor;
    let cx = Context::of_struct(container);
    let decode = decode(&cx, constructor);
    let construct = construct(krate, constructor);
    let nests = !holds_nothing_nested(constructor);
    let leave = nests.then(|| quote!(#krate::__private::leave(__reader);));
    let start = or_return(
        krate,
        quote!(#krate::__private::enter_object::<Self>(__reader, __form, #nests)),
    );
    let fixed_len = crate::runs::fixed_len(constructor);
    decode_impl(
        impl_decode,
        krate,
        Fixed {
            small: fixed_len.is_some(),
            len: fixed_len.map(|len| (len, len + 4)),
        },
        quote!(__form),
        quote! {
                #start;
                #decode
                #leave
                ::core::result::Result::Ok(Self #construct)
        },
    )
}

/// The `TlDecode` impl of an enum: dispatch on the id, then the variant's
/// fields (or its struct's, bare); an id of no variant is an error naming
/// the type, its constructors and the offset.
pub fn for_enum(data: &Enum) -> TokenStream {
    let container = &data.container;
    let krate = &container.krate;
    let impl_decode = container.header.impl_de_of(quote!(#krate::TlDecode<'de>));
    let ty = &container.ty;
    let arms = data.variants.iter().enumerate().map(|(index, variant)| {
        let cx = Context::of_variant(container, index);
        let variant_ident = variant.ident;
        // Each id is a constant of the table, so the guards fold into
        // one switch on `__id`, as a match on constants would.
        let id = quote!(__id if __id == __TL_CONSTRUCTORS[#index].id);
        match &variant.kind {
            VariantKind::Own { constructor, .. } => {
                let decode = decode(&cx, constructor);
                let construct = construct(krate, constructor);
                let (enter, leave) = depth(krate, constructor);
                quote! {
                    #id => {
                        #enter
                        #decode
                        #leave
                        ::core::result::Result::Ok(Self::#variant_ident #construct)
                    }
                }
            }
            VariantKind::Newtype { ty: inner } => {
                let bare = quote!(#krate::schema::Form::BARE);
                let decode =
                    trait_call(krate, inner, "TlDecode", "decode", quote!(__reader, #bare));
                let value = or_return(krate, decode);
                quote!(#id => ::core::result::Result::Ok(Self::#variant_ident(#value)))
            }
        }
    });
    let undeclared = match &data.other {
        Some(other) => {
            let variant_ident = other.ident;
            let unknown = or_return(
                krate,
                quote_spanned! {other.ty.span()=>
                    #krate::__private::unknown_from_wire(__reader, __id, __start, #ty, &__TL_CONSTRUCTORS)
                },
            );
            quote!(::core::result::Result::Ok(Self::#variant_ident(#unknown)))
        }
        None => quote! {
            ::core::result::Result::Err(#krate::__private::unexpected_constructor(
                #ty,
                &__TL_CONSTRUCTORS,
                __id,
                __start,
            ))
        },
    };
    let read_id = or_return(krate, quote!(__reader.read_u32()));
    // An enum is boxed in either form: its id, then a variant's fields.
    let fixed_len = crate::runs::same_fixed_variant_len(data).map(|len| (len + 4, len + 4));
    let small =
        data.variants.len() <= SMALL_ENUM && crate::runs::shortest_fixed_variant(data).is_some();
    decode_impl(
        impl_decode,
        krate,
        Fixed {
            small,
            len: fixed_len,
        },
        quote!(_),
        quote! {
                let __start = __reader.position();
                let __id = #read_id;
                match __id {
                    #(#arms,)*
                    _ => #undeclared,
                }
        },
    )
}

/// The statements around a constructor's fields that count it against the
/// depth limit: `enter` and `leave`, or for a constructor no field of which
/// can hold an object (every field a TL primitive, a vector of them, or
/// borrowed text or bytes: read by name, as in `literal`), the same check
/// without the count, since nothing nests inside it.
fn depth(krate: &TokenStream, constructor: &Constructor) -> (TokenStream, TokenStream) {
    if holds_nothing_nested(constructor) {
        let check = or_return(krate, quote!(#krate::__private::check_depth(__reader)));
        (quote!(#check;), TokenStream::new())
    } else {
        let enter = or_return(krate, quote!(#krate::__private::enter(__reader)));
        (quote!(#enter;), quote!(#krate::__private::leave(__reader);))
    }
}

/// Whether no field of `constructor` can hold an object: every field a TL
/// primitive, a vector of them, or borrowed text or bytes, read by name.
fn holds_nothing_nested(constructor: &Constructor) -> bool {
    constructor.fields.iter().all(|field| match &field.kind {
        FieldKind::Flags | FieldKind::FlagTrue => true,
        FieldKind::Plain => holds_no_object(field.ty),
        FieldKind::FlagOption { inner } => holds_no_object(inner),
        FieldKind::With | FieldKind::Query => false,
    })
}

/// Whether a field of type `ty` is known by its name to hold no TL object.
fn holds_no_object(ty: &Type) -> bool {
    if crate::syntax::primitive_desc(ty).is_some() {
        return true;
    }
    match ty {
        Type::Reference(reference) if reference.mutability.is_none() => match &*reference.elem {
            Type::Slice(slice) => crate::syntax::is_path(&slice.elem, "u8"),
            elem => crate::syntax::is_path(elem, "str"),
        },
        _ => false,
    }
}

/// The most variants an enum of fixed-size constructors may have for its
/// decoder to be inlined everywhere: `Peer`'s three constructors of one
/// `long`, `SessionType`'s seventeen without fields.
const SMALL_ENUM: usize = 24;

/// What is known of a type's size when it is derived.
struct Fixed {
    /// Whether its decoder reads fixed-size fields only (and, for an enum,
    /// has few variants). Such a decoder is always inlined: a call would
    /// cost as much as its reads, and each element of a vector pays it.
    small: bool,
    /// The bytes every value takes, bare and boxed, where all take the same.
    len: Option<(usize, usize)>,
}

/// `#impl_decode { fn decode(__reader, #form) -> Result<Self, Error> { #body } }`,
/// and `decode_whole` for a type whose every value takes the same number
/// of bytes; `form` names the form parameter, `_` where the body ignores
/// it.
fn decode_impl(
    impl_decode: TokenStream,
    krate: &TokenStream,
    fixed: Fixed,
    form: TokenStream,
    body: TokenStream,
) -> TokenStream {
    let inline = if fixed.small {
        quote!(#[inline(always)])
    } else {
        quote!(#[inline])
    };
    let decode_whole = fixed.len.map(|(bare, boxed)| {
        quote! {
            #[inline]
            fn decode_whole(
                __reader: &mut #krate::wire::Reader<'de>,
                __form: #krate::schema::Form,
            ) -> ::core::result::Result<Self, #krate::Error> {
                #krate::__private::decode_fixed_whole(__reader, __form, #bare, #boxed)
            }
        }
    });
    quote! {
        #[automatically_derived]
        #impl_decode {
            #inline
            fn decode(
                __reader: &mut #krate::wire::Reader<'de>,
                #form: #krate::schema::Form,
            ) -> ::core::result::Result<Self, #krate::Error> {
                #body
            }

            #decode_whole
        }
    }
}

/// Statements reading the fields into bindings.
fn decode(cx: &Context, constructor: &Constructor) -> TokenStream {
    let krate = cx.krate;
    let fields = &constructor.fields;
    let mut out = TokenStream::new();
    let runs = Runs::of(constructor);
    for (index, field) in fields.iter().enumerate() {
        if runs.decodes(index) {
            out.extend(runs.decode_at(krate, constructor, index));
            continue;
        }
        let binding = binding(index);
        let form = cx.field_form(index, field);
        let name = &field.name;
        // The field the value fills gives the type to decode.
        let read = |ty: &Type| {
            let decode = crate::names::private_call(
                krate,
                ty,
                "decode_field",
                quote!(__reader, #form, #name),
            );
            or_return(krate, decode)
        };
        out.extend(match &field.kind {
            FieldKind::Flags => {
                let known = constructor.known_bits(index);
                let word = or_return(
                    krate,
                    quote!(#krate::__private::read_flags(__reader, #known, #name)),
                );
                quote!(let #binding: u32 = #word;)
            }
            FieldKind::Plain | FieldKind::Query => {
                let value = read(field.ty);
                quote!(let #binding = #value;)
            }
            FieldKind::With => {
                let decode = with_fn(field, "decode");
                let value = or_return_in(krate, quote!(#decode(__reader, #form)), name);
                quote!(let #binding = #value;)
            }
            FieldKind::FlagTrue => {
                let test = flags::bit_is_set(constructor, index);
                quote!(let #binding: bool = #test;)
            }
            FieldKind::FlagOption { inner } => {
                let test = flags::bit_is_set(constructor, index);
                // Not a helper returning `Result<Option<T>, _>`: that moves
                // each value once more, 3 % of a `messages.messages` decode.
                let value = read(inner);
                quote! {
                    let #binding = if #test {
                        ::core::option::Option::Some(#value)
                    } else {
                        ::core::option::Option::None
                    };
                }
            }
        });
    }
    out
}

/// `{ a: __field0, b: __field1 }`, building the value from the bindings;
/// a flags word's field is built from the word (`tl_core::Flags` keeps
/// nothing of it).
pub fn construct(krate: &TokenStream, constructor: &Constructor) -> TokenStream {
    let fields = constructor.fields.iter().enumerate().map(|(index, field)| {
        let ident = field.ident;
        let binding = binding(index);
        match field.kind {
            FieldKind::Flags => {
                let ty = field.ty;
                quote_spanned!(ty.span()=> #ident: <#ty as #krate::__private::FlagsWord>::from_word(#binding))
            }
            _ => quote!(#ident: #binding),
        }
    });
    quote!({ #(#fields),* })
}
