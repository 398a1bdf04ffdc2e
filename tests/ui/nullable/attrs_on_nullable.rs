#[derive(tl_core::TlObject)]
struct Country {
    code: String,
}

#[derive(tl_core::TlObject)]
struct Info {
    #[tl(boxed)]
    country: Option<Country>,
    #[tl(bare, default)]
    home: Option<Country>,
    /// A `ty` text is allowed: it is the object's, as the line writes it.
    #[tl(ty = "country")]
    work: Option<Country>,
}

fn main() {}
