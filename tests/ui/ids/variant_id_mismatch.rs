#[derive(tl_core::TlObject)]
enum SessionType {
    /// `sessionTypeAndroid = SessionType` is 0x84836098.
    #[tl(id = 0x84836099)]
    Android,
    Apple,
}

fn main() {}
