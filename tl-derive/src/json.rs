//! serde impls: the `"_"`-tagged JSON of each constructor. The heavy lifting
//! (key matching, tag checks, buffering) is generic code in
//! `tl_core::json`; here we only list fields.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::Type;
use syn::spanned::Spanned;

use crate::ast::{Constructor, Enum, FieldKind, Struct, VariantKind};
use crate::names::{Context, binding};
use crate::propagate::or_return;
use crate::type_text;

/// Whether the field's JSON is an `int53` number (from `ty`).
fn int53(field: &crate::ast::Field) -> bool {
    field
        .attrs
        .ty
        .as_ref()
        .and_then(|text| type_text::parse(&text.value()).ok())
        .is_some_and(|parsed| parsed.int53)
}

/// The adapter types through which a `with` field's JSON goes: a
/// serializing wrapper of a reference and a deserializing newtype, whose
/// impls call the module's `serialize_json` / `deserialize_json`. They are
/// items of the function body that uses them.
fn with_adapter_names(index: usize) -> (syn::Ident, syn::Ident) {
    (
        quote::format_ident!("__TlWithSer{}", index),
        quote::format_ident!("__TlWithDe{}", index),
    )
}

fn with_serializer(krate: &TokenStream, index: usize, field: &crate::ast::Field) -> TokenStream {
    let serde = quote!(#krate::__private::serde);
    let (ser, _) = with_adapter_names(index);
    let ty = field.ty;
    let Some(path) = field.attrs.with.as_ref() else {
        return TokenStream::new();
    };
    let function = syn::Ident::new("serialize_json", path.span());
    quote! {
        struct #ser<'__a>(&'__a #ty);
        impl #krate::json::JsonEncode for #ser<'_> {
            #[inline]
            fn serialize_json<__S: #serde::Serializer>(
                &self,
                __serializer: __S,
                __style: #krate::json::JsonStyle,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                #path::#function(self.0, __serializer, __style)
            }
        }
    }
}

fn with_deserializer(krate: &TokenStream, index: usize, field: &crate::ast::Field) -> TokenStream {
    let serde = quote!(#krate::__private::serde);
    let (_, de) = with_adapter_names(index);
    let ty = field.ty;
    let Some(path) = field.attrs.with.as_ref() else {
        return TokenStream::new();
    };
    let function = syn::Ident::new("deserialize_json", path.span());
    quote! {
        struct #de(#ty);
        impl<'__de> #krate::json::JsonDecode<'__de> for #de {
            #[inline]
            fn deserialize_json<__D: #serde::Deserializer<'__de>>(
                __deserializer: __D,
                __style: #krate::json::JsonStyle,
            ) -> ::core::result::Result<Self, __D::Error> {
                #path::#function(__deserializer, __style).map(#de)
            }
        }
    }
}

/// The JSON impls of a struct: `"_"` and its fields out; in, the tag
/// checked against its one constructor wherever it stands.
pub fn for_struct(data: &Struct) -> TokenStream {
    let container = &data.container;
    let header = &container.header;
    let constructor = &data.constructor;
    let cx = &Context::of_struct(container);
    let krate = cx.krate;
    let serde = quote!(#krate::__private::serde);
    let support = quote!(#krate::__private::json);
    let impl_fields = header.impl_de_bounded(
        quote!(#support::JsonFields<'de>),
        quote!(#krate::json::JsonDecode<'de>),
    );
    let name = &constructor.name;
    let pattern = crate::encode::pattern(constructor, crate::encode::encode_uses);
    let serialize = serialize_body(cx, constructor);
    let fields_body = fields_body(
        cx,
        constructor,
        quote!(Self),
        quote!(<Self as #krate::TlType>::CONSTRUCTORS),
        0,
    );
    let visitor = quote!(#support::ObjectVisitor::<Self>::new(__style, #name));
    let fields_impl = quote! {
        #[automatically_derived]
        #impl_fields {
            fn json_fields<__A: #serde::de::MapAccess<'de>>(
                mut __map: __A,
                __style: #krate::json::JsonStyle,
            ) -> ::core::result::Result<Self, __A::Error> {
                #fields_body
            }
        }
    };
    object_impls(
        krate,
        header,
        quote! {
            let Self #pattern = self;
            #serialize
        },
        visitor,
        fields_impl,
    )
}

/// The JSON impls of an enum: each variant writes its own tag and fields;
/// reading finds the tag (buffering entries before it), then the fields
/// of that variant.
pub fn for_enum(data: &Enum) -> TokenStream {
    let container = &data.container;
    let krate = &container.krate;
    let ty = &container.ty;
    let mut json_encode_arms = Vec::new();
    let mut json_variant_arms = Vec::new();
    for (index, variant) in data.variants.iter().enumerate() {
        let cx = Context::of_variant(container, index);
        let variant_ident = variant.ident;
        match &variant.kind {
            VariantKind::Own { constructor, .. } => {
                let encode_pattern =
                    crate::encode::pattern(constructor, crate::encode::encode_uses);
                let serialize = serialize_body(&cx, constructor);
                json_encode_arms.push(quote! {
                    Self::#variant_ident #encode_pattern => { #serialize }
                });
                let fields_body = fields_body(
                    &cx,
                    constructor,
                    quote!(Self::#variant_ident),
                    quote!(&__TL_CONSTRUCTORS),
                    index,
                );
                json_variant_arms.push(quote!(#index => { #fields_body }));
            }
            VariantKind::Newtype { ty: inner } => {
                json_encode_arms.push(quote! {
                    Self::#variant_ident(inner) =>
                        #krate::json::JsonEncode::serialize_json(inner, __serializer, __style)
                });
                json_variant_arms.push(quote! {
                    #index => ::core::result::Result::map(
                        <#inner as #krate::__private::json::JsonFields<'de>>::json_fields(__map, __style),
                        Self::#variant_ident,
                    )
                });
            }
        }
    }
    let serde = quote!(#krate::__private::serde);
    let support = quote!(#krate::__private::json);
    let other = match &data.other {
        Some(other) => {
            let variant_ident = other.ident;
            json_encode_arms.push(quote_spanned! {other.ty.span()=>
                Self::#variant_ident(__unknown) => #support::write_unknown(__unknown, __serializer, __style)
            });
            quote! {
                const OTHER: ::core::option::Option<fn(#krate::Unknown) -> Self> =
                    ::core::option::Option::Some(Self::#variant_ident);
            }
        }
        None => TokenStream::new(),
    };
    let impl_variants = container
        .header
        .impl_de_of(quote!(#support::JsonVariants<'de>));
    let variants_impl = quote! {
        #[automatically_derived]
        #impl_variants {
            const TYPE_NAME: &'static str = #ty;
            const CONSTRUCTORS: &'static [#krate::schema::ConstructorInfo] = &__TL_CONSTRUCTORS;
            #other

            #[inline]
            fn variant_index(__name: &str) -> ::core::option::Option<usize> {
                __TL_CONSTRUCTORS
                    .iter()
                    .position(|__constructor| __constructor.name == __name)
            }

            #[allow(unused_mut)]
            fn json_variant<__A: #serde::de::MapAccess<'de>>(
                __index: usize,
                mut __map: __A,
                __style: #krate::json::JsonStyle,
            ) -> ::core::result::Result<Self, __A::Error> {
                match __index {
                    #(#json_variant_arms,)*
                    _ => ::core::result::Result::Err(<__A::Error as #serde::de::Error>::custom(
                        "constructor index out of range",
                    )),
                }
            }
        }
    };
    object_impls(
        krate,
        &container.header,
        quote! {
            match self {
                #(#json_encode_arms,)*
            }
        },
        quote!(#support::UnionVisitor::<Self>::new(__style)),
        variants_impl,
    )
}

/// Wraps serde code so it is emitted only with tl-core's `serde` feature.
fn if_serde(krate: &TokenStream, code: TokenStream) -> TokenStream {
    quote!(#krate::__private::if_serde! { #code })
}

/// The `serialize_json` body for one constructor whose bindings are in
/// scope: the tag, then every field but the flags words.
fn serialize_body(cx: &Context, constructor: &Constructor) -> TokenStream {
    let krate = cx.krate;
    let serde = quote!(#krate::__private::serde);
    let support = quote!(#krate::__private::json);
    let name = &constructor.name;
    let count = 1 + constructor
        .fields
        .iter()
        .filter(|f| !matches!(f.kind, FieldKind::Flags))
        .count();
    let adapters = constructor
        .fields
        .iter()
        .enumerate()
        .filter(|(_, field)| matches!(field.kind, FieldKind::With))
        .map(|(index, field)| with_serializer(krate, index, field));
    let fields = constructor.fields.iter().enumerate().map(|(index, field)| {
        let key = &field.name;
        let binding = binding(index);
        let int53 = int53(field);
        let write = match &field.kind {
            FieldKind::Flags => return TokenStream::new(),
            FieldKind::With => {
                let (ser, _) = with_adapter_names(index);
                quote!(#support::write_field(&mut __state, #key, &#ser(#binding), __style, #int53))
            }
            _ if field.is_left_out_when_none() => quote! {
                #support::write_optional(&mut __state, #key, #binding.as_ref(), __style, #int53)
            },
            FieldKind::FlagTrue
            | FieldKind::Plain
            | FieldKind::FlagOption { .. }
            | FieldKind::Query => quote! {
                #support::write_field(&mut __state, #key, #binding, __style, #int53)
            },
        };
        let write = or_return(krate, write);
        quote!(#write;)
    });
    let begin = or_return(
        krate,
        quote!(#support::begin(__serializer, #name, #count, __style)),
    );
    quote! {
        #(#adapters)*
        let mut __state = #begin;
        #(#fields)*
        #serde::ser::SerializeStruct::end(__state)
    }
}

/// The body reading one constructor's fields from `__map` into `#path`,
/// checking a tag met on the way against constructor `index` of
/// `constructors`.
fn fields_body(
    cx: &Context,
    constructor: &Constructor,
    path: TokenStream,
    constructors: TokenStream,
    index: usize,
) -> TokenStream {
    let krate = cx.krate;
    let serde = quote!(#krate::__private::serde);
    let support = quote!(#krate::__private::json);
    let ty = cx.result;
    let json_fields: Vec<(usize, &crate::ast::Field)> = constructor
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !matches!(f.kind, FieldKind::Flags))
        .collect();
    let names = json_fields.iter().map(|(_, f)| &f.name);
    let slot = |index: usize| quote::format_ident!("__json{}", index);
    let slot_type = |index: usize, field: &crate::ast::Field| -> TokenStream {
        match &field.kind {
            FieldKind::FlagTrue => quote!(bool),
            FieldKind::FlagOption { inner } => quote!(::core::option::Option<#inner>),
            FieldKind::With => {
                let (_, de) = with_adapter_names(index);
                quote!(#de)
            }
            _ => {
                let ty: &Type = field.ty;
                quote!(#ty)
            }
        }
    };
    let slots = json_fields.iter().map(|(index, field)| {
        let slot = slot(*index);
        let ty = slot_type(*index, field);
        quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    let arms = json_fields
        .iter()
        .enumerate()
        .map(|(position, (index, field))| {
            let slot = slot(*index);
            let key = &field.name;
            let int53 = int53(field);
            let read = or_return(
                krate,
                quote! {
                    #support::read_field(&mut __map, &mut #slot, #key, __style, #int53)
                },
            );
            quote!(#support::FieldKey::Field(#position) => #read,)
        });
    // Whether a conditional field was given. Fields sharing a flag bit
    // (`flags.1?true` beside `flags.1?int`): a `true` flag left out is
    // implied by its sharer, and all must agree.
    let present = |index: usize| {
        let binding = binding(index);
        match constructor.fields[index].kind {
            FieldKind::FlagTrue => quote!(#binding),
            _ => quote!(#binding.is_some()),
        }
    };
    let mut values = Vec::new();
    let mut flags = Vec::new();
    let mut agreements = Vec::new();
    for (index, field) in constructor.fields.iter().enumerate() {
        let binding = binding(index);
        let slot = slot(index);
        let key = &field.name;
        match &field.kind {
            FieldKind::Flags => flags.push(crate::flags::or_word(constructor, index, present)),
            FieldKind::FlagTrue => {
                let implied = constructor.sharers(index).into_iter().filter_map(|i| {
                    let slot = quote::format_ident!("__json{}", i);
                    matches!(constructor.fields[i].kind, FieldKind::FlagOption { .. })
                        .then(|| quote!(::core::matches!(#slot, ::core::option::Option::Some(::core::option::Option::Some(_)))))
                });
                values.push(quote!(let #binding: bool = #slot.unwrap_or(false #(|| #implied)*);));
            }
            // Absent and `null` are both `None`.
            _ if field.is_left_out_when_none() => {
                values.push(quote!(let #binding = #slot.unwrap_or(::core::option::Option::None);));
            }
            FieldKind::Plain if field.attrs.default.is_some() => {
                values.push(quote!(let #binding = #slot.unwrap_or_default();));
            }
            FieldKind::With if field.attrs.default.is_some() => {
                values.push(quote! {
                    let #binding = #slot.map(|__with| __with.0).unwrap_or_default();
                });
            }
            FieldKind::With => {
                let value = or_return(
                    krate,
                    quote!(#support::required::<_, __A::Error>(#slot, #key)),
                );
                values.push(quote!(let #binding = #value.0;));
            }
            FieldKind::Plain | FieldKind::FlagOption { .. } | FieldKind::Query => {
                let value = or_return(
                    krate,
                    quote!(#support::required::<_, __A::Error>(#slot, #key)),
                );
                values.push(quote!(let #binding = #value;));
            }
        }
        if let Some(flag) = &field.attrs.flag {
            for other in constructor
                .sharers(index)
                .into_iter()
                .filter(|&other| other > index)
            {
                let (this, that) = (present(index), present(other));
                let message = format!(
                    "fields `{}` and `{}` share flag bit {}.{}: give both or neither",
                    field.name, constructor.fields[other].name, flag.word, flag.bit
                );
                agreements.push(quote! {
                    if #this != #that {
                        return ::core::result::Result::Err(<__A::Error as #serde::de::Error>::custom(#message));
                    }
                });
            }
        }
    }
    let construct = crate::decode::construct(krate, constructor);
    let adapters = json_fields
        .iter()
        .filter(|(_, field)| matches!(field.kind, FieldKind::With))
        .map(|(index, field)| with_deserializer(krate, *index, field));
    let next_key = or_return(
        krate,
        quote!(#support::next_key(&mut __map, &[#(#names),*], &mut __expected)),
    );
    let read_tag = or_return(
        krate,
        quote!(#support::read_tag(&mut __map, #ty, #constructors, #index)),
    );
    let skip_value = or_return(krate, quote!(#support::skip_value(&mut __map)));
    quote! {
        #(#adapters)*
        #(#slots)*
        let mut __expected = 0usize;
        while let ::core::option::Option::Some(__key) = #next_key {
            match __key {
                #support::FieldKey::Tag => #read_tag,
                #(#arms)*
                _ => #skip_value,
            }
        }
        #(#values)*
        #(#agreements)*
        #(#flags)*
        ::core::result::Result::Ok(#path #construct)
    }
}

/// The JSON impls of a derived type, emitted only with tl-core's `serde`
/// feature: `JsonEncode` with `serialize` as its body (`__serializer` and
/// `__style` in scope), `JsonDecode` reading a map with `visitor`, the
/// type's `extra` support impl, and serde's traits in the default style.
fn object_impls(
    krate: &TokenStream,
    header: &crate::generics::ImplHeader,
    serialize: TokenStream,
    visitor: TokenStream,
    extra: TokenStream,
) -> TokenStream {
    let serde = quote!(#krate::__private::serde);
    let impl_encode = header.impl_of(quote!(#krate::json::JsonEncode));
    let impl_decode = header.impl_de_of(quote!(#krate::json::JsonDecode<'de>));
    let impl_serialize = header.impl_bounded(
        quote!(#serde::Serialize),
        Some(quote!(#krate::json::JsonEncode)),
    );
    let impl_deserialize = header.impl_de_bounded(
        quote!(#serde::Deserialize<'de>),
        quote!(#krate::json::JsonDecode<'de>),
    );
    if_serde(
        krate,
        quote! {
            #[automatically_derived]
            #impl_encode {
                fn serialize_json<__S: #serde::Serializer>(
                    &self,
                    __serializer: __S,
                    __style: #krate::json::JsonStyle,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #serialize
                }
            }

            #[automatically_derived]
            #impl_decode {
                #[inline]
                fn deserialize_json<__D: #serde::Deserializer<'de>>(
                    __deserializer: __D,
                    __style: #krate::json::JsonStyle,
                ) -> ::core::result::Result<Self, __D::Error> {
                    #serde::Deserializer::deserialize_map(__deserializer, #visitor)
                }
            }

            #extra

            #[automatically_derived]
            #impl_serialize {
                #[inline]
                fn serialize<__S: #serde::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #krate::json::JsonEncode::serialize_json(self, __serializer, #krate::json::JsonStyle::DEFAULT)
                }
            }

            #[automatically_derived]
            #impl_deserialize {
                #[inline]
                fn deserialize<__D: #serde::Deserializer<'de>>(
                    __deserializer: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    <Self as #krate::json::JsonDecode<'de>>::deserialize_json(
                        __deserializer,
                        #krate::json::JsonStyle::DEFAULT,
                    )
                }
            }
        },
    )
}
