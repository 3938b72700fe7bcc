#!/usr/bin/env bash
# Regenerates or re-checks the goldens of the sample programs with REAL Go (the oracle).
#
#   scripts/goldens.sh update   # rewrite P.out / P.err / P.code next to every
#                               # testsuite/programs/**/P.go, and NAME.gc next to every
#                               # testsuite/errors/NAME.go that real Go rejects
#   scripts/goldens.sh check    # regenerate into a temp dir, diff against the committed
#                               # goldens, print every mismatch, exit 1 if any
#
# Go is found via $GO, else `go` on PATH, else ../shared/tools/install-go.sh relative to
# the repo root (the repo's parent folder holds shared/).
#
# For each program P.go (built once with `go build`, then run once, with no stdin):
#   P.out   stdout, byte for byte
#   P.err   stderr, normalised by normalise_stderr below
#   P.code  the exit status as a decimal number and a newline
# For each testsuite/errors/NAME.go that `go build` rejects:
#   NAME.gc the compiler's error lines, with the "# command-line-arguments" header dropped
#           and the path reduced to the bare file name (`NAME.go:4:2: undefined: x`), also
#           on secondary lines (`\tNAME.go:3:2: other declaration of x`) and after ` at `.
# (errors/*.go that real Go accepts are valid Go outside the subset; they carry a
#  hand-written NAME.expect with the message our compiler must give, and no NAME.gc.)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROGRAMS="$ROOT/testsuite/programs"
ERRORS="$ROOT/testsuite/errors"

# normalise_stderr: stdin -> stdout. THE normalisation of a program's stderr; the Rust
# test harness implements exactly the same rule for our compiler's stderr.
#   1. Split into lines (each keeps its "\n"; a final unterminated fragment is a line too).
#   2. Remove every line that starts with "[signal "  (Go's signal line holds addresses).
#   3. Remove every line that starts with "runtime: " (stack-overflow diagnostics hold
#      addresses: "runtime: goroutine stack exceeds ...", "runtime: sp=...").
#   4. Then truncate at the first blank line ("\n" alone) that is directly followed by a
#      line starting with "goroutine " or "runtime stack:": keep everything before that
#      blank line (including the "\n" that ends the line before it), drop it and the rest.
#   Nothing else changes: an unterminated last line stays unterminated.
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

find_go() {
    if [ -n "${GO:-}" ]; then
        echo "$GO"
    elif command -v go >/dev/null 2>&1; then
        command -v go
    else
        "$ROOT/../shared/tools/install-go.sh"
    fi
}

# gen_program SRC OUTBASE BINDIR: build SRC once, run it, write OUTBASE.{out,err,code}.
gen_program() {
    local src=$1 outbase=$2 bindir=$3
    local bin
    bin="$bindir/$(echo "${src#"$PROGRAMS"/}" | tr '/' '_')"
    bin="${bin%.go}"
    if ! (cd "$(dirname "$src")" && "$GO" build -o "$bin" "$(basename "$src")") 2>"$bin.builderr"; then
        echo "goldens: BUILD FAILED: $src" >&2
        cat "$bin.builderr" >&2
        return 1
    fi
    mkdir -p "$(dirname "$outbase")"
    local code=0
    (cd "$bindir" && env -u GOTRACEBACK -u GODEBUG -u GOMAXPROCS timeout 20 "$bin" \
        </dev/null >"$outbase.out" 2>"$bin.rawerr") || code=$?
    if [ "$code" = 124 ]; then
        echo "goldens: TIMEOUT (20s): $src" >&2
        return 1
    fi
    normalise_stderr <"$bin.rawerr" >"$outbase.err"
    echo "$code" >"$outbase.code"
    rm -f "$bin" "$bin.rawerr" "$bin.builderr"
}

# gen_error SRC OUTBASE: write OUTBASE.gc if real Go rejects SRC (else remove it).
gen_error() {
    local src=$1 outbase=$2
    local name raw
    name=$(basename "$src")
    mkdir -p "$(dirname "$outbase")"
    raw=$(mktemp)
    if (cd "$(dirname "$src")" && "$GO" build -o /dev/null "$name") >"$raw" 2>&1; then
        rm -f "$outbase.gc"
    else
        # Secondary lines (`\t./f.go:6:2: other declaration of x`) keep their tab.
        grep -v '^# command-line-arguments' "$raw" |
            sed -e "s#^\(\t\?\)\(\./\|[^\t ]*/\)\($name:\)#\1\3#" \
                -e "s# at \./\($name:\)# at \1#" >"$outbase.gc"
    fi
    rm -f "$raw"
}

# Internal entry points for xargs.
case "${1:-}" in
__program) GO=$(find_go); export GO; gen_program "$2" "$3" "$4"; exit ;;
__error) GO=$(find_go); export GO; gen_error "$2" "$3"; exit ;;
esac

mode=${1:-}
if [ "$mode" != update ] && [ "$mode" != check ]; then
    echo "usage: $0 update|check" >&2
    exit 2
fi

GO=$(find_go)
export GO
unset GOFLAGS GOOS GOARCH CGO_ENABLED GOEXPERIMENT

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/gold"

mapfile -t progs < <(cd "$PROGRAMS" && find . -name '*.go' | sed 's#^\./##' | LC_ALL=C sort)
mapfile -t errs < <(cd "$ERRORS" 2>/dev/null && find . -maxdepth 1 -name '*.go' | sed 's#^\./##' | LC_ALL=C sort)

if [ "$mode" = update ]; then
    outroot_p=$PROGRAMS
    outroot_e=$ERRORS
else
    outroot_p=$tmp/gold/programs
    outroot_e=$tmp/gold/errors
fi

# Build and run in parallel, two at a time (these machines have 2 cores).
self="${BASH_SOURCE[0]}"
failed=0
if [ ${#progs[@]} -gt 0 ]; then
    for p in "${progs[@]}"; do
        printf '%s\0%s\0%s\0' "$PROGRAMS/$p" "$outroot_p/${p%.go}" "$tmp/bin"
    done | xargs -0 -n 3 -P 2 bash "$self" __program || failed=1
fi
if [ ${#errs[@]} -gt 0 ]; then
    for e in "${errs[@]}"; do
        printf '%s\0%s\0' "$ERRORS/$e" "$outroot_e/${e%.go}"
    done | xargs -0 -n 2 -P 2 bash "$self" __error || failed=1
fi
if [ "$failed" != 0 ]; then
    echo "goldens: some programs failed to build or timed out" >&2
    exit 1
fi

if [ "$mode" = update ]; then
    echo "goldens: updated ${#progs[@]} programs and ${#errs[@]} error programs with $("$GO" version)"
    exit 0
fi

mismatches=0
for p in "${progs[@]}"; do
    base=${p%.go}
    for ext in out err code; do
        if [ ! -f "$PROGRAMS/$base.$ext" ]; then
            echo "MISSING: testsuite/programs/$base.$ext"
            mismatches=$((mismatches + 1))
        elif ! cmp -s "$PROGRAMS/$base.$ext" "$tmp/gold/programs/$base.$ext"; then
            echo "MISMATCH: testsuite/programs/$base.$ext (committed vs real Go)"
            diff -u "$PROGRAMS/$base.$ext" "$tmp/gold/programs/$base.$ext" \
                --label "committed/$base.$ext" --label "go/$base.$ext" | head -40 || true
            mismatches=$((mismatches + 1))
        fi
    done
done
for e in "${errs[@]}"; do
    base=${e%.go}
    if [ -f "$tmp/gold/errors/$base.gc" ]; then
        if ! cmp -s "$ERRORS/$base.gc" "$tmp/gold/errors/$base.gc" 2>/dev/null; then
            echo "MISMATCH: testsuite/errors/$base.gc (committed vs real Go)"
            diff -u "$ERRORS/$base.gc" "$tmp/gold/errors/$base.gc" 2>/dev/null | head -20 || cat "$tmp/gold/errors/$base.gc"
            mismatches=$((mismatches + 1))
        fi
    else
        if [ -f "$ERRORS/$base.gc" ]; then
            echo "MISMATCH: testsuite/errors/$base.go: real Go accepts it but $base.gc exists"
            mismatches=$((mismatches + 1))
        elif [ ! -f "$ERRORS/$base.expect" ]; then
            echo "MISSING: testsuite/errors/$base.expect (real Go accepts $base.go)"
            mismatches=$((mismatches + 1))
        fi
    fi
done

if [ "$mismatches" != 0 ]; then
    echo "goldens: $mismatches mismatches" >&2
    exit 1
fi
echo "goldens: ${#progs[@]} programs match real Go"
echo "goldens: ${#errs[@]} error programs checked (.gc match real Go, .expect present)"
