#!/usr/bin/env bash
# Compile time and peak memory of 500 derived structs: our derive (tl-core,
# with JSON and binary only) vs serde_derive (Serialize + Deserialize) vs
# tl-proto's derive (TlWrite + TlRead), and a crate of the same 500 structs
# with no derive at all (the baseline that the "net" ratios subtract).
#
# Two shapes, each a crate per derive:
# - flat: eight fields of TL primitives (the macro computes the schema line);
# - nested: the same with one field of another derived struct in place of an
#   `i64` (the line has a gap that `const` evaluation fills in).
#
# Generates the crates in one throwaway workspace, builds them once (so every
# dependency is compiled), then touches each crate's src/lib.rs and times a
# rebuild of that crate alone, in turn, RUNS rounds (default 3), reporting the
# median. Alternating the crates spreads a noisy neighbour's load over all of
# them. Incremental compilation is off, so every timed build compiles the
# whole crate.
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

derives=(plain ours oursbin serde tlproto)
shapes=(flat nested)
crates=()
for shape in "${shapes[@]}"; do
    for derive in "${derives[@]}"; do
        crates+=("ct_${derive}_$shape")
    done
done

cat >"$work/Cargo.toml" <<TOML
[workspace]
resolver = "3"
members = [$(printf '"%s", ' "${crates[@]}")]
TOML

# The 8 fields every struct has, under each crate's attributes.
fields() { # $1: shape, $2: attribute for the string field's codec, if any
    cat <<RS
    pub id: i64,
    pub count: i32,
    pub ratio: f64,
    pub enabled: bool,
    pub created: i32,
RS
    if [[ $1 == nested ]]; then
        echo "    pub inner: Inner,"
    else
        echo "    pub updated: i64,"
    fi
    cat <<RS
$2    pub name: String,
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

tl_proto_prelude() {
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
}

source_of() { # $1: derive, $2: shape
    local derive=$1 shape=$2 attrs="" field_attr=""
    case $derive in
        plain) echo "#![allow(dead_code)]" ;;
        ours | oursbin) attrs="#[derive(tl_core::TlObject)]" ;;
        serde) attrs="#[derive(serde::Serialize, serde::Deserialize)]" ;;
        tlproto)
            tl_proto_prelude
            field_attr="    #[tl(with = \"tl_string\")]
"
            ;;
    esac
    if [[ $shape == nested ]]; then
        [[ -n $attrs ]] && echo "$attrs"
        [[ $derive == tlproto ]] && printf '#[derive(TlWrite, TlRead)]\n#[tl(boxed, id = 0x%08x)]\n' $((0x20000))
        echo "pub struct Inner {"
        echo "    pub x: i32,"
        echo "}"
    fi
    for ((i = 0; i < structs; i++)); do
        [[ -n $attrs ]] && echo "$attrs"
        [[ $derive == tlproto ]] && printf '#[derive(TlWrite, TlRead)]\n#[tl(boxed, id = 0x%08x)]\n' $((0x10000 + i))
        echo "pub struct S$i {"
        fields "$shape" "$field_attr"
        echo "}"
    done
}

for shape in "${shapes[@]}"; do
    new_crate "ct_plain_$shape" ""
    new_crate "ct_ours_$shape" "tl-core = { path = \"$repo/tl-core\" }"
    new_crate "ct_oursbin_$shape" "tl-core = { path = \"$repo/tl-core\", default-features = false, features = [\"std\", \"derive\"] }"
    new_crate "ct_serde_$shape" 'serde = { version = "1", features = ["derive"] }'
    new_crate "ct_tlproto_$shape" 'tl-proto = { version = "0.5", default-features = false, features = ["derive"] }'
    for derive in "${derives[@]}"; do
        source_of "$derive" "$shape" >"$work/ct_${derive}_$shape/src/lib.rs"
    done
done

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

declare -A times peak
for ((run = 0; run < runs; run++)); do
    for crate in "${crates[@]}"; do
        touch "$crate/src/lib.rs"
        start=$(now)
        # Peak resident memory of the build (rustc's, the largest process).
        /usr/bin/time -f %M -o "$work/rss" cargo build --quiet "${profile_flag[@]}" -p "$crate"
        end=$(now)
        times[$crate]+="$(calc "$end - $start") "
        rss=$(tail -1 "$work/rss")
        [[ ${peak[$crate]:-0} -ge $rss ]] || peak[$crate]=$rss
        printf '%-18s run %d: %s s, %s MB\n' "$crate" "$run" "$(calc "$end - $start")" "$((rss / 1024))" >&2
    done
done

declare -A median
for crate in "${crates[@]}"; do
    median[$crate]=$(printf '%s\n' ${times[$crate]} | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
done

ratio() { awk "BEGIN { printf \"%.2f\", ($1) / ($2) }"; }

for shape in "${shapes[@]}"; do
    plain=${median[ct_plain_$shape]}
    ours=${median[ct_ours_$shape]}
    echo
    case $shape in
        flat) echo "Flat structs (8 primitive fields), $profile profile, $structs structs, clean build of the crate (dependencies prebuilt), median of $runs:" ;;
        nested) echo "Nested structs (one of the 8 fields is another derived struct), $profile profile, $structs structs, median of $runs:" ;;
    esac
    echo
    echo "| crate | build (s) | peak memory (MB) | derive cost per struct (ms, minus no-derive crate) | ours ÷ this (build) | ours ÷ this (derive cost) |"
    echo "|---|---:|---:|---:|---:|---:|"
    for derive in "${derives[@]}"; do
        t=${median[ct_${derive}_$shape]}
        if [[ $derive == plain ]]; then
            printf '| %s | %.2f | %d | - | %s | - |\n' "no derive" "$t" "$((peak[ct_plain_$shape] / 1024))" "$(ratio "$ours" "$t")"
            continue
        fi
        case $derive in
            ours) label="ours: TlObject (binary + serde JSON)" ;;
            oursbin) label="ours, binary only (\`default-features = false, features = [\"std\", \"derive\"]\`)" ;;
            serde) label="serde_derive: Serialize + Deserialize" ;;
            tlproto) label="tl-proto: TlWrite + TlRead" ;;
        esac
        printf '| %s | %.2f | %d | %.2f | %s | %s |\n' "$label" "$t" "$((peak[ct_${derive}_$shape] / 1024))" "$(calc "($t - $plain) * 1000 / $structs")" \
            "$(ratio "$ours" "$t")" "$(ratio "$ours - $plain" "$t - $plain")"
    done
done
