//! TDLib 1.8.67's objects and functions that the suite exchanges with the
//! library, written by hand as a user of the derive would write them.
//!
//! Each declaration is copied from TDLib's `td_api.tl`: the vendored
//! `tests/whole-schema/schemas/td_api.tl` is TDLib 1.8.64, and where 1.8.67
//! differs (only `countryInfo` among these, which gained `flag_emoji` in
//! 1.8.66) the comment says so. [`declared`] lists every schema line with
//! what the derive made of it; the tests at the bottom check the ids
//! against those lines and against ids TDLib publishes, and
//! `sync::tdlib_knows_our_ids` checks them against the library itself.
//!
//! Requests are TL functions, `#[tl(function, returns = T)]`: their schema
//! line (and id) is the function's, and `F::Return` is the type of a
//! successful answer.

use tl_core::json::{JsonDecode, JsonEncode};
use tl_core::{TdError, TlConstructor, TlFunction, TlType, Unknown};

/// A TDLib function these tests send: a derived function whose result the
/// tests read, write back and print.
pub trait Function: TlFunction<Return = Self::Reply> + JsonEncode + std::fmt::Debug {
    /// What TDLib answers when the request succeeds: `F::Return`.
    type Reply: for<'de> JsonDecode<'de> + JsonEncode + TlType + std::fmt::Debug;
}

impl<F> Function for F
where
    F: TlFunction + JsonEncode + std::fmt::Debug,
    F::Return: for<'de> JsonDecode<'de> + JsonEncode + TlType + std::fmt::Debug,
{
    type Reply = F::Return;
}

/// Compiles only when `F` returns `R`: the list below names each
/// function's result once more, as td_api.tl does.
fn returns<F: TlFunction<Return = R>, R>() {}

// ---------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------

/// `ok = Ok`: success without a value.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct Ok;

/// `textEntity offset:int32 length:int32 type:TextEntityType = TextEntity`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct TextEntity {
    /// In UTF-16 code units.
    pub offset: i32,
    /// In UTF-16 code units.
    pub length: i32,
    /// What the entity is.
    pub r#type: TextEntityType,
}

/// `textEntities entities:vector<textEntity> = TextEntities`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct TextEntities {
    /// The entities found, in text order.
    pub entities: Vec<TextEntity>,
}

/// `formattedText text:string entities:vector<textEntity> = FormattedText`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct FormattedText {
    /// The plain text.
    pub text: String,
    /// Its formatting.
    pub entities: Vec<TextEntity>,
}

/// `TextEntityType`: every constructor but `textEntityTypeDateTime`, whose
/// `formatting_type:DateTimeFormattingType` would bring in another type
/// that no test needs.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub enum TextEntityType {
    /// `textEntityTypeMention = TextEntityType` (`@username`).
    Mention,
    /// `textEntityTypeHashtag = TextEntityType`.
    Hashtag,
    /// `textEntityTypeCashtag = TextEntityType` (`$USD`).
    Cashtag,
    /// `textEntityTypeBotCommand = TextEntityType`.
    BotCommand,
    /// `textEntityTypeUrl = TextEntityType`.
    Url,
    /// `textEntityTypeEmailAddress = TextEntityType`.
    EmailAddress,
    /// `textEntityTypePhoneNumber = TextEntityType`.
    PhoneNumber,
    /// `textEntityTypeBankCardNumber = TextEntityType`.
    BankCardNumber,
    /// `textEntityTypeBold = TextEntityType`.
    Bold,
    /// `textEntityTypeItalic = TextEntityType`.
    Italic,
    /// `textEntityTypeUnderline = TextEntityType`.
    Underline,
    /// `textEntityTypeStrikethrough = TextEntityType`.
    Strikethrough,
    /// `textEntityTypeSpoiler = TextEntityType`.
    Spoiler,
    /// `textEntityTypeCode = TextEntityType`.
    Code,
    /// `textEntityTypePre = TextEntityType`.
    Pre,
    /// `textEntityTypePreCode language:string = TextEntityType`.
    PreCode {
        /// The language of the code block, as the sender wrote it.
        language: String,
    },
    /// `textEntityTypeBlockQuote = TextEntityType`.
    BlockQuote,
    /// `textEntityTypeExpandableBlockQuote = TextEntityType`.
    ExpandableBlockQuote,
    /// `textEntityTypeTextUrl url:string = TextEntityType`.
    TextUrl {
        /// The link, normalized by TDLib (`https://example.org/`).
        url: String,
    },
    /// `textEntityTypeMentionName user_id:int53 = TextEntityType`.
    MentionName {
        /// A JSON number: TDLib's user ids fit in 53 bits.
        #[tl(ty = "int53")]
        user_id: i64,
    },
    /// `textEntityTypeCustomEmoji custom_emoji_id:int64 = TextEntityType`.
    CustomEmoji {
        /// A JSON string, as every `int64`.
        custom_emoji_id: i64,
    },
    /// `textEntityTypeMediaTimestamp media_timestamp:int32 = TextEntityType`.
    MediaTimestamp {
        /// Seconds from the start of the media.
        media_timestamp: i32,
    },
    /// textEntityTypeDateTime, and entity types of later TDLib versions.
    #[tl(other)]
    Other(Unknown),
}

/// `TextParseMode`: how `parseTextEntities` reads its text.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub enum TextParseMode {
    /// `textParseModeMarkdown version:int32 = TextParseMode`.
    Markdown {
        /// 0, 1 or 2: Telegram's three Markdown dialects.
        version: i32,
    },
    /// `textParseModeHTML = TextParseMode`: the name is not the variant's
    /// lowerCamelCase.
    #[tl(name = "textParseModeHTML")]
    Html,
}

/// `JsonValue`: TDLib's JSON document tree (`getJsonValue`, `getJsonString`).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub enum JsonValue {
    /// `jsonValueNull = JsonValue`.
    Null,
    /// `jsonValueBoolean value:Bool = JsonValue`.
    Boolean {
        /// The value.
        value: bool,
    },
    /// `jsonValueNumber value:double = JsonValue`.
    Number {
        /// TDLib prints it with six decimals (`42.000000`).
        value: f64,
    },
    /// `jsonValueString value:string = JsonValue`.
    String {
        /// The value.
        value: String,
    },
    /// `jsonValueArray values:vector<JsonValue> = JsonValue`.
    Array {
        /// The elements.
        values: Vec<JsonValue>,
    },
    /// `jsonValueObject members:vector<jsonObjectMember> = JsonValue`.
    Object {
        /// The members, in document order.
        members: Vec<JsonObjectMember>,
    },
}

/// `jsonObjectMember key:string value:JsonValue = JsonObjectMember`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct JsonObjectMember {
    /// The member's name.
    pub key: String,
    /// The member's value.
    pub value: JsonValue,
}

/// `text text:string = Text`: a function's string answer.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct Text {
    /// The answer.
    pub text: String,
}

/// `foundPositions total_count:int32 positions:vector<int32> = FoundPositions`:
/// what `searchStringsByPrefix` answers. (td_api.tl has no `strings` type.)
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct FoundPositions {
    /// How many strings matched in all.
    pub total_count: i32,
    /// The indexes of the matches returned, at most `limit`.
    pub positions: Vec<i32>,
}

/// `countryInfo country_code:string name:string english_name:string
/// flag_emoji:string is_hidden:Bool calling_codes:vector<string> = CountryInfo`.
///
/// TDLib 1.8.66 added `flag_emoji`: the vendored 1.8.64 `td_api.tl` has
/// the line without it, whose id (0x606472ca) TDLib 1.8.67 no longer has.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
    /// In the requested language.
    pub name: String,
    /// In English.
    pub english_name: String,
    /// The country's flag as an emoji (since TDLib 1.8.66).
    pub flag_emoji: String,
    /// Whether the country is left out of country lists.
    pub is_hidden: bool,
    /// Without `+`.
    pub calling_codes: Vec<String>,
}

/// `phoneNumberInfo country:countryInfo country_calling_code:string
/// formatted_phone_number:string is_anonymous:Bool = PhoneNumberInfo`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct PhoneNumberInfo {
    /// The number's country; may be null (`+999123`), which TDLib writes by
    /// leaving the field out.
    pub country: Option<CountryInfo>,
    /// Without `+`; empty when unknown.
    pub country_calling_code: String,
    /// The number after the calling code, formatted for the country.
    pub formatted_phone_number: String,
    /// Whether the number is an anonymous (Fragment) number.
    pub is_anonymous: bool,
}

/// `testInt value:int32 = TestInt`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct TestInt {
    /// The value.
    pub value: i32,
}

/// `testVectorInt value:vector<int32> = TestVectorInt`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct TestVectorInt {
    /// The values.
    pub value: Vec<i32>,
}

/// `testString value:string = TestString`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct TestString {
    /// The value.
    pub value: String,
}

/// `logVerbosityLevel verbosity_level:int32 = LogVerbosityLevel`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub struct LogVerbosityLevel {
    /// 0 (fatal errors only) to 1023.
    pub verbosity_level: i32,
}

/// `OptionValue`: the value of one of TDLib's options.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// `optionValueBoolean value:Bool = OptionValue`.
    Boolean {
        /// The value.
        value: bool,
    },
    /// `optionValueEmpty = OptionValue`: the option is not set.
    Empty,
    /// `optionValueInteger value:int64 = OptionValue`.
    Integer {
        /// A JSON string, as every `int64`.
        value: i64,
    },
    /// `optionValueString value:string = OptionValue`.
    String {
        /// The value.
        value: String,
    },
}

/// `AuthorizationState`: the states a client can be in whose fields are
/// primitives; the client of these tests, with no network and no
/// `setTdlibParameters`, only ever reaches WaitTdlibParameters, Closing and
/// Closed.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub enum AuthorizationState {
    /// `authorizationStateWaitTdlibParameters = AuthorizationState`.
    WaitTdlibParameters,
    /// `authorizationStateWaitPhoneNumber = AuthorizationState`.
    WaitPhoneNumber,
    /// `authorizationStateWaitPremiumPurchase store_product_id:string
    /// premium_day_count:int32 support_email_address:string
    /// support_email_subject:string = AuthorizationState`.
    WaitPremiumPurchase {
        /// The in-store product to buy.
        store_product_id: String,
        /// Days of Premium it gives.
        premium_day_count: i32,
        /// Where the user can ask for help.
        support_email_address: String,
        /// The subject to use there.
        support_email_subject: String,
    },
    /// `authorizationStateWaitEmailAddress allow_apple_id:Bool
    /// allow_google_id:Bool = AuthorizationState`.
    WaitEmailAddress {
        /// Whether Sign in with Apple may be used instead.
        allow_apple_id: bool,
        /// Whether Sign in with Google may be used instead.
        allow_google_id: bool,
    },
    /// `authorizationStateWaitOtherDeviceConfirmation link:string =
    /// AuthorizationState`.
    WaitOtherDeviceConfirmation {
        /// The `tg://login` link to open on the other device.
        link: String,
    },
    /// `authorizationStateWaitPassword password_hint:string
    /// has_recovery_email_address:Bool has_passport_data:Bool
    /// recovery_email_address_pattern:string = AuthorizationState`.
    WaitPassword {
        /// The hint the user set.
        password_hint: String,
        /// Whether a recovery email address is set.
        has_recovery_email_address: bool,
        /// Whether the account has Telegram Passport data.
        has_passport_data: bool,
        /// The recovery address with most of it hidden.
        recovery_email_address_pattern: String,
    },
    /// `authorizationStateReady = AuthorizationState`.
    Ready,
    /// `authorizationStateLoggingOut = AuthorizationState`.
    LoggingOut,
    /// `authorizationStateClosing = AuthorizationState`.
    Closing,
    /// `authorizationStateClosed = AuthorizationState`: the client is gone.
    Closed,
    /// authorizationStateWaitEmailCode, authorizationStateWaitCode and
    /// authorizationStateWaitRegistration (their fields are objects these
    /// tests do not declare), and states of later versions.
    #[tl(other)]
    Other(Unknown),
}

/// `updateOption name:string value:OptionValue = Update`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(ty = "Update")]
pub struct UpdateOption {
    /// The option's name (`version`, `commit_hash`, ...).
    pub name: String,
    /// Its new value.
    pub value: OptionValue,
}

/// `updateAuthorizationState authorization_state:AuthorizationState = Update`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(ty = "Update")]
pub struct UpdateAuthorizationState {
    /// The new state.
    pub authorization_state: AuthorizationState,
}

/// `Update`: the two updates these tests look at, and a catch-all for the
/// rest (td_api.tl has about 190).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
pub enum Update {
    /// `updateOption`.
    Option(UpdateOption),
    /// `updateAuthorizationState`.
    AuthorizationState(UpdateAuthorizationState),
    /// The ~190 other updates: a client that logs in reads them all.
    #[tl(other)]
    Other(Unknown),
}

/// What a client that only follows its authorization state declares: the
/// other updates go to the catch-all.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(ty = "Update")]
pub enum AuthorizationUpdate {
    /// `updateAuthorizationState`.
    AuthorizationState(UpdateAuthorizationState),
    /// Every other update.
    #[tl(other)]
    Other(Unknown),
}

// ---------------------------------------------------------------------------
// Functions (requests)
// ---------------------------------------------------------------------------

/// `getTextEntities text:string = TextEntities` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = TextEntities)]
pub struct GetTextEntities {
    /// The text to search for mentions, hashtags, links...
    pub text: String,
}

/// `parseTextEntities text:string parse_mode:TextParseMode = FormattedText`
/// (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = FormattedText)]
pub struct ParseTextEntities {
    /// Markdown or HTML.
    pub text: String,
    /// Which of the two.
    pub parse_mode: TextParseMode,
}

/// `parseMarkdown text:formattedText = FormattedText` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = FormattedText)]
pub struct ParseMarkdown {
    /// Text whose Markdown-like marks become entities.
    pub text: FormattedText,
}

/// `getMarkdownText text:formattedText = FormattedText` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = FormattedText)]
pub struct GetMarkdownText {
    /// Text whose entities become Markdown-like marks.
    pub text: FormattedText,
}

/// `getJsonValue json:string = JsonValue` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = JsonValue)]
pub struct GetJsonValue {
    /// A JSON document.
    pub json: String,
}

/// `JsonValue` as a client that only reads strings declares it: every
/// other value (objects, arrays, numbers...) is kept whole by the catch-all.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(ty = "JsonValue")]
pub enum PartialJsonValue {
    /// `jsonValueString value:string = JsonValue`.
    #[tl(name = "jsonValueString")]
    String {
        /// The string.
        value: String,
    },
    /// Every other `JsonValue`.
    #[tl(other)]
    Other(Unknown),
}

/// `getJsonString json_value:JsonValue = Text`, holding the partial enum:
/// the same function (and id) as [`GetJsonString`].
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(name = "getJsonString", function, returns = Text)]
pub struct GetJsonStringOfPartial {
    /// The document tree to print, as read by the partial enum.
    pub json_value: PartialJsonValue,
}

/// `getJsonString json_value:JsonValue = Text` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Text)]
pub struct GetJsonString {
    /// The document tree to print.
    pub json_value: JsonValue,
}

/// `searchStringsByPrefix strings:vector<string> query:string limit:int32
/// return_none_for_empty_query:Bool = FoundPositions` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = FoundPositions)]
pub struct SearchStringsByPrefix {
    /// Where to search.
    pub strings: Vec<String>,
    /// Words whose prefixes must all match a word of a string.
    pub query: String,
    /// How many positions to return at most.
    pub limit: i32,
    /// Whether an empty query matches nothing (rather than everything).
    pub return_none_for_empty_query: bool,
}

/// `getFileMimeType file_name:string = Text` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Text)]
pub struct GetFileMimeType {
    /// A file name with an extension.
    pub file_name: String,
}

/// `getFileExtension mime_type:string = Text` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Text)]
pub struct GetFileExtension {
    /// A MIME type.
    pub mime_type: String,
}

/// `cleanFileName file_name:string = Text` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Text)]
pub struct CleanFileName {
    /// A file name that may hold path separators and reserved characters.
    pub file_name: String,
}

/// `getPhoneNumberInfoSync language_code:string phone_number_prefix:string =
/// PhoneNumberInfo` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = PhoneNumberInfo)]
pub struct GetPhoneNumberInfoSync {
    /// IETF language tag for the country's name.
    pub language_code: String,
    /// The number or its beginning, with or without `+`.
    pub phone_number_prefix: String,
}

/// `getCountryFlagEmoji country_code:string = Text` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Text)]
pub struct GetCountryFlagEmoji {
    /// ISO 3166-1 alpha-2.
    pub country_code: String,
}

/// `setLogVerbosityLevel new_verbosity_level:int32 = Ok` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Ok)]
pub struct SetLogVerbosityLevel {
    /// 0: fatal errors only.
    pub new_verbosity_level: i32,
}

/// `getLogVerbosityLevel = LogVerbosityLevel` (synchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = LogVerbosityLevel)]
pub struct GetLogVerbosityLevel;

/// `getOption name:string = OptionValue` (synchronous for `version`,
/// `commit_hash` and a few others).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = OptionValue)]
pub struct GetOption {
    /// The option's name.
    pub name: String,
}

/// `setOption name:string value:OptionValue = Ok` (asynchronous): declared
/// so that TDLib can confirm the ids of [`OptionValue`], its only argument
/// of that type.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Ok)]
pub struct SetOption {
    /// The option's name.
    pub name: String,
    /// Its new value.
    pub value: OptionValue,
}

/// `getAuthorizationState = AuthorizationState` (asynchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = AuthorizationState)]
pub struct GetAuthorizationState;

/// `testSquareInt x:int32 = TestInt` (asynchronous, works without network).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = TestInt)]
pub struct TestSquareInt {
    /// The number to square.
    pub x: i32,
}

/// `testCallVectorInt x:vector<int32> = TestVectorInt` (asynchronous):
/// answers `x` unchanged.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = TestVectorInt)]
pub struct TestCallVectorInt {
    /// The vector to echo.
    pub x: Vec<i32>,
}

/// `testCallString x:string = TestString` (asynchronous): answers `x`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = TestString)]
pub struct TestCallString {
    /// The string to echo.
    pub x: String,
}

/// `testCallEmpty = Ok` (asynchronous).
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Ok)]
pub struct TestCallEmpty;

/// `testReturnError error:error = Error` (asynchronous): answers with the
/// error it is given, as a failure.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = tl_core::TdError)]
pub struct TestReturnError {
    /// The error to fail with.
    pub error: TdError,
}

/// `close = Ok` (asynchronous): closes the client; the last update is
/// `authorizationStateClosed`.
#[derive(tl_core::TlObject, Debug, Clone, PartialEq)]
#[tl(function, returns = Ok)]
pub struct Close;

// ---------------------------------------------------------------------------
// The declarations, as td_api.tl writes them
// ---------------------------------------------------------------------------

/// One constructor or function declared above: its line in TDLib 1.8.67's
/// `td_api.tl` and what the derive made of it.
#[derive(Debug, Clone, Copy)]
pub struct Declared {
    /// The line of `td_api.tl`, without `;`.
    pub td_api: &'static str,
    /// The derived `SCHEMA` of a struct (an enum's variants have theirs
    /// only on a value).
    pub schema: Option<&'static str>,
    /// The derived id.
    pub id: u32,
    /// For a function, the TL type its [`Function::Reply`] builds.
    pub reply: Option<&'static str>,
}

impl Declared {
    /// The constructor or function name: the line's first word.
    pub fn name(&self) -> &'static str {
        self.td_api.split(' ').next().unwrap_or_default()
    }

    /// Whether it is a function (the `---functions---` half of td_api.tl).
    pub fn is_function(&self) -> bool {
        self.reply.is_some()
    }

    /// The entry of the struct `T`.
    fn object<T: TlConstructor>(td_api: &'static str) -> Declared {
        Declared {
            td_api,
            schema: Some(T::SCHEMA),
            id: T::ID,
            reply: None,
        }
    }

    /// The entry of a variant of the enum `T`, found by the line's name.
    fn variant<T: TlType>(td_api: &'static str) -> Declared {
        let name = td_api.split(' ').next().unwrap_or_default();
        let Some(constructor) = T::CONSTRUCTORS.iter().find(|c| c.name == name) else {
            panic!("{} has no constructor {name}", std::any::type_name::<T>());
        };
        Declared {
            td_api,
            schema: None,
            id: constructor.id,
            reply: None,
        }
    }

    /// The entry of the request `F`, with the TL type of its reply.
    fn function<F: Function>(td_api: &'static str) -> Declared {
        let reply = match <F::Reply as TlType>::DESC {
            tl_core::schema::TypeDesc::Object { ty, .. }
            | tl_core::schema::TypeDesc::Union { ty } => ty,
            _ => "",
        };
        Declared {
            reply: Some(reply),
            ..Declared::object::<F>(td_api)
        }
    }
}

/// Implements [`Function`] for each request and writes [`declared`] and
/// [`enum_constructors`] from one list, so that no declaration is left out
/// of the checks.
macro_rules! declarations {
    (
        objects { $($object:ty: $object_line:literal,)* }
        enums { $($enum:ty: [$($variant_line:literal,)*],)* }
        functions { $($function:ident => $reply:ty: $function_line:literal,)* }
    ) => {
        /// Each function returns the type its line ends in.
        #[allow(dead_code)]
        fn function_results() {
            $(returns::<$function, $reply>();)*
        }

        /// Every constructor and function of this module with its line of
        /// TDLib 1.8.67's `td_api.tl` (1.8.64's, but for `countryInfo`).
        pub fn declared() -> Vec<Declared> {
            vec![
                $(Declared::object::<$object>($object_line),)*
                $($(Declared::variant::<$enum>($variant_line),)*)*
                $(Declared::function::<$function>($function_line),)*
            ]
        }

        /// Every constructor of every enum, as the derive lists them.
        pub fn enum_constructors() -> Vec<&'static str> {
            let mut names = Vec::new();
            $(names.extend(<$enum as TlType>::CONSTRUCTORS.iter().map(|c| c.name));)*
            names
        }
    };
}

declarations! {
    objects {
        TdError: "error code:int32 message:string = Error",
        Ok: "ok = Ok",
        TextEntity: "textEntity offset:int32 length:int32 type:TextEntityType = TextEntity",
        TextEntities: "textEntities entities:vector<textEntity> = TextEntities",
        FormattedText: "formattedText text:string entities:vector<textEntity> = FormattedText",
        JsonObjectMember: "jsonObjectMember key:string value:JsonValue = JsonObjectMember",
        Text: "text text:string = Text",
        FoundPositions: "foundPositions total_count:int32 positions:vector<int32> = FoundPositions",
        // 1.8.66 and later; 1.8.64's line has no `flag_emoji:string`.
        CountryInfo: "countryInfo country_code:string name:string english_name:string flag_emoji:string is_hidden:Bool calling_codes:vector<string> = CountryInfo",
        PhoneNumberInfo: "phoneNumberInfo country:countryInfo country_calling_code:string formatted_phone_number:string is_anonymous:Bool = PhoneNumberInfo",
        TestInt: "testInt value:int32 = TestInt",
        TestVectorInt: "testVectorInt value:vector<int32> = TestVectorInt",
        TestString: "testString value:string = TestString",
        LogVerbosityLevel: "logVerbosityLevel verbosity_level:int32 = LogVerbosityLevel",
        UpdateOption: "updateOption name:string value:OptionValue = Update",
        UpdateAuthorizationState: "updateAuthorizationState authorization_state:AuthorizationState = Update",
    }
    enums {
        TextEntityType: [
            "textEntityTypeMention = TextEntityType",
            "textEntityTypeHashtag = TextEntityType",
            "textEntityTypeCashtag = TextEntityType",
            "textEntityTypeBotCommand = TextEntityType",
            "textEntityTypeUrl = TextEntityType",
            "textEntityTypeEmailAddress = TextEntityType",
            "textEntityTypePhoneNumber = TextEntityType",
            "textEntityTypeBankCardNumber = TextEntityType",
            "textEntityTypeBold = TextEntityType",
            "textEntityTypeItalic = TextEntityType",
            "textEntityTypeUnderline = TextEntityType",
            "textEntityTypeStrikethrough = TextEntityType",
            "textEntityTypeSpoiler = TextEntityType",
            "textEntityTypeCode = TextEntityType",
            "textEntityTypePre = TextEntityType",
            "textEntityTypePreCode language:string = TextEntityType",
            "textEntityTypeBlockQuote = TextEntityType",
            "textEntityTypeExpandableBlockQuote = TextEntityType",
            "textEntityTypeTextUrl url:string = TextEntityType",
            "textEntityTypeMentionName user_id:int53 = TextEntityType",
            "textEntityTypeCustomEmoji custom_emoji_id:int64 = TextEntityType",
            "textEntityTypeMediaTimestamp media_timestamp:int32 = TextEntityType",
        ],
        TextParseMode: [
            "textParseModeMarkdown version:int32 = TextParseMode",
            "textParseModeHTML = TextParseMode",
        ],
        JsonValue: [
            "jsonValueNull = JsonValue",
            "jsonValueBoolean value:Bool = JsonValue",
            "jsonValueNumber value:double = JsonValue",
            "jsonValueString value:string = JsonValue",
            "jsonValueArray values:vector<JsonValue> = JsonValue",
            "jsonValueObject members:vector<jsonObjectMember> = JsonValue",
        ],
        OptionValue: [
            "optionValueBoolean value:Bool = OptionValue",
            "optionValueEmpty = OptionValue",
            "optionValueInteger value:int64 = OptionValue",
            "optionValueString value:string = OptionValue",
        ],
        AuthorizationState: [
            "authorizationStateWaitTdlibParameters = AuthorizationState",
            "authorizationStateWaitPhoneNumber = AuthorizationState",
            "authorizationStateWaitPremiumPurchase store_product_id:string premium_day_count:int32 support_email_address:string support_email_subject:string = AuthorizationState",
            "authorizationStateWaitEmailAddress allow_apple_id:Bool allow_google_id:Bool = AuthorizationState",
            "authorizationStateWaitOtherDeviceConfirmation link:string = AuthorizationState",
            "authorizationStateWaitPassword password_hint:string has_recovery_email_address:Bool has_passport_data:Bool recovery_email_address_pattern:string = AuthorizationState",
            "authorizationStateReady = AuthorizationState",
            "authorizationStateLoggingOut = AuthorizationState",
            "authorizationStateClosing = AuthorizationState",
            "authorizationStateClosed = AuthorizationState",
        ],
        // Its variants hold the two update structs listed with the objects.
        Update: [
            "updateOption name:string value:OptionValue = Update",
            "updateAuthorizationState authorization_state:AuthorizationState = Update",
        ],
    }
    functions {
        GetTextEntities => TextEntities: "getTextEntities text:string = TextEntities",
        ParseTextEntities => FormattedText: "parseTextEntities text:string parse_mode:TextParseMode = FormattedText",
        ParseMarkdown => FormattedText: "parseMarkdown text:formattedText = FormattedText",
        GetMarkdownText => FormattedText: "getMarkdownText text:formattedText = FormattedText",
        GetJsonValue => JsonValue: "getJsonValue json:string = JsonValue",
        GetJsonString => Text: "getJsonString json_value:JsonValue = Text",
        SearchStringsByPrefix => FoundPositions: "searchStringsByPrefix strings:vector<string> query:string limit:int32 return_none_for_empty_query:Bool = FoundPositions",
        GetFileMimeType => Text: "getFileMimeType file_name:string = Text",
        GetFileExtension => Text: "getFileExtension mime_type:string = Text",
        CleanFileName => Text: "cleanFileName file_name:string = Text",
        GetPhoneNumberInfoSync => PhoneNumberInfo: "getPhoneNumberInfoSync language_code:string phone_number_prefix:string = PhoneNumberInfo",
        GetCountryFlagEmoji => Text: "getCountryFlagEmoji country_code:string = Text",
        SetLogVerbosityLevel => Ok: "setLogVerbosityLevel new_verbosity_level:int32 = Ok",
        GetLogVerbosityLevel => LogVerbosityLevel: "getLogVerbosityLevel = LogVerbosityLevel",
        GetOption => OptionValue: "getOption name:string = OptionValue",
        SetOption => Ok: "setOption name:string value:OptionValue = Ok",
        GetAuthorizationState => AuthorizationState: "getAuthorizationState = AuthorizationState",
        TestSquareInt => TestInt: "testSquareInt x:int32 = TestInt",
        TestCallVectorInt => TestVectorInt: "testCallVectorInt x:vector<int32> = TestVectorInt",
        TestCallString => TestString: "testCallString x:string = TestString",
        TestCallEmpty => Ok: "testCallEmpty = Ok",
        TestReturnError => TdError: "testReturnError error:error = Error",
        Close => Ok: "close = Ok",
    }
}

/// The id of a `td_api.tl` line computed here, apart from tl-schema: TDLib's
/// generator hashes the line with `<` as a space and `>` dropped.
pub fn crc_of_line(line: &str) -> u32 {
    let normalized: String = line
        .chars()
        .filter(|&c| c != '>')
        .map(|c| if c == '<' { ' ' } else { c })
        .collect();
    crc32fast::hash(normalized.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each id is the CRC-32 of td_api.tl's line computed without the
    /// derive's code, and each struct's schema line is td_api.tl's.
    #[test]
    fn ids_are_the_crc_of_td_api_s_lines() {
        let declared = declared();
        for d in &declared {
            assert_eq!(d.id, crc_of_line(d.td_api), "id of {}", d.name());
            if let Some(schema) = d.schema {
                assert_eq!(schema, d.td_api, "schema line of {}", d.name());
            }
        }
    }

    /// Every line is in the vendored td_api.tl of TDLib 1.8.64 but
    /// `countryInfo`'s, which 1.8.66 changed; the ids TDLib 1.8.67 itself
    /// checks (`sync::tdlib_knows_our_ids`) cover the rest of the way.
    #[test]
    fn lines_are_those_of_the_vendored_td_api() {
        let vendored = include_str!("../../whole-schema/schemas/td_api.tl");
        let lines: std::collections::HashSet<&str> = vendored
            .lines()
            .filter_map(|line| line.trim().strip_suffix(';'))
            .collect();
        let missing: Vec<&str> = declared()
            .iter()
            .map(|d| d.td_api)
            .filter(|line| !lines.contains(line))
            .collect();
        assert_eq!(missing, [CountryInfo::SCHEMA]);
        assert!(lines.contains(
            "countryInfo country_code:string name:string english_name:string \
             is_hidden:Bool calling_codes:vector<string> = CountryInfo"
        ));
    }

    /// No variant of a declared enum is left out of [`declared`], and no
    /// line is listed twice (but the update structs, which are both
    /// objects and `Update`'s variants).
    #[test]
    fn every_variant_is_declared_once() {
        let declared = declared();
        let names: Vec<&str> = declared.iter().map(Declared::name).collect();
        for constructor in enum_constructors() {
            assert!(names.contains(&constructor), "{constructor} is not listed");
        }
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len() - 2, "{names:?}");
    }

    /// Ids that TDLib publishes in its generated bindings (`TdApi.java`,
    /// `td_api.h`: `static const std::int32_t ID`), as signed numbers: a
    /// second source besides the CRC computed above.
    #[test]
    fn ids_tdlib_publishes() {
        let published: &[(&str, i32)] = &[
            ("error", -1679978726),
            ("ok", -722616727),
            ("formattedText", -252624564),
            ("updateOption", 900822020),
            ("authorizationStateWaitTdlibParameters", 904720988),
            ("authorizationStateWaitPhoneNumber", 306402531),
            ("authorizationStateReady", -1834871737),
            ("authorizationStateLoggingOut", 154449270),
            ("authorizationStateClosing", 445855311),
            ("authorizationStateClosed", 1526047584),
        ];
        let declared = declared();
        for &(name, id) in published {
            let d = declared
                .iter()
                .find(|d| d.name() == name)
                .unwrap_or_else(|| panic!("{name} is not declared"));
            assert_eq!(d.id as i32, id, "{name}");
        }
    }

    /// The 1.8.64 line of `countryInfo` (the vendored td_api.tl) has
    /// another id: decoding TDLib 1.8.67's objects with it would only work
    /// because JSON input ignores the unknown `flag_emoji`.
    #[test]
    fn country_info_changed_in_1_8_66() {
        let old = "countryInfo country_code:string name:string english_name:string is_hidden:Bool calling_codes:vector<string> = CountryInfo";
        assert_eq!(crc_of_line(old), 0x606472ca);
        assert_eq!(CountryInfo::ID, 0x1bc0ac15);
    }

    /// Every request's `Function::Reply` builds the result type written in
    /// the request's `ty`, so the typed answer is the one the schema says.
    #[test]
    fn replies_are_the_functions_result_types() {
        for d in declared().iter().filter(|d| d.is_function()) {
            let result = d.td_api.rsplit(" = ").next().unwrap_or_default();
            assert_eq!(Some(result), d.reply, "{}", d.td_api);
        }
    }

    /// A value of each kind of field writes TDLib's JSON: `int53` as a
    /// number, `int64` as a string, `Bool` as `true`, nested `@type`s.
    #[test]
    fn td_json_of_requests() {
        let request = ParseTextEntities {
            text: "*hi*".into(),
            parse_mode: TextParseMode::Markdown { version: 2 },
        };
        assert_eq!(
            tl_core::json::to_string_td(&request).unwrap(),
            r#"{"@type":"parseTextEntities","text":"*hi*","parse_mode":{"@type":"textParseModeMarkdown","version":2}}"#
        );
        let entities = FormattedText {
            text: "ab".into(),
            entities: vec![
                TextEntity {
                    offset: 0,
                    length: 1,
                    r#type: TextEntityType::MentionName { user_id: 1 << 40 },
                },
                TextEntity {
                    offset: 1,
                    length: 1,
                    r#type: TextEntityType::CustomEmoji {
                        custom_emoji_id: 5368324170671202286,
                    },
                },
            ],
        };
        assert_eq!(
            tl_core::json::to_string_td(&entities).unwrap(),
            concat!(
                r#"{"@type":"formattedText","text":"ab","entities":["#,
                r#"{"@type":"textEntity","offset":0,"length":1,"type":{"@type":"textEntityTypeMentionName","user_id":1099511627776}},"#,
                r#"{"@type":"textEntity","offset":1,"length":1,"type":{"@type":"textEntityTypeCustomEmoji","custom_emoji_id":"5368324170671202286"}}]}"#,
            )
        );
        let search = SearchStringsByPrefix {
            strings: vec!["a".into()],
            query: "a".into(),
            limit: 1,
            return_none_for_empty_query: true,
        };
        assert_eq!(
            tl_core::json::to_string_td(&search).unwrap(),
            r#"{"@type":"searchStringsByPrefix","strings":["a"],"query":"a","limit":1,"return_none_for_empty_query":true}"#
        );
    }
}
