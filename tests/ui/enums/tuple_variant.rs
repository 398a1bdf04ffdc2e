#[derive(tl_core::TlObject)]
enum Text {
    Plain { text: String },
    Pair(String, i32),
}

fn main() {}
