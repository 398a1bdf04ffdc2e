#[derive(tl_core::TlObject)]
struct Country {
    code: String,
}

#[derive(tl_core::TlObject)]
struct Info {
    country: Option<Option<Country>>,
}

fn main() {}
