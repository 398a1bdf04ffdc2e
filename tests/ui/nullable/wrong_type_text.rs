// A nullable field's `ty` text must name its object: `countryInfo` is not
// `Country`.
#[derive(tl_core::TlObject)]
struct Country {
    code: String,
}

#[derive(tl_core::TlObject)]
struct Info {
    #[tl(ty = "countryInfo")]
    country: Option<Country>,
}

fn main() {}
