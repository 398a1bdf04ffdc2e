//! Generates the derived functions of `../schemas/td_api.tl`.

#[allow(dead_code)]
#[path = "../generate.rs"]
mod generate;

fn main() {
    generate::write_types_crate("td_api.tl", generate::Dialect::Td);
}
