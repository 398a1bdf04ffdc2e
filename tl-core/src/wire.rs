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

/// How far ahead of the write position a [`Writer`] zero-fills its output
/// when it runs out of filled space.
const FILL_AHEAD: usize = 4096;

/// Writes of at least this many bytes that do not fit the filled space are
/// appended directly, so that large payloads are copied once, not zeroed
/// first and then copied.
const APPEND_DIRECTLY: usize = 256;

/// Writes TL values into a `Vec<u8>`.
///
/// The writer fills the vector with zeros ahead of its position (within the
/// capacity [`TlEncode::encoded_len`](crate::TlEncode::encoded_len) let the
/// caller reserve) and then writes over them: each write is one bounds check
/// and a fixed-size copy, where `Vec::push` would check and grow capacity
/// every time. Large byte strings are appended directly.
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
    /// The caller's vector, taken while writing so that its length and
    /// pointer are fields here rather than behind a second reference: bytes
    /// `..start` were there before; `start..pos` are written; `pos..` are
    /// zeros filled ahead.
    out: Vec<u8>,
    start: usize,
    pos: usize,
    error: Option<Error>,
    /// Where `out` goes back when the writer is finished or dropped.
    home: &'a mut Vec<u8>,
}

impl<'a> Writer<'a> {
    /// A writer appending to `out`.
    pub fn new(out: &'a mut Vec<u8>) -> Self {
        let start = out.len();
        Writer {
            out: core::mem::take(out),
            start,
            pos: start,
            error: None,
            home: out,
        }
    }

    /// How many bytes have been written.
    #[inline]
    pub fn written(&self) -> usize {
        self.pos - self.start
    }

    /// The next `len` bytes of output, to be overwritten.
    #[inline(always)]
    fn slot(&mut self, len: usize) -> &mut [u8] {
        let start = self.pos;
        // Cannot overflow: both terms are bounded by lengths in memory.
        let end = start + len;
        if end <= self.out.len() {
            self.pos = end;
            return &mut self.out[start..end];
        }
        // Out of line, so that the fast path keeps the vector's length and
        // pointer in registers.
        self.slot_after_fill(start, end)
    }

    #[cold]
    #[inline(never)]
    fn slot_after_fill(&mut self, start: usize, end: usize) -> &mut [u8] {
        let ahead = (start + FILL_AHEAD).min(self.out.capacity());
        self.out.resize(end.max(ahead), 0);
        self.pos = end;
        &mut self.out[start..end]
    }

    /// Appends raw bytes.
    #[inline]
    pub fn put_raw(&mut self, bytes: &[u8]) {
        let len = bytes.len();
        if len >= APPEND_DIRECTLY && self.pos + len > self.out.len() {
            self.out.truncate(self.pos);
            self.out.extend_from_slice(bytes);
            self.pos += len;
        } else {
            self.slot(len).copy_from_slice(bytes);
        }
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
            let total = bytes_encoded_len(len);
            let slot = self.slot(total);
            // The last word is zeroed whole, then the data overwrites what
            // of it is not padding: one fixed-size store, not a memset.
            slot[total - 4..].copy_from_slice(&[0; 4]);
            slot[0] = len as u8;
            slot[1..=len].copy_from_slice(bytes);
        } else {
            self.put_long_bytes(bytes);
        }
    }

    /// Writes `N` bytes that `fill` puts in place: one bounds check for a
    /// run of fixed-size fields.
    #[inline(always)]
    pub(crate) fn put_fixed<const N: usize>(&mut self, fill: impl FnOnce(&mut [u8; N])) {
        if let Some(chunk) = self.slot(N).first_chunk_mut::<N>() {
            fill(chunk);
        }
    }

    /// [`Writer::put_bytes`] from 254 bytes on, out of line: the copy
    /// dominates its cost, and inlining it everywhere would bloat callers.
    #[inline(never)]
    fn put_long_bytes(&mut self, bytes: &[u8]) {
        let len = bytes.len();
        if len > MAX_BYTES_LEN {
            return self.fail(Error::new(ErrorKind::TooLong { len }));
        }
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
    /// error. The zeros filled ahead are dropped either way.
    #[inline]
    pub fn finish(mut self) -> Result<usize, Error> {
        match self.error.take() {
            None => Ok(self.written()),
            Some(error) => Err(error),
        }
    }
}

impl Drop for Writer<'_> {
    #[inline]
    fn drop(&mut self) {
        self.out.truncate(self.pos);
        core::mem::swap(self.home, &mut self.out);
    }
}

/// Reads TL values from borrowed bytes, tracking the offset for errors and
/// the nesting depth against a limit.
pub struct Reader<'de> {
    data: &'de [u8],
    pos: usize,
    depth: usize,
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

impl<'de> Reader<'de> {
    /// A reader at the start of `data`, with the default depth limit
    /// ([`DEFAULT_MAX_DEPTH`]).
    pub fn new(data: &'de [u8]) -> Self {
        Reader::with_max_depth(data, DEFAULT_MAX_DEPTH)
    }

    /// A reader whose objects may nest at most `max_depth` deep.
    pub fn with_max_depth(data: &'de [u8], max_depth: usize) -> Self {
        Reader {
            data,
            pos: 0,
            depth: 0,
            max_depth,
            zero_width_budget: data.len(),
            whole_value: false,
        }
    }

    /// The offset of the next byte to read.
    #[inline]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// How many bytes are left.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    /// Takes the next `len` bytes.
    #[inline]
    pub fn take(&mut self, len: usize) -> Result<&'de [u8], Error> {
        if len > self.remaining() {
            return Err(self.end_error(len));
        }
        let bytes = &self.data[self.pos..self.pos + len];
        self.pos += len;
        Ok(bytes)
    }

    #[cold]
    fn end_error(&self, needed: usize) -> Error {
        Error::at(
            ErrorKind::UnexpectedEnd {
                needed,
                available: self.remaining(),
            },
            self.pos,
        )
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
        let bytes = self.data.get(self.pos..self.pos.checked_add(4)?)?;
        Some(u32::from_le_bytes(bytes.try_into().ok()?))
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
        let start = self.pos;
        bool_from_id(self.read_u32()?, start)
    }

    /// Borrows the next `N` bytes as an array: one bounds check for a run
    /// of fixed-size fields.
    #[inline]
    pub fn take_chunk<const N: usize>(&mut self) -> Result<&'de [u8; N], Error> {
        let rest = self.data.get(self.pos..).unwrap_or_default();
        match rest.first_chunk::<N>() {
            Some(chunk) => {
                self.pos += N;
                Ok(chunk)
            }
            None => Err(self.end_error(N)),
        }
    }

    /// Reads a constructor id and checks it is `id`.
    #[inline]
    pub(crate) fn expect_constructor(
        &mut self,
        id: u32,
        expected_type: &'static str,
        expected: &'static [ConstructorInfo],
    ) -> Result<(), Error> {
        let start = self.pos;
        let found = self.read_u32()?;
        if found == id {
            Ok(())
        } else {
            Err(unexpected_constructor(
                expected_type,
                expected,
                found,
                start,
            ))
        }
    }

    /// Reads a `string` or `bytes`, borrowing the data.
    ///
    /// The encoding must be the canonical one: zero padding, and the 4-byte
    /// length form only for 254 bytes or more. TL writers do both, and
    /// accepting anything else would let two inputs decode to the same value.
    #[inline]
    pub fn read_bytes(&mut self) -> Result<&'de [u8], Error> {
        let start = self.pos;
        let first = *self.data.get(self.pos).ok_or_else(|| self.end_error(1))?;
        let (prefix, len) = match first {
            0..=253 => (1, first as usize),
            254 => {
                let [_, a, b, c] = self.take_array::<4>()?;
                self.pos = start;
                let len = a as usize | (b as usize) << 8 | (c as usize) << 16;
                if len < 254 {
                    return Err(Error::at(ErrorKind::NonCanonicalLength { len }, start));
                }
                (4, len)
            }
            255 => return Err(Error::at(ErrorKind::InvalidLengthPrefix, start)),
        };
        let total = bytes_encoded_len_with_prefix(prefix, len);
        if total > self.remaining() {
            return Err(self.end_error(total));
        }
        let end = start + total;
        let bytes = &self.data[start + prefix..start + prefix + len];
        // The padding is the high bytes of the last little-endian word: one
        // load and a shift instead of a loop over up to 3 bytes.
        let padding = total - prefix - len;
        let last_word = self.data[..end]
            .last_chunk::<4>()
            .copied()
            .unwrap_or_default();
        if u32::from_le_bytes(last_word)
            .checked_shr(8 * (4 - padding as u32))
            .unwrap_or(0)
            != 0
        {
            return Err(Error::at(ErrorKind::NonZeroPadding, start + prefix + len));
        }
        self.pos = end;
        Ok(bytes)
    }

    /// Reads a `string`, which must be UTF-8.
    #[inline]
    pub fn read_str(&mut self) -> Result<&'de str, Error> {
        let start = self.pos;
        let bytes = self.read_bytes()?;
        core::str::from_utf8(bytes).map_err(|_| Error::at(ErrorKind::InvalidUtf8, start))
    }

    /// Reads a vector length and checks that `min_element_len`-byte elements
    /// of that count fit in the rest of the input, so that no allocation is
    /// made for a count the input cannot back. Elements of no bytes draw on a
    /// budget of the input's length instead.
    #[inline]
    pub fn read_vector_len(&mut self, min_element_len: usize) -> Result<usize, Error> {
        let start = self.pos;
        let count = self.read_i32()?;
        let fits = usize::try_from(count).ok().filter(|&count| {
            match self.remaining().checked_div(min_element_len) {
                Some(max) => count <= max,
                None if count <= self.zero_width_budget => {
                    self.zero_width_budget -= count;
                    true
                }
                None => false,
            }
        });
        fits.ok_or_else(|| {
            Error::at(
                ErrorKind::InvalidLength {
                    count: count.into(),
                },
                start,
            )
        })
    }

    /// Enters a nested object, failing past the depth limit.
    #[inline]
    pub(crate) fn enter(&mut self) -> Result<(), Error> {
        if self.depth >= self.max_depth {
            return Err(Error::at(
                ErrorKind::DepthLimitExceeded {
                    limit: self.max_depth,
                },
                self.pos,
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// Leaves a nested object entered with [`Reader::enter`].
    #[inline]
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Marks the input as one whole value: see [`Reader::starts_whole_value`].
    pub(crate) fn for_whole_value(mut self) -> Self {
        self.whole_value = true;
        self
    }

    /// Whether a value that starts at `start` is the whole input of
    /// [`crate::from_bytes`], so that the rest of the input is its body:
    /// the first value, outside every object.
    #[inline]
    pub(crate) fn starts_whole_value(&self, start: usize) -> bool {
        self.whole_value && start == 0 && self.depth == 0
    }

    /// Checks that all input was read.
    pub fn finish(&self) -> Result<(), Error> {
        match self.remaining() {
            0 => Ok(()),
            count => Err(Error::at(ErrorKind::TrailingBytes { count }, self.pos)),
        }
    }
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
