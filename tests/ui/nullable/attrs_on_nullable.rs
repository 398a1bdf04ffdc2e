#[derive(tl_core::TlObject)]
struct Country {
    code: String,
}

#[derive(tl_core::TlObject)]
struct Info {
    #[tl(boxed)]
    country: Option<Country>,
    #[tl(ty = "countryInfo", default)]
    home: Option<Country>,
}

fn main() {}
