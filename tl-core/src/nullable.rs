//! Nullable objects: `Option<T>` for a td field TDLib may leave null.
//!
//! td_api.tl has no null on the wire: its fields say "may be null" in their
//! doc comments only, and TDLib exchanges such objects as JSON, where null
//! is an absent key. The binary form here is this crate's, chosen to be
//! unambiguous for any object type and to leave the schema line (and so the
//! id) TDLib's:
//!
//! - `None` is the id of TL's own `null = Null` (`0x56730bcc`), 4 bytes;
//! - `Some(value)` is the value **boxed**: its constructor id, then its
//!   fields, even where the field's type is written bare
//!   (`country:countryInfo`).
//!
//! Every boxed object starts with one of its type's constructor ids, and a
//! type whose constructors include `null`'s id is rejected at compile time,
//! so the first 4 bytes always tell the two apart. Only objects (derived
//! structs and enums) may be nullable: TDLib never leaves a number, string
//! or vector null, and a field it may leave out is `#[tl(default)]`.

use crate::error::Error;
use crate::schema::{ConstructorInfo, Form, TypeDesc};
use crate::traits::{TlDecode, TlEncode, TlType};
use crate::wire::{Reader, Writer};

/// The id of `null = Null`, which stands for an absent nullable object.
pub const NULL: u32 = 0x56730bcc;

/// The form of a present nullable value: boxed at its own level, as given
/// below it.
#[inline]
const fn present(form: Form) -> Form {
    Form::from_bits(form.bits() | 1)
}

/// `T`'s description, after checking `T` is an object type. Only the
/// description is read: a type's constructor ids may depend on this very
/// description (`messagePoll` is a `MessageContent` with a nullable
/// `media:MessageContent`), so checking them here would be a cycle.
const fn nullable_desc<T: TlType + ?Sized>() -> TypeDesc {
    assert!(
        matches!(T::DESC, TypeDesc::Object { .. } | TypeDesc::Union { .. }),
        "only TL objects may be null: a nullable field (`Option<T>` without `flag`) holds a \
         derived struct or enum; for a field TDLib may leave out, use #[tl(default)]"
    );
    T::DESC
}

/// Checks that none of a nullable type's `constructors` has `null`'s id:
/// evaluated by the derive for each nullable field, and where a nullable
/// value is written or read (after every id is known).
pub const fn check_no_null_constructor(constructors: &[ConstructorInfo]) {
    let mut index = 0;
    while index < constructors.len() {
        assert!(
            constructors[index].id != NULL,
            "a nullable type cannot have a constructor with the id of `null` (0x56730bcc): \
             `None` is written as that id"
        );
        index += 1;
    }
}

/// The schema text is `T`'s: `country:countryInfo` whether or not the
/// field may be null.
impl<T: TlType> TlType for Option<T> {
    const DESC: TypeDesc = nullable_desc::<T>();
    /// `None` takes 4 bytes, and a boxed object at least its id.
    const MIN_LEN: usize = 4;
    const CONSTRUCTORS: &'static [ConstructorInfo] = T::CONSTRUCTORS;
}

impl<T: TlEncode + TlType> TlEncode for Option<T> {
    #[inline]
    fn encoded_len(&self, form: Form) -> usize {
        match self {
            Some(value) => value.encoded_len(present(form)),
            None => 4,
        }
    }

    #[inline]
    fn encode(&self, writer: &mut Writer<'_>, form: Form) {
        const { check_no_null_constructor(T::CONSTRUCTORS) };
        match self {
            Some(value) => value.encode(writer, present(form)),
            None => writer.put_u32(NULL),
        }
    }
}

impl<'de, T: TlDecode<'de> + TlType> TlDecode<'de> for Option<T> {
    #[inline]
    fn decode(reader: &mut Reader<'de>, form: Form) -> Result<Self, Error> {
        const { check_no_null_constructor(T::CONSTRUCTORS) };
        if reader.peek_u32() == Some(NULL) {
            reader.read_u32()?;
            return Ok(None);
        }
        T::decode(reader, present(form)).map(Some)
    }
}
