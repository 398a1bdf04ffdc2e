//! Code generation from the checked model. Everything lands inside one
//! `const _: () = { ... };` block, so the helper `const` items stay private
//! to the impls.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;
use syn::spanned::Spanned;

use crate::ast::{Enum, Input, Struct, VariantKind};
use crate::attr::Errors;
use crate::fields::{self, Context};
use crate::json;
use crate::valid;

pub fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let model = Input::from_syn(input, &mut errors);
    if let Some(model) = &model {
        valid::check(model, &mut errors);
    }
    match model {
        Some(model) if errors.is_empty() => match &model {
            Input::Struct(data) => expand_struct(data),
            Input::Enum(data) => expand_enum(&input.ident, data),
        },
        _ => {
            let mut out = errors.into_compile_errors();
            out.extend(fallback(input));
            out
        }
    }
}

fn expand_struct(data: &Struct) -> TokenStream {
    let container = &data.container;
    let krate = &container.krate;
    let crate::generics::ImplHeader {
        generics,
        de_generics,
        self_ty,
        where_clause,
    } = &container.header;
    let constructor = &data.constructor;
    let cx = Context {
        krate,
        dialect: container.dialect,
        prefix: String::new(),
        result: &container.ty,
    };
    let fields::Schema {
        items: declaration,
        schema,
        id,
        id_check,
    } = fields::schema(&cx, constructor);
    let name = &constructor.name;
    let ty = &container.ty;
    let min_len = fields::min_len(&cx, constructor);
    let len_pattern = fields::pattern(constructor, fields::len_uses);
    let encode_pattern = fields::pattern(constructor, fields::encode_uses);
    let encoded_len =
        fields::sum(std::iter::once(quote!(__id_len)).chain(fields::encoded_len(&cx, constructor)));
    let encode = fields::encode(&cx, constructor);
    let decode = fields::decode(&cx, constructor);
    let construct = fields::construct(constructor);
    let json = struct_json(&cx, constructor, &container.header);
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        const _: () = {
            #declaration

            #[automatically_derived]
            impl #generics #krate::TlConstructor for #self_ty #where_clause {
                const NAME: &'static str = #name;
                const ID: u32 = #id;
                const SCHEMA: &'static str = #schema;
            }

            #[automatically_derived]
            impl #generics #krate::TlType for #self_ty #where_clause {
                const DESC: #krate::schema::TypeDesc =
                    #krate::schema::TypeDesc::Object { name: #name, ty: #ty };
                const MIN_LEN: usize = #min_len;
                const CONSTRUCTORS: &'static [#krate::schema::ConstructorInfo] =
                    &[#krate::schema::ConstructorInfo {
                        name: #name,
                        id: <Self as #krate::TlConstructor>::ID,
                    }];
            }

            #[automatically_derived]
            impl #generics #krate::TlObject for #self_ty #where_clause {
                #[inline]
                fn constructor_id(&self) -> u32 {
                    <Self as #krate::TlConstructor>::ID
                }

                #[inline]
                fn constructor_name(&self) -> &'static str {
                    <Self as #krate::TlConstructor>::NAME
                }

                #[inline]
                fn schema(&self) -> &'static str {
                    <Self as #krate::TlConstructor>::SCHEMA
                }
            }

            #[automatically_derived]
            impl #generics #krate::TlEncode for #self_ty #where_clause {
                #[inline]
                fn encoded_len(&self, __form: #krate::schema::Form) -> usize {
                    let Self #len_pattern = self;
                    let __id_len = if __form.is_boxed() { 4usize } else { 0usize };
                    #encoded_len
                }

                #[inline]
                fn encode(&self, __writer: &mut #krate::Writer<'_>, __form: #krate::schema::Form) {
                    let Self #encode_pattern = self;
                    if __form.is_boxed() {
                        __writer.put_u32(<Self as #krate::TlConstructor>::ID);
                    }
                    #encode
                }
            }

            #[automatically_derived]
            impl #de_generics #krate::TlDecode<'de> for #self_ty #where_clause {
                #[inline]
                fn decode(
                    __reader: &mut #krate::Reader<'de>,
                    __form: #krate::schema::Form,
                ) -> ::core::result::Result<Self, #krate::Error> {
                    if __form.is_boxed() {
                        __reader.expect_constructor(
                            <Self as #krate::TlConstructor>::ID,
                            #ty,
                            <Self as #krate::TlType>::CONSTRUCTORS,
                        )?;
                    }
                    __reader.enter()?;
                    #decode
                    __reader.leave();
                    ::core::result::Result::Ok(Self #construct)
                }
            }

            #id_check

            #json
        };
    }
}

fn struct_json(
    cx: &Context,
    constructor: &crate::ast::Constructor,
    header: &crate::generics::ImplHeader,
) -> TokenStream {
    let krate = cx.krate;
    let crate::generics::ImplHeader {
        de_generics,
        self_ty,
        where_clause,
        ..
    } = header;
    let serde = quote!(#krate::__private::serde);
    let support = quote!(#krate::__private::json);
    let name = &constructor.name;
    let pattern = fields::pattern(constructor, fields::encode_uses);
    let serialize = json::serialize_body(cx, constructor);
    let fields_body = json::fields_body(
        cx,
        constructor,
        quote!(Self),
        quote!(<Self as #krate::TlType>::CONSTRUCTORS),
        0,
    );
    let visitor = quote!(#support::ObjectVisitor::<Self>::new(__style, #name));
    let fields_impl = quote! {
        #[automatically_derived]
        impl #de_generics #support::JsonFields<'de> for #self_ty #where_clause {
            fn json_fields<__A: #serde::de::MapAccess<'de>>(
                mut __map: __A,
                __style: #krate::json::JsonStyle,
            ) -> ::core::result::Result<Self, __A::Error> {
                #fields_body
            }
        }
    };
    json::object_impls(
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

fn expand_enum(ident: &syn::Ident, data: &Enum) -> TokenStream {
    let container = &data.container;
    let krate = &container.krate;
    let crate::generics::ImplHeader {
        generics,
        de_generics,
        self_ty,
        where_clause,
    } = &container.header;
    let ty = &container.ty;
    let mut items = TokenStream::new();
    let mut infos = Vec::new();
    let mut object_arms = Vec::new();
    let mut len_arms = Vec::new();
    let mut encode_arms = Vec::new();
    let mut decode_arms = Vec::new();
    let mut json_encode_arms = Vec::new();
    let mut json_variant_arms = Vec::new();
    for (index, variant) in data.variants.iter().enumerate() {
        let cx = Context {
            krate,
            dialect: container.dialect,
            prefix: format!("V{index}_"),
            result: ty,
        };
        let variant_ident = variant.ident;
        let id_item = cx.item("ID");
        let name_item = cx.item("NAME");
        let schema_item = cx.item("SCHEMA");
        match &variant.kind {
            VariantKind::Own { constructor, .. } => {
                let schema = fields::schema(&cx, constructor);
                let (id, text, id_check) = (&schema.id, &schema.schema, &schema.id_check);
                let name = &constructor.name;
                items.extend(schema.items.clone());
                items.extend(quote! {
                    const #id_item: u32 = #id;
                    const #name_item: &str = #name;
                    const #schema_item: &str = #text;
                    #id_check
                });
                let len_pattern = fields::pattern(constructor, fields::len_uses);
                let encode_pattern = fields::pattern(constructor, fields::encode_uses);
                let all = fields::pattern(constructor, |_| false);
                let encoded_len = fields::sum(
                    std::iter::once(quote!(4usize)).chain(fields::encoded_len(&cx, constructor)),
                );
                let encode = fields::encode(&cx, constructor);
                let decode = fields::decode(&cx, constructor);
                let construct = fields::construct(constructor);
                object_arms.push(quote!(#ident::#variant_ident #all => #index));
                len_arms.push(quote!(Self::#variant_ident #len_pattern => #encoded_len));
                encode_arms.push(quote! {
                    Self::#variant_ident #encode_pattern => {
                        __writer.put_u32(#id_item);
                        #encode
                    }
                });
                let serialize = json::serialize_body(&cx, constructor);
                json_encode_arms.push(quote! {
                    Self::#variant_ident #encode_pattern => { #serialize }
                });
                let fields_body = json::fields_body(
                    &cx,
                    constructor,
                    quote!(Self::#variant_ident),
                    quote!(&__TL_CONSTRUCTORS),
                    index,
                );
                json_variant_arms.push(quote!(#index => { #fields_body }));
                decode_arms.push(quote! {
                    #id_item => {
                        __reader.enter()?;
                        #decode
                        __reader.leave();
                        ::core::result::Result::Ok(Self::#variant_ident #construct)
                    }
                });
            }
            VariantKind::Newtype { ty: inner } => {
                // The `const` items below are outside the impls, where the
                // type's lifetimes are not in scope.
                let static_inner = crate::generics::to_static(inner);
                let check = fields::spanned_check(
                    inner.span(),
                    krate,
                    "check_variant_type",
                    quote! {
                        #ty,
                        <#static_inner as #krate::TlConstructor>::NAME,
                        &<#static_inner as #krate::TlType>::DESC,
                    },
                );
                items.extend(quote! {
                    const #id_item: u32 = <#static_inner as #krate::TlConstructor>::ID;
                    const #name_item: &str = <#static_inner as #krate::TlConstructor>::NAME;
                    const #schema_item: &str = <#static_inner as #krate::TlConstructor>::SCHEMA;
                    #check
                });
                object_arms.push(quote!(#ident::#variant_ident(_) => #index));
                len_arms.push(quote! {
                    Self::#variant_ident(inner) =>
                        4usize + #krate::TlEncode::encoded_len(inner, #krate::schema::Form::BARE)
                });
                encode_arms.push(quote! {
                    Self::#variant_ident(inner) => {
                        __writer.put_u32(#id_item);
                        #krate::TlEncode::encode(inner, __writer, #krate::schema::Form::BARE);
                    }
                });
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
                decode_arms.push(quote! {
                    #id_item => ::core::result::Result::Ok(Self::#variant_ident(
                        <#inner as #krate::TlDecode<'de>>::decode(__reader, #krate::schema::Form::BARE)?,
                    ))
                });
            }
        }
        infos.push(quote! {
            #krate::schema::ConstructorInfo { name: #name_item, id: #id_item }
        });
    }
    let count = data.variants.len();
    let schemas = (0..count).map(|index| {
        let cx_item = quote::format_ident!("__TL_V{}_SCHEMA", index);
        quote!(#cx_item)
    });
    let serde = quote!(#krate::__private::serde);
    let support = quote!(#krate::__private::json);
    let name_items = (0..count).map(|index| quote::format_ident!("__TL_V{}_NAME", index));
    let indices = 0..count;
    let variants_impl = quote! {
        #[automatically_derived]
        impl #de_generics #support::JsonVariants<'de> for #self_ty #where_clause {
            const TYPE_NAME: &'static str = #ty;
            const CONSTRUCTORS: &'static [#krate::schema::ConstructorInfo] = &__TL_CONSTRUCTORS;

            #[inline]
            fn variant_index(__name: &str) -> ::core::option::Option<usize> {
                match __name {
                    #(#name_items => ::core::option::Option::Some(#indices),)*
                    _ => ::core::option::Option::None,
                }
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
    let json = json::object_impls(
        krate,
        &container.header,
        quote! {
            match self {
                #(#json_encode_arms,)*
            }
        },
        quote!(#support::UnionVisitor::<Self>::new(__style)),
        variants_impl,
    );
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        const _: () = {
            #items

            const __TL_CONSTRUCTORS: [#krate::schema::ConstructorInfo; #count] = [#(#infos),*];
            const __TL_SCHEMAS: [&str; #count] = [#(#schemas),*];
            const _: () = #krate::__private::check_distinct_ids(&__TL_CONSTRUCTORS);

            /// The index of a value's constructor in `__TL_CONSTRUCTORS`.
            #[inline]
            fn __tl_index #generics (__value: &#self_ty) -> usize #where_clause {
                match __value {
                    #(#object_arms,)*
                }
            }

            #[automatically_derived]
            impl #generics #krate::TlType for #self_ty #where_clause {
                const DESC: #krate::schema::TypeDesc = #krate::schema::TypeDesc::Union { ty: #ty };
                const MIN_LEN: usize = 4usize;
                const CONSTRUCTORS: &'static [#krate::schema::ConstructorInfo] = &__TL_CONSTRUCTORS;
            }

            #[automatically_derived]
            impl #generics #krate::TlObject for #self_ty #where_clause {
                #[inline]
                fn constructor_id(&self) -> u32 {
                    __TL_CONSTRUCTORS[__tl_index(self)].id
                }

                #[inline]
                fn constructor_name(&self) -> &'static str {
                    __TL_CONSTRUCTORS[__tl_index(self)].name
                }

                #[inline]
                fn schema(&self) -> &'static str {
                    __TL_SCHEMAS[__tl_index(self)]
                }
            }

            #[automatically_derived]
            impl #generics #krate::TlEncode for #self_ty #where_clause {
                #[inline]
                fn encoded_len(&self, _: #krate::schema::Form) -> usize {
                    match self {
                        #(#len_arms,)*
                    }
                }

                #[inline]
                fn encode(&self, __writer: &mut #krate::Writer<'_>, _: #krate::schema::Form) {
                    match self {
                        #(#encode_arms)*
                    }
                }
            }

            #[automatically_derived]
            impl #de_generics #krate::TlDecode<'de> for #self_ty #where_clause {
                #[inline]
                fn decode(
                    __reader: &mut #krate::Reader<'de>,
                    _: #krate::schema::Form,
                ) -> ::core::result::Result<Self, #krate::Error> {
                    let __start = __reader.position();
                    let __id = __reader.read_u32()?;
                    match __id {
                        #(#decode_arms,)*
                        _ => ::core::result::Result::Err(#krate::wire::unexpected_constructor(
                            #ty,
                            &__TL_CONSTRUCTORS,
                            __id,
                            __start,
                        )),
                    }
                }
            }

            #json
        };
    }
}

/// Impls with the right signatures beside the errors, so that uses of the
/// type elsewhere do not add errors of their own.
fn fallback(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    // A generic type (itself an error) gets impls for every instance, with
    // the same parameters, so that no use site adds errors of its own.
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let mut with_de = input.generics.clone();
    with_de.params.insert(0, syn::parse_quote!('__de));
    let (impl_generics_de, _, _) = with_de.split_for_impl();
    let mut ignored = Errors::default();
    let krate = match crate::attr::container(&input.attrs, &mut ignored).crate_path {
        Some(path) => quote!(#path),
        None => quote!(::tl_core),
    };
    let serde = quote!(#krate::__private::serde);
    let json_fields = match &input.data {
        syn::Data::Struct(_) => quote! {
            impl #impl_generics_de #krate::__private::json::JsonFields<'__de> for #ident #ty_generics #where_clause {
                fn json_fields<__A: #serde::de::MapAccess<'__de>>(
                    _: __A,
                    _: #krate::json::JsonStyle,
                ) -> ::core::result::Result<Self, __A::Error> {
                    ::core::unreachable!()
                }
            }
        },
        _ => TokenStream::new(),
    };
    let constructor = match &input.data {
        syn::Data::Struct(_) => quote! {
            impl #impl_generics #krate::TlConstructor for #ident #ty_generics #where_clause {
                const NAME: &'static str = "";
                const ID: u32 = 0;
                const SCHEMA: &'static str = "";
            }
        },
        _ => TokenStream::new(),
    };
    quote! {
        #[doc(hidden)]
        const _: () = {
            #constructor

            impl #impl_generics #krate::TlType for #ident #ty_generics #where_clause {
                const DESC: #krate::schema::TypeDesc = #krate::schema::TypeDesc::Union { ty: "" };
                const MIN_LEN: usize = 0;
            }

            impl #impl_generics #krate::TlObject for #ident #ty_generics #where_clause {
                fn constructor_id(&self) -> u32 {
                    ::core::unreachable!()
                }

                fn constructor_name(&self) -> &'static str {
                    ::core::unreachable!()
                }

                fn schema(&self) -> &'static str {
                    ::core::unreachable!()
                }
            }

            impl #impl_generics #krate::TlEncode for #ident #ty_generics #where_clause {
                fn encoded_len(&self, _: #krate::schema::Form) -> usize {
                    ::core::unreachable!()
                }

                fn encode(&self, _: &mut #krate::Writer<'_>, _: #krate::schema::Form) {
                    ::core::unreachable!()
                }
            }

            impl #impl_generics_de #krate::TlDecode<'__de> for #ident #ty_generics #where_clause {
                fn decode(
                    _: &mut #krate::Reader<'__de>,
                    _: #krate::schema::Form,
                ) -> ::core::result::Result<Self, #krate::Error> {
                    ::core::unreachable!()
                }
            }

            #krate::__private::if_serde! {
                impl #impl_generics #krate::json::JsonEncode for #ident #ty_generics #where_clause {
                    fn serialize_json<__S: #serde::Serializer>(
                        &self,
                        _: __S,
                        _: #krate::json::JsonStyle,
                    ) -> ::core::result::Result<__S::Ok, __S::Error> {
                        ::core::unreachable!()
                    }
                }

                impl #impl_generics_de #krate::json::JsonDecode<'__de> for #ident #ty_generics #where_clause {
                    fn deserialize_json<__D: #serde::Deserializer<'__de>>(
                        _: __D,
                        _: #krate::json::JsonStyle,
                    ) -> ::core::result::Result<Self, __D::Error> {
                        ::core::unreachable!()
                    }
                }

                impl #impl_generics #serde::Serialize for #ident #ty_generics #where_clause {
                    fn serialize<__S: #serde::Serializer>(
                        &self,
                        _: __S,
                    ) -> ::core::result::Result<__S::Ok, __S::Error> {
                        ::core::unreachable!()
                    }
                }

                impl #impl_generics_de #serde::Deserialize<'__de> for #ident #ty_generics #where_clause {
                    fn deserialize<__D: #serde::Deserializer<'__de>>(
                        _: __D,
                    ) -> ::core::result::Result<Self, __D::Error> {
                        ::core::unreachable!()
                    }
                }

                #json_fields
            }
        };
    }
}
