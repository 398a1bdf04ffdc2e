//! TL encodings of Rust's primitive types, strings, byte buffers, vectors
//! and boxes.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorKind};
use crate::schema::{Form, TypeDesc};
use crate::traits::{TlDecode, TlEncode, TlType, min_wire_len};
use crate::wire::{self, Reader, Writer, bytes_encoded_len};

macro_rules! fixed_size {
    ($ty:ty, $desc:ident, $len:expr, $put:ident, $read:ident) => {
        impl TlType for $ty {
            const DESC: TypeDesc = TypeDesc::$desc;
            const MIN_LEN: usize = $len;
        }

        impl TlEncode for $ty {
            #[inline]
            fn encoded_len(&self, _: Form) -> usize {
                $len
            }

            #[inline]
            fn encode(&self, writer: &mut Writer<'_>, _: Form) {
                writer.$put(*self);
            }
        }

        impl<'de> TlDecode<'de> for $ty {
            #[inline]
            fn decode(reader: &mut Reader<'de>, _: Form) -> Result<Self, Error> {
                reader.$read()
            }
        }
    };
}

fixed_size!(i32, Int32, 4, put_i32, read_i32);
fixed_size!(i64, Int64, 8, put_i64, read_i64);
fixed_size!(f64, Double, 8, put_f64, read_f64);
fixed_size!(bool, Bool, 4, put_bool, read_bool);

macro_rules! raw_array {
    ($len:literal, $desc:ident) => {
        impl TlType for [u8; $len] {
            const DESC: TypeDesc = TypeDesc::$desc;
            const MIN_LEN: usize = $len;
        }

        impl TlEncode for [u8; $len] {
            #[inline]
            fn encoded_len(&self, _: Form) -> usize {
                $len
            }

            #[inline]
            fn encode(&self, writer: &mut Writer<'_>, _: Form) {
                writer.put_raw(self);
            }
        }

        impl<'de> TlDecode<'de> for [u8; $len] {
            #[inline]
            fn decode(reader: &mut Reader<'de>, _: Form) -> Result<Self, Error> {
                reader.take_array()
            }
        }
    };
}

raw_array!(16, Int128);
raw_array!(32, Int256);

macro_rules! byte_string {
    ($desc:ident, $($ty:ty => $bytes:ident),+) => {$(
        impl TlType for $ty {
            const DESC: TypeDesc = TypeDesc::$desc;
            const MIN_LEN: usize = 4;
        }

        impl TlEncode for $ty {
            #[inline]
            fn encoded_len(&self, _: Form) -> usize {
                bytes_encoded_len(self.len())
            }

            #[inline]
            fn encode(&self, writer: &mut Writer<'_>, _: Form) {
                writer.put_bytes(self.$bytes());
            }
        }
    )+};
}

byte_string!(String, String => as_bytes, str => as_bytes, Cow<'_, str> => as_bytes);
byte_string!(Bytes, Vec<u8> => as_slice, [u8] => as_ref, Cow<'_, [u8]> => as_ref);

impl<'de> TlDecode<'de> for String {
    #[inline]
    fn decode(reader: &mut Reader<'de>, _: Form) -> Result<Self, Error> {
        reader.read_str().map(String::from)
    }
}

/// Borrowed from the input: no allocation.
impl<'de: 'a, 'a> TlDecode<'de> for &'a str {
    #[inline]
    fn decode(reader: &mut Reader<'de>, _: Form) -> Result<Self, Error> {
        reader.read_str()
    }
}

/// Borrowed from the input, like `&str`; the type also holds owned text
/// (from JSON with escapes, or built by the program).
impl<'de: 'a, 'a> TlDecode<'de> for Cow<'a, str> {
    #[inline]
    fn decode(reader: &mut Reader<'de>, _: Form) -> Result<Self, Error> {
        reader.read_str().map(Cow::Borrowed)
    }
}

impl<'de> TlDecode<'de> for Vec<u8> {
    #[inline]
    fn decode(reader: &mut Reader<'de>, _: Form) -> Result<Self, Error> {
        reader.read_bytes().map(<[u8]>::to_vec)
    }
}

/// Borrowed from the input: no allocation.
impl<'de: 'a, 'a> TlDecode<'de> for &'a [u8] {
    #[inline]
    fn decode(reader: &mut Reader<'de>, _: Form) -> Result<Self, Error> {
        reader.read_bytes()
    }
}

/// Borrowed from the input, like `&[u8]`; owned when read from JSON, where
/// bytes are base64.
impl<'de: 'a, 'a> TlDecode<'de> for Cow<'a, [u8]> {
    #[inline]
    fn decode(reader: &mut Reader<'de>, _: Form) -> Result<Self, Error> {
        reader.read_bytes().map(Cow::Borrowed)
    }
}

impl<T: TlType> TlType for Vec<T> {
    const DESC: TypeDesc = TypeDesc::Vector(&T::DESC);
    const MIN_LEN: usize = 4;
}

/// `encoded_len` is the default: one scratch encode of the whole vector,
/// not one per element.
impl<T: TlEncode + TlType> TlEncode for Vec<T> {
    #[inline]
    fn encode(&self, writer: &mut Writer<'_>, form: Form) {
        if form.is_boxed() {
            writer.put_u32(wire::VECTOR);
        }
        let Ok(count) = i32::try_from(self.len()) else {
            writer.fail(Error::new(ErrorKind::InvalidLength {
                count: self.len() as i64,
            }));
            return;
        };
        writer.put_i32(count);
        let element = form.element();
        // The fewest bytes the elements take, which they will write: for
        // objects of a fixed size, all of it, so the vector grows once.
        writer.reserve(self.len().saturating_mul(min_wire_len::<T>(element)));
        for item in self {
            item.encode(writer, element);
        }
    }
}

impl<'de, T: TlDecode<'de> + TlType> TlDecode<'de> for Vec<T> {
    #[inline]
    fn decode(reader: &mut Reader<'de>, form: Form) -> Result<Self, Error> {
        if form.is_boxed() {
            reader.expect_constructor(
                wire::VECTOR,
                "Vector",
                &crate::builtin::VECTOR_CONSTRUCTORS,
            )?;
        }
        let element = form.element();
        let count = reader.read_vector_len(min_wire_len::<T>(element))?;
        let mut items = Vec::with_capacity(count);
        for index in 0..count {
            items.push(T::decode(reader, element).map_err(|error| error.in_element(index))?);
        }
        Ok(items)
    }
}

/// `Box<T>` and `&T` are `T` on the wire: the same type, forms and bytes.
macro_rules! same_as_pointee {
    ($($pointer:ty),*) => {$(
        impl<T: TlType + ?Sized> TlType for $pointer {
            const DESC: TypeDesc = T::DESC;
            const MIN_LEN: usize = T::MIN_LEN;
            const CONSTRUCTORS: &'static [crate::schema::ConstructorInfo] = T::CONSTRUCTORS;
        }

        impl<T: TlEncode + ?Sized> TlEncode for $pointer {
            #[inline]
            fn encoded_len(&self, form: Form) -> usize {
                (**self).encoded_len(form)
            }

            #[inline]
            fn encode(&self, writer: &mut Writer<'_>, form: Form) {
                (**self).encode(writer, form);
            }
        }
    )*};
}

same_as_pointee!(Box<T>, &T);

impl<'de, T: TlDecode<'de>> TlDecode<'de> for Box<T> {
    #[inline]
    fn decode(reader: &mut Reader<'de>, form: Form) -> Result<Self, Error> {
        T::decode(reader, form).map(Box::new)
    }

    #[inline]
    fn decode_whole(reader: &mut Reader<'de>, form: Form) -> Result<Self, Error> {
        T::decode_whole(reader, form).map(Box::new)
    }
}
