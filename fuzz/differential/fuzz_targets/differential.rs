//! The same bytes to our types for telegram_api.tl and to
//! grammers-tl-types: where both read them, both write back the input;
//! where only grammers does, ours refused them for one of its stricter
//! checks. The checks are in `fuzz/src/differential.rs`, shared with the
//! stable replay `fuzz/differential/tests/replay.rs`.
//!
//! Each input is checked on a thread with a 1 GiB stack: grammers has no
//! depth limit, and a recursive type (`RichText`, `JSONValue`) nested a
//! thousand deep in a 4 KiB input would overflow the main thread's 8 MiB
//! under the sanitizer, a crash of grammers' rather than a finding. At the
//! end of the run the counts of each outcome go to stderr.
#![no_main]

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use tl_fuzz_differential::{Outcome, Tally, check};

static TALLY: Tally = Tally::new();

struct Worker {
    inputs: SyncSender<Vec<u8>>,
    outcomes: Receiver<Outcome>,
}

fn worker() -> &'static Mutex<Worker> {
    static WORKER: OnceLock<Mutex<Worker>> = OnceLock::new();
    WORKER.get_or_init(|| {
        let (inputs, receive) = sync_channel::<Vec<u8>>(0);
        let (send, outcomes) = sync_channel(0);
        std::thread::Builder::new()
            .name("differential".into())
            .stack_size(1 << 30)
            .spawn(move || {
                for data in receive {
                    // A panic aborts the process (libfuzzer-sys' hook),
                    // and libFuzzer keeps the input as a crash.
                    let outcome = check(&data);
                    // Freed before answering, so that libFuzzer counts
                    // as many frees as allocations in the input's run and
                    // has no leak to look for.
                    drop(data);
                    if send.send(outcome).is_err() {
                        return;
                    }
                }
            })
            .expect("spawn the checking thread");
        unsafe extern "C" {
            safe fn atexit(callback: extern "C" fn()) -> i32;
        }
        extern "C" fn report() {
            eprint!("differential outcomes:\n{}", TALLY.report());
        }
        atexit(report);
        Mutex::new(Worker { inputs, outcomes })
    })
}

fuzz_target!(|data: &[u8]| {
    let worker = worker().lock().expect("one input at a time");
    worker
        .inputs
        .send(data.to_vec())
        .expect("the checking thread runs");
    let outcome = worker.outcomes.recv().expect("the checking thread answers");
    TALLY.add(outcome);
});
