//! Lifetime parameters: derived types may borrow from the input
//! (`struct Message<'a> { text: &'a str }`). Impl headers carry the
//! parameters, decoding impls add `'de` outliving each of them, and `const`
//! items (outside the impls, where the parameters are not in scope) see the
//! field types with every lifetime made `'static`: a field's TL type does
//! not depend on its lifetimes.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::{
    GenericArgument, GenericParam, Generics, Ident, Lifetime, LifetimeParam, PathArguments, Type,
};

/// The pieces of an impl header for a derived type.
pub struct ImplHeader {
    /// `<'a, 'b>` (empty without parameters).
    pub generics: TokenStream,
    /// `Message<'a, 'b>`.
    pub self_ty: TokenStream,
    /// The type's own `where` clause.
    pub where_clause: TokenStream,
    /// The type's parameters, and with `'de` first (outliving each
    /// lifetime), for `TlDecode<'de>` and the JSON readers.
    params: Generics,
    de_params: Generics,
    /// A generic function's type parameter, bound by each impl.
    type_param: Option<Ident>,
    /// tl_core's path, for the `TlType` bound every impl puts on it.
    krate: TokenStream,
}

impl ImplHeader {
    /// The header for `ident` with `generics`; the decoding lifetime is
    /// named `de` (`'de`).
    pub fn new(ident: &Ident, generics: &Generics, de: &str, krate: &TokenStream) -> ImplHeader {
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        ImplHeader {
            generics: impl_generics.to_token_stream(),
            self_ty: quote!(#ident #ty_generics),
            where_clause: where_clause.to_token_stream(),
            params: generics.clone(),
            de_params: with_de(generics, de),
            type_param: generics
                .type_params()
                .next()
                .map(|param| param.ident.clone()),
            krate: krate.clone(),
        }
    }

    /// `impl<'a> #trait_path for Message<'a> where ...`, before the body;
    /// a generic function's parameter is bound by the same trait
    /// (`impl<X: TlEncode> TlEncode for InvokeWithLayer<X>`), and by
    /// `TlType`, which the type's own `TlType` (its constructors, for
    /// messages) needs.
    pub fn impl_of(&self, trait_path: TokenStream) -> TokenStream {
        self.impl_with(&self.params, trait_path.clone(), Some(trait_path))
    }

    /// [`ImplHeader::impl_of`] with `'de` first among the parameters, for
    /// the decoding traits.
    pub fn impl_de_of(&self, trait_path: TokenStream) -> TokenStream {
        self.impl_with(&self.de_params, trait_path.clone(), Some(trait_path))
    }

    /// [`ImplHeader::impl_of`] with the parameter bound by `bound` besides
    /// `TlType` (`None`: by `TlType` alone, as `TlType`'s own impl and the
    /// impls that need no other trait of it).
    pub fn impl_bounded(&self, trait_path: TokenStream, bound: Option<TokenStream>) -> TokenStream {
        self.impl_with(&self.params, trait_path, bound)
    }

    /// [`ImplHeader::impl_de_of`] with the parameter bound by `bound`.
    pub fn impl_de_bounded(&self, trait_path: TokenStream, bound: TokenStream) -> TokenStream {
        self.impl_with(&self.de_params, trait_path, Some(bound))
    }

    fn impl_with(
        &self,
        params: &Generics,
        trait_path: TokenStream,
        bound: Option<TokenStream>,
    ) -> TokenStream {
        let mut params = params.clone();
        if let Some(param) = &self.type_param {
            let krate = &self.krate;
            let predicate = match bound {
                Some(bound) => syn::parse_quote!(#param: #bound + #krate::TlType),
                None => syn::parse_quote!(#param: #krate::TlType),
            };
            params.make_where_clause().predicates.push(predicate);
        }
        let (impl_generics, _, where_clause) = params.split_for_impl();
        let self_ty = &self.self_ty;
        quote!(impl #impl_generics #trait_path for #self_ty #where_clause)
    }
}

/// `generics` with `'de` first, outliving every lifetime parameter.
fn with_de(generics: &Generics, de: &str) -> Generics {
    let mut out = generics.clone();
    let mut param = LifetimeParam::new(Lifetime::new(&format!("'{de}"), Span::call_site()));
    param
        .bounds
        .extend(generics.lifetimes().map(|l| l.lifetime.clone()));
    out.params.insert(0, GenericParam::Lifetime(param));
    out
}

/// `ty` with every lifetime `'static`.
pub fn to_static(ty: &Type) -> Type {
    let mut ty = ty.clone();
    make_static(&mut ty);
    ty
}

fn make_static(ty: &mut Type) {
    let static_lifetime = || Lifetime::new("'static", Span::call_site());
    match ty {
        Type::Reference(reference) => {
            reference.lifetime = Some(static_lifetime());
            make_static(&mut reference.elem);
        }
        Type::Path(path) => {
            if let Some(qself) = &mut path.qself {
                make_static(&mut qself.ty);
            }
            for segment in &mut path.path.segments {
                if let PathArguments::AngleBracketed(args) = &mut segment.arguments {
                    for arg in &mut args.args {
                        match arg {
                            GenericArgument::Lifetime(lifetime) => *lifetime = static_lifetime(),
                            GenericArgument::Type(inner) => make_static(inner),
                            _ => {}
                        }
                    }
                }
            }
        }
        Type::Array(array) => make_static(&mut array.elem),
        Type::Slice(slice) => make_static(&mut slice.elem),
        Type::Paren(paren) => make_static(&mut paren.elem),
        Type::Group(group) => make_static(&mut group.elem),
        Type::Tuple(tuple) => tuple.elems.iter_mut().for_each(make_static),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generic_functions_parameter_is_bound_per_impl() {
        let input: syn::DeriveInput =
            syn::parse_str("struct I<'a, X> { layer: &'a str, query: X }").unwrap();
        let header = ImplHeader::new(&input.ident, &input.generics, "de", &quote!(t));
        assert_eq!(
            header.impl_of(quote!(E)).to_string(),
            "impl < 'a , X > E for I < 'a , X > where X : E + t :: TlType"
        );
        assert_eq!(
            header.impl_bounded(quote!(O), None).to_string(),
            "impl < 'a , X > O for I < 'a , X > where X : t :: TlType"
        );
    }

    fn static_text(text: &str) -> String {
        to_static(&syn::parse_str(text).unwrap())
            .to_token_stream()
            .to_string()
    }

    #[test]
    fn lifetimes_become_static() {
        assert_eq!(static_text("&'a str"), "& 'static str");
        assert_eq!(static_text("Vec<&'a [u8]>"), "Vec < & 'static [u8] >");
        assert_eq!(static_text("Cow<'a, str>"), "Cow < 'static , str >");
        assert_eq!(
            static_text("Option<Message<'a>>"),
            "Option < Message < 'static > >"
        );
        assert_eq!(static_text("i64"), "i64");
    }

    #[test]
    fn de_outlives_every_parameter() {
        let input: syn::DeriveInput =
            syn::parse_str("struct M<'a, 'b> { x: &'a str, y: &'b str }").unwrap();
        let header = ImplHeader::new(&input.ident, &input.generics, "de", &quote!(t));
        assert_eq!(
            header.impl_de_of(quote!(T<'de>)).to_string(),
            "impl < 'de : 'a + 'b , 'a , 'b > T < 'de > for M < 'a , 'b >"
        );
        assert_eq!(header.self_ty.to_string(), "M < 'a , 'b >");
    }
}
