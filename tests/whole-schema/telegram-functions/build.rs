//! Generates the derived functions of `../schemas/telegram_api.tl`.

#[allow(dead_code)]
#[path = "../generate.rs"]
mod generate;

fn main() {
    generate::write_types_crate("telegram_api.tl", generate::Dialect::Mtproto);
}
