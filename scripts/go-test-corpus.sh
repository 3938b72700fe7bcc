#!/usr/bin/env bash
# Runs the Go project's own `// run` test programs (a copy of golang/go's test/ folder,
# or any part of it, kept OUTSIDE this repository) with real Go and with deferlab, and
# says which pass, which deferlab rejects and why, and which differ or crash.
#
#   scripts/go-test-corpus.sh DIR            # every DIR/**/*.go whose first line is `// run`
#   DEFERLAB=/path/to/deferlab scripts/go-test-corpus.sh DIR
#
# Go is found via $GO, else `go` on PATH, else ../shared/tools/install-go.sh; deferlab is
# ${DEFERLAB:-target/release/deferlab} (relative paths are taken from the repo root).
#
# Only files whose first line is exactly `// run` are taken: `// run -gcflags=...`,
# `// runoutput`, `// rundir`, `// buildrun` and the errorcheck kinds need test/run.go's
# machinery or flags and are left out. Each file is built with `go build` and run once
# (no stdin, 20 s limit, GOTRACEBACK/GODEBUG/GOMAXPROCS unset, as scripts/goldens.sh
# does), then run with `deferlab run FILE` the same way. stdout, the exit status and
# stderr normalised by scripts/goldens.sh's normalise_stderr are compared. A test with
# NAME.out next to it must also meet test/run.go's rule: exit status 0 and stdout+stderr
# equal to NAME.out. One line per file:
#
#   pass                       same as Go (and run.go's rule holds)
#   pass (Go fails run.go's rule too: ...)   same as Go, but Go 1.27.3 itself fails the
#                              test as stored (an old copy, or a platform-specific test)
#   rejected: MESSAGE          deferlab exited 1 with a compile error; MESSAGE is its first
#                              diagnostic
#   MISMATCH: WHAT             different stdout, stderr or exit status (or run.go's rule
#                              fails for deferlab only)
#   CRASH: WHAT                deferlab died by a signal, a Rust panic, or ran past 20 s
#   skipped: WHY               real Go does not build it, or Go itself times out
#
# then a summary: counts per class, and the rejection reasons grouped by construct (every
# "... not supported" diagnostic of a test, quoted names kept, counted once per test; a
# test with no such diagnostic is counted under its first message; a last line counts the
# tests with any unsupported import).
# Exit status 1 if any MISMATCH or CRASH, else 0.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
DIR=$(cd "$1" && pwd)

# The same normalisation as scripts/goldens.sh (and the Rust test harness).
normalise_stderr() {
    perl -0777 -ne '
        my @l = split /(?<=\n)/, $_;
        @l = grep { !/^\[signal / && !/^runtime: / } @l;
        for my $i (0 .. $#l - 1) {
            if ($l[$i] eq "\n" && $l[$i + 1] =~ /^(?:goroutine |runtime stack:)/) {
                splice @l, $i;
                last;
            }
        }
        print @l;
    '
}

if [ -z "${GO:-}" ]; then
    if command -v go >/dev/null 2>&1; then
        GO=$(command -v go)
    else
        GO=$("$ROOT/../shared/tools/install-go.sh")
    fi
fi
DEFERLAB=${DEFERLAB:-target/release/deferlab}
case "$DEFERLAB" in
/*) ;;
*) DEFERLAB="$ROOT/$DEFERLAB" ;;
esac
if [ ! -x "$DEFERLAB" ]; then
    echo "go-test-corpus: no deferlab binary at $DEFERLAB (cargo build --release)" >&2
    exit 2
fi
unset GOFLAGS GOOS GOARCH CGO_ENABLED GOEXPERIMENT

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run_one LABEL CMD...: run CMD in $tmp with no stdin and a 20 s limit; leaves
# $tmp/LABEL.out, $tmp/LABEL.err (normalised), $tmp/LABEL.raw (raw stderr), $tmp/LABEL.code.
run_one() {
    local label=$1
    shift
    local code=0
    (cd "$tmp" && env -u GOTRACEBACK -u GODEBUG -u GOMAXPROCS timeout 20 "$@" \
        </dev/null >"$tmp/$label.out" 2>"$tmp/$label.raw") 2>/dev/null || code=$?
    normalise_stderr <"$tmp/$label.raw" >"$tmp/$label.err"
    echo "$code" >"$tmp/$label.code"
}

# rungo_rule LABEL GOLDEN: test/run.go's rule for a `// run` test: exit status 0 and,
# when GOLDEN exists, stdout+stderr (unnormalised) equal to it. Prints why it fails.
rungo_rule() {
    local label=$1 golden=$2 code
    code=$(cat "$tmp/$label.code")
    if [ "$code" != 0 ]; then
        echo "exit status $code"
    elif [ -f "$golden" ] && ! cmp -s <(cat "$tmp/$label.out" "$tmp/$label.raw") "$golden"; then
        echo "output differs from $(basename "$golden")"
    fi
}

# first_line_of FILE: the file's first line without a trailing CR.
first_line_of() {
    local line=""
    IFS= read -r line <"$1" || true
    printf '%s' "${line%$'\r'}"
}

declare -A count=()
declare -A reasons=()
bad=0
imports=0 # tests with at least one unsupported import
mapfile -t files < <(cd "$DIR" && find . -name '*.go' -type f | sed 's#^\./##' | LC_ALL=C sort)

for rel in "${files[@]}"; do
    src="$DIR/$rel"
    [ "$(first_line_of "$src")" = "// run" ] || continue
    golden="${src%.go}.out"
    rm -f "$tmp"/go.* "$tmp"/dl.* "$tmp/prog"

    if ! (cd "$(dirname "$src")" && "$GO" build -o "$tmp/prog" "$(basename "$src")") \
        >"$tmp/build.log" 2>&1; then
        why=$(grep -v '^#' "$tmp/build.log" | head -1 | sed "s#^.*/\($(basename "$src")\)#\1#")
        result="skipped: Go does not build it: $why"
    else
        run_one go "$tmp/prog"
        run_one dl "$DEFERLAB" run "$src"
        gocode=$(cat "$tmp/go.code")
        dlcode=$(cat "$tmp/dl.code")
        if [ "$gocode" = 124 ]; then
            result="skipped: Go itself runs past 20 s"
        elif [ "$dlcode" = 124 ]; then
            result="CRASH: timeout (20 s)"
        elif grep -q "^thread '.*' panicked at" "$tmp/dl.raw"; then
            result="CRASH: Rust panic: $(grep -m1 -A1 "panicked at" "$tmp/dl.raw" | tail -1)"
        elif [ "$dlcode" -gt 128 ] && [ "$dlcode" != "$gocode" ]; then
            result="CRASH: killed by signal $((dlcode - 128))"
        elif [ "$dlcode" = 1 ] && [ ! -s "$tmp/dl.out" ] &&
            head -1 "$tmp/dl.raw" | grep -q "^$src:[0-9]*:[0-9]*: "; then
            msg=$(head -1 "$tmp/dl.raw" | sed "s#^$src:[0-9]*:[0-9]*: ##")
            result="rejected: $msg"
            # Every "not supported" diagnostic, once per test; else the first message.
            mapfile -t rs < <(grep "^$src:[0-9]*:[0-9]*: " "$tmp/dl.raw" |
                sed "s#^$src:[0-9]*:[0-9]*: ##" | grep 'not supported' | LC_ALL=C sort -u)
            [ ${#rs[@]} -gt 0 ] || rs=("$msg")
            for r in "${rs[@]}"; do
                reasons[$r]=$((${reasons[$r]:-0} + 1))
            done
            if printf '%s\n' "${rs[@]}" | grep -q '^import ".*" is not supported$'; then
                imports=$((imports + 1))
            fi
        else
            what=""
            cmp -s "$tmp/go.out" "$tmp/dl.out" || what+=", stdout"
            cmp -s "$tmp/go.err" "$tmp/dl.err" || what+=", stderr"
            [ "$gocode" = "$dlcode" ] || what+=", exit status $dlcode (Go $gocode)"
            gorule=$(rungo_rule go "$golden")
            dlrule=$(rungo_rule dl "$golden")
            if [ -n "$what" ]; then
                result="MISMATCH: ${what#, }"
            elif [ -n "$dlrule" ] && [ -z "$gorule" ]; then
                result="MISMATCH: run.go's rule: $dlrule"
            elif [ -n "$gorule" ]; then
                result="pass (Go fails run.go's rule too: $gorule)"
            else
                result="pass"
            fi
        fi
    fi
    class=${result%%:*}
    class=${class%% (*}
    count[$class]=$((${count[$class]:-0} + 1))
    case "$class" in MISMATCH | CRASH) bad=1 ;; esac
    printf '%s: %s\n' "$rel" "$result"
done

echo
echo "== summary ($("$GO" version | cut -d' ' -f3), $DEFERLAB)"
total=0
for class in pass rejected MISMATCH CRASH skipped; do
    n=${count[$class]:-0}
    total=$((total + n))
    printf '%-9s %4d\n' "$class" "$n"
done
printf '%-9s %4d\n' total "$total"
if [ ${#reasons[@]} -gt 0 ]; then
    echo
    echo "== rejection reasons (tests per reason; a test counts once per reason)"
    for r in "${!reasons[@]}"; do
        printf '%4d  %s\n' "${reasons[$r]}" "$r"
    done | LC_ALL=C sort -k1,1nr -k2
    printf '%4d  (any import that is not supported, all packages together)\n' "$imports"
fi
exit "$bad"
