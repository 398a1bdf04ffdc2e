//! The schema line and id of each constructor, and the impls that tell
//! them: `TlConstructor` (structs, which are `TlObject`s through it),
//! `TlType`, and `TlObject` (enums). The line is
//! rendered in the macro where every field type has a name the macro
//! knows (`literal`), else it is a `tl_schema::Line` whose gaps `const`
//! evaluation fills from the field types' own impls. A declared id is
//! checked against the computed one, here or in `const`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, LitStr};

use crate::ast::{Constructor, Enum, Function, Struct, VariantKind};
use crate::literal::{Gap, Literal};
use crate::names::{Context, value_desc};

/// What a struct's schema adds to its expansion.
pub struct StructSchema {
    /// `const` items: forms, the line with gaps, and one of all checks.
    pub items: TokenStream,
    /// `TlConstructor` and `TlType`.
    pub impls: TokenStream,
    /// The error of a declared id that differs from the line's, when the
    /// macro computed both.
    pub id_check: TokenStream,
}

/// The schema items and impls of a struct.
pub fn for_struct(data: &Struct) -> StructSchema {
    let container = &data.container;
    let krate = &container.krate;
    let header = &container.header;
    let constructor = &data.constructor;
    let cx = Context::of_struct(container);
    let mut checks = Checks::default();
    let Schema {
        mut items,
        schema,
        id,
        id_check,
    } = schema(
        &cx,
        constructor,
        data.function.as_ref(),
        container.attrs.ty.as_ref(),
        &mut checks,
    );
    items.extend(checks.into_item());
    let name = &constructor.name;
    let ty = &container.ty;
    let min_len = crate::encode::min_len(&cx, constructor);
    let impl_constructor = header.impl_bounded(quote!(#krate::TlConstructor), None);
    let impl_type = header.impl_bounded(quote!(#krate::TlType), None);
    let function_impl = match &data.function {
        None => TokenStream::new(),
        Some(function) => {
            let impl_function = header.impl_of(quote!(#krate::TlFunction));
            let returns = match function {
                Function::Returns(returns) => quote!(#returns),
                Function::Generic { param } => {
                    quote!(<#param as #krate::TlFunction>::Return)
                }
            };
            quote! {
                #[automatically_derived]
                #impl_function {
                    type Return = #returns;
                }
            }
        }
    };
    let impls = quote! {
        #function_impl

        #[automatically_derived]
        #impl_constructor {
            const NAME: &'static str = #name;
            const ID: u32 = #id;
            const SCHEMA: &'static str = #schema;
        }

        #[automatically_derived]
        #impl_type {
            const DESC: #krate::schema::TypeDesc =
                #krate::schema::TypeDesc::Object { name: #name, ty: #ty };
            const MIN_LEN: usize = #min_len;
            const CONSTRUCTORS: &'static [#krate::schema::ConstructorInfo] =
                &[#krate::schema::ConstructorInfo {
                    name: #name,
                    id: <Self as #krate::TlConstructor>::ID,
                }];
        }
    };
    StructSchema {
        items,
        impls,
        id_check,
    }
}

/// The schema items of an enum: each variant's line and checks, the
/// constructor table `__TL_CONSTRUCTORS` (name and id of variant `n` at
/// index `n`, which the other generators read) with `__TL_SCHEMAS` beside
/// it, and the index of a value's constructor; then `TlType` and
/// `TlObject`.
pub fn for_enum(ident: &Ident, data: &Enum) -> TokenStream {
    let container = &data.container;
    let krate = &container.krate;
    let header = &container.header;
    let ty = &container.ty;
    let mut items = TokenStream::new();
    let mut checks = Checks::default();
    let mut infos = Vec::new();
    let mut schemas = Vec::new();
    let mut object_arms = Vec::new();
    for (index, variant) in data.variants.iter().enumerate() {
        let cx = Context::of_variant(container, index);
        let variant_ident = variant.ident;
        match &variant.kind {
            VariantKind::Own { constructor, .. } => {
                let Schema {
                    items: schema_items,
                    schema,
                    id,
                    id_check,
                } = schema(&cx, constructor, None, None, &mut checks);
                let name = &constructor.name;
                items.extend(schema_items);
                items.extend(id_check);
                infos.push(quote!(#krate::schema::ConstructorInfo { name: #name, id: #id }));
                schemas.push(schema);
                let all = crate::encode::pattern(constructor, |_| false);
                object_arms.push(quote!(#ident::#variant_ident #all => #index));
            }
            VariantKind::Newtype { ty: inner } => {
                // The `const` items below are outside the impls, where the
                // type's lifetimes are not in scope.
                let static_inner = crate::generics::to_static(inner);
                checks.call(
                    inner.span(),
                    krate,
                    "check_variant_type",
                    quote! {
                        #ty,
                        <#static_inner as #krate::TlConstructor>::NAME,
                        &<#static_inner as #krate::TlType>::DESC,
                    },
                );
                infos.push(quote! {
                    #krate::schema::ConstructorInfo {
                        name: <#static_inner as #krate::TlConstructor>::NAME,
                        id: <#static_inner as #krate::TlConstructor>::ID,
                    }
                });
                schemas.push(quote!(<#static_inner as #krate::TlConstructor>::SCHEMA));
                object_arms.push(quote!(#ident::#variant_ident(_) => #index));
            }
        }
    }
    // The catch-all has no row: the methods answer for it before asking
    // for one, and its arm here is never taken.
    let (other_id, other_text) = match &data.other {
        Some(other) => {
            let variant_ident = other.ident;
            object_arms.push(quote!(#ident::#variant_ident(_) => 0usize));
            (
                quote! {
                    if let Self::#variant_ident(__unknown) = self {
                        return __unknown.id().unwrap_or(0u32);
                    }
                },
                quote! {
                    if let Self::#variant_ident(_) = self {
                        return "";
                    }
                },
            )
        }
        None => (TokenStream::new(), TokenStream::new()),
    };
    let count = data.variants.len();
    let crate::generics::ImplHeader {
        generics,
        self_ty,
        where_clause,
        ..
    } = header;
    let impl_type = header.impl_bounded(quote!(#krate::TlType), None);
    let impl_object = header.impl_of(quote!(#krate::TlObject));
    // The id, then the shortest variant's fields when their sizes are known
    // here (`Peer`: 12): a vector's count is checked against it, and an
    // encoder reserves that much per element.
    let min_len = 4 + crate::runs::shortest_fixed_variant(data).unwrap_or(0);
    checks.push(quote!(#krate::__private::check_distinct_ids(&__TL_CONSTRUCTORS);));
    let checks = checks.into_item();
    quote! {
        #items

        const __TL_CONSTRUCTORS: [#krate::schema::ConstructorInfo; #count] = [#(#infos),*];
        const __TL_SCHEMAS: [&str; #count] = [#(#schemas),*];
        #checks

        /// The index of a value's constructor in `__TL_CONSTRUCTORS`.
        #[inline]
        fn __tl_index #generics (__value: &#self_ty) -> usize #where_clause {
            match __value {
                #(#object_arms,)*
            }
        }

        #[automatically_derived]
        #impl_type {
            const DESC: #krate::schema::TypeDesc = #krate::schema::TypeDesc::Union { ty: #ty };
            const MIN_LEN: usize = #min_len;
            const CONSTRUCTORS: &'static [#krate::schema::ConstructorInfo] = &__TL_CONSTRUCTORS;
        }

        #[automatically_derived]
        #impl_object {
            #[inline]
            fn constructor_id(&self) -> u32 {
                #other_id
                __TL_CONSTRUCTORS[__tl_index(self)].id
            }

            #[inline]
            fn constructor_name(&self) -> &'static str {
                #other_text
                __TL_CONSTRUCTORS[__tl_index(self)].name
            }

            #[inline]
            fn schema(&self) -> &'static str {
                #other_text
                __TL_SCHEMAS[__tl_index(self)]
            }
        }
    }
}

/// A constructor's schema: the `const` items its code refers to, and the
/// expressions of its schema line and id.
struct Schema {
    items: TokenStream,
    schema: TokenStream,
    id: TokenStream,
    /// The error of a declared id that differs from the line's, when the
    /// macro computed both.
    id_check: TokenStream,
}

/// The schema of `constructor`: literals when the macro can name every
/// field type (see `literal`), else a [`Line`](tl_schema::Line) with gaps
/// filled in `const`. `result_ty` is a function's `ty`, the text of what it
/// returns.
fn schema(
    cx: &Context,
    constructor: &Constructor,
    function: Option<&Function>,
    result_ty: Option<&LitStr>,
    checks: &mut Checks,
) -> Schema {
    let name = &constructor.name;
    let literal = match function {
        None => crate::literal::compute(constructor, cx.dialect, name, Some(cx.result), None),
        Some(Function::Returns(returns)) => {
            // `ty` writes what it returns: the line is then known here, and
            // `const` only checks the text against the type.
            let text = result_ty.map(|text| result_text(cx, text, returns, checks));
            crate::literal::compute(constructor, cx.dialect, name, text.as_deref(), None)
        }
        Some(Function::Generic { param }) => {
            let param = param.to_string();
            let head = format!("{name} {{{param}:Type}}");
            crate::literal::compute(constructor, cx.dialect, &head, Some(&param), Some(&param))
        }
    };
    let mut items = forms(cx, constructor, &literal, checks);
    let (schema, id, id_check) = match literal.complete() {
        Some((schema, computed_id)) => {
            let (id, id_check) = literal_id(constructor, schema, computed_id);
            (quote!(#schema), id, id_check)
        }
        None => {
            items.extend(line(cx, constructor, function, &literal));
            let krate = cx.krate;
            let line = cx.item("LINE");
            let bytes = cx.item("SCHEMA_BYTES");
            let id = line_id(
                cx,
                constructor,
                &quote!(&#bytes),
                &quote!(#line.id(&#bytes)),
                checks,
            );
            let schema = quote!(#krate::__private::schema_str(&#bytes));
            (schema, id, TokenStream::new())
        }
    };
    Schema {
        items,
        schema,
        id,
        id_check,
    }
}

/// A function's `ty`: the text of its result, and into `checks` the check
/// that it names the `returns` type.
fn result_text(cx: &Context, text: &LitStr, returns: &syn::Type, checks: &mut Checks) -> String {
    let krate = cx.krate;
    let returns = crate::generics::to_static(returns);
    let dialect = cx.dialect_tokens();
    checks.call(
        text.span(),
        krate,
        "check_result_text",
        quote!(#text, &<#returns as #krate::TlType>::DESC, #dialect),
    );
    text.value()
}

/// `const` items: the form of each field with a value the macro cannot
/// name; and into `checks`, the checks of `ty` texts against the Rust
/// types, and of the types the macro read by name.
fn forms(
    cx: &Context,
    constructor: &Constructor,
    literal: &Literal,
    checks: &mut Checks,
) -> TokenStream {
    let krate = cx.krate;
    let dialect = cx.dialect_tokens();
    let mut items = TokenStream::new();
    for (index, field) in constructor.fields.iter().enumerate() {
        let literal_form = literal.forms.get(index).copied().flatten();
        let nullable = field.value_type().and_then(nullable_object);
        if literal_form.is_some() && nullable.is_none() && field.attrs.ty.is_none() {
            // Nothing to name: the form is a literal and there is no check.
            continue;
        }
        let Some(desc) = value_desc(krate, field) else {
            continue;
        };
        if literal_form.is_none() {
            let value = quote!(#krate::schema::Form::default_for(&#desc, #dialect));
            let value = match field.innermost_boxed() {
                Some(boxed) => quote!(#value.with_innermost(&#desc, #boxed)),
                None => value,
            };
            let item = cx.form(index);
            items.extend(quote!(const #item: #krate::schema::Form = #value;));
        }
        if let Some(inner) = nullable {
            // Here rather than in `Option`'s description, which the ids of
            // a type holding itself nullably (`messagePoll`) depend on.
            let inner = crate::generics::to_static(inner);
            checks.call(
                inner.span(),
                krate,
                "check_no_null_constructor",
                quote!(<#inner as #krate::TlType>::CONSTRUCTORS),
            );
        }
        if let Some(text) = &field.attrs.ty {
            let form = cx.field_form(index, field);
            let name = &field.name;
            checks.call(
                text.span(),
                krate,
                "check_type_text",
                quote!(#text, &#desc, #form, #dialect, #name),
            );
        }
    }
    if !literal.assumed.is_empty() {
        // The macro read these types by name: check they are tl-core's, each
        // at its field type.
        for (index, desc) in &literal.assumed {
            let Some(ty) = constructor.fields[*index].value_type() else {
                continue;
            };
            let canonical = crate::literal::canonical_type(krate, desc);
            let krate_at_ty = crate::names::krate_at(krate, ty.span());
            checks.push(quote_spanned! {ty.span()=>
                #krate_at_ty::__private::assume_same_type::<#ty, #canonical>();
            });
        }
    }
    items
}

/// The object type of a nullable field or of nullable vector elements:
/// `T` of `Option<T>` or `Vec<Option<T>>` (at any depth of vectors).
fn nullable_object(ty: &syn::Type) -> Option<&syn::Type> {
    let mut ty = ty;
    while let Some(element) = crate::syntax::vec_element(ty) {
        ty = element;
    }
    crate::syntax::option_inner(ty)
}

/// The id of a line without gaps: the computed one, or the declared one,
/// checked here.
fn literal_id(
    constructor: &Constructor,
    schema: &str,
    computed: u32,
) -> (TokenStream, TokenStream) {
    match (&constructor.id, constructor.force) {
        (Some(declared), None) if declared.value != computed => {
            let mut message = vec![0u8; 256 + schema.len()];
            let len =
                tl_schema::id_mismatch_message_into(&mut message, declared.value, computed, schema);
            message.truncate(len);
            let message = String::from_utf8_lossy(&message);
            let value = declared.value;
            (
                quote!(#value),
                quote_spanned!(declared.span=> ::core::compile_error!(#message);),
            )
        }
        (Some(declared), _) => {
            let value = declared.value;
            (quote!(#value), TokenStream::new())
        }
        (None, _) => (quote!(#computed), TokenStream::new()),
    }
}

/// The line with gaps and its text, as `const` items.
fn line(
    cx: &Context,
    constructor: &Constructor,
    function: Option<&Function>,
    literal: &Literal,
) -> TokenStream {
    let krate = cx.krate;
    let dialect = cx.dialect_tokens();
    let mut segments = Vec::with_capacity(literal.pieces.len() + literal.gaps.len());
    for (position, piece) in literal.pieces.iter().enumerate() {
        let text = &piece.text;
        let (state, shift) = (piece.crc.state(), piece.crc.shift());
        segments.push(quote! {
            #krate::__private::schema::Segment::Text {
                text: #text,
                crc: #krate::__private::schema::Crc32Run::from_parts(#state, #shift),
            }
        });
        let segment = match literal.gaps.get(position) {
            Some(Gap::Field(index)) => {
                let Some(desc) = value_desc(krate, &constructor.fields[*index]) else {
                    continue;
                };
                let form = cx.form(*index);
                quote!(#krate::__private::schema::Segment::Type { desc: &#desc, form: #form })
            }
            Some(Gap::Result) => {
                let Some(Function::Returns(returns)) = function else {
                    continue;
                };
                // Outside the impls, where the type's lifetimes are not in scope.
                let returns = crate::generics::to_static(returns);
                let desc = quote_spanned!(returns.span()=> <#returns as #krate::TlType>::DESC);
                quote! {
                    #krate::__private::schema::Segment::Type {
                        desc: &#desc,
                        form: #krate::schema::Form::for_result(&#desc, #dialect),
                    }
                }
            }
            None => continue,
        };
        segments.push(segment);
    }
    let line = cx.item("LINE");
    let schema_len = cx.item("SCHEMA_LEN");
    let schema_bytes = cx.item("SCHEMA_BYTES");
    quote! {
        const #line: #krate::__private::schema::Line = #krate::__private::schema::Line {
            segments: &[#(#segments),*],
            dialect: #dialect,
        };
        const #schema_len: usize = #line.len();
        const #schema_bytes: [u8; #schema_len] = #line.bytes::<#schema_len>();
    }
}

/// The compile-time checks of one derive, emitted as one `const` item:
/// every `const` item costs the compiler a body to type-check, borrow-check
/// and evaluate, in every derived type. The first check that fails stops
/// the evaluation and is the one reported.
#[derive(Default)]
pub struct Checks(Vec<TokenStream>);

impl Checks {
    /// Adds the call `__private::#function(#args)`, whose failure rustc
    /// reports at `span`.
    pub fn call(&mut self, span: Span, krate: &TokenStream, function: &str, args: TokenStream) {
        let call = crate::names::private_call_at(span, krate, function, args);
        self.0.push(quote!(#call;));
    }

    /// Adds a statement.
    pub fn push(&mut self, statement: TokenStream) {
        self.0.push(statement);
    }

    /// `const _: () = { ... };` running every check, or nothing.
    pub fn into_item(self) -> TokenStream {
        if self.0.is_empty() {
            return TokenStream::new();
        }
        let checks = self.0;
        quote!(const _: () = { #(#checks)* };)
    }
}

/// The id expression of a line with gaps: forced, or computed in `const`;
/// into `checks`, the check of a declared id, spanned at the attribute.
fn line_id(
    cx: &Context,
    constructor: &Constructor,
    bytes: &TokenStream,
    computed: &TokenStream,
    checks: &mut Checks,
) -> TokenStream {
    match (&constructor.id, constructor.force) {
        (Some(id), Some(_)) => {
            let value = id.value;
            quote!(#value)
        }
        (Some(id), None) => {
            let value = id.value;
            checks.call(
                id.span,
                cx.krate,
                "check_declared_id",
                quote!(#bytes, #computed, #value),
            );
            quote!(#value)
        }
        (None, _) => computed.clone(),
    }
}
