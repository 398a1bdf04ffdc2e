#!/usr/bin/env bash
# Compile time of 500 derived structs: our derive (tl-core) vs serde_derive
# (Serialize + Deserialize) vs tl-proto's derive (TlWrite + TlRead), and a
# crate of the same 500 structs with no derive at all (the baseline that the
# "net" ratios subtract).
#
# Generates four crates in one throwaway workspace, builds them once (so every
# dependency is compiled), then for each crate touches src/lib.rs and times a
# rebuild of that crate alone, RUNS times (default 3), reporting the median.
# Incremental compilation is off, so every timed build compiles the whole crate.
#
# Usage: bench/compile_time.sh [--release]   (default: the dev profile)
# Env:   RUNS=3, STRUCTS=500, CARGO_TARGET_DIR (default
#        <repo>/target-bench/compile), KEEP=1 to keep the generated crates.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
structs=${STRUCTS:-500}
profile_flag=()
profile=dev
if [[ "${1:-}" == "--release" ]]; then
    profile_flag=(--release)
    profile=release
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target-bench/compile}
export CARGO_INCREMENTAL=0

work=$(mktemp -d "${TMPDIR:-/tmp}/tl-compile-time.XXXXXX")
if [[ "${KEEP:-0}" != 1 ]]; then
    trap 'rm -rf "$work"' EXIT
fi

crates=(ct_plain ct_ours ct_serde ct_tlproto)

cat >"$work/Cargo.toml" <<TOML
[workspace]
resolver = "3"
members = [$(printf '"%s", ' "${crates[@]}")]
TOML

# The 8 fields every struct has, under each crate's attributes.
fields() { # $1: attribute for the two string-like fields' codec, if any
    cat <<RS
    pub id: i64,
    pub count: i32,
    pub ratio: f64,
    pub enabled: bool,
    pub created: i32,
    pub updated: i64,
$1    pub name: String,
    pub values: Vec<i64>,
RS
}

new_crate() { # $1: name, $2: dependencies
    mkdir -p "$work/$1/src"
    cat >"$work/$1/Cargo.toml" <<TOML
[package]
name = "$1"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$2
TOML
}

new_crate ct_plain ""
new_crate ct_ours "tl-core = { path = \"$repo/tl-core\" }"
new_crate ct_serde 'serde = { version = "1", features = ["derive"] }'
new_crate ct_tlproto 'tl-proto = { version = "0.5", default-features = false, features = ["derive"] }'

{
    echo "#![allow(dead_code)]"
    for ((i = 0; i < structs; i++)); do
        echo "pub struct S$i {"
        fields ""
        echo "}"
    done
} >"$work/ct_plain/src/lib.rs"

{
    for ((i = 0; i < structs; i++)); do
        echo "#[derive(tl_core::TlObject)]"
        echo "pub struct S$i {"
        fields ""
        echo "}"
    done
} >"$work/ct_ours/src/lib.rs"

{
    for ((i = 0; i < structs; i++)); do
        echo "#[derive(serde::Serialize, serde::Deserialize)]"
        echo "pub struct S$i {"
        fields ""
        echo "}"
    done
} >"$work/ct_serde/src/lib.rs"

{
    cat <<'RS'
use tl_proto::{TlRead, TlWrite};

/// tl-proto has no `String`: the UTF-8-checked `string` codec.
mod tl_string {
    use tl_proto::{TlError, TlPacket, TlRead, TlResult, TlWrite};

    pub fn size_hint(value: &String) -> usize {
        tl_proto::bytes_max_size_hint(value.len())
    }

    pub fn write<P: TlPacket>(value: &String, packet: &mut P) {
        value.as_bytes().write_to(packet)
    }

    pub fn read(packet: &mut &[u8]) -> TlResult<String> {
        let bytes = <&[u8]>::read_from(packet)?;
        std::str::from_utf8(bytes).map(str::to_owned).map_err(|_| TlError::InvalidData)
    }
}
RS
    for ((i = 0; i < structs; i++)); do
        echo "#[derive(TlWrite, TlRead)]"
        printf '#[tl(boxed, id = 0x%08x)]\n' $((0x10000 + i))
        echo "pub struct S$i {"
        fields "    #[tl(with = \"tl_string\")]
"
        echo "}"
    done
} >"$work/ct_tlproto/src/lib.rs"

cd "$work"
echo "profile: $profile; CARGO_TARGET_DIR=$CARGO_TARGET_DIR; CARGO_INCREMENTAL=0; $structs structs per crate; median of $runs" >&2
echo "prebuilding dependencies (and each crate once)..." >&2
# One crate at a time, exactly as timed below: features are unified over the
# packages selected, so a --workspace build would compile different
# dependency artifacts (serde with `derive` for everyone, say).
for crate in "${crates[@]}"; do
    cargo build --quiet "${profile_flag[@]}" -p "$crate"
done

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }

declare -A median
for crate in "${crates[@]}"; do
    times=()
    for ((run = 0; run < runs; run++)); do
        touch "$crate/src/lib.rs"
        start=$(now)
        cargo build --quiet "${profile_flag[@]}" -p "$crate"
        end=$(now)
        times+=("$(calc "$end - $start")")
    done
    median[$crate]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
    printf '%-11s %s s  (runs: %s)\n' "$crate" "${median[$crate]}" "${times[*]}" >&2
done

plain=${median[ct_plain]}
ours=${median[ct_ours]}
ratio() { awk "BEGIN { printf \"%.2f\", ($1) / ($2) }"; }
per_struct_ms() { calc "($1 - $plain) * 1000 / $structs"; }

echo
echo "Compile time, $profile profile, $structs structs, clean build of the crate (dependencies prebuilt), median of $runs:"
echo
echo "| crate | build (s) | derive cost per struct (ms, minus no-derive crate) | ours ÷ this (build) | ours ÷ this (derive cost) |"
echo "|---|---:|---:|---:|---:|"
for crate in "${crates[@]}"; do
    t=${median[$crate]}
    if [[ $crate == ct_plain ]]; then
        printf '| %s | %.2f | - | %s | - |\n' "no derive" "$t" "$(ratio "$ours" "$t")"
        continue
    fi
    case $crate in
        ct_ours) label="ours: TlObject (binary + serde JSON)" ;;
        ct_serde) label="serde_derive: Serialize + Deserialize" ;;
        ct_tlproto) label="tl-proto: TlWrite + TlRead" ;;
    esac
    printf '| %s | %.2f | %.2f | %s | %s |\n' "$label" "$t" "$(per_struct_ms "$t")" \
        "$(ratio "$ours" "$t")" "$(ratio "$ours - $plain" "$t - $plain")"
done
