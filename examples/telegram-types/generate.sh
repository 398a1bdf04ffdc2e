#!/usr/bin/env bash
# Writes src/tl from the vendored telegram_api.tl with tl-gen: only the
# requests this crate sends, and every type they reach. Arguments go to
# tl-gen: `generate.sh --check` writes nothing and fails if src/tl is not
# what the schema gives.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec cargo run --quiet -p tl-gen -- tests/whole-schema/schemas/telegram_api.tl \
    --out examples/telegram-types/src/tl \
    --only invokeWithLayer,initConnection,help.getConfig,auth.sendCode,updates.getState \
    "$@"
