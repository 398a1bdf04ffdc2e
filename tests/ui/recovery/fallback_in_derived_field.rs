/// A struct and an enum with a bad attribute, used as fields of another
/// derived struct (directly and in a vector): only the attribute errors
/// should be reported.
#[derive(tl_core::TlObject)]
#[tl(namespace = "auth")]
struct Authorization {
    user_id: i64,
}

#[derive(tl_core::TlObject)]
enum Status {
    #[tl(id = "online")]
    Online,
    Offline,
}

#[derive(tl_core::TlObject)]
struct Holder {
    authorization: Authorization,
    all: Vec<Authorization>,
    status: Status,
}

fn main() {}
