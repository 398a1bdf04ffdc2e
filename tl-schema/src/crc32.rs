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
            value = times_x(value);
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

    /// This CRC advanced over the bytes `run` was computed from.
    pub(crate) const fn append(self, run: Crc32Run) -> Self {
        Crc32 {
            state: multiply(run.shift, self.state) ^ run.state,
        }
    }
}

/// A run of bytes reduced to what appending it to a running CRC-32 needs:
/// the register it leaves when started from zero, and the factor that moves
/// an earlier register past it (`x^(8·len) mod P`, as in zlib's
/// `crc32_combine`).
///
/// The derive computes one for each stretch of a schema line it knows, so
/// that `const` evaluation hashes only the type names it fills in.
///
/// ```
/// use tl_schema::Crc32Run;
///
/// let run = Crc32Run::of(b"boolTrue = Bool");
/// assert_eq!(Crc32Run::from_parts(run.state(), run.shift()), run);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Crc32Run {
    state: u32,
    shift: u32,
}

impl Crc32Run {
    /// The run of `bytes`.
    pub const fn of(bytes: &[u8]) -> Self {
        let mut state = 0u32;
        let mut shift = 1u32 << 31;
        let mut i = 0;
        while i < bytes.len() {
            state = (state >> 8) ^ TABLE[((state ^ bytes[i] as u32) & 0xFF) as usize];
            let mut bit = 0;
            while bit < 8 {
                shift = times_x(shift);
                bit += 1;
            }
            i += 1;
        }
        Crc32Run { state, shift }
    }

    /// A run from the two numbers [`Crc32Run::state`] and
    /// [`Crc32Run::shift`] gave, as generated code spells it.
    pub const fn from_parts(state: u32, shift: u32) -> Self {
        Crc32Run { state, shift }
    }

    /// The register the bytes leave when started from zero.
    pub const fn state(self) -> u32 {
        self.state
    }

    /// `x^(8·len) mod P`, in the reflected bit order of the register.
    pub const fn shift(self) -> u32 {
        self.shift
    }
}

/// `value · x mod P`, bit-reflected.
const fn times_x(value: u32) -> u32 {
    if value & 1 == 1 {
        (value >> 1) ^ POLYNOMIAL
    } else {
        value >> 1
    }
}

/// `a · b mod P`, bit-reflected (zlib's `multmodp`); bounded even for a
/// zero factor.
const fn multiply(a: u32, mut b: u32) -> u32 {
    let mut product = 0u32;
    let mut mask = 1u32 << 31;
    while mask != 0 {
        if a & mask != 0 {
            product ^= b;
        }
        mask >>= 1;
        b = times_x(b);
    }
    product
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
    use super::{Crc32, Crc32Run, crc32};

    #[test]
    fn appended_runs_equal_the_crc_of_the_whole() {
        let text = b"session id:int64 is_current:Bool = Session";
        for cut in 0..=text.len() {
            for second in cut..=text.len() {
                let mut crc = Crc32::new();
                for &byte in &text[..cut] {
                    crc = crc.push(byte);
                }
                crc = crc.append(Crc32Run::of(&text[cut..second]));
                for &byte in &text[second..] {
                    crc = crc.push(byte);
                }
                assert_eq!(crc.finish(), crc32(text), "runs cut at {cut} and {second}");
            }
        }
    }

    #[test]
    fn an_empty_run_changes_nothing() {
        let crc = Crc32::new().push(b'x');
        assert_eq!(crc.append(Crc32Run::of(b"")).finish(), crc.finish());
        // A forged zero factor still terminates.
        let forged = Crc32Run::from_parts(0, 0);
        assert_eq!(crc.append(forged).finish(), !0);
    }

    #[test]
    fn check_value_of_the_crc32_catalogue() {
        // The "check" value of CRC-32/ISO-HDLC in the CRC catalogue.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
