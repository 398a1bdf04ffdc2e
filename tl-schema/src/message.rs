//! Compile-time messages about ids.

use crate::text::Sink;

/// Formats `id` as `0x` and eight lowercase hex digits, for compile-time
/// messages.
pub const fn hex_id(id: u32) -> [u8; 10] {
    let mut out = *b"0x00000000";
    let mut i = 0;
    while i < 8 {
        let nibble = ((id >> (28 - 4 * i)) & 0xF) as u8;
        out[2 + i] = if nibble < 10 {
            b'0' + nibble
        } else {
            b'a' + nibble - 10
        };
        i += 1;
    }
    out
}

/// Writes the message of a declared id that differs from the computed one
/// into the start of `buf` (as much as fits) and returns its whole length.
pub const fn id_mismatch_message_into(
    buf: &mut [u8],
    declared: u32,
    computed: u32,
    schema: &str,
) -> usize {
    let mut sink = Sink { buf, len: 0 };
    sink.put("#[tl(id = ");
    sink.put_bytes(&hex_id(declared));
    sink.put(")] does not match the computed id ");
    sink.put_bytes(&hex_id(computed));
    sink.put(" of `");
    sink.put(schema);
    sink.put(
        "`; fix the field names or types so the schema line matches the official one, \
         or write `#[tl(id = ..., force)]` if the official id is not its CRC-32",
    );
    sink.len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex() {
        assert_eq!(&hex_id(0x09759a3c), b"0x09759a3c");
    }
}
