//! Integration tests of tl-derive live in `tests/`; this crate holds nothing else.
