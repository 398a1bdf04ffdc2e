//! TL declarations as `const` data: type names per dialect, schema lines and
//! constructor ids.
//!
//! A derived type describes itself with [`TypeDesc`] (how a field of that type
//! is named in a schema). The derive renders each constructor's
//! [`Declaration`] in the macro, leaving as gaps of a [`Line`](crate::Line)
//! the field types only their impls can name, so the schema line is built
//! from the field types' own impls: renaming a Rust type can never silently
//! change an id.

use crate::crc32::Crc32;

/// The schema family a declaration belongs to: it decides type names, the
/// default vector and object forms, and how the id is normalized.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// TDLib's `td_api.tl`: `int32`, `int64`, bare `vector<T>`, structs
    /// referenced bare by constructor name.
    Td,
    /// Telegram's `api.tl` and `mtproto_api.tl`: `int`, `long`, boxed
    /// `Vector<T>`, objects referenced boxed by type; ids ignore `?true`
    /// fields and hash `bytes` as `string`.
    Mtproto,
    /// TON's schemas: `int`, `long`, bare `(vector T)`, objects boxed.
    Ton,
}

/// How a Rust type appears as a field type in a TL schema.
///
/// Implemented (through `TlType`) by every primitive, by `Vec<T>`,
/// and by every derived type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeDesc {
    /// `int32` (td) / `int` (mtproto, ton): `i32`.
    Int32,
    /// `int64` (td) / `long` (mtproto, ton): `i64`.
    Int64,
    /// `double`: `f64`.
    Double,
    /// `Bool` (boxed boolTrue / boolFalse), or `true` under a flag: `bool`.
    Bool,
    /// `string`: `String`.
    String,
    /// `bytes`: `Vec<u8>`.
    Bytes,
    /// `int128`: `[u8; 16]`.
    Int128,
    /// `int256`: `[u8; 32]`.
    Int256,
    /// `vector<T>` / `Vector<T>`: `Vec<T>`.
    Vector(&'static TypeDesc),
    /// A derived struct: one constructor `name` of the type `ty`.
    Object {
        /// The constructor name, used for bare references (`session`).
        name: &'static str,
        /// The result type, used for boxed references (`Session`).
        ty: &'static str,
    },
    /// A derived enum: a boxed type with several constructors.
    Union {
        /// The type name (`SessionType`).
        ty: &'static str,
    },
}

/// Which levels of a field's type are boxed (carry a constructor id on the
/// wire): bit 0 is the field's own value, bit 1 the elements of a vector,
/// bit 2 the elements of a nested vector, and so on.
///
/// Primitives ignore their bit; `Bool` and derived enums are always boxed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Form(u32);

impl Form {
    /// Every level bare.
    pub const BARE: Form = Form(0);
    /// Every level boxed.
    pub const BOXED: Form = Form(!0);

    /// The form with the given bit per level (bit 0 is the outermost level).
    pub const fn from_bits(bits: u32) -> Form {
        Form(bits)
    }

    /// The bits of this form.
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Whether the outermost level is boxed.
    #[inline]
    pub const fn is_boxed(self) -> bool {
        self.0 & 1 == 1
    }

    /// The form of the elements of a vector written in this form.
    #[inline]
    pub const fn element(self) -> Form {
        // Levels past the 32nd repeat the innermost bit.
        Form((self.0 >> 1) | (self.0 & 0x8000_0000))
    }

    /// The form a field of type `desc` takes by default in `dialect`: vectors
    /// boxed in mtproto only, structs bare in td only, enums and `Bool`
    /// always boxed.
    pub const fn default_for(desc: &TypeDesc, dialect: Dialect) -> Form {
        let mut bits = 0u32;
        let mut level = 0;
        let mut desc = desc;
        loop {
            let boxed = match desc {
                TypeDesc::Vector(_) => matches!(dialect, Dialect::Mtproto),
                TypeDesc::Object { .. } => !matches!(dialect, Dialect::Td),
                TypeDesc::Union { .. } | TypeDesc::Bool => true,
                _ => false,
            };
            if boxed && level < 32 {
                bits |= 1 << level;
            }
            match desc {
                TypeDesc::Vector(element) => {
                    desc = element;
                    level += 1;
                }
                _ => break,
            }
        }
        Form(bits)
    }

    /// This form with the innermost level (the object inside any vectors)
    /// set to boxed or bare: the `#[tl(boxed)]` / `#[tl(bare)]` attributes.
    pub const fn with_innermost(self, desc: &TypeDesc, boxed: bool) -> Form {
        let mut level = 0;
        let mut desc = desc;
        while let TypeDesc::Vector(element) = desc {
            desc = element;
            level += 1;
        }
        if level >= 32 {
            return self;
        }
        if boxed {
            Form(self.0 | (1 << level))
        } else {
            Form(self.0 & !(1 << level))
        }
    }
}

/// The condition of a conditional field: `flags.3?` is `flags` bit 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition<'a> {
    /// The name of the `#` field holding the bit.
    pub flags: &'a str,
    /// The bit number, 0..=31.
    pub bit: u8,
}

/// A field type as a declaration writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeRef<'a> {
    /// What the Rust type is.
    pub desc: &'a TypeDesc,
    /// Which levels are boxed.
    pub form: Form,
    /// The type exactly as the schema writes it, when the field says so with
    /// `#[tl(ty = "...")]`; otherwise the name is rendered from `desc`.
    pub text: Option<&'a str>,
}

/// One field of a declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldDecl<'a> {
    /// `name:#`, a flags word.
    Flags {
        /// The field name.
        name: &'a str,
    },
    /// `name:T` or, with a condition, `name:flags.N?T`.
    Value {
        /// The field name.
        name: &'a str,
        /// The field type.
        ty: TypeRef<'a>,
        /// The flag bit the field depends on, if any.
        condition: Option<Condition<'a>>,
    },
    /// `name:flags.N?true`: a bit with no bytes behind it.
    True {
        /// The field name.
        name: &'a str,
        /// The flag bit.
        condition: Condition<'a>,
    },
}

/// A constructor declaration: `name field:type ... = Result`.
///
/// The derive renders one in the macro, with a placeholder text for each
/// field type it cannot name; it can be rendered in `const` as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declaration<'a> {
    /// The constructor name, with namespace (`auth.authorization`).
    pub name: &'a str,
    /// The fields in wire order.
    pub fields: &'a [FieldDecl<'a>],
    /// The type the constructor builds (`auth.Authorization`).
    pub result: &'a str,
    /// The schema family.
    pub dialect: Dialect,
}

/// Facts about one constructor, as listed by `tl_core::TlType::CONSTRUCTORS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConstructorInfo {
    /// The constructor name.
    pub name: &'static str,
    /// The constructor id.
    pub id: u32,
}

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

    const fn put_decimal(&mut self, value: u8) {
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

/// The name of a type in `dialect`, with `form` deciding bare or boxed at
/// each level.
pub(crate) const fn render_type(
    sink: &mut Sink<'_>,
    desc: &TypeDesc,
    form: Form,
    dialect: Dialect,
) {
    let td = matches!(dialect, Dialect::Td);
    match desc {
        TypeDesc::Int32 => sink.put(if td { "int32" } else { "int" }),
        TypeDesc::Int64 => sink.put(if td { "int64" } else { "long" }),
        TypeDesc::Double => sink.put("double"),
        TypeDesc::Bool => sink.put("Bool"),
        TypeDesc::String => sink.put("string"),
        TypeDesc::Bytes => sink.put("bytes"),
        TypeDesc::Int128 => sink.put("int128"),
        TypeDesc::Int256 => sink.put("int256"),
        TypeDesc::Vector(element) => {
            let ton = matches!(dialect, Dialect::Ton);
            if ton {
                sink.put("(");
            }
            sink.put(if form.is_boxed() { "Vector" } else { "vector" });
            sink.put(if ton { " " } else { "<" });
            render_type(sink, element, form.element(), dialect);
            sink.put(if ton { ")" } else { ">" });
        }
        TypeDesc::Object { name, ty } => sink.put(if form.is_boxed() { ty } else { name }),
        TypeDesc::Union { ty } => {
            if !form.is_boxed() {
                sink.put("%");
            }
            sink.put(ty);
        }
    }
}

impl Declaration<'_> {
    const fn render(&self, sink: &mut Sink<'_>) {
        sink.put(self.name);
        let mut i = 0;
        while i < self.fields.len() {
            sink.put(" ");
            match &self.fields[i] {
                FieldDecl::Flags { name } => {
                    sink.put(name);
                    sink.put(":#");
                }
                FieldDecl::Value {
                    name,
                    ty,
                    condition,
                } => {
                    sink.put(name);
                    sink.put(":");
                    if let Some(condition) = condition {
                        render_condition(sink, condition);
                    }
                    match ty.text {
                        Some(text) => sink.put(text),
                        None => render_type(sink, ty.desc, ty.form, self.dialect),
                    }
                }
                FieldDecl::True { name, condition } => {
                    sink.put(name);
                    sink.put(":");
                    render_condition(sink, condition);
                    sink.put("true");
                }
            }
            i += 1;
        }
        sink.put(" = ");
        sink.put(self.result);
    }

    /// The length in bytes of [`Declaration::schema`]'s text.
    pub const fn schema_len(&self) -> usize {
        let mut sink = Sink {
            buf: &mut [],
            len: 0,
        };
        self.render(&mut sink);
        sink.len
    }

    /// The declaration as a `.tl` file writes it, without `#id` and `;`, as
    /// UTF-8 bytes; `N` must be [`Declaration::schema_len`].
    pub const fn schema<const N: usize>(&self) -> [u8; N] {
        let mut buf = [0u8; N];
        let len = self.schema_into(&mut buf);
        assert!(len == N, "schema buffer length differs from schema_len");
        buf
    }

    /// Writes [`Declaration::schema`]'s text into the start of `buf` (as
    /// much as fits) and returns its whole length.
    ///
    /// ```
    /// use tl_schema::{Declaration, Dialect, FieldDecl, Form, TypeDesc, TypeRef};
    ///
    /// let fields = [FieldDecl::Value {
    ///     name: "code",
    ///     ty: TypeRef { desc: &TypeDesc::Int32, form: Form::BARE, text: None },
    ///     condition: None,
    /// }];
    /// let declaration = Declaration { name: "error", fields: &fields, result: "Error", dialect: Dialect::Td };
    /// let mut buf = [0u8; 64];
    /// let len = declaration.schema_into(&mut buf);
    /// assert_eq!(&buf[..len], b"error code:int32 = Error");
    /// assert_eq!(len, declaration.schema_len());
    /// ```
    pub const fn schema_into(&self, buf: &mut [u8]) -> usize {
        let mut sink = Sink { buf, len: 0 };
        self.render(&mut sink);
        sink.len
    }
}

const fn render_condition(sink: &mut Sink<'_>, condition: &Condition) {
    sink.put(condition.flags);
    sink.put(".");
    sink.put_decimal(condition.bit);
    sink.put("?");
}

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

/// Capacity for rendering one field type in `const` checks.
pub const TYPE_TEXT_CAPACITY: usize = 512;

/// Whether `text` (a `#[tl(ty = "...")]`) names the type that `desc` renders
/// to in `form` and `dialect`. `int53` stands for `int64`: same bytes,
/// different JSON.
pub const fn type_text_matches(text: &str, desc: &TypeDesc, form: Form, dialect: Dialect) -> bool {
    let (buf, len) = rendered_type(desc, form, dialect);
    let text = text.as_bytes();
    if len != text.len() || len > TYPE_TEXT_CAPACITY {
        return false;
    }
    let int64 = if matches!(dialect, Dialect::Td) {
        b"int64"
    } else {
        b"long\0"
    };
    let mut i = 0;
    while i < len {
        if starts_with_at(text, i, b"int53") && starts_with_at(&buf, i, int64) {
            i += 5;
            continue;
        }
        if buf[i] != text[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The name of a type in `dialect` and `form`, in a fixed buffer with its
/// length (which may exceed the buffer for absurdly nested types).
pub const fn rendered_type(
    desc: &TypeDesc,
    form: Form,
    dialect: Dialect,
) -> ([u8; TYPE_TEXT_CAPACITY], usize) {
    let mut buf = [0u8; TYPE_TEXT_CAPACITY];
    let mut sink = Sink {
        buf: &mut buf,
        len: 0,
    };
    render_type(&mut sink, desc, form, dialect);
    let len = sink.len;
    (buf, len)
}

const fn starts_with_at(haystack: &[u8], at: usize, needle: &[u8]) -> bool {
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

    #[test]
    fn forms() {
        static SESSION: TypeDesc = TypeDesc::Object {
            name: "session",
            ty: "Session",
        };
        static SESSIONS: TypeDesc = TypeDesc::Vector(&SESSION);
        assert_eq!(Form::default_for(&SESSIONS, Dialect::Td).bits(), 0);
        assert_eq!(Form::default_for(&SESSIONS, Dialect::Mtproto).bits(), 0b11);
        assert_eq!(Form::default_for(&SESSIONS, Dialect::Ton).bits(), 0b10);
        let bare = Form::default_for(&SESSIONS, Dialect::Mtproto).with_innermost(&SESSIONS, false);
        assert_eq!(bare.bits(), 0b01);
        assert!(Form::BOXED.element().is_boxed());
    }

    #[test]
    fn hex() {
        assert_eq!(&hex_id(0x09759a3c), b"0x09759a3c");
    }
}
