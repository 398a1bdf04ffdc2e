//! The names and paths generated code uses: tl_core's path and the dialect
//! of a constructor, its `const` items, the locals bound to its fields, and
//! the trait and `with` functions called on them. A leaf module: every
//! generator names things the same way.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Type;
use syn::spanned::Spanned;
use tl_schema::Dialect;

use crate::ast::{Container, Field, FieldKind};

/// Paths and names the generated code of one constructor uses.
pub struct Context<'a> {
    pub krate: &'a TokenStream,
    pub dialect: Dialect,
    /// Prefix of the `const` items of this constructor (one per enum variant).
    pub prefix: String,
    /// The TL type the constructor builds.
    pub result: &'a str,
}

impl<'a> Context<'a> {
    /// The context of a struct's constructor.
    pub fn of_struct(container: &'a Container) -> Self {
        Context {
            krate: &container.krate,
            dialect: container.dialect,
            prefix: String::new(),
            result: &container.ty,
        }
    }

    /// The context of an enum's variant `index`: its `const` items are
    /// `__TL_V{index}_*`.
    pub fn of_variant(container: &'a Container, index: usize) -> Self {
        Context {
            krate: &container.krate,
            dialect: container.dialect,
            prefix: format!("V{index}_"),
            result: &container.ty,
        }
    }

    /// The dialect as a `tl_core::schema::Dialect` path.
    pub fn dialect_tokens(&self) -> TokenStream {
        let krate = self.krate;
        match self.dialect {
            Dialect::Td => quote!(#krate::schema::Dialect::Td),
            Dialect::Mtproto => quote!(#krate::schema::Dialect::Mtproto),
            Dialect::Ton => quote!(#krate::schema::Dialect::Ton),
        }
    }

    /// A `const` item of this constructor: `__TL_{prefix}{name}`.
    pub fn item(&self, name: &str) -> Ident {
        format_ident!("__TL_{}{}", self.prefix, name)
    }

    /// The `const` item holding field `index`'s form.
    pub fn form(&self, index: usize) -> Ident {
        self.item(&format!("FORM_{index}"))
    }

    /// The form field `index` is written in: a literal where the macro
    /// knows it, boxed for a generic function's query, whose type the
    /// `const` items (outside the impls) cannot name, else its `const` item.
    pub fn field_form(&self, index: usize, field: &Field) -> TokenStream {
        let krate = self.krate;
        if let FieldKind::Query = field.kind {
            return quote!(#krate::schema::Form::BOXED);
        }
        match crate::literal::known_form(field, self.dialect) {
            Some(0) => quote!(#krate::schema::Form::BARE),
            Some(bits) => quote!(#krate::schema::Form::from_bits(#bits)),
            None => {
                let form = self.form(index);
                quote!(#form)
            }
        }
    }
}

/// The local bound to field `index` in generated code.
pub fn binding(index: usize) -> Ident {
    format_ident!("__field{}", index)
}

/// `<#ty as #krate::#trait>::#function`, spanned at the field type so that
/// a type without the trait is reported there.
pub fn trait_fn(krate: &TokenStream, ty: &Type, trait_name: &str, function: &str) -> TokenStream {
    let trait_ident = Ident::new(trait_name, ty.span());
    let function = Ident::new(function, ty.span());
    quote_spanned!(ty.span()=> <#ty as #krate::#trait_ident>::#function)
}

/// `#path::#function` of a field's `with` module, spanned at the path so
/// that a missing function is reported there.
pub fn with_fn(field: &Field, function: &str) -> TokenStream {
    let Some(path) = field.attrs.with.as_ref() else {
        return TokenStream::new();
    };
    let function = Ident::new(function, path.span());
    quote_spanned!(path.span()=> #path::#function)
}

/// The `TypeDesc` of the field's value: of `T` for `Option<T>` under a
/// flag, the `with` module's `DESC`, else the field type's; none for flags
/// words and `flags.N?true`.
pub fn value_desc(krate: &TokenStream, field: &Field) -> Option<TokenStream> {
    if let Some(path) = field.attrs.with.as_ref() {
        return Some(quote_spanned!(path.span()=> #path::DESC));
    }
    let ty = field.value_type()?;
    // Used in `const` items, outside the impls that have the lifetimes.
    let static_ty = crate::generics::to_static(ty);
    Some(quote_spanned!(ty.span()=> <#static_ty as #krate::TlType>::DESC))
}
