//! The ids every TL peer knows without a schema: `Bool`'s two constructors
//! and `vector`. A leaf module: the wire format and errors both use them.

use crate::schema::ConstructorInfo;

/// The id of `boolTrue = Bool`.
pub const BOOL_TRUE: u32 = 0x997275b5;
/// The id of `boolFalse = Bool`.
pub const BOOL_FALSE: u32 = 0xbc799737;
/// The id of `vector {t:Type} # [ t ] = Vector t`.
pub const VECTOR: u32 = 0x1cb5c415;

/// The constructors of `Bool`, for error messages.
pub static BOOL_CONSTRUCTORS: [ConstructorInfo; 2] = [
    ConstructorInfo {
        name: "boolTrue",
        id: BOOL_TRUE,
    },
    ConstructorInfo {
        name: "boolFalse",
        id: BOOL_FALSE,
    },
];

/// The constructor of `Vector t`, for error messages.
pub static VECTOR_CONSTRUCTORS: [ConstructorInfo; 1] = [ConstructorInfo {
    name: "vector",
    id: VECTOR,
}];

/// The name of an id every TL peer knows, to make a wrong id readable.
pub(crate) fn well_known_name(id: u32) -> Option<&'static str> {
    BOOL_CONSTRUCTORS
        .iter()
        .chain(&VECTOR_CONSTRUCTORS)
        .find(|constructor| constructor.id == id)
        .map(|constructor| constructor.name)
}
