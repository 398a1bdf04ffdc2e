#[derive(tl_core::TlObject)]
enum SessionType {
    Android,
    #[tl(name = "sessionTypeAndroid")]
    Iphone,
}

fn main() {}
