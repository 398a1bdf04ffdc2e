//! CRC-32/ISO-HDLC (the zlib `crc32`), usable in `const` context.
//!
//! TL constructor ids are this checksum of a normalized declaration; computing
//! it in `const` lets a derived type's `ID` be a true constant.

const POLYNOMIAL: u32 = 0xEDB8_8320;

const TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut value = i as u32;
        let mut bit = 0;
        while bit < 8 {
            value = if value & 1 == 1 {
                (value >> 1) ^ POLYNOMIAL
            } else {
                value >> 1
            };
            bit += 1;
        }
        table[i] = value;
        i += 1;
    }
    table
};

/// A running CRC-32 over a stream of bytes fed one at a time.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Crc32 {
    state: u32,
}

impl Crc32 {
    pub(crate) const fn new() -> Self {
        Crc32 { state: !0 }
    }

    pub(crate) const fn push(self, byte: u8) -> Self {
        let index = ((self.state ^ byte as u32) & 0xFF) as usize;
        Crc32 {
            state: (self.state >> 8) ^ TABLE[index],
        }
    }

    pub(crate) const fn finish(self) -> u32 {
        !self.state
    }
}

/// CRC-32/ISO-HDLC of `bytes`, as zlib's `crc32(0, bytes, len)` computes it.
///
/// ```
/// assert_eq!(tl_schema::crc32(b"boolTrue = Bool"), 0x997275b5);
/// ```
pub const fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = Crc32::new();
    let mut i = 0;
    while i < bytes.len() {
        crc = crc.push(bytes[i]);
        i += 1;
    }
    crc.finish()
}

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn check_value_of_the_crc32_catalogue() {
        // The "check" value of CRC-32/ISO-HDLC in the CRC catalogue.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
