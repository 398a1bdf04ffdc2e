//! What a Rust type is in a TL schema: the dialect, the type description a
//! field type's impl gives, and which levels of it are boxed.
//!
//! A derived type describes itself with [`TypeDesc`] (how a field of that
//! type is named in a schema), so the schema line is built from the field
//! types' own impls: renaming a Rust type can never silently change an id.

/// The schema family a declaration belongs to: it decides type names, the
/// default vector and object forms, and how the id is normalized.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// TDLib's `td_api.tl`: `int32`, `int64`, bare `vector<T>`, structs
    /// referenced bare by constructor name.
    Td,
    /// Telegram's `api.tl` and `mtproto_api.tl`: `int`, `long`, boxed
    /// `Vector<T>`, objects referenced boxed by type; ids ignore `?true`
    /// fields and hash `bytes` as `string`.
    Mtproto,
    /// TON's schemas: `int`, `long`, bare `(vector T)`, objects boxed.
    Ton,
}

/// How a Rust type appears as a field type in a TL schema.
///
/// Implemented (through `TlType`) by every primitive, by `Vec<T>`,
/// and by every derived type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeDesc {
    /// `int32` (td) / `int` (mtproto, ton): `i32`.
    Int32,
    /// `int64` (td) / `long` (mtproto, ton): `i64`.
    Int64,
    /// `double`: `f64`.
    Double,
    /// `Bool` (boxed boolTrue / boolFalse), or `true` under a flag: `bool`.
    Bool,
    /// `string`: `String`.
    String,
    /// `bytes`: `Vec<u8>`.
    Bytes,
    /// `int128`: `[u8; 16]`.
    Int128,
    /// `int256`: `[u8; 32]`.
    Int256,
    /// `vector<T>` / `Vector<T>`: `Vec<T>`.
    Vector(&'static TypeDesc),
    /// A derived struct: one constructor `name` of the type `ty`.
    Object {
        /// The constructor name, used for bare references (`session`).
        name: &'static str,
        /// The result type, used for boxed references (`Session`).
        ty: &'static str,
    },
    /// A derived enum: a boxed type with several constructors.
    Union {
        /// The type name (`SessionType`).
        ty: &'static str,
    },
}

/// Which levels of a field's type are boxed (carry a constructor id on the
/// wire): bit 0 is the field's own value, bit 1 the elements of a vector,
/// bit 2 the elements of a nested vector, and so on.
///
/// Primitives ignore their bit; `Bool` and derived enums are always boxed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Form(u32);

impl Form {
    /// Every level bare.
    pub const BARE: Form = Form(0);
    /// Every level boxed.
    pub const BOXED: Form = Form(!0);

    /// The form with the given bit per level (bit 0 is the outermost level).
    pub const fn from_bits(bits: u32) -> Form {
        Form(bits)
    }

    /// The bits of this form.
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Whether the outermost level is boxed.
    #[inline]
    pub const fn is_boxed(self) -> bool {
        self.0 & 1 == 1
    }

    /// The form of the elements of a vector written in this form.
    #[inline]
    pub const fn element(self) -> Form {
        // Levels past the 32nd repeat the innermost bit.
        Form((self.0 >> 1) | (self.0 & 0x8000_0000))
    }

    /// The form a field of type `desc` takes by default in `dialect`: vectors
    /// boxed in mtproto only, structs bare in td only, enums and `Bool`
    /// always boxed.
    pub const fn default_for(desc: &TypeDesc, dialect: Dialect) -> Form {
        let mut bits = 0u32;
        let mut level = 0;
        let mut desc = desc;
        loop {
            let boxed = match desc {
                TypeDesc::Vector(_) => matches!(dialect, Dialect::Mtproto),
                TypeDesc::Object { .. } => !matches!(dialect, Dialect::Td),
                TypeDesc::Union { .. } | TypeDesc::Bool => true,
                _ => false,
            };
            if boxed && level < 32 {
                bits |= 1 << level;
            }
            match desc {
                TypeDesc::Vector(element) => {
                    desc = element;
                    level += 1;
                }
                _ => break,
            }
        }
        Form(bits)
    }

    /// The form of a function's result type `desc` in `dialect`: as a
    /// field's, but an object is named by its type (`= Sessions`, not
    /// `= sessions`), since a function returns a boxed value.
    pub const fn for_result(desc: &TypeDesc, dialect: Dialect) -> Form {
        let form = Form::default_for(desc, dialect);
        match desc {
            TypeDesc::Object { .. } => Form(form.0 | 1),
            _ => form,
        }
    }

    /// This form with the innermost level (the object inside any vectors)
    /// set to boxed or bare: the `#[tl(boxed)]` / `#[tl(bare)]` attributes.
    pub const fn with_innermost(self, desc: &TypeDesc, boxed: bool) -> Form {
        let mut level = 0;
        let mut desc = desc;
        while let TypeDesc::Vector(element) = desc {
            desc = element;
            level += 1;
        }
        if level >= 32 {
            return self;
        }
        if boxed {
            Form(self.0 | (1 << level))
        } else {
            Form(self.0 & !(1 << level))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        static SESSION: TypeDesc = TypeDesc::Object {
            name: "session",
            ty: "Session",
        };
        static SESSIONS: TypeDesc = TypeDesc::Vector(&SESSION);
        assert_eq!(Form::default_for(&SESSIONS, Dialect::Td).bits(), 0);
        // `getActiveSessions = Sessions`: the result is named by its type;
        // a vector result keeps the dialect's form.
        assert_eq!(Form::for_result(&SESSION, Dialect::Td).bits(), 1);
        assert_eq!(Form::for_result(&SESSIONS, Dialect::Td).bits(), 0);
        assert_eq!(Form::for_result(&SESSIONS, Dialect::Mtproto).bits(), 0b11);
        assert_eq!(Form::default_for(&SESSIONS, Dialect::Mtproto).bits(), 0b11);
        assert_eq!(Form::default_for(&SESSIONS, Dialect::Ton).bits(), 0b10);
        let bare = Form::default_for(&SESSIONS, Dialect::Mtproto).with_innermost(&SESSIONS, false);
        assert_eq!(bare.bits(), 0b01);
        assert!(Form::BOXED.element().is_boxed());
    }
}
