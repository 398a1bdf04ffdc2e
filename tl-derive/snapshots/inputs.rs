// Inputs of the expansion snapshots (read by tl-derive's expansion tests,
// not compiled).

/// An mtproto constructor with two flags words, a shared bit and nested
/// boxed objects.
#[derive(TlObject)]
#[tl(dialect = "mtproto", name = "auth.authorization", ty = "auth.Authorization")]
struct AuthAuthorization {
    #[tl(flags)]
    flags: u32,
    #[tl(flag = "flags.1")]
    setup_password_required: bool,
    #[tl(flag = "flags.1")]
    otherwise_relogin_days: Option<i32>,
    #[tl(flag = "flags.0")]
    tmp_sessions: Option<i32>,
    #[tl(flags)]
    flags2: u32,
    #[tl(flag = "flags2.0")]
    future_auth_token: Option<Vec<u8>>,
    user: User,
}

/// A struct whose generated code names the runtime through a re-export.
#[derive(TlObject)]
#[tl(crate = "my_crate::tl", id = 0x49cc56a9)]
struct Reexported {
    code: i32,
    #[tl(rename = "message")]
    text: String,
}

/// A field read and written by a codec module, with JSON adapters.
#[derive(TlObject)]
struct Stamped {
    id: i64,
    #[tl(with = "unix_time", default)]
    at: SystemTime,
}

/// A struct borrowing from the input: `'de` outlives `'a` in the decoding
/// impls, and `const` items see the field types with `'static`.
#[derive(TlObject)]
struct Borrowed<'a> {
    text: &'a str,
    note: Cow<'a, str>,
}

/// A td object with a nullable field and a vector of nullable objects.
#[derive(TlObject)]
struct PhoneNumberInfo {
    country: Option<CountryInfo>,
    formatted_phone_number: String,
    messages: Vec<Option<Message>>,
}

/// A partial enum: two declared updates and a catch-all.
#[derive(TlObject)]
enum Update {
    #[tl(name = "updateOption")]
    Option { name: String, value: OptionValue },
    Authorization(UpdateAuthorizationState),
    #[tl(other)]
    Other(tl_core::Unknown),
}

/// A function: its line ends in what `returns` names, and it implements
/// `TlFunction`.
#[derive(TlObject)]
#[tl(function, returns = TestInt)]
struct TestSquareInt {
    x: i32,
}

/// A generic function: `{X:Type} layer:int query:!X = X`, every impl
/// bounding `X`.
#[derive(TlObject)]
#[tl(dialect = "mtproto", function, id = 0xda9b0d0d)]
struct InvokeWithLayer<X> {
    layer: i32,
    query: X,
}

/// An enum of fixed-size constructors: each variant's id and fields are
/// written as one run, and its decoder is always inlined.
#[derive(TlObject)]
#[tl(dialect = "mtproto", ty = "Peer")]
enum Peer {
    #[tl(name = "peerUser", id = 0x59511722)]
    User { user_id: i64 },
    #[tl(name = "peerChat", id = 0x36c6019a)]
    Chat { chat_id: i64 },
    #[tl(name = "peerChannel", id = 0xa2a5371e)]
    Channel { channel_id: i64 },
}
