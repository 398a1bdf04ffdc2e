/// A struct and an enum with bad attributes, used through the binary API
/// and `TlObject`: only the attribute errors are reported (the derive emits
/// fallback impls). Fields of other derived types and the JSON API are in
/// `fallback_in_derived_field` and `fallback_json_use`; generic types in
/// `generic_use_site`.
#[derive(tl_core::TlObject, Debug, PartialEq)]
#[tl(namespace = "auth")]
struct Authorization {
    user_id: i64,
}

#[derive(tl_core::TlObject, Debug, PartialEq)]
enum Status {
    #[tl(id = "online")]
    Online,
    Offline,
}

fn main() -> Result<(), tl_core::Error> {
    use tl_core::{TlConstructor, TlObject, TlType};
    let value = Authorization { user_id: 1 };
    let bytes = tl_core::to_bytes(&value)?;
    let back: Authorization = tl_core::from_bytes(&bytes)?;
    assert_eq!(back, value);
    let mut out = Vec::new();
    tl_core::to_writer(&Status::Online, &mut out)?;
    let _: Vec<Status> = tl_core::from_bytes_bare(&out)?;
    let _ = Status::Offline.constructor_name();
    let _ = (Authorization::ID, Authorization::SCHEMA, <Status as TlType>::MIN_LEN);
    let objects: Vec<&dyn TlObject> = vec![&value, &Status::Online];
    assert_eq!(objects.len(), 2);
    Ok(())
}
