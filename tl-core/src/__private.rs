//! Support for generated code. Not public API: anything here may change in
//! any release.

pub use core;
#[cfg(feature = "serde")]
pub use serde;

/// The JSON helpers generated code calls.
#[cfg(feature = "serde")]
pub mod json {
    pub use crate::json::support::*;
    pub use crate::json::unknown::write_unknown;
}

/// Both halves of the schema rules: generated code builds schema lines with
/// gaps (`Line`, `Segment`, `Crc32Run`) from here.
pub use tl_schema as schema;

pub use crate::error::unexpected_constructor;
pub use crate::flags::FlagsWord;
pub use crate::nullable::check_no_null_constructor;
pub use crate::traits::min_wire_len;
pub use crate::unknown::{Unknown, unknown_encode, unknown_from_wire};

use crate::error::ErrorKind;
use crate::traits::{TlConstructor, TlDecode, TlEncode, TlType};
use crate::wire::{Reader, Writer};

/// [`TlDecode::decode_whole`] of a type whose every value takes `bare`
/// bytes bare and `boxed` boxed: an input of that length is read with its
/// length known, and any other takes the general path, which says what is
/// wrong with it.
#[inline(always)]
pub fn decode_fixed_whole<'de, T: TlDecode<'de>>(
    reader: &mut Reader<'de>,
    form: Form,
    bare: usize,
    boxed: usize,
) -> Result<T, Error> {
    let len = if form.is_boxed() { boxed } else { bare };
    if reader.remaining() == len {
        return T::decode(reader, form);
    }
    crate::traits::decode_then_finish(reader, form)
}

/// Writes the value of a conditional field, when it is there: the code of
/// `if let Some(value) = value { value.encode(..) }`, in one call.
#[inline(always)]
pub fn encode_some<T: TlEncode>(value: &Option<T>, writer: &mut Writer<'_>, form: Form) {
    if let Some(value) = value {
        value.encode(writer, form);
    }
}

/// [`encode_some`] for a field whose bit another field shares: with the
/// bit `set` by that field and this one absent, the bytes could not be read
/// back as the same value, so the writer records an error instead.
#[inline(always)]
pub fn encode_flagged<T: TlEncode>(
    value: &Option<T>,
    writer: &mut Writer<'_>,
    form: Form,
    set: bool,
    field: &'static str,
) {
    match value {
        Some(value) => value.encode(writer, form),
        None if set => writer.fail(Error::new(ErrorKind::MissingConditional { field })),
        None => {}
    }
}

/// The start of a struct's fields: its constructor id when `form` is
/// boxed (an error names the TL type `T` builds), then one level deeper,
/// failing past the reader's depth limit. A struct inside which nothing
/// can `nest` makes the same check without counting the level, so that no
/// [`leave`] is needed.
#[inline(always)]
pub fn enter_object<T: TlConstructor + TlType + ?Sized>(
    reader: &mut Reader<'_>,
    form: Form,
    nests: bool,
) -> Result<(), Error> {
    if form.is_boxed() {
        let expected_type = match T::DESC {
            TypeDesc::Object { ty, .. } => ty,
            _ => T::NAME,
        };
        reader.expect_constructor(T::ID, expected_type, T::CONSTRUCTORS)?;
    }
    if nests {
        reader.enter()
    } else {
        reader.check_depth()
    }
}

/// Reads flags word `name`, failing on a bit outside `known`.
#[inline(always)]
pub fn read_flags(reader: &mut Reader<'_>, known: u32, name: &'static str) -> Result<u32, Error> {
    let start = reader.position();
    let word = match reader.read_u32() {
        Ok(word) => word,
        Err(error) => return Err(field_error(error, name)),
    };
    match check_flags(word, known, name, start) {
        Ok(()) => Ok(word),
        Err(error) => Err(error),
    }
}

/// Fails on a bit of flags word `word` (field `name`, read at byte `at`)
/// outside `known`: a newer layer's field, which cannot be skipped.
#[inline(always)]
pub fn check_flags(word: u32, known: u32, name: &'static str, at: usize) -> Result<(), Error> {
    if word & !known != 0 {
        return Err(unknown_flags(word & !known, name, at));
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn unknown_flags(bits: u32, flags: &'static str, at: usize) -> Error {
    Error::at(ErrorKind::UnknownFlags { flags, bits }, at)
}

/// Enters a nested object, failing past the reader's depth limit.
#[inline]
pub fn enter(reader: &mut Reader<'_>) -> Result<(), Error> {
    reader.enter()
}

/// Fails where [`enter`] would, without entering: for a constructor
/// inside which nothing can nest, so that no [`leave`] is needed.
#[inline]
pub fn check_depth(reader: &Reader<'_>) -> Result<(), Error> {
    reader.check_depth()
}

/// Leaves a nested object entered with [`enter`].
#[inline]
pub fn leave(reader: &mut Reader<'_>) {
    reader.leave();
}

/// Expands to its input when tl-core has its `serde` feature, so that the
/// derive (which cannot see tl-core's features) emits serde impls only then.
#[cfg(feature = "serde")]
#[macro_export]
#[doc(hidden)]
macro_rules! __tl_if_serde {
    ($($tokens:tt)*) => { $($tokens)* };
}

/// Expands to nothing: tl-core was built without `serde`.
#[cfg(not(feature = "serde"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __tl_if_serde {
    ($($tokens:tt)*) => {};
}

pub use crate::__tl_if_serde as if_serde;

/// `$result` unwrapped, its error returned as it is: what generated code
/// writes for `?`, which costs the type checker a `Try` and a `From`
/// resolution at every use, in every derived type. A macro here rather
/// than the `match` in the derive's output: a few tokens instead of forty.
#[macro_export]
#[doc(hidden)]
macro_rules! __tl_try {
    ($result:expr) => {
        match $result {
            ::core::result::Result::Ok(value) => value,
            ::core::result::Result::Err(error) => return ::core::result::Result::Err(error),
        }
    };
}

/// `$result` unwrapped, its error returned as one out of field `$name`.
#[macro_export]
#[doc(hidden)]
macro_rules! __tl_try_in {
    ($result:expr, $name:expr) => {
        match $result {
            ::core::result::Result::Ok(value) => value,
            ::core::result::Result::Err(error) => {
                return ::core::result::Result::Err($crate::__private::field_error(error, $name));
            }
        }
    };
}

pub use crate::{__tl_try as try_, __tl_try_in as try_in};

use crate::error::Error;
use tl_schema::{ConstructorInfo, Dialect, Form, TypeDesc};

/// Adds a field name to an error coming out of that field.
#[cold]
pub fn field_error(error: Error, name: &'static str) -> Error {
    error.in_field(name)
}

/// Decodes field `name`: its error is returned as one out of that field.
/// Generated code unwraps the result with `try_!`; a helper rather than
/// `try_in!` so that each field's error path is not written out again in
/// every decoder.
#[inline(always)]
pub fn decode_field<'de, T: TlDecode<'de>>(
    reader: &mut Reader<'de>,
    form: Form,
    name: &'static str,
) -> Result<T, Error> {
    match T::decode(reader, form) {
        Ok(value) => Ok(value),
        Err(error) => Err(field_error(error, name)),
    }
}

/// The fewest bytes a value of TL type `desc` takes in `form`, for a field
/// whose Rust type is not a `TlType` (`#[tl(with = "...")]`): what the wire
/// format itself guarantees.
pub const fn desc_min_len(desc: &TypeDesc, form: Form) -> usize {
    match desc {
        // A union is always boxed.
        TypeDesc::Int32 | TypeDesc::Bool | TypeDesc::String | TypeDesc::Bytes => 4,
        TypeDesc::Union { .. } => 4,
        TypeDesc::Int64 | TypeDesc::Double => 8,
        TypeDesc::Int128 => 16,
        TypeDesc::Int256 => 32,
        TypeDesc::Vector(_) if form.is_boxed() => 8,
        TypeDesc::Vector(_) => 4,
        TypeDesc::Object { .. } if form.is_boxed() => 4,
        TypeDesc::Object { .. } => 0,
    }
}

/// The `&str` of a schema buffer built in `const`.
pub const fn schema_str(bytes: &[u8]) -> &str {
    match core::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => panic!("tl: schema line is not UTF-8"),
    }
}

const MESSAGE_CAPACITY: usize = 1024;

/// Fails compilation when `declared` (`#[tl(id = ...)]`) differs from the
/// id `computed` from the schema line `schema`, naming both ids and the line.
pub const fn check_declared_id(schema: &[u8], computed: u32, declared: u32) {
    if computed == declared {
        return;
    }
    let mut buf = [0u8; MESSAGE_CAPACITY];
    let len = schema::id_mismatch_message_into(&mut buf, declared, computed, schema_str(schema));
    let message = if len < MESSAGE_CAPACITY {
        buf.split_at(len).0
    } else {
        &buf
    };
    panic!("{}", truncated_str(message))
}

pub mod fixed {
    //! Runs of fixed-size fields in generated code: one bounds check per
    //! run. The helpers are typed, so a field whose type only has a
    //! primitive's name does not compile; offsets are constants within the
    //! run, so the checks below fold away.

    use crate::error::Error;
    use crate::wire::{self, Reader, Writer};

    /// Writes the `N` bytes of a run, which `fill` puts in place: one
    /// capacity check for the run.
    #[inline(always)]
    pub fn write<const N: usize>(writer: &mut Writer<'_>, fill: impl FnOnce(&mut [u8; N])) {
        writer.put_fixed(fill);
    }

    /// Puts `bytes` at `at` in `run`.
    #[inline(always)]
    pub fn put<const N: usize, const M: usize>(run: &mut [u8; N], at: usize, bytes: [u8; M]) {
        if let Some(slot) = run
            .get_mut(at..)
            .and_then(|rest| rest.first_chunk_mut::<M>())
        {
            *slot = bytes;
        }
    }

    #[inline(always)]
    fn get<const N: usize, const M: usize>(run: &[u8; N], at: usize) -> [u8; M] {
        match run.get(at..).and_then(|rest| rest.first_chunk::<M>()) {
            Some(bytes) => *bytes,
            None => [0; M],
        }
    }

    /// Little-endian numbers: the bytes of a value, the value at `at`.
    macro_rules! numbers {
        ($($ty:ty, $len:literal, $bytes:ident, $at:ident, $what:literal;)+) => {$(
            #[doc = concat!("The bytes of ", $what, ".")]
            #[inline(always)]
            pub fn $bytes(value: &$ty) -> [u8; $len] {
                value.to_le_bytes()
            }

            #[doc = concat!("The ", $what, " at `at`.")]
            #[inline(always)]
            pub fn $at<const N: usize>(run: &[u8; N], at: usize) -> $ty {
                <$ty>::from_le_bytes(get(run, at))
            }
        )+};
    }

    numbers! {
        i32, 4, i32_bytes, i32_at, "an `int32`";
        i64, 8, i64_bytes, i64_at, "an `int64`";
        f64, 8, f64_bytes, f64_at, "a `double`";
        u32, 4, u32_bytes, u32_at, "a flags word";
    }

    /// A boxed `Bool`.
    #[inline(always)]
    pub fn bool_bytes(value: &bool) -> [u8; 4] {
        if *value {
            wire::BOOL_TRUE
        } else {
            wire::BOOL_FALSE
        }
        .to_le_bytes()
    }

    /// An `int128`.
    #[inline(always)]
    pub fn int128_bytes(value: &[u8; 16]) -> [u8; 16] {
        *value
    }

    /// An `int256`.
    #[inline(always)]
    pub fn int256_bytes(value: &[u8; 32]) -> [u8; 32] {
        *value
    }

    /// The next `N` bytes; when the input is shorter, the error the first
    /// field that does not fit would have given on its own (`sizes` and
    /// `names` list the run's fields). Bit `i` of `bools` marks field `i`
    /// as a `Bool`, checked here to be `boolTrue` or `boolFalse`, so that
    /// [`bool_at`] reads it without a check of its own.
    #[inline(always)]
    pub fn read_run<'de, const N: usize>(
        reader: &mut Reader<'de>,
        sizes: &[usize],
        names: &[&'static str],
        bools: u64,
    ) -> Result<&'de [u8; N], Error> {
        let start = reader.position();
        match reader.try_chunk::<N>() {
            Some(run) => {
                if bools != 0 {
                    check_bools(run, start, sizes, names, bools)?;
                }
                Ok(run)
            }
            None => Err(short_run(start, reader.remaining(), sizes, names)),
        }
    }

    /// Checks each field of `run` that `bools` marks is a `Bool`: the
    /// error is at the first that is not, with its name.
    #[inline(always)]
    fn check_bools<const N: usize>(
        run: &[u8; N],
        start: usize,
        sizes: &[usize],
        names: &[&'static str],
        bools: u64,
    ) -> Result<(), Error> {
        let mut offset = 0;
        for (index, (&size, &name)) in sizes.iter().zip(names).enumerate() {
            if index < 64
                && bools & (1 << index) != 0
                && let Err(error) =
                    wire::bool_from_id(u32::from_le_bytes(get(run, offset)), start + offset)
            {
                return Err(error.in_field(name));
            }
            offset += size;
        }
        Ok(())
    }

    /// The error of a run that does not fit the `available` bytes at
    /// `start`: at its first field that does not fit. Built from plain
    /// values, so that the reader stays out of memory on the hot path.
    #[cold]
    #[inline(never)]
    fn short_run(start: usize, available: usize, sizes: &[usize], names: &[&'static str]) -> Error {
        let mut offset = 0;
        for (&size, &name) in sizes.iter().zip(names) {
            let left = available.saturating_sub(offset);
            if size > left {
                return wire::end_error(start + offset, size, left).in_field(name);
            }
            offset += size;
        }
        wire::end_error(start, offset, available)
    }

    /// The `Bool` at `at` of a run that [`read_run`] has checked.
    #[inline(always)]
    pub fn bool_at<const N: usize>(run: &[u8; N], at: usize) -> bool {
        u32::from_le_bytes(get(run, at)) == wire::BOOL_TRUE
    }

    /// The `int128` at `at`.
    #[inline(always)]
    pub fn int128_at<const N: usize>(run: &[u8; N], at: usize) -> [u8; 16] {
        get(run, at)
    }

    /// The `int256` at `at`.
    #[inline(always)]
    pub fn int256_at<const N: usize>(run: &[u8; N], at: usize) -> [u8; 32] {
        get(run, at)
    }
}

pub mod text {
    //! Runs of consecutive text fields (`String`, `&str`) in generated
    //! code: read together and validated as UTF-8 in one pass
    //! (`Reader::read_str_run`). The helpers are typed, so a field whose
    //! type only has the name `String` (or `str`) does not compile.

    use alloc::string::String;

    use crate::error::Error;
    use crate::wire::Reader;

    /// The texts of the `N` fields named `names`.
    #[inline(always)]
    pub fn read_run<'de, const N: usize>(
        reader: &mut Reader<'de>,
        names: &[&'static str; N],
    ) -> Result<[&'de str; N], Error> {
        reader.read_str_run(names)
    }

    /// A `String` field's value.
    #[inline(always)]
    pub fn owned(text: &str) -> String {
        String::from(text)
    }

    /// A `&str` field's value.
    #[inline(always)]
    pub fn borrowed(text: &str) -> &str {
        text
    }
}

pub use alloc::string::String;
pub use alloc::vec::Vec;

/// Holds when `Self` is `T`. The derive reads the TL type of a field typed
/// `String`, `i64`, `Vec<u8>`... from the name, and calls
/// [`assume_same_type`] with the field type and tl-core's type of that name,
/// so a user type that shadows the name is an error rather than a wrong
/// schema line.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is named like the TL primitive `{T}` but is another type",
    label = "the derive read this field's TL type from its name",
    note = "a field type written as a bare name (`String`, `i64`, `Vec<u8>`) is read as that \
            TL primitive; write your own type with a path (`crate::String`) to use its own TL \
            type, or give the TL type with #[tl(ty = \"...\")]"
)]
pub trait SameType<T: ?Sized> {}

impl<T: ?Sized> SameType<T> for T {}

/// Compiles only when `T` is `U` (see [`SameType`]).
#[inline(always)]
pub const fn assume_same_type<T: SameType<U> + ?Sized, U: ?Sized>() {}

/// Fails compilation when a struct used as an enum variant builds another
/// type than the enum.
pub const fn check_variant_type(enum_type: &str, struct_name: &str, struct_desc: &TypeDesc) {
    let struct_type = match struct_desc {
        TypeDesc::Object { ty, .. } => ty,
        _ => "",
    };
    if str_eq(enum_type, struct_type) {
        return;
    }
    let mut buf = [0u8; MESSAGE_CAPACITY];
    let mut len = 0;
    len = append(&mut buf, len, b"constructor `");
    len = append(&mut buf, len, struct_name.as_bytes());
    len = append(&mut buf, len, b"` builds type `");
    len = append(&mut buf, len, struct_type.as_bytes());
    len = append(&mut buf, len, b"` but this enum is type `");
    len = append(&mut buf, len, enum_type.as_bytes());
    len = append(&mut buf, len, b"`: add #[tl(ty = \"");
    len = append(&mut buf, len, enum_type.as_bytes());
    len = append(&mut buf, len, b"\")] to the struct");
    let (message, _) = buf.split_at(len);
    panic!("{}", truncated_str(message))
}

/// Whether two strings are equal, in `const`.
pub const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn append(buf: &mut [u8; MESSAGE_CAPACITY], mut len: usize, text: &[u8]) -> usize {
    let mut i = 0;
    while i < text.len() && len < MESSAGE_CAPACITY {
        buf[len] = text[i];
        len += 1;
        i += 1;
    }
    len
}

/// The longest UTF-8 prefix of `bytes` (a message cut at the buffer's end may
/// split a character).
const fn truncated_str(bytes: &[u8]) -> &str {
    let mut len = bytes.len();
    loop {
        let (head, _) = bytes.split_at(len);
        if let Ok(text) = core::str::from_utf8(head) {
            return text;
        }
        len -= 1;
    }
}

/// Fails compilation when a `#[tl(ty = "...")]` text does not name the
/// field's Rust type.
///
/// Each check panics itself, not through a shared helper: rustc's error
/// then shows the one frame of the check, not the helper's call too.
pub const fn check_type_text(
    text: &str,
    desc: &TypeDesc,
    form: Form,
    dialect: Dialect,
    field: &str,
) {
    if schema::type_text_matches(text, desc, form, dialect) {
        return;
    }
    let mut buf = [0u8; MESSAGE_CAPACITY];
    let mut len = append(&mut buf, 0, b"#[tl(ty = \"");
    len = append(&mut buf, len, text.as_bytes());
    len = append(&mut buf, len, b"\")] on field `");
    len = append(&mut buf, len, field.as_bytes());
    len = append(
        &mut buf,
        len,
        b"` does not name the field's Rust type, which is `",
    );
    len = append_rendered(&mut buf, len, desc, form, dialect);
    len = append(
        &mut buf,
        len,
        b"` here: change the field's type, or the text (int53 may stand for an i64; \
          `vector`/`%` make a level bare, `Vector`/an upper-case name boxed)",
    );
    let (message, _) = buf.split_at(len);
    panic!("{}", truncated_str(message))
}

/// Fails compilation when a function's `#[tl(ty = "...")]`, the text of
/// what it returns, does not name its `returns` type.
pub const fn check_result_text(text: &str, desc: &TypeDesc, dialect: Dialect) {
    let form = Form::for_result(desc, dialect);
    if schema::type_text_matches(text, desc, form, dialect) {
        return;
    }
    let mut buf = [0u8; MESSAGE_CAPACITY];
    let mut len = append(&mut buf, 0, b"#[tl(ty = \"");
    len = append(&mut buf, len, text.as_bytes());
    len = append(
        &mut buf,
        len,
        b"\")] on a function does not name what it returns: its `returns` type is `",
    );
    len = append_rendered(&mut buf, len, desc, form, dialect);
    len = append(&mut buf, len, b"` here: change `returns`, or the text");
    let (message, _) = buf.split_at(len);
    panic!("{}", truncated_str(message))
}

/// Appends how `desc` renders in `form`, as far as the buffer holds.
const fn append_rendered(
    buf: &mut [u8; MESSAGE_CAPACITY],
    len: usize,
    desc: &TypeDesc,
    form: Form,
    dialect: Dialect,
) -> usize {
    let (rendered, rendered_len) = schema::rendered_type(desc, form, dialect);
    let (rendered, _) = rendered.split_at(if rendered_len < rendered.len() {
        rendered_len
    } else {
        rendered.len()
    });
    append(buf, len, rendered)
}

/// Fails compilation when two constructors of an enum share an id or a
/// name (a name is what JSON input dispatches on). Each constructor is
/// looked up in two open-addressing tables, by id and by name: `const`
/// evaluation runs a few million steps a second, and comparing every pair
/// of a 300-variant `Update` took a tenth of a second of every build.
pub const fn check_distinct_ids<const N: usize>(constructors: &[ConstructorInfo; N]) {
    // Slots hold an index + 1; at most half full, so probes stay short.
    let mut ids = [0u16; DISTINCT_SLOTS];
    let mut names = [0u16; DISTINCT_SLOTS];
    let mut i = 0;
    while i < N {
        let duplicate = if N > DISTINCT_SLOTS / 2 {
            earlier_duplicate(constructors, i)
        } else {
            let info = &constructors[i];
            let id_slot = (info.id.wrapping_mul(0x9e37_79b1) >> 20) as usize % DISTINCT_SLOTS;
            match find_or_enter(&mut ids, id_slot, constructors, i, true) {
                Some(earlier) => Some((earlier, true)),
                None => {
                    match find_or_enter(&mut names, name_slot(info.name), constructors, i, false) {
                        Some(earlier) => Some((earlier, false)),
                        None => None,
                    }
                }
            }
        };
        if let Some((earlier, same_id)) = duplicate {
            let (buf, len) = duplicate_message(constructors, earlier, i, same_id);
            panic!("{}", truncated_str(buf.split_at(len).0))
        }
        i += 1;
    }
}

/// Slots of each table of [`check_distinct_ids`]; an enum with more than
/// half as many constructors is checked pair by pair.
const DISTINCT_SLOTS: usize = 2048;

/// Probes `table` from `slot` for an earlier constructor with the id
/// (`by_id`) or the name of constructor `i`: returns it, or enters `i`.
const fn find_or_enter(
    table: &mut [u16; DISTINCT_SLOTS],
    mut slot: usize,
    constructors: &[ConstructorInfo],
    i: usize,
    by_id: bool,
) -> Option<usize> {
    loop {
        let held = table[slot] as usize;
        if held == 0 {
            table[slot] = (i + 1) as u16;
            return None;
        }
        let (earlier, info) = (&constructors[held - 1], &constructors[i]);
        let same = if by_id {
            earlier.id == info.id
        } else {
            str_eq(earlier.name, info.name)
        };
        if same {
            return Some(held - 1);
        }
        slot = (slot + 1) % DISTINCT_SLOTS;
    }
}

/// The first slot of a name: FNV-1a of its length and of at most its last
/// 16 bytes (names of one enum share their start, `update...`).
const fn name_slot(name: &str) -> usize {
    let bytes = name.as_bytes();
    let mut hash = (0xcbf2_9ce4_8422_2325u64 ^ bytes.len() as u64).wrapping_mul(0x0100_0000_01b3);
    let mut i = bytes.len().saturating_sub(16);
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    (hash >> 40) as usize % DISTINCT_SLOTS
}

/// The first constructor before `i` that shares its id or its name, and
/// whether it is the id, found pair by pair.
const fn earlier_duplicate(constructors: &[ConstructorInfo], i: usize) -> Option<(usize, bool)> {
    let mut earlier = 0;
    while earlier < i {
        let same_id = constructors[earlier].id == constructors[i].id;
        if same_id || str_eq(constructors[earlier].name, constructors[i].name) {
            return Some((earlier, same_id));
        }
        earlier += 1;
    }
    None
}

/// The error naming constructors `first` and `second` (`first` declared
/// earlier), which share an id (`same_id`) or a name, and its length.
const fn duplicate_message(
    constructors: &[ConstructorInfo],
    first: usize,
    second: usize,
    same_id: bool,
) -> ([u8; MESSAGE_CAPACITY], usize) {
    let mut buf = [0u8; MESSAGE_CAPACITY];
    let mut len = 0;
    len = append(&mut buf, len, b"constructors `");
    len = append(&mut buf, len, constructors[first].name.as_bytes());
    len = append(&mut buf, len, b"` and `");
    len = append(&mut buf, len, constructors[second].name.as_bytes());
    if same_id {
        len = append(&mut buf, len, b"` of this enum have the same id ");
        len = append(&mut buf, len, &schema::hex_id(constructors[first].id));
    } else {
        len = append(&mut buf, len, b"` of this enum have the same name");
    }
    len = append(
        &mut buf,
        len,
        b": each variant must be a different TL constructor; give one another \
          #[tl(name = \"...\")] or id",
    );
    (buf, len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::boxed::Box;
    use std::format;

    /// `N` constructors named `updateNumber{i}` with distinct ids, leaked so
    /// that the names are `'static`.
    fn constructors<const N: usize>() -> [ConstructorInfo; N] {
        core::array::from_fn(|i| ConstructorInfo {
            name: Box::leak(format!("updateNumber{i}").into_boxed_str()),
            id: (i as u32).wrapping_mul(0x0101_0101) ^ 0x5bd5_0cfa,
        })
    }

    #[test]
    fn distinct_constructors_pass_in_a_table_and_pair_by_pair() {
        check_distinct_ids(&constructors::<300>());
        // More than half the slots: checked pair by pair.
        check_distinct_ids(&constructors::<1100>());
    }

    #[test]
    #[should_panic(
        expected = "constructors `updateNumber7` and `updateNumber250` of this enum have the same id"
    )]
    fn a_shared_id_is_found() {
        let mut infos = constructors::<300>();
        infos[250].id = infos[7].id;
        check_distinct_ids(&infos);
    }

    #[test]
    #[should_panic(
        expected = "constructors `updateNumber250` and `updateNumber250` of this enum have the same name"
    )]
    fn a_shared_name_is_found() {
        let mut infos = constructors::<300>();
        infos[290].name = infos[250].name;
        check_distinct_ids(&infos);
    }

    #[test]
    #[should_panic(
        expected = "constructors `updateNumber3` and `updateNumber1000` of this enum have the same id"
    )]
    fn a_shared_id_is_found_pair_by_pair() {
        let mut infos = constructors::<1100>();
        infos[1000].id = infos[3].id;
        check_distinct_ids(&infos);
    }
}
