#[derive(tl_core::TlObject)]
enum Rule {
    #[tl(id = 0x4679b65f, force)]
    Allow { text: String },
    #[tl(id = 0x4679b65f, force)]
    Deny { text: String },
}

fn main() {}
