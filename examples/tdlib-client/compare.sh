#!/usr/bin/env bash
# Requests per second through TDLib's testSquareInt, this client against
# tdl (Node), one and 8 senders, on the same libtdjson.so, with each
# run's peak memory (/usr/bin/time -v). `compare.sh [REQUESTS] [ROUNDS]`.
# Installs TDLib (.ci/install-tdlib) and tdl into target/tdl (npm).
set -euo pipefail
cd "$(dirname "$0")/../.."

requests=${1:-100000}
rounds=${2:-1}
tdl_version=8.1.0
prefix=target/tdl

.ci/install-tdlib >/dev/null
installed=$(node -p "require('./$prefix/node_modules/tdl/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$tdl_version" ]; then
    # --no-save and --no-package-lock: the repository tracks no npm manifest.
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$prefix" "tdl@$tdl_version"
fi
cargo build --quiet --release -p tdlib-client --bin bench
bench=${CARGO_TARGET_DIR:-target}/release/bench

# Runs a program under /usr/bin/time -v: its line, then its peak RSS.
measure() {
    local report
    report=$(mktemp)
    /usr/bin/time -v -o "$report" "$@"
    awk -F': ' '/Maximum resident set size/ { printf "  peak memory: %.1f MB\n", $2 / 1024 }' "$report"
    rm -f "$report"
}

echo "@prebuilt-tdlib/linux-x64-glibc $(node -p "require('./target/tdlib/node_modules/@prebuilt-tdlib/linux-x64-glibc/package.json').version"), tdl $tdl_version, node $(node --version), $(nproc) CPUs"
for round in $(seq "$rounds"); do
    for threads in 1 8; do
        measure "$bench" "$threads" "$requests" 1
        measure node examples/tdlib-client/bench.js "$threads" "$requests"
    done
    # tdl's 8 loops share one thread: ours with 8 in flight from one thread.
    measure "$bench" 1 "$requests" 8
done
