#!/usr/bin/env bash
# Instructions per operation of benchmark cases, counted by callgrind (stable
# on a shared machine, where times are not): each case runs twice, N1 and
# N2 times, and the difference of the two totals over N2 - N1 is the cost of
# one operation, without the set-up.
#
#   bench/callgrind.sh authorization/decode_borrowed_bytes/ours ...
#   bench/callgrind.sh            # every case of benches/profile.rs
#   bench/callgrind.sh peer/decode@call/ours peer/decode@call/tl-proto
#                                 # the call-boundary functions (codec/calls.rs)
#
# KEEP=1 keeps the callgrind.out files of the larger run (in $OUT, by
# default target/callgrind) for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/.."
N1=${N1:-100}
N2=${N2:-1100}
OUT=${OUT:-target/callgrind}
mkdir -p "$OUT"
export CARGO_PROFILE_BENCH_DEBUG=${CARGO_PROFILE_BENCH_DEBUG:-line-tables-only}
bin=$(cargo bench -p tl-bench --bench profile --no-run --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*profile[^"]*\)".*/\1/p' | tail -1)
if [ $# -eq 0 ]; then
    set -- $("$bin" | tail -n +2)
fi
total() { # case count -> instructions
    local file="$OUT/$(echo "$1" | tr '/ ,' '___').$2.out"
    valgrind --tool=callgrind --callgrind-out-file="$file" "$bin" "$1" "$2" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    [ "${KEEP:-0}" = 1 ] && [ "$2" = "$N2" ] || rm -f "$file"
}
printf '%-52s %12s\n' case instructions/op
for case in "$@"; do
    a=$(total "$case" "$N1")
    b=$(total "$case" "$N2")
    printf '%-52s %12.1f\n' "$case" "$(echo "($b - $a) / ($N2 - $N1)" | bc -l)"
done
