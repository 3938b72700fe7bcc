#!/usr/bin/env bash
# Regenerates or re-checks the goldens of `deferlab bench` with REAL Go.
#
#   scripts/bench-goldens.sh update   # rewrite testsuite/bench/NAME.golden for every NAME.args
#   scripts/bench-goldens.sh check    # regenerate into a temp dir and diff; exit 1 on a mismatch
#
# NAME.args holds the flags and file of one run (`-bench . -benchtime 10x basic_test.go`);
# NAME.golden is what `GOMAXPROCS=2 go test ARGS` prints in testsuite/bench, masked by
# mask_bench below (timings, the CPU name and the memory columns vary from run to run).
# crates' test tests/bench.rs runs `deferlab bench ARGS` and masks its output the same way.
# Go is found via $GO, else `go` on PATH, else ../shared/tools/install-go.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/testsuite/bench"

# mask_bench: stdin -> stdout. THE masking rule (tests/bench.rs implements the same):
#   1. a line "cpu: ..." becomes "cpu: <cpu>"
#   2. every "\t<spaces><number> ns/op" becomes "\t<ns> ns/op"
#   3. every "\t<spaces><n> B/op\t<spaces><n> allocs/op" becomes "\t<mem>"
#   4. a line "ok  \tPKG\tTIMEs" or "FAIL\tPKG\tTIMEs" gets "<t>s" for its time
mask_bench() {
    perl -pe '
        s/^cpu: .*$/cpu: <cpu>/;
        s/\t *[0-9.]+ ns\/op/\t<ns> ns\/op/g;
        s/\t *[0-9]+ B\/op\t *[0-9]+ allocs\/op/\t<mem>/g;
        s/^(ok  |FAIL)\t(\S+)\t[0-9.]+s$/$1\t$2\t<t>s/;
    '
}

find_go() {
    if [ -n "${GO:-}" ]; then
        echo "$GO"
    elif command -v go >/dev/null 2>&1; then
        command -v go
    else
        "$ROOT/../shared/tools/install-go.sh"
    fi
}

mode=${1:-}
if [ "$mode" != update ] && [ "$mode" != check ]; then
    echo "usage: $0 update|check" >&2
    exit 2
fi
GO=$(find_go)
unset GOFLAGS GOOS GOARCH CGO_ENABLED GOEXPERIMENT
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mismatches=0
count=0
for args_file in "$BENCH"/*.args; do
    name=$(basename "$args_file" .args)
    read -r -a args <"$args_file"
    out="$tmp/$name.golden"
    (cd "$BENCH" && GOMAXPROCS=2 "$GO" test "${args[@]}" 2>&1 || true) | mask_bench >"$out"
    count=$((count + 1))
    if [ "$mode" = update ]; then
        cp "$out" "$BENCH/$name.golden"
    elif ! cmp -s "$BENCH/$name.golden" "$out"; then
        echo "MISMATCH: testsuite/bench/$name.golden (committed vs real Go)"
        diff -u "$BENCH/$name.golden" "$out" --label "committed/$name" --label "go/$name" | head -40 || true
        mismatches=$((mismatches + 1))
    fi
done
if [ "$mismatches" != 0 ]; then
    echo "bench goldens: $mismatches mismatches" >&2
    exit 1
fi
echo "bench goldens: $count runs $([ "$mode" = update ] && echo updated || echo match) real Go ($("$GO" version))"
