#!/usr/bin/env bash
# Instruction counts of the main paths, measured with callgrind: exact and
# repeatable on a noisy shared machine, unlike wall-clock time.
#
#   scripts/instruction_counts.sh            compare with benches/instructions.baseline
#   scripts/instruction_counts.sh --update   rewrite the baseline (commit it deliberately,
#                                            saying in the commit what changed and why)
#
# Fails when a path needs more than TOLERANCE percent (default 5) more
# instructions than the baseline. Each path runs the release `tuomin` binary
# on a 1 MB corpus from benches/corpora (generated, not committed); the
# counts include process start and building the redactor, which the
# "empty" path measures on its own.
set -euo pipefail
cd "$(dirname "$0")/.."

baseline=benches/instructions.baseline
tolerance=${TOLERANCE:-5}
update=false
[ "${1:-}" = "--update" ] && update=true

cargo build --release --quiet --bin tuomin --example bench_corpus --example redact_messages
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

for shape in chat tickets dense cjk logs; do
    target/release/examples/bench_corpus "$shape" 1000000 > "$dir/$shape.txt"
done
: > "$dir/empty.txt"

count() { # output-name, then the command
    local name=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$dir/$name.cg" "$@" > /dev/null 2> "$dir/$name.err"
    awk '/^summary:/ { print $2 }' "$dir/$name.cg"
}

: > "$dir/counts"
record() {
    echo "$1 $2" >> "$dir/counts"
    printf '%-28s %14s\n' "$1" "$2"
}

record empty "$(count empty target/release/tuomin redact "$dir/empty.txt")"
for shape in chat tickets dense cjk logs; do
    record "redact/$shape" "$(count "r-$shape" target/release/tuomin redact "$dir/$shape.txt")"
done
# The bundled sample once, and eleven times in one file: the first pass
# (sample minus empty) against the average later pass (the difference of
# the two, over ten) shows whether a fresh process warms up.
for i in 1 2 3 4 5 6 7 8 9 10 11; do cat examples/chat.txt; done > "$dir/sample11.txt"
record "redact/sample" "$(count sample target/release/tuomin redact examples/chat.txt)"
record "redact/sample-x11" "$(count sample11 target/release/tuomin redact "$dir/sample11.txt")"
# Each line of the sample as a message of its own (one call per message,
# as a pipeline redacting messages as they arrive makes): once, and eleven
# times over, whose difference over ten is what 51 messages cost warm.
record "messages/sample" "$(count m-sample target/release/examples/redact_messages examples/chat.txt)"
record "messages/sample-x11" "$(count m-sample11 target/release/examples/redact_messages "$dir/sample11.txt")"
record "scan/chat" "$(count s-chat target/release/tuomin scan "$dir/chat.txt")"
record "redact/chat/digit-kinds" \
    "$(count d-chat target/release/tuomin redact --kinds phone,id_card,bank_card "$dir/chat.txt")"

if $update; then
    {
        echo "# Instruction counts (callgrind Ir) of tuomin paths; see scripts/instruction_counts.sh."
        echo "# path instructions"
        cat "$dir/counts"
    } > "$baseline"
    echo "baseline written to $baseline"
    exit 0
fi

status=0
while read -r path now; do
    before=$(awk -v p="$path" '$1 == p { print $2 }' "$baseline")
    if [ -z "$before" ]; then
        echo "no baseline for $path (run with --update to add it)"
        status=1
        continue
    fi
    change=$(awk -v a="$now" -v b="$before" 'BEGIN { printf "%.2f", (a - b) * 100 / b }')
    verdict=ok
    if awk -v c="$change" -v t="$tolerance" 'BEGIN { exit !(c > t) }'; then
        verdict="REGRESSION (more than ${tolerance}%)"
        status=1
    fi
    printf '%-28s %14s vs %14s  %+7s%%  %s\n' "$path" "$now" "$before" "$change" "$verdict"
done < "$dir/counts"

# A fresh process's first call must cost no more than twice a warm one.
get() { awk -v p="$1" '$1 == p { print $2 }' "$dir/counts"; }
awk -v e="$(get empty)" -v s="$(get redact/sample)" -v s11="$(get redact/sample-x11)" 'BEGIN {
    first = s - e; warm = (s11 - s) / 10
    printf "first pass over the sample %d instructions, later passes %d: %.2fx\n", first, warm, first / warm
    exit !(first <= 2 * warm)
}' || { echo "the first call costs more than twice a warm one"; status=1; }
awk -v m="$(get messages/sample)" -v m11="$(get messages/sample-x11)" 'BEGIN {
    printf "one message of the sample, redacted on its own: %d instructions on average\n", (m11 - m) / 510
}'
exit $status
