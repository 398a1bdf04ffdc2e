//! The names and paths generated code uses: tl_core's path and the dialect
//! of a constructor, its `const` items, the locals bound to its fields, and
//! the trait and `with` functions called on them. A leaf module: every
//! generator names things the same way.

use proc_macro2::{Ident, Span, TokenStream};
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

/// [`binding`] at `span`: as the argument that gives a trait call its
/// type, where rustc reports the type's missing impl.
pub fn binding_at(index: usize, span: Span) -> Ident {
    let mut binding = binding(index);
    binding.set_span(span);
    binding
}

/// `#krate::#trait::#function(#args)`, spanned at the field type so that
/// a type without the trait is reported there. The arguments (or, when
/// decoding, the field the result fills) give the type: naming it again,
/// as `<#ty as #trait>`, would only lengthen the output.
pub fn trait_call(
    krate: &TokenStream,
    ty: &Type,
    trait_name: &str,
    function: &str,
    args: TokenStream,
) -> TokenStream {
    let span = ty.span();
    let trait_ident = Ident::new(trait_name, span);
    call_at(
        span,
        krate,
        quote_spanned!(span=> #trait_ident),
        function,
        args,
    )
}

/// `#krate::__private::#function(#args)`, spanned at the field type: a
/// tl-core helper that calls the field type's trait, reported at the
/// field type when the type lacks it.
pub fn private_call(
    krate: &TokenStream,
    ty: &Type,
    function: &str,
    args: TokenStream,
) -> TokenStream {
    private_call_at(ty.span(), krate, function, args)
}

/// `#krate::__private::#function(#args)`, all at `span`, where rustc
/// reports the call's failure.
pub fn private_call_at(
    span: Span,
    krate: &TokenStream,
    function: &str,
    args: TokenStream,
) -> TokenStream {
    call_at(
        span,
        krate,
        quote_spanned!(span=> __private),
        function,
        args,
    )
}

/// `#krate::#module::#function(#args)`, all at `span`. rustc reports an
/// unmet bound of a call at the whole call, or at an argument that gives
/// the type: they must start and end at `span` to be reported there.
fn call_at(
    span: Span,
    krate: &TokenStream,
    module: TokenStream,
    function: &str,
    args: TokenStream,
) -> TokenStream {
    let krate = krate_at(krate, span);
    let function = Ident::new(function, span);
    quote_spanned!(span=> #krate::#module::#function(#args))
}

/// `tokens` at `span`: tl-core's path, as the start of a path that rustc
/// reports at `span`.
pub fn krate_at(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut token| {
            token.set_span(span);
            token
        })
        .collect()
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
