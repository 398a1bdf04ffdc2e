#!/usr/bin/env bash
# Build time and peak rustc memory of whole generated schemas, against
# grammers-tl-types in the same run: the README's "What it costs to build".
#
# Generates, with tl-gen from the vendored schemas, one crate per row, each
# holding one generated file and depending on tl-core alone:
# - td_api.tl and telegram_api.tl whole, with tl-core's default features
#   (JSON on) and binary only (`default-features = false, features = ["std",
#   "derive"]`), with the default derives and with `--derives ""`;
# - the bot set of examples/td-bot-types (`--only`, its 14 names);
# - grammers-tl-types 0.11 (default features), whose build script generates
#   its code: it is cleaned and rebuilt, generation included.
# Builds every crate once (so every dependency is compiled), then touches
# each crate's src/lib.rs (grammers: `cargo clean -p`) and times a rebuild of
# that crate alone, in turn, RUNS rounds (default 1), with
# `CARGO_INCREMENTAL=0`. Reports each round's wall time and the largest
# rustc's peak RSS (`/usr/bin/time`).
#
# Usage: bench/schema_build.sh [crate...]   (default: every crate)
# Env:   RUNS=1, CARGO_TARGET_DIR (default <repo>/target-bench/schema),
#        KEEP=1 to keep the generated crates.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-1}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target-bench/schema}
export CARGO_INCREMENTAL=0

work=$(mktemp -d "${TMPDIR:-/tmp}/tl-schema-build.XXXXXX")
if [[ "${KEEP:-0}" != 1 ]]; then
    trap 'rm -rf "$work"' EXIT
fi

schemas=$repo/tests/whole-schema/schemas
bot_only=$(sed -n '/\.only(\[/,/\])/p' "$repo/examples/td-bot-types/build.rs" |
    grep -o '"[A-Za-z.]*"' | tr -d '"' | paste -sd, -)

json='tl-core = { path = "'$repo'/tl-core" }'
binary='tl-core = { path = "'$repo'/tl-core", default-features = false, features = ["std", "derive"] }'

# name, schema, tl-gen arguments, dependency
rows=(
    "td_json|td_api.tl||$json"
    "td_bin|td_api.tl||$binary"
    "td_bin_no_derives|td_api.tl|--derives=|$binary"
    "bot_json|td_api.tl|--only=$bot_only|$json"
    "bot_bin|td_api.tl|--only=$bot_only|$binary"
    "tg_json|telegram_api.tl||$json"
    "tg_bin|telegram_api.tl||$binary"
    "tg_bin_no_derives|telegram_api.tl|--derives=|$binary"
)

echo "generating with tl-gen (release)..." >&2
cargo build --quiet --release --manifest-path "$repo/Cargo.toml" -p tl-gen
tl_gen=$CARGO_TARGET_DIR/release/tl-gen

crates=()
for row in "${rows[@]}"; do
    IFS='|' read -r name schema args dependency <<<"$row"
    crates+=("$name")
    mkdir -p "$work/$name/src"
    cat >"$work/$name/Cargo.toml" <<TOML
[package]
name = "$name"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$dependency
TOML
    gen_args=()
    case $args in
        --derives=) gen_args=(--derives "") ;;
        --only=*) gen_args=(--only "${args#--only=}") ;;
    esac
    "$tl_gen" "$schemas/$schema" --out "$work/$name/src/generated.rs" "${gen_args[@]}" \
        2>"$work/tl-gen.log" || { cat "$work/tl-gen.log" >&2; exit 1; }
    echo 'include!("generated.rs");' >"$work/$name/src/lib.rs"
done

crates+=(grammers)
mkdir -p "$work/grammers/src"
cat >"$work/grammers/Cargo.toml" <<'TOML'
[package]
name = "grammers"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
grammers-tl-types = "0.11"
TOML
echo 'pub use grammers_tl_types;' >"$work/grammers/src/lib.rs"

cat >"$work/Cargo.toml" <<TOML
[workspace]
resolver = "3"
members = [$(printf '"%s", ' "${crates[@]}")]
TOML

selected=("$@")
[[ ${#selected[@]} -gt 0 ]] || selected=("${crates[@]}")

cd "$work"
echo "CARGO_TARGET_DIR=$CARGO_TARGET_DIR; CARGO_INCREMENTAL=0; $runs round(s)" >&2
echo "prebuilding dependencies (and each crate once)..." >&2
for crate in "${selected[@]}"; do
    cargo build --quiet -p "$crate"
done

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.1f\", $1 }"; }

echo
# GB as this workspace's tables write it: /usr/bin/time's kilobytes / 10^6.
echo "| crate | round | wall (s) | peak rustc memory (GB) |"
echo "|---|---:|---:|---:|"
for ((run = 0; run < runs; run++)); do
    for crate in "${selected[@]}"; do
        if [[ $crate == grammers ]]; then
            cargo clean --quiet -p grammers-tl-types
        else
            touch "$crate/src/lib.rs"
        fi
        start=$(now)
        /usr/bin/time -f %M -o "$work/rss" cargo build --quiet -p "$crate"
        end=$(now)
        rss=$(tail -1 "$work/rss")
        printf '| %s | %d | %s | %s |\n' "$crate" "$run" "$(calc "$end - $start")" \
            "$(awk "BEGIN { printf \"%.2f\", $rss / 1000000 }")"
    done
done
