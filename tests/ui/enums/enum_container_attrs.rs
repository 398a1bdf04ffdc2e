#[derive(tl_core::TlObject)]
#[tl(name = "sessionTypeAndroid", id = 0x84836098, force)]
enum SessionType {
    Android,
    Apple,
}

fn main() {}
