/// A `with` module missing a function (`decode`) and its `DESC`: rustc
/// names each missing item at the `with` path.
mod half {
    use tl_core::schema::Form;
    use tl_core::wire::Writer;

    pub fn encoded_len(_: &u64, _: Form) -> usize {
        8
    }

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
