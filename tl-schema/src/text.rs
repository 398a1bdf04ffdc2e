//! Byte text in `const` code: a sink that counts or writes, and prefix
//! matching.

/// A byte sink that either counts (first pass) or writes (second pass), so
/// that the length and the text of a schema line come from one renderer.
pub(crate) struct Sink<'a> {
    pub(crate) buf: &'a mut [u8],
    pub(crate) len: usize,
}

impl Sink<'_> {
    pub(crate) const fn put(&mut self, text: &str) {
        self.put_bytes(text.as_bytes());
    }

    pub(crate) const fn put_bytes(&mut self, bytes: &[u8]) {
        // Whole slices at a time: `const` evaluation pays one interpreted
        // iteration per byte of a loop.
        if self.len >= self.buf.len() {
            self.len += bytes.len();
            return;
        }
        if bytes.len() <= self.buf.len() - self.len {
            let (_, rest) = self.buf.split_at_mut(self.len);
            let (target, _) = rest.split_at_mut(bytes.len());
            target.copy_from_slice(bytes);
            self.len += bytes.len();
            return;
        }
        let mut i = 0;
        while i < bytes.len() {
            if self.len < self.buf.len() {
                self.buf[self.len] = bytes[i];
            }
            self.len += 1;
            i += 1;
        }
    }

    pub(crate) const fn put_decimal(&mut self, value: u8) {
        if value >= 100 {
            self.put_digit(value / 100);
        }
        if value >= 10 {
            self.put_digit(value / 10 % 10);
        }
        self.put_digit(value % 10);
    }

    const fn put_digit(&mut self, digit: u8) {
        if self.len < self.buf.len() {
            self.buf[self.len] = b'0' + digit;
        }
        self.len += 1;
    }
}

/// Whether `haystack` holds `needle` at `at`.
pub(crate) const fn starts_with_at(haystack: &[u8], at: usize, needle: &[u8]) -> bool {
    if at + needle.len() > haystack.len() {
        return false;
    }
    let mut i = 0;
    while i < needle.len() {
        if haystack[at + i] != needle[i] {
            return false;
        }
        i += 1;
    }
    true
}
