//! The traits a derived type implements, and that field types implement so
//! that derived types can contain them.

use crate::error::Error;
use crate::schema::{ConstructorInfo, Form, TypeDesc};
use crate::wire::{Reader, Writer};

/// A Rust type with a TL type: a primitive, `Vec<T>`, `Box<T>` or a derived
/// type. The derive reads these constants to build the schema line of any
/// struct containing the type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a TL type",
    label = "no TL type for this field",
    note = "TL fields are i32, i64, f64, bool, String, Vec<u8>, [u8; 16], [u8; 32], Vec<T>, \
            Box<T>, borrowed &str, &[u8], Cow<str>, Cow<[u8]>, or types deriving TlObject",
    note = "a `#` flags word is a `u32` field marked #[tl(flags)]"
)]
pub trait TlType {
    /// How a field of this type is named in a schema.
    const DESC: TypeDesc;

    /// The fewest bytes a bare value of this type takes on the wire. Decoding
    /// a vector checks its count against it before allocating.
    const MIN_LEN: usize;

    /// The constructors of this type (empty for primitives).
    const CONSTRUCTORS: &'static [ConstructorInfo] = &[];
}

/// Binary TL encoding.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a TL type",
    label = "no TL encoding for this field",
    note = "derive TlObject on it, or use a TL primitive"
)]
pub trait TlEncode {
    /// The exact number of bytes [`TlEncode::encode`] writes in `form`.
    ///
    /// Encoding never needs it ([`crate::to_bytes`] writes in one pass); it
    /// answers callers who frame messages. By default it encodes the value
    /// into a scratch buffer and counts the bytes, so it costs what an
    /// encode does, and derived types carry no second walk of their
    /// fields. tl-core's primitives, strings and bytes work it out without
    /// writing.
    ///
    /// ```
    /// use tl_core::TlEncode;
    /// use tl_core::schema::Form;
    ///
    /// let sessions = tl_core::Sessions { sessions: Vec::new(), inactive_session_ttl_days: 30 };
    /// let bytes = tl_core::to_bytes(&sessions)?;
    /// assert_eq!(sessions.encoded_len(Form::BOXED), bytes.len());
    /// assert_eq!(sessions.encoded_len(Form::BARE), bytes.len() - 4);
    /// # Ok::<(), tl_core::Error>(())
    /// ```
    #[inline]
    fn encoded_len(&self, form: Form) -> usize {
        let mut writer = Writer::owned(alloc::vec::Vec::new());
        self.encode(&mut writer, form);
        writer.written()
    }

    /// Writes the value in `form` (boxed or bare at each level).
    fn encode(&self, writer: &mut Writer<'_>, form: Form);
}

/// Binary TL decoding, possibly borrowing from the input (`&'de str`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a TL type",
    label = "no TL encoding for this field",
    note = "derive TlObject on it, or use a TL primitive"
)]
pub trait TlDecode<'de>: Sized {
    /// Reads a value in `form`.
    fn decode(reader: &mut Reader<'de>, form: Form) -> Result<Self, Error>;

    /// Reads a value in `form` that takes all of `reader`'s remaining
    /// input, failing on trailing bytes: what [`crate::from_bytes`] does.
    ///
    /// The derive overrides it for types whose every value takes the same
    /// number of bytes (`Peer`: an id and a `long`), to compare the input's
    /// length with that number once, before reading: the reads then need no
    /// bounds checks and no bytes can trail.
    #[inline]
    fn decode_whole(reader: &mut Reader<'de>, form: Form) -> Result<Self, Error> {
        decode_then_finish(reader, form)
    }
}

/// [`TlDecode::decode_whole`]'s general path: read the value, then fail on
/// trailing bytes.
#[inline]
pub(crate) fn decode_then_finish<'de, T: TlDecode<'de>>(
    reader: &mut Reader<'de>,
    form: Form,
) -> Result<T, Error> {
    let value = T::decode(reader, form)?;
    reader.finish()?;
    Ok(value)
}

/// A derived struct: exactly one TL constructor.
///
/// ```
/// use tl_core::TlConstructor;
/// assert_eq!(tl_core::Session::NAME, "session");
/// assert_eq!(tl_core::Session::ID, 0x09759a3c);
/// assert!(tl_core::Session::SCHEMA.starts_with("session id:int64 is_current:Bool "));
/// ```
pub trait TlConstructor {
    /// The constructor name with its namespace (`auth.authorization`).
    const NAME: &'static str;
    /// The constructor id: CRC-32 of the normalized schema line, unless forced.
    const ID: u32;
    /// The declaration as a `.tl` file writes it, without `#id` and `;`.
    const SCHEMA: &'static str;
}

/// A TL function (a request): a derived struct marked
/// `#[tl(function, returns = T)]`, or a generic one whose `Return` is its
/// query's.
///
/// The reply to a request `F` is an `F::Return`, so a caller decodes it
/// without naming the type:
///
/// ```
/// use tl_core::{TlConstructor, TlFunction, TlObject};
///
/// #[derive(TlObject, Debug, PartialEq)]
/// struct TestInt {
///     value: i32,
/// }
///
/// /// `testSquareInt x:int32 = TestInt`
/// #[derive(TlObject)]
/// #[tl(function, returns = TestInt)]
/// struct TestSquareInt {
///     x: i32,
/// }
///
/// fn answer<F: TlFunction>(_: &F, reply: &[u8]) -> Result<F::Return, tl_core::Error>
/// where
///     F::Return: for<'de> tl_core::TlDecode<'de>,
/// {
///     tl_core::from_bytes(reply)
/// }
///
/// assert_eq!(TestSquareInt::SCHEMA, "testSquareInt x:int32 = TestInt");
/// let reply = tl_core::to_bytes(&TestInt { value: 9 })?;
/// assert_eq!(answer(&TestSquareInt { x: 3 }, &reply)?, TestInt { value: 9 });
/// # Ok::<(), tl_core::Error>(())
/// ```
pub trait TlFunction: TlConstructor {
    /// The type of the function's result.
    type Return;
}

/// A value of a derived struct or enum: which constructor it is.
///
/// Object safe, so heterogeneous values can be handled as `&dyn TlObject`.
pub trait TlObject {
    /// The id of this value's constructor.
    fn constructor_id(&self) -> u32;
    /// The name of this value's constructor.
    fn constructor_name(&self) -> &'static str;
    /// The schema line of this value's constructor.
    fn schema(&self) -> &'static str;
}

/// A struct is one constructor: a derived struct is a [`TlObject`] through
/// its [`TlConstructor`] impl, so that the derive writes no methods for it
/// (the derive implements `TlObject` itself for enums).
impl<T: TlConstructor + ?Sized> TlObject for T {
    #[inline]
    fn constructor_id(&self) -> u32 {
        T::ID
    }

    #[inline]
    fn constructor_name(&self) -> &'static str {
        T::NAME
    }

    #[inline]
    fn schema(&self) -> &'static str {
        T::SCHEMA
    }
}

/// The fewest bytes a value of `T` takes in `form`: a boxed object adds its
/// constructor id to the bare minimum.
#[inline]
pub const fn min_wire_len<T: TlType + ?Sized>(form: Form) -> usize {
    match T::DESC {
        TypeDesc::Object { .. } if form.is_boxed() => T::MIN_LEN + 4,
        _ => T::MIN_LEN,
    }
}
