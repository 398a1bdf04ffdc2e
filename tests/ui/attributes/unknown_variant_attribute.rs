#[derive(tl_core::TlObject)]
enum SessionType {
    #[tl(rename = "sessionTypeDroid")]
    Android,
    #[tl(ty = "SessionType")]
    Iphone,
}

fn main() {}
