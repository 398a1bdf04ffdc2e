#[derive(tl_core::TlObject)]
#[tl(function, returns = i32)]
enum Request {
    Ping,
}

fn main() {}
