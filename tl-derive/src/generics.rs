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
    /// `<'de: 'a + 'b, 'a, 'b>`, for `TlDecode<'de>` and the JSON readers.
    pub de_generics: TokenStream,
    /// `Message<'a, 'b>`.
    pub self_ty: TokenStream,
    /// The type's own `where` clause.
    pub where_clause: TokenStream,
}

impl ImplHeader {
    /// The header for `ident` with `generics`; the decoding lifetime is
    /// named `de` (`'de`).
    pub fn new(ident: &Ident, generics: &Generics, de: &str) -> ImplHeader {
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let de_generics = with_de(generics, de);
        let (de_impl_generics, _, _) = de_generics.split_for_impl();
        ImplHeader {
            generics: impl_generics.to_token_stream(),
            de_generics: de_impl_generics.to_token_stream(),
            self_ty: quote!(#ident #ty_generics),
            where_clause: where_clause.to_token_stream(),
        }
    }

    /// `impl<'a> #trait_path for Message<'a> where ...`, before the body.
    pub fn impl_of(&self, trait_path: TokenStream) -> TokenStream {
        self.impl_with(&self.generics, trait_path)
    }

    /// [`ImplHeader::impl_of`] with `'de` first among the parameters, for
    /// the decoding traits.
    pub fn impl_de_of(&self, trait_path: TokenStream) -> TokenStream {
        self.impl_with(&self.de_generics, trait_path)
    }

    fn impl_with(&self, generics: &TokenStream, trait_path: TokenStream) -> TokenStream {
        let ImplHeader {
            self_ty,
            where_clause,
            ..
        } = self;
        quote!(impl #generics #trait_path for #self_ty #where_clause)
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
        let header = ImplHeader::new(&input.ident, &input.generics, "de");
        assert_eq!(
            header.de_generics.to_string(),
            "< 'de : 'a + 'b , 'a , 'b >"
        );
        assert_eq!(header.self_ty.to_string(), "M < 'a , 'b >");
    }
}
