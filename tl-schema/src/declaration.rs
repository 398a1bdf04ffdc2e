//! Constructor declarations as `const` data, and their schema lines.
//!
//! The derive renders each constructor's [`Declaration`] in the macro,
//! leaving as gaps of a [`Line`](crate::Line) the field types only their
//! impls can name.

use crate::render::render_type;
use crate::text::Sink;
use crate::types::{Dialect, Form, TypeDesc};

/// The condition of a conditional field: `flags.3?` is `flags` bit 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition<'a> {
    /// The name of the `#` field holding the bit.
    pub flags: &'a str,
    /// The bit number, 0..=31.
    pub bit: u8,
}

/// A field type as a declaration writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeRef<'a> {
    /// What the Rust type is.
    pub desc: &'a TypeDesc,
    /// Which levels are boxed.
    pub form: Form,
    /// The type exactly as the schema writes it, when the field says so with
    /// `#[tl(ty = "...")]`; otherwise the name is rendered from `desc`.
    pub text: Option<&'a str>,
}

/// One field of a declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldDecl<'a> {
    /// `name:#`, a flags word.
    Flags {
        /// The field name.
        name: &'a str,
    },
    /// `name:T` or, with a condition, `name:flags.N?T`.
    Value {
        /// The field name.
        name: &'a str,
        /// The field type.
        ty: TypeRef<'a>,
        /// The flag bit the field depends on, if any.
        condition: Option<Condition<'a>>,
    },
    /// `name:flags.N?true`: a bit with no bytes behind it.
    True {
        /// The field name.
        name: &'a str,
        /// The flag bit.
        condition: Condition<'a>,
    },
}

/// A constructor declaration: `name field:type ... = Result`.
///
/// The derive renders one in the macro, with a placeholder text for each
/// field type it cannot name; it can be rendered in `const` as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declaration<'a> {
    /// The constructor name, with namespace (`auth.authorization`).
    pub name: &'a str,
    /// The fields in wire order.
    pub fields: &'a [FieldDecl<'a>],
    /// The type the constructor builds (`auth.Authorization`).
    pub result: &'a str,
    /// The schema family.
    pub dialect: Dialect,
}

/// Facts about one constructor, as listed by `tl_core::TlType::CONSTRUCTORS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConstructorInfo {
    /// The constructor name.
    pub name: &'static str,
    /// The constructor id.
    pub id: u32,
}

impl Declaration<'_> {
    const fn render(&self, sink: &mut Sink<'_>) {
        sink.put(self.name);
        let mut i = 0;
        while i < self.fields.len() {
            sink.put(" ");
            match &self.fields[i] {
                FieldDecl::Flags { name } => {
                    sink.put(name);
                    sink.put(":#");
                }
                FieldDecl::Value {
                    name,
                    ty,
                    condition,
                } => {
                    sink.put(name);
                    sink.put(":");
                    if let Some(condition) = condition {
                        render_condition(sink, condition);
                    }
                    match ty.text {
                        Some(text) => sink.put(text),
                        None => render_type(sink, ty.desc, ty.form, self.dialect),
                    }
                }
                FieldDecl::True { name, condition } => {
                    sink.put(name);
                    sink.put(":");
                    render_condition(sink, condition);
                    sink.put("true");
                }
            }
            i += 1;
        }
        sink.put(" = ");
        sink.put(self.result);
    }

    /// The length in bytes of [`Declaration::schema`]'s text.
    pub const fn schema_len(&self) -> usize {
        let mut sink = Sink {
            buf: &mut [],
            len: 0,
        };
        self.render(&mut sink);
        sink.len
    }

    /// The declaration as a `.tl` file writes it, without `#id` and `;`, as
    /// UTF-8 bytes; `N` must be [`Declaration::schema_len`].
    pub const fn schema<const N: usize>(&self) -> [u8; N] {
        let mut buf = [0u8; N];
        let len = self.schema_into(&mut buf);
        assert!(len == N, "schema buffer length differs from schema_len");
        buf
    }

    /// Writes [`Declaration::schema`]'s text into the start of `buf` (as
    /// much as fits) and returns its whole length.
    ///
    /// ```
    /// use tl_schema::{Declaration, Dialect, FieldDecl, Form, TypeDesc, TypeRef};
    ///
    /// let fields = [FieldDecl::Value {
    ///     name: "code",
    ///     ty: TypeRef { desc: &TypeDesc::Int32, form: Form::BARE, text: None },
    ///     condition: None,
    /// }];
    /// let declaration = Declaration { name: "error", fields: &fields, result: "Error", dialect: Dialect::Td };
    /// let mut buf = [0u8; 64];
    /// let len = declaration.schema_into(&mut buf);
    /// assert_eq!(&buf[..len], b"error code:int32 = Error");
    /// assert_eq!(len, declaration.schema_len());
    /// ```
    pub const fn schema_into(&self, buf: &mut [u8]) -> usize {
        let mut sink = Sink { buf, len: 0 };
        self.render(&mut sink);
        sink.len
    }
}

const fn render_condition(sink: &mut Sink<'_>, condition: &Condition) {
    sink.put(condition.flags);
    sink.put(".");
    sink.put_decimal(condition.bit);
    sink.put("?");
}
