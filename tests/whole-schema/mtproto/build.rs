//! Generates the derived types and functions of `../schemas/mtproto_api.tl`.

#[allow(dead_code)]
#[path = "../generate.rs"]
mod generate;

fn main() {
    generate::write_types_crate("mtproto_api.tl", generate::Dialect::Mtproto);
}
