//! The TL wire format: a [`Reader`] over borrowed bytes and a [`Writer`]
//! into a `Vec<u8>`.
//!
//! Integers are little-endian; `string` and `bytes` carry a 1-byte length
//! (below 254) or `0xfe` and a 3-byte length, then the data, then zero
//! padding to a multiple of 4.

use alloc::vec::Vec;

use crate::error::{Error, ErrorKind, unexpected_constructor};
use crate::schema::ConstructorInfo;

use crate::builtin::BOOL_CONSTRUCTORS;
pub use crate::builtin::{BOOL_FALSE, BOOL_TRUE, VECTOR};

/// The `bool` a `Bool` constructor id stands for; any other id is an error
/// at `offset`.
#[inline]
pub(crate) fn bool_from_id(id: u32, offset: usize) -> Result<bool, Error> {
    match id {
        BOOL_TRUE => Ok(true),
        BOOL_FALSE => Ok(false),
        found => Err(unexpected_constructor(
            "Bool",
            &BOOL_CONSTRUCTORS,
            found,
            offset,
        )),
    }
}

/// The longest `string` or `bytes` TL can encode: 2^24 - 1 bytes.
pub const MAX_BYTES_LEN: usize = (1 << 24) - 1;

/// The default limit on object nesting while decoding.
pub const DEFAULT_MAX_DEPTH: usize = 128;

/// The encoded length of a `string` or `bytes` of `len` bytes, with its
/// length prefix and padding.
#[inline]
pub const fn bytes_encoded_len(len: usize) -> usize {
    let prefix = if len < 254 { 1 } else { 4 };
    (prefix + len + 3) & !3
}

/// Writes TL values into a `Vec<u8>`.
///
/// Every write appends to the vector: one capacity check and a copy, which
/// for a fixed-size value is a store (a run of fixed-size fields is one).
/// Nothing is written twice (no zero-filling ahead of the data).
///
/// Writing never fails part-way with a panic: a value TL cannot encode (a
/// string of 2^24 bytes or more) is recorded, and [`Writer::finish`]
/// returns it.
///
/// ```
/// use tl_core::wire::Writer;
///
/// let mut out = vec![0xAA];
/// let mut writer = Writer::new(&mut out);
/// writer.put_i32(7);
/// writer.put_bytes(b"hey");
/// writer.put_bool(true);
/// assert_eq!(writer.finish().unwrap(), 12);
/// assert_eq!(out, [0xAA, 7, 0, 0, 0, 3, b'h', b'e', b'y', 0xb5, 0x75, 0x72, 0x99]);
/// ```
pub struct Writer<'a> {
    /// The bytes: the caller's vector, taken while writing so that its
    /// length, capacity and pointer are fields here rather than behind a
    /// second reference. Bytes `..start` were there before, the rest are
    /// written.
    out: Vec<u8>,
    start: usize,
    error: Option<Error>,
    /// Where `out` goes back when the writer is finished or dropped; `None`
    /// for a writer that owns a new vector ([`crate::to_bytes`]), which
    /// then moves nothing back and forth.
    home: Option<&'a mut Vec<u8>>,
}

impl<'a> Writer<'a> {
    /// A writer appending to `out`.
    #[inline]
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        let start = out.len();
        Writer {
            out: core::mem::take(out),
            start,
            error: None,
            home: Some(out),
        }
    }

    /// A writer that owns `out`, a new vector (its capacity reserved by the
    /// caller), and gives it back from [`Writer::finish_owned`].
    #[inline]
    pub(crate) fn owned(out: Vec<u8>) -> Writer<'static> {
        Writer {
            start: out.len(),
            out,
            error: None,
            home: None,
        }
    }

    /// Ends writing into an owned vector: the vector, or the first recorded
    /// error.
    #[inline]
    pub(crate) fn finish_owned(mut self) -> Result<Vec<u8>, Error> {
        let out = core::mem::take(&mut self.out);
        let error = self.error.take();
        // Nothing is left to drop (`out` and `error` are taken, `home` is a
        // reference): skipping the drop glue saves a call on every encode.
        core::mem::forget(self);
        match error {
            None => Ok(out),
            Some(error) => Err(error),
        }
    }

    /// How many bytes have been written.
    #[inline]
    pub fn written(&self) -> usize {
        self.out.len() - self.start
    }

    /// Makes room for at least `additional` more bytes, so that writing
    /// them grows the vector at most once: a vector of fixed-size objects
    /// reserves all of its elements before writing the first.
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        self.out.reserve(additional);
    }

    /// Appends raw bytes.
    #[inline]
    pub fn put_raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// Appends a `u32` (a constructor id or flags word).
    #[inline]
    pub fn put_u32(&mut self, value: u32) {
        self.put_raw(&value.to_le_bytes());
    }

    /// Appends an `int32`.
    #[inline]
    pub fn put_i32(&mut self, value: i32) {
        self.put_raw(&value.to_le_bytes());
    }

    /// Appends an `int64`.
    #[inline]
    pub fn put_i64(&mut self, value: i64) {
        self.put_raw(&value.to_le_bytes());
    }

    /// Appends a `double`.
    #[inline]
    pub fn put_f64(&mut self, value: f64) {
        self.put_raw(&value.to_le_bytes());
    }

    /// Appends a boxed `Bool`.
    #[inline]
    pub fn put_bool(&mut self, value: bool) {
        self.put_u32(if value { BOOL_TRUE } else { BOOL_FALSE });
    }

    /// Appends a `string` or `bytes`: length prefix, data, zero padding.
    #[inline(always)]
    pub fn put_bytes(&mut self, bytes: &[u8]) {
        let len = bytes.len();
        if len < 254 {
            // One capacity check for the whole encoding; the three appends
            // below then fit.
            self.out.reserve(bytes_encoded_len(len));
            self.out.push(len as u8);
            self.out.extend_from_slice(bytes);
            // Padding to a multiple of 4: 1 + len + padding.
            match len % 4 {
                0 => self.out.extend_from_slice(&[0; 3]),
                1 => self.out.extend_from_slice(&[0; 2]),
                2 => self.out.push(0),
                _ => {}
            }
        } else {
            self.put_long_bytes(bytes);
        }
    }

    /// Writes `N` bytes that `fill` puts in place: one capacity check for
    /// a run of fixed-size fields.
    #[inline(always)]
    pub(crate) fn put_fixed<const N: usize>(&mut self, fill: impl FnOnce(&mut [u8; N])) {
        let mut run = [0; N];
        fill(&mut run);
        self.out.extend_from_slice(&run);
    }

    /// [`Writer::put_bytes`] from 254 bytes on, out of line: the copy
    /// dominates its cost, and inlining it everywhere would bloat callers.
    #[inline(never)]
    fn put_long_bytes(&mut self, bytes: &[u8]) {
        let len = bytes.len();
        if len > MAX_BYTES_LEN {
            return self.fail(Error::new(ErrorKind::TooLong { len }));
        }
        self.out.reserve(bytes_encoded_len(len));
        self.put_u32((len as u32) << 8 | 254);
        self.put_raw(bytes);
        self.put_raw(&[0; 3][..(4 - len % 4) % 4]);
    }

    /// Records an error; the first one recorded is returned by
    /// [`Writer::finish`].
    #[cold]
    pub fn fail(&mut self, error: Error) {
        if self.error.is_none() {
            self.error = Some(error);
        }
    }

    /// Whether an error was recorded.
    pub fn has_failed(&self) -> bool {
        self.error.is_some()
    }

    /// Ends writing: the number of bytes written, or the first recorded
    /// error.
    #[inline]
    pub fn finish(mut self) -> Result<usize, Error> {
        let written = self.written();
        let error = self.error.take();
        match self.home.take() {
            Some(home) => core::mem::swap(home, &mut self.out),
            // An owned writer finished this way: its bytes are not wanted.
            None => drop(core::mem::take(&mut self.out)),
        }
        // What `Drop` would do is done: `out` is now the empty vector
        // `new` left at home (no allocation) and `error` is taken, so
        // nothing is left to drop, and skipping the drop glue saves a call
        // on every encode.
        core::mem::forget(self);
        match error {
            None => Ok(written),
            Some(error) => Err(error),
        }
    }
}

impl Drop for Writer<'_> {
    #[inline]
    fn drop(&mut self) {
        if let Some(home) = self.home.take() {
            core::mem::swap(home, &mut self.out);
        }
    }
}

/// Reads TL values from borrowed bytes, tracking the offset for errors and
/// the nesting depth against a limit.
///
/// The reader is a cursor: the unread rest of the input, which shrinks from
/// the front, and the input's length, from which offsets are computed only
/// when an error needs one. Every read on the hot path is inlined and its
/// errors are built out of line from plain values, so that a decoder that
/// inlines its fields keeps the cursor in registers.
pub struct Reader<'de> {
    /// The bytes not read yet.
    rest: &'de [u8],
    /// The input's length: the offset of the next byte is
    /// `len - rest.len()`.
    len: usize,
    /// How many more objects may be entered: the depth limit minus the
    /// current depth.
    depth_left: usize,
    max_depth: usize,
    /// How many more elements that take no bytes (bare constructors without
    /// fields) may be decoded: the input's length, so that nested vectors of
    /// them cannot make decoding quadratic.
    zero_width_budget: usize,
    /// Whether the reader's input is one whole value ([`crate::from_bytes`]
    /// made it): only then may a catch-all variant at its start keep the
    /// rest of the input as the body of a constructor it does not know.
    whole_value: bool,
}

/// The error for a read of `needed` bytes at `offset` where `available`
/// are left.
#[cold]
#[inline(never)]
pub(crate) fn end_error(offset: usize, needed: usize, available: usize) -> Error {
    Error::at(ErrorKind::UnexpectedEnd { needed, available }, offset)
}

/// The error for string or bytes padding that is not zero at `offset`.
#[cold]
#[inline(never)]
fn padding_error(offset: usize) -> Error {
    Error::at(ErrorKind::NonZeroPadding, offset)
}

/// The error for a `string` that is not UTF-8, starting at `offset`.
#[cold]
#[inline(never)]
fn utf8_error(offset: usize) -> Error {
    Error::at(ErrorKind::InvalidUtf8, offset)
}

impl<'de> Reader<'de> {
    /// A reader at the start of `data`, with the default depth limit
    /// ([`DEFAULT_MAX_DEPTH`]).
    #[inline]
    pub fn new(data: &'de [u8]) -> Self {
        Reader::with_max_depth(data, DEFAULT_MAX_DEPTH)
    }

    /// A reader whose objects may nest at most `max_depth` deep.
    #[inline]
    pub fn with_max_depth(data: &'de [u8], max_depth: usize) -> Self {
        Reader {
            rest: data,
            len: data.len(),
            depth_left: max_depth,
            max_depth,
            zero_width_budget: data.len(),
            whole_value: false,
        }
    }

    /// The offset of the next byte to read.
    #[inline]
    pub fn position(&self) -> usize {
        self.len - self.rest.len()
    }

    /// How many bytes are left.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// The error for a read of `needed` bytes here.
    #[inline(always)]
    fn end_error(&self, needed: usize) -> Error {
        end_error(self.position(), needed, self.rest.len())
    }

    /// Takes the next `len` bytes.
    #[inline]
    pub fn take(&mut self, len: usize) -> Result<&'de [u8], Error> {
        match self.rest.split_at_checked(len) {
            Some((bytes, rest)) => {
                self.rest = rest;
                Ok(bytes)
            }
            None => Err(self.end_error(len)),
        }
    }

    /// Takes the next `N` bytes as an array.
    #[inline]
    pub fn take_array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        self.take_chunk().copied()
    }

    /// The next `u32` without reading it: a constructor id that decides
    /// what follows.
    #[inline]
    pub(crate) fn peek_u32(&self) -> Option<u32> {
        self.rest
            .first_chunk::<4>()
            .copied()
            .map(u32::from_le_bytes)
    }

    /// Reads a `u32` (a constructor id or flags word).
    #[inline]
    pub fn read_u32(&mut self) -> Result<u32, Error> {
        self.take_array().map(u32::from_le_bytes)
    }

    /// Reads an `int32`.
    #[inline]
    pub fn read_i32(&mut self) -> Result<i32, Error> {
        self.take_array().map(i32::from_le_bytes)
    }

    /// Reads an `int64`.
    #[inline]
    pub fn read_i64(&mut self) -> Result<i64, Error> {
        self.take_array().map(i64::from_le_bytes)
    }

    /// Reads a `double`.
    #[inline]
    pub fn read_f64(&mut self) -> Result<f64, Error> {
        self.take_array().map(f64::from_le_bytes)
    }

    /// Reads a boxed `Bool`.
    #[inline]
    pub fn read_bool(&mut self) -> Result<bool, Error> {
        let start = self.position();
        bool_from_id(self.read_u32()?, start)
    }

    /// Borrows the next `N` bytes as an array: one bounds check for a run
    /// of fixed-size fields.
    #[inline(always)]
    pub fn take_chunk<const N: usize>(&mut self) -> Result<&'de [u8; N], Error> {
        match self.rest.split_first_chunk::<N>() {
            Some((chunk, rest)) => {
                self.rest = rest;
                Ok(chunk)
            }
            None => Err(self.end_error(N)),
        }
    }

    /// Borrows the next `N` bytes as an array, if there are that many.
    #[inline(always)]
    pub(crate) fn try_chunk<const N: usize>(&mut self) -> Option<&'de [u8; N]> {
        let (chunk, rest) = self.rest.split_first_chunk::<N>()?;
        self.rest = rest;
        Some(chunk)
    }

    /// Reads a constructor id and checks it is `id`.
    #[inline]
    pub(crate) fn expect_constructor(
        &mut self,
        id: u32,
        expected_type: &'static str,
        expected: &'static [ConstructorInfo],
    ) -> Result<(), Error> {
        let found = self.read_u32()?;
        if found == id {
            Ok(())
        } else {
            Err(unexpected_constructor(
                expected_type,
                expected,
                found,
                self.position() - 4,
            ))
        }
    }

    /// Reads a `string` or `bytes`: the data, borrowed, and the whole
    /// encoding (length prefix, data, padding).
    ///
    /// The encoding must be the canonical one: zero padding, and the 4-byte
    /// length form only for 254 bytes or more. TL writers do both, and
    /// accepting anything else would let two inputs decode to the same value.
    #[inline(always)]
    fn read_encoded(&mut self) -> Result<(&'de [u8], &'de [u8]), Error> {
        let rest = self.rest;
        // The short form, inline: a length byte below 254, the data, and
        // zero padding up to the next multiple of 4.
        if let Some(&first) = rest.first()
            && first < 254
        {
            let len = usize::from(first);
            let total = (len + 4) & !3;
            if let Some((encoding, tail)) = rest.split_at_checked(total)
                && let Some(last) = encoding.last_chunk::<4>()
            {
                // The padding is the high bytes of the last little-endian
                // word: one load and a shift instead of a loop over up to
                // 3 bytes (a shift of 32 when there is none, in 64 bits).
                let padding = total - 1 - len;
                let high = u64::from(u32::from_le_bytes(*last)) >> (32 - 8 * padding);
                if high == 0 {
                    self.rest = tail;
                    let data = encoding.get(1..=len).unwrap_or_default();
                    return Ok((data, encoding));
                }
            }
        }
        match read_encoded_long(rest, self.len - rest.len()) {
            Ok((data, encoding, tail)) => {
                self.rest = tail;
                Ok((data, encoding))
            }
            Err(error) => Err(error),
        }
    }

    /// Reads a `string` or `bytes`, borrowing the data.
    ///
    /// The encoding must be the canonical one: zero padding, and the 4-byte
    /// length form only for 254 bytes or more. TL writers do both, and
    /// accepting anything else would let two inputs decode to the same value.
    #[inline(always)]
    pub fn read_bytes(&mut self) -> Result<&'de [u8], Error> {
        match self.read_encoded() {
            Ok((data, _)) => Ok(data),
            Err(error) => Err(error),
        }
    }

    /// Reads a `string`, which must be UTF-8.
    #[inline(always)]
    pub fn read_str(&mut self) -> Result<&'de str, Error> {
        let (data, encoding) = self.read_encoded()?;
        match core::str::from_utf8(data) {
            Ok(text) => Ok(text),
            Err(_) => Err(utf8_error(self.position() - encoding.len())),
        }
    }

    /// Reads `N` consecutive `string`s: the fields of a run of text fields
    /// in generated code. When each is in the short form with a length
    /// below 128, the bytes from the first one's text to the last one's are
    /// validated as UTF-8 in one pass (the padding and length bytes between
    /// them are ASCII, so each text is UTF-8 exactly when the whole span
    /// is, and is cut from it on character boundaries): one
    /// `core::str::from_utf8` call for the run instead of one per string,
    /// whose fixed cost dominates on short text. Anything else, and every
    /// error, goes the field-by-field way, so the errors are those of
    /// reading the fields one at a time (`names` are the fields').
    #[inline(always)]
    pub(crate) fn read_str_run<const N: usize>(
        &mut self,
        names: &[&'static str; N],
    ) -> Result<[&'de str; N], Error> {
        if let Some((texts, rest)) = str_run(self.rest) {
            self.rest = rest;
            return Ok(texts);
        }
        match str_run_one_by_one(self.rest, self.len, names) {
            Ok((texts, rest)) => {
                self.rest = rest;
                Ok(texts)
            }
            Err(error) => Err(error),
        }
    }

    /// Reads a vector length and checks that `min_element_len`-byte elements
    /// of that count fit in the rest of the input, so that no allocation is
    /// made for a count the input cannot back. Elements of no bytes draw on a
    /// budget of the input's length instead.
    #[inline]
    pub fn read_vector_len(&mut self, min_element_len: usize) -> Result<usize, Error> {
        let count = self.read_i32()?;
        let fits = usize::try_from(count).ok().filter(|&count| {
            match self.rest.len().checked_div(min_element_len) {
                Some(max) => count <= max,
                None if count <= self.zero_width_budget => {
                    self.zero_width_budget -= count;
                    true
                }
                None => false,
            }
        });
        match fits {
            Some(count) => Ok(count),
            None => Err(invalid_length(count, self.position() - 4)),
        }
    }

    /// Enters a nested object, failing past the depth limit.
    #[inline(always)]
    pub(crate) fn enter(&mut self) -> Result<(), Error> {
        match self.depth_left.checked_sub(1) {
            Some(left) => {
                self.depth_left = left;
                Ok(())
            }
            None => Err(depth_error(self.max_depth, self.position())),
        }
    }

    /// Fails where [`Reader::enter`] would, without entering.
    #[inline(always)]
    pub(crate) fn check_depth(&self) -> Result<(), Error> {
        match self.depth_left {
            0 => Err(depth_error(self.max_depth, self.position())),
            _ => Ok(()),
        }
    }

    /// Leaves a nested object entered with [`Reader::enter`].
    #[inline(always)]
    pub(crate) fn leave(&mut self) {
        self.depth_left = self.depth_left.saturating_add(1);
    }

    /// Marks the input as one whole value: see [`Reader::starts_whole_value`].
    #[inline]
    pub(crate) fn for_whole_value(mut self) -> Self {
        self.whole_value = true;
        self
    }

    /// Whether a value that starts at `start` is the whole input of
    /// [`crate::from_bytes`], so that the rest of the input is its body:
    /// the first value, outside every object.
    #[inline]
    pub(crate) fn starts_whole_value(&self, start: usize) -> bool {
        self.whole_value && start == 0 && self.depth_left == self.max_depth
    }

    /// Checks that all input was read.
    #[inline]
    pub fn finish(&self) -> Result<(), Error> {
        match self.rest.len() {
            0 => Ok(()),
            count => Err(trailing_error(count, self.len - count)),
        }
    }
}

/// [`Reader::read_str_run`]'s single pass: the texts and the rest of the
/// input, or `None` when a string is not short-form with a length below
/// 128, is cut short, has non-zero padding, or the span is not UTF-8.
#[inline(always)]
#[allow(clippy::type_complexity)]
fn str_run<const N: usize>(input: &[u8]) -> Option<([&str; N], &[u8])> {
    let mut rest = input;
    // Where each text starts and ends in `input`.
    let mut spans = [(0, 0); N];
    let mut offset = 0;
    for span in &mut spans {
        let &first = rest.first()?;
        if first >= 128 {
            return None;
        }
        let len = usize::from(first);
        let total = (len + 4) & !3;
        let (encoding, tail) = rest.split_at_checked(total)?;
        let last = encoding.last_chunk::<4>()?;
        let padding = total - 1 - len;
        if u64::from(u32::from_le_bytes(*last)) >> (32 - 8 * padding) != 0 {
            return None;
        }
        *span = (offset + 1, offset + 1 + len);
        offset += total;
        rest = tail;
    }
    // The span validated runs from the first length byte to the last
    // padding byte: both ASCII, and its start is 4-aligned in the input,
    // which lets `from_utf8` reach its word-at-a-time loop sooner.
    let text = core::str::from_utf8(input.get(..offset)?).ok()?;
    let mut texts = [""; N];
    for (out, &(from, to)) in texts.iter_mut().zip(&spans) {
        *out = text.get(from..to)?;
    }
    Some((texts, rest))
}

/// [`Reader::read_str_run`] field by field: `rest` is the unread input of
/// a reader over `len` bytes; the texts and what follows them, or the
/// first field's error, in that field.
#[cold]
#[inline(never)]
#[allow(clippy::type_complexity)]
fn str_run_one_by_one<'de, const N: usize>(
    rest: &'de [u8],
    len: usize,
    names: &[&'static str; N],
) -> Result<([&'de str; N], &'de [u8]), Error> {
    let mut reader = Reader {
        rest,
        len,
        depth_left: 0,
        max_depth: 0,
        zero_width_budget: 0,
        whole_value: false,
    };
    let mut texts = [""; N];
    for (text, &name) in texts.iter_mut().zip(names) {
        *text = match reader.read_str() {
            Ok(text) => text,
            Err(error) => return Err(error.in_field(name)),
        };
    }
    Ok((texts, reader.rest))
}

/// [`Reader::read_encoded`] past its short-form fast path: the 4-byte
/// length form (out of line, where the payload's size dwarfs a call), and
/// every error. `rest` is the unread input, at input offset `start`; the
/// result is the data, the whole encoding and what follows it.
#[inline(never)]
#[allow(clippy::type_complexity)]
fn read_encoded_long(rest: &[u8], start: usize) -> Result<(&[u8], &[u8], &[u8]), Error> {
    if let Some(&[254, a, b, c]) = rest.first_chunk::<4>() {
        let len = usize::from(a) | usize::from(b) << 8 | usize::from(c) << 16;
        let total = (len + 7) & !3;
        if len >= 254
            && let Some((encoding, tail)) = rest.split_at_checked(total)
            && let Some(last) = encoding.last_chunk::<4>()
        {
            let padding = total - 4 - len;
            if u64::from(u32::from_le_bytes(*last)) >> (32 - 8 * padding) == 0 {
                let data = encoding.get(4..4 + len).unwrap_or_default();
                return Ok((data, encoding, tail));
            }
        }
    }
    Err(bytes_error(rest, start))
}

/// The error of a `string` or `bytes` that cannot be read at `rest`, input
/// offset `start`.
#[cold]
#[inline(never)]
fn bytes_error(rest: &[u8], start: usize) -> Error {
    let Some(&first) = rest.first() else {
        return end_error(start, 1, 0);
    };
    let (prefix, len) = match first {
        0..=253 => (1, usize::from(first)),
        254 => {
            let Some(&[_, a, b, c]) = rest.first_chunk::<4>() else {
                return end_error(start, 4, rest.len());
            };
            let len = usize::from(a) | usize::from(b) << 8 | usize::from(c) << 16;
            if len < 254 {
                return Error::at(ErrorKind::NonCanonicalLength { len }, start);
            }
            (4, len)
        }
        255 => return Error::at(ErrorKind::InvalidLengthPrefix, start),
    };
    let total = bytes_encoded_len_with_prefix(prefix, len);
    if total > rest.len() {
        return end_error(start, total, rest.len());
    }
    padding_error(start + prefix + len)
}

#[cold]
#[inline(never)]
fn invalid_length(count: i32, offset: usize) -> Error {
    Error::at(
        ErrorKind::InvalidLength {
            count: count.into(),
        },
        offset,
    )
}

#[cold]
#[inline(never)]
fn depth_error(limit: usize, offset: usize) -> Error {
    Error::at(ErrorKind::DepthLimitExceeded { limit }, offset)
}

#[cold]
#[inline(never)]
fn trailing_error(count: usize, offset: usize) -> Error {
    Error::at(ErrorKind::TrailingBytes { count }, offset)
}

const fn bytes_encoded_len_with_prefix(prefix: usize, len: usize) -> usize {
    (prefix + len + 3) & !3
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    fn encode(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut writer = Writer::new(&mut out);
        writer.put_bytes(bytes);
        writer.finish().unwrap();
        out
    }

    #[test]
    fn short_and_long_length_prefixes() {
        assert_eq!(encode(b""), vec![0, 0, 0, 0]);
        assert_eq!(encode(b"abc"), vec![3, b'a', b'b', b'c']);
        assert_eq!(encode(b"abcd"), vec![4, b'a', b'b', b'c', b'd', 0, 0, 0]);
        let long = vec![7u8; 254];
        let encoded = encode(&long);
        assert_eq!(&encoded[..4], &[254, 254, 0, 0]);
        assert_eq!(encoded.len(), 260);
        assert_eq!(encoded.len(), bytes_encoded_len(254));
    }

    #[test]
    fn reading_rejects_bad_prefix_padding_and_utf8() {
        let mut reader = Reader::new(&[255, 0, 0, 0]);
        assert_eq!(
            reader.read_bytes().unwrap_err().kind(),
            &ErrorKind::InvalidLengthPrefix
        );
        let mut reader = Reader::new(&[1, b'a', 0, 1]);
        let error = reader.read_bytes().unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::NonZeroPadding);
        assert_eq!(error.offset(), Some(2));
        let mut reader = Reader::new(&[2, 0xc3, 0x28, 0]);
        assert_eq!(
            reader.read_str().unwrap_err().kind(),
            &ErrorKind::InvalidUtf8
        );
    }

    #[test]
    fn vector_length_is_checked_before_allocation() {
        let mut reader = Reader::new(&[0, 0, 0, 0x7f, 1, 2, 3, 4]);
        let error = reader.read_vector_len(4).unwrap_err();
        assert_eq!(
            error.kind(),
            &ErrorKind::InvalidLength { count: 0x7f00_0000 }
        );
        let mut reader = Reader::new(&[0xff, 0xff, 0xff, 0xff]);
        assert!(reader.read_vector_len(4).is_err());
        let mut reader = Reader::new(&[1, 0, 0, 0, 1, 2, 3, 4]);
        assert_eq!(reader.read_vector_len(4).unwrap(), 1);
    }

    #[test]
    fn long_prefix_of_a_short_length_is_not_canonical() {
        let mut reader = Reader::new(&[254, 3, 0, 0, b'a', b'b', b'c', 0]);
        let error = reader.read_bytes().unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::NonCanonicalLength { len: 3 });
        assert_eq!(
            error.to_string(),
            "length 3 written with the 4-byte prefix, which TL uses only from 254 bytes on at byte 0"
        );
    }

    #[test]
    fn zero_width_elements_draw_on_a_budget() {
        // Four bytes of input: at most four elements that take no bytes.
        let mut reader = Reader::new(&[2, 0, 0, 0, 2, 0, 0, 0]);
        assert_eq!(reader.read_vector_len(0).unwrap(), 2);
        assert_eq!(reader.read_vector_len(0).unwrap(), 2);
        let mut reader = Reader::new(&[9, 0, 0, 0]);
        assert!(reader.read_vector_len(0).is_err());
    }

    /// `string`s in a row, as a writer puts them.
    fn strings(texts: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut writer = Writer::new(&mut out);
        for text in texts {
            writer.put_bytes(text);
        }
        writer.finish().unwrap();
        out
    }

    #[test]
    fn a_run_of_strings_reads_as_the_strings_one_by_one() {
        let long = "x".repeat(300);
        let mid = "y".repeat(200);
        let cases: [&[&str]; 5] = [
            &["MacBook", "", "macOS 15.1"],
            &["é", "日本語", "a\u{0}b"],
            &["short", &mid, "z"],
            &[&long, "after"],
            &["", ""],
        ];
        for texts in cases {
            let bytes: Vec<&[u8]> = texts.iter().map(|text| text.as_bytes()).collect();
            let input = strings(&bytes);
            let mut reader = Reader::new(&input);
            let read: [&str; 2] = match texts.len() {
                2 => reader.read_str_run(&["a", "b"]).unwrap(),
                _ => {
                    let [a, b, c] = reader.read_str_run(&["a", "b", "c"]).unwrap();
                    assert_eq!(c, texts[2]);
                    [a, b]
                }
            };
            assert_eq!(read, [texts[0], texts[1]]);
            assert_eq!(reader.remaining(), 0);
        }
    }

    #[test]
    fn a_run_of_strings_fails_like_the_first_bad_field() {
        // Invalid UTF-8 in the second string: its offset, its name.
        let input = strings(&[b"ok", &[0xc3, 0x28], b"never"]);
        let error = Reader::new(&input)
            .read_str_run(&["first", "second", "third"])
            .unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::InvalidUtf8);
        assert_eq!(error.offset(), Some(4));
        assert_eq!(error.path_string(), "second");

        // Non-zero padding in the first, invalid UTF-8 after it.
        let mut input = strings(&[b"a", &[0xff]]);
        input[3] = 1;
        let error = Reader::new(&input)
            .read_str_run(&["first", "second"])
            .unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::NonZeroPadding);
        assert_eq!(error.path_string(), "first");

        // A first string ending in a lead byte that the next length byte
        // (169, a continuation byte) would complete: each string is checked
        // on its own.
        let mut first = vec![b'a'; 2];
        first.push(0xc3);
        let input = strings(&[&first, &[b'b'; 169]]);
        assert_eq!(input[4], 169);
        let error = Reader::new(&input)
            .read_str_run(&["first", "second"])
            .unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::InvalidUtf8);
        assert_eq!(error.path_string(), "first");

        // Cut short.
        let input = strings(&[b"abc", b"defgh"]);
        let error = Reader::new(&input[..6])
            .read_str_run(&["first", "second"])
            .unwrap_err();
        assert!(matches!(error.kind(), ErrorKind::UnexpectedEnd { .. }));
        assert_eq!(error.path_string(), "second");
    }

    #[test]
    fn long_strings_read_and_check_their_padding() {
        let long = vec![7u8; 301];
        let mut input = strings(&[&long]);
        assert_eq!(Reader::new(&input).read_bytes().unwrap(), &long[..]);
        let last = input.len() - 1;
        input[last] = 1;
        let error = Reader::new(&input).read_bytes().unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::NonZeroPadding);
        assert_eq!(error.offset(), Some(4 + 301));
        let error = Reader::new(&input[..100]).read_bytes().unwrap_err();
        assert_eq!(
            error.kind(),
            &ErrorKind::UnexpectedEnd {
                needed: 308,
                available: 100
            }
        );
    }

    #[test]
    fn depth_limit() {
        let mut reader = Reader::with_max_depth(&[], 1);
        reader.enter().unwrap();
        assert_eq!(
            reader.enter().unwrap_err().kind(),
            &ErrorKind::DepthLimitExceeded { limit: 1 }
        );
    }
}
