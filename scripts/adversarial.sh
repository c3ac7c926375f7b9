#!/usr/bin/env bash
# Wall-clock time and peak memory on adversarial input at 1, 10 and 100 MB.
#
#   scripts/adversarial.sh                  every shape, the streaming program
#   scripts/adversarial.sh digit-space ...  only these shapes
#   PATHS="stream whole" scripts/adversarial.sh
#                                           also the one-shot API
#                                           (examples/redact_whole.rs)
#   SIZES="1 10" scripts/adversarial.sh     other sizes, in MB
#
# For people, not for CI (wall-clock time on a shared machine is noisy; CI
# checks linearity with instruction counts in scripts/linearity.sh). Prints
# seconds, MB/s and peak resident memory per shape and size, so that time
# per byte can be compared from 1 MB to 100 MB. Inputs come from
# scripts/adversarial_input.py and are written to a temporary directory
# (100 MB each, one at a time).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${SIZES:-1 10 100}
paths=${PATHS:-stream}
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || mapfile -t shapes < <(python3 scripts/adversarial_input.py --list)

cargo build --release --quiet --bin tuomin --example redact_whole
target=${CARGO_TARGET_DIR:-target}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

printf '%-7s %-19s %6s %9s %9s %10s\n' path shape MB seconds MB/s "peak RSS"
for shape in "${shapes[@]}"; do
    for mb in $sizes; do
        python3 scripts/adversarial_input.py "$shape" $((mb * 1048576)) > "$dir/input.txt"
        for path in $paths; do
            if [ "$path" = stream ]; then
                prog=("$target/release/tuomin" redact)
            else
                prog=("$target/release/examples/redact_whole")
            fi
            /usr/bin/time -f '%e %M' -o "$dir/time" "${prog[@]}" "$dir/input.txt" > /dev/null
            read -r secs kb < "$dir/time"
            awk -v p="$path" -v s="$shape" -v mb="$mb" -v t="$secs" -v kb="$kb" 'BEGIN {
                rate = t > 0 ? sprintf(mb / t < 10 ? "%.2f" : "%.1f", mb / t) : "-"
                printf "%-7s %-19s %6d %9.2f %9s %7.1f MB\n", p, s, mb, t, rate, kb / 1024
            }'
        done
    done
done
