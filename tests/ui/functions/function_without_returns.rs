#[derive(tl_core::TlObject)]
#[tl(function)]
struct GetActiveSessions {}

fn main() {}
