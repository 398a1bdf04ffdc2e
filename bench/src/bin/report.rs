//! Prints the ratio table of the last `cargo bench -p tl-bench` run.
//!
//! `cargo run -p tl-bench --bin report [CRITERION_DIR]`; without an argument
//! the directory is found the way criterion finds it.

fn main() -> std::io::Result<()> {
    let dir = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    tl_bench::report::print(dir.as_deref())
}
