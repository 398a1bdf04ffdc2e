#[derive(tl_core::TlObject)]
#[tl(returns = tl_core::Sessions)]
struct GetActiveSessions {}

fn main() {}
