/// A `with` module missing a function (`decode`) and its `DESC`: rustc
/// names each missing item at the `with` path.
mod half {
    use tl_core::schema::Form;
    use tl_core::wire::Writer;

    pub fn encode(value: &u64, writer: &mut Writer<'_>, _: Form) {
        writer.put_i64(*value as i64);
    }
}

#[derive(tl_core::TlObject)]
struct Counter {
    #[tl(with = "half")]
    total: u64,
}

fn main() {}
