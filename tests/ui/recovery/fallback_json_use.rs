/// The JSON API used on a type with a bad attribute: only the attribute
/// error should be reported.
#[derive(tl_core::TlObject, Debug, PartialEq)]
#[tl(namespace = "auth")]
struct Authorization {
    user_id: i64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let value = Authorization { user_id: 1 };
    let json = tl_core::json::to_string(&value)?;
    let back: Authorization = tl_core::json::from_str(&json)?;
    assert_eq!(back, value);
    let _ = serde_json::to_string(&value)?;
    Ok(())
}
