#!/usr/bin/env bash
# Checks that include/tuomin.h is exactly what the pinned cbindgen generates
# from src/ffi (see cbindgen.toml). With --fix, regenerates it instead.
#
#   scripts/check_header.sh          # exit 0 when up to date, 1 when stale
#   scripts/check_header.sh --fix    # rewrite include/tuomin.h
#
# Install the pinned version with:
#   cargo install --locked cbindgen --version 0.29.4
set -euo pipefail
cd "$(dirname "$0")/.."

want=0.29.4
cbindgen=cbindgen
command -v "$cbindgen" >/dev/null || cbindgen="${CARGO_HOME:-$HOME/.cargo}/bin/cbindgen"
have=$("$cbindgen" --version 2>/dev/null || true)
if [ "$have" != "cbindgen $want" ]; then
    echo "check_header: cbindgen $want is needed (found: ${have:-none});" >&2
    echo "  cargo install --locked cbindgen --version $want" >&2
    exit 2
fi

gen() { "$cbindgen" --config cbindgen.toml --crate tuomin --output "$@"; }

log=$(mktemp)
fresh=$(mktemp)
trap 'rm -f "$log" "$fresh"' EXIT

if [ "${1:-}" = "--fix" ]; then
    # cbindgen warns about every private item of the crate; show the rest.
    gen include/tuomin.h 2>"$log" || { grep -v '^WARN: ' "$log" >&2; exit 1; }
    echo "check_header: regenerated include/tuomin.h"
    exit 0
fi

# Generate into a temporary file and compare (`cbindgen --verify` reports a
# stale header but also rewrites it, which would hide the difference).
gen "$fresh" 2>"$log" || { grep -v '^WARN: ' "$log" >&2; exit 1; }
if cmp -s include/tuomin.h "$fresh"; then
    echo "check_header: include/tuomin.h is up to date"
    exit 0
fi
diff -u include/tuomin.h "$fresh" >&2 || true
echo "check_header: include/tuomin.h is stale; run scripts/check_header.sh --fix and commit the result" >&2
exit 1
