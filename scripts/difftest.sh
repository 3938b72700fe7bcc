#!/usr/bin/env bash
# Differential testing against real Go: N random programs from gogen (seeds SEED..,
# default 0), each built and run by real Go and by deferlab under every pass
# configuration; mismatches are reduced and written under target/difftest/seed-K/.
#
#   scripts/difftest.sh N [SEED] [--out DIR] [--jobs N] [--no-reduce] [--enable FEATURE]
#
#   scripts/difftest.sh 300            # what CI runs (seeds 0..300)
#   scripts/difftest.sh 2000 100000    # a longer campaign on fresh seeds
#   scripts/difftest.sh 200 0 --enable nested_defer_recover   # the optional shapes too
#   cargo run -p gogen -- 1234         # print the program of seed 1234
#
# Go is found via $GO, else `go` on PATH, else ../shared/tools/install-go.sh.
# Exit status 1 if any program mismatched (or Go rejected one: a generator bug).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
if [ -z "${GO:-}" ]; then
    if command -v go >/dev/null 2>&1; then
        GO=$(command -v go)
    else
        GO=$("$ROOT/../shared/tools/install-go.sh")
    fi
fi
export GO
cargo build --release --locked -q -p testsuite --bin difftest
exec "$ROOT/target/release/difftest" "$@"
