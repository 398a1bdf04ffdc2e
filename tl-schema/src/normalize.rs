//! Constructor ids: the CRC-32 of a declaration line normalized as
//! Telegram's and TON's tools do it.

use crate::crc32::Crc32;
use crate::text::{Sink, starts_with_at};
use crate::types::Dialect;

/// The constructor id of a declaration line: CRC-32 of its normalized text.
///
/// Normalization, as Telegram's and TON's tools do it: drop a `#id` after the
/// name and any `;`; `<` becomes a space, `>`, `{` and `}` are dropped (and in
/// ton `(` and `)`); whitespace runs collapse to one space. In mtproto,
/// `name:flags.N?true` fields are dropped and a field of type `bytes`
/// (`:bytes`, `?bytes`, not `Vector<bytes>`) hashes as `string`.
///
/// ```
/// use tl_schema::{constructor_id, Dialect};
/// assert_eq!(constructor_id("vector {t:Type} # [ t ] = Vector t", Dialect::Mtproto), 0x1cb5c415);
/// assert_eq!(constructor_id("error code:int32 message:string = Error", Dialect::Td), 0x9bdd8f1a);
/// ```
pub const fn constructor_id(text: &str, dialect: Dialect) -> u32 {
    normalized_crc(text.as_bytes(), dialect)
}

/// [`constructor_id`] of a line given as bytes.
pub(crate) const fn normalized_crc(text: &[u8], dialect: Dialect) -> u32 {
    let mut out = Normalized::new(&mut []);
    normalize(text, dialect, &mut out);
    out.crc.finish()
}

/// Writes the text [`constructor_id`] hashes into the start of `buf` (as
/// much as fits) and returns its whole length.
///
/// ```
/// use tl_schema::{normalize_into, Dialect};
/// let mut buf = [0u8; 64];
/// let len = normalize_into("x  a:Vector<long> b:flags.0?true = X;", Dialect::Mtproto, &mut buf);
/// assert_eq!(&buf[..len], b"x a:Vector long = X");
/// ```
pub const fn normalize_into(text: &str, dialect: Dialect, buf: &mut [u8]) -> usize {
    let mut out = Normalized::new(buf);
    normalize(text.as_bytes(), dialect, &mut out);
    out.text.len
}

const fn normalize(bytes: &[u8], dialect: Dialect, out: &mut Normalized<'_>) {
    let mtproto = matches!(dialect, Dialect::Mtproto);
    let ton = matches!(dialect, Dialect::Ton);
    let mut start = 0;
    let mut first_token = true;
    while start < bytes.len() {
        if bytes[start].is_ascii_whitespace() {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            end += 1;
        }
        if !(mtproto && is_true_field(bytes, start, end)) {
            out.pending_space = out.started;
            let mut i = start;
            while i < end {
                let byte = bytes[i];
                if first_token && byte == b'#' && i + 1 < end && bytes[i + 1].is_ascii_hexdigit() {
                    i += 1;
                    while i < end && bytes[i].is_ascii_hexdigit() {
                        i += 1;
                    }
                    continue;
                }
                if mtproto && is_bytes_type_at(bytes, i, start, end) {
                    out.put_str(b"string");
                    i += 5;
                    continue;
                }
                out.put_within_token(byte, ton);
                i += 1;
            }
        }
        first_token = false;
        start = end;
    }
}

/// A CRC-32 (and optionally the text) fed through a whitespace collapser.
pub(crate) struct Normalized<'a> {
    pub(crate) crc: Crc32,
    text: Sink<'a>,
    started: bool,
    pending_space: bool,
}

impl<'a> Normalized<'a> {
    /// A normalizer that also writes its output into `buf`, as much as fits.
    pub(crate) const fn new(buf: &'a mut [u8]) -> Self {
        Normalized {
            crc: Crc32::new(),
            text: Sink { buf, len: 0 },
            started: false,
            pending_space: false,
        }
    }

    /// Continues after text that ended inside a token.
    pub(crate) const fn resume(&mut self, crc: Crc32) {
        self.crc = crc;
        self.started = true;
        self.pending_space = false;
    }

    /// One byte of a token, under the rules that do not depend on the token
    /// as a whole: `<` separates, `>`, `{`, `}`, `;` (and in ton `(`, `)`)
    /// vanish.
    pub(crate) const fn put_within_token(&mut self, byte: u8, ton: bool) {
        match byte {
            b';' | b'>' | b'{' | b'}' => {}
            b'(' | b')' if ton => {}
            b'<' => self.pending_space = self.started,
            // Only a type rendered into a line's gap sees whitespace here:
            // ton's `(vector T)`.
            byte if byte.is_ascii_whitespace() => self.pending_space = self.started,
            _ => self.put(byte),
        }
    }

    const fn put(&mut self, byte: u8) {
        if self.pending_space {
            self.crc = self.crc.push(b' ');
            self.text.put_bytes(b" ");
            self.pending_space = false;
        }
        self.crc = self.crc.push(byte);
        self.text.put_bytes(&[byte]);
        self.started = true;
    }

    pub(crate) const fn put_str(&mut self, text: &[u8]) {
        let mut i = 0;
        while i < text.len() {
            self.put(text[i]);
            i += 1;
        }
    }
}

/// Whether `bytes[start..end]` is a `name:flags.N?true` field.
const fn is_true_field(bytes: &[u8], start: usize, end: usize) -> bool {
    let suffix = b"?true";
    if end - start <= suffix.len() || !starts_with_at(bytes, end - suffix.len(), suffix) {
        return false;
    }
    let mut i = start;
    while i < end {
        if bytes[i] == b':' {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether the token `bytes[start..end]` has the field type `bytes` at `i`:
/// right after `:` or `?`, ending the token. Telegram's ids keep `bytes`
/// inside `Vector<bytes>` (`messagePeerVoteMultiple`, `codeSettings`).
const fn is_bytes_type_at(bytes: &[u8], i: usize, start: usize, end: usize) -> bool {
    let word = b"bytes";
    if i == start || i + word.len() > end {
        return false;
    }
    matches!(bytes[i - 1], b':' | b'?') && starts_with_at(bytes, i, word) && i + word.len() == end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ids() {
        assert_eq!(constructor_id("boolTrue = Bool", Dialect::Td), 0x997275b5);
        assert_eq!(constructor_id("ok = Ok", Dialect::Td), 0xd4edbe69);
        assert_eq!(
            constructor_id("msgs_ack msg_ids:Vector<long> = MsgsAck", Dialect::Mtproto),
            0x62d6b459
        );
        assert_eq!(
            constructor_id(
                "resPQ nonce:int128 server_nonce:int128 pq:bytes server_public_key_fingerprints:Vector<long> = ResPQ",
                Dialect::Mtproto
            ),
            0x05162463
        );
        assert_eq!(
            constructor_id("pub.ed25519 key:int256 = PublicKey", Dialect::Ton),
            0x4813b4c6
        );
        assert_eq!(
            constructor_id("pub.overlay name:bytes = PublicKey", Dialect::Ton),
            0x34ba45cb
        );
    }

    #[test]
    fn explicit_id_and_semicolon_are_ignored() {
        assert_eq!(
            constructor_id("boolTrue#997275b5 = Bool;", Dialect::Mtproto),
            0x997275b5
        );
    }

    #[test]
    fn field_named_bytes_keeps_its_name() {
        let with_name = constructor_id("x bytes:int = X", Dialect::Mtproto);
        assert_eq!(with_name, crate::crc32(b"x bytes:int = X"));
        let typed = constructor_id("x a:bytes b:flags.0?bytes = X", Dialect::Mtproto);
        assert_eq!(typed, crate::crc32(b"x a:string b:flags.0?string = X"));
        let vector = constructor_id(
            "messagePeerVoteMultiple peer:Peer options:Vector<bytes> date:int = MessagePeerVote",
            Dialect::Mtproto,
        );
        assert_eq!(vector, 0x4628f6e6);
    }

    #[test]
    fn true_fields_dropped_in_mtproto_only() {
        let line = "x flags:# a:flags.0?true = X";
        assert_eq!(
            constructor_id(line, Dialect::Mtproto),
            crate::crc32(b"x flags:# = X")
        );
        assert_eq!(
            constructor_id(line, Dialect::Ton),
            crate::crc32(line.as_bytes())
        );
    }
}
