//! Binary decoding of recursive types: the first byte is the depth limit,
//! the rest the input. No panic, no stack overflow, and every value decoded
//! round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tl_fuzz::{Chain, Node, Tree, check_binary};

fuzz_target!(|data: &[u8]| {
    let Some((&depth, input)) = data.split_first() else {
        return;
    };
    let depth = usize::from(depth);
    check_binary::<Node>(input, depth);
    check_binary::<Tree>(input, depth);
    check_binary::<Chain>(input, depth);
    // And with the default limit.
    check_binary::<Node>(input, tl_core::wire::DEFAULT_MAX_DEPTH);
    check_binary::<Chain>(input, tl_core::wire::DEFAULT_MAX_DEPTH);
});
