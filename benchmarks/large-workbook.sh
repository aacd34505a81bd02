#!/usr/bin/env bash
# A large workbook (20,000 activities, 150 stages in 3 processes, 40 personas) and its double:
# `lockstep check` and `lockstep -c "check; coverage"` by the release binary, beside libyaml
# alone reading the same file's events (benchmarks/yaml_events.c).
# Targets: `lockstep check` within 3x of the libyaml read; linear growth when the workbook doubles.
#
# The three commands take turns, round after round (RUNS rounds, 15 by default), so a machine
# whose speed drifts during the run slows all three alike; medians are reported. Lockstep reads
# and checks on every core it has: the CPU column (user + system) shows the work done.
source "$(dirname "$0")/workbook-bench.sh"
benchmarks/generate-workbook.sh 40000 > "$out/large-2x.yaml"

printf '%-9s %5s %9s %18s %26s %9s\n' workbook MB "libyaml" "lockstep check" "check; coverage (shell)" "check CPU"
declare -A checked
for name in large large-2x; do
    file="$out/$name.yaml"
    samples=$(mktemp)
    for _ in $(seq "${RUNS:-15}"); do
        echo "base $(timed "$out/yaml_events" "$file")" >>"$samples"
        echo "check $(timed .build/release/lockstep check "$file")" >>"$samples"
        echo "shell $(timed .build/release/lockstep -c 'check; coverage' "$file")" >>"$samples"
    done
    base=$(awk '$1 == "base" { print $2 }' "$samples" | median)
    check=$(awk '$1 == "check" { print $2 }' "$samples" | median)
    shell=$(awk '$1 == "shell" { print $2 }' "$samples" | median)
    cpu=$(awk '$1 == "check" { print $3 + $4 }' "$samples" | median)
    rm -f "$samples"
    checked[$name]=$check
    size=$(awk -v b="$(wc -c <"$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
    awk -v n="$name" -v s="$size" -v b="$base" -v c="$check" -v h="$shell" -v u="$cpu" 'BEGIN {
        printf "%-9s %5s %6.0f ms %8.0f ms (%.1fx) %16.0f ms (%.1fx) %6.0f ms\n", n, s, b * 1000, c * 1000, c / b, h * 1000, h / b, u * 1000 }'
done
awk -v a="${checked[large]}" -v b="${checked[large-2x]}" 'BEGIN {
    printf "lockstep check when the workbook doubles: %.2fx the time (linear is 2.00x)\n", b / a }'
