//! Impls with the right signatures beside the errors, so that uses of the
//! type elsewhere do not add errors of their own (as thiserror does).

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::errors::Errors;

/// Impls with the right signatures beside the errors, so that uses of the
/// type elsewhere do not add errors of their own.
pub fn fallback(input: &DeriveInput) -> TokenStream {
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
    // A struct is a `TlObject` through its `TlConstructor` impl.
    let object = match &input.data {
        syn::Data::Struct(_) => TokenStream::new(),
        _ => quote! {
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
        },
    };
    quote! {
        #[doc(hidden)]
        const _: () = {
            #constructor

            impl #impl_generics #krate::TlType for #ident #ty_generics #where_clause {
                const DESC: #krate::schema::TypeDesc = #krate::schema::TypeDesc::Union { ty: "" };
                const MIN_LEN: usize = 0;
            }

            #object

            impl #impl_generics #krate::TlEncode for #ident #ty_generics #where_clause {
                fn encode(&self, _: &mut #krate::wire::Writer<'_>, _: #krate::schema::Form) {
                    ::core::unreachable!()
                }
            }

            impl #impl_generics_de #krate::TlDecode<'__de> for #ident #ty_generics #where_clause {
                fn decode(
                    _: &mut #krate::wire::Reader<'__de>,
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
