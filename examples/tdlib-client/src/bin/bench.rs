//! Requests per second through TDLib's `testSquareInt`:
//! `bench THREADS REQUESTS WINDOW` (default 1, 100 000 and 1), each of
//! THREADS threads keeping WINDOW requests in flight: `send` when 1,
//! `submit` and `Pending::wait` otherwise. `compare.sh` runs it beside the
//! same program written with tdl (`bench.js`).

use std::collections::VecDeque;
use std::process::ExitCode;
use std::time::Instant;

use tdlib_client::{Client, Pending, enums, functions, types};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let threads = args.next().map_or(Ok(1), |a| a.parse::<usize>());
    let requests = args.next().map_or(Ok(100_000), |a| a.parse::<usize>());
    let window = args.next().map_or(Ok(1), |a| a.parse::<usize>());
    let (Ok(threads @ 1..), Ok(requests), Ok(window @ 1..)) = (threads, requests, window) else {
        eprintln!("usage: bench [THREADS] [REQUESTS] [WINDOW]");
        return ExitCode::FAILURE;
    };
    match run(threads, requests, window) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Sends `count` requests, `window` at a time; the number of wrong
/// answers.
fn square(
    client: &Client,
    first: usize,
    count: usize,
    window: usize,
) -> Result<usize, tdlib_client::TdError> {
    let mut wrong = 0;
    let mut check = |x: i32, answer| {
        if answer != enums::TestInt::TestInt(types::TestInt { value: x * x }) {
            wrong += 1;
        }
    };
    let mut in_flight = VecDeque::with_capacity(window);
    for n in first..first + count {
        // Below 46 341, whose square still fits in an int32.
        let x = i32::try_from(n % 46_341).unwrap_or_default();
        if window == 1 {
            check(x, client.send(functions::TestSquareInt { x })?);
            continue;
        }
        if in_flight.len() == window
            && let Some((x, pending)) = in_flight.pop_front()
        {
            check(x, Pending::wait(pending)?);
        }
        in_flight.push_back((x, client.submit(functions::TestSquareInt { x })));
    }
    for (x, pending) in in_flight {
        check(x, pending.wait()?);
    }
    Ok(wrong)
}

fn run(threads: usize, requests: usize, window: usize) -> Result<(), Box<dyn std::error::Error>> {
    tdlib_client::load()?.execute(functions::SetLogVerbosityLevel {
        new_verbosity_level: 0,
    })?;
    let client = Client::new()?;
    // TDLib starts its instance on the first request: not part of the
    // measure.
    square(&client, 0, 1_000, 1)?;

    let each = requests / threads;
    let start = Instant::now();
    let wrong = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let client = &client;
                scope.spawn(move || square(client, t * each, each, window))
            })
            .collect();
        workers.into_iter().try_fold(0, |sum, worker| {
            let wrong = worker.join().map_err(|_| "a sending thread panicked")??;
            Ok::<_, Box<dyn std::error::Error>>(sum + wrong)
        })
    })?;
    let seconds = start.elapsed().as_secs_f64();
    let total = each * threads;
    client.close()?;
    if wrong > 0 {
        return Err(format!("{wrong} wrong answers").into());
    }
    println!(
        "tdlib-client: {threads} thread(s), {window} in flight each, {total} requests in \
         {seconds:.2} s: {:.0} requests/s",
        total as f64 / seconds
    );
    Ok(())
}
