#!/usr/bin/env bash
# Start-up to first prompt: the release binary opening the shipped example workbook, beside
# `python3 -c pass`, timed by hyperfine in the same run (no shell in between, stdin from
# /dev/null: the shell loads and validates the workbook, reaches its prompt, sees the end
# of input and leaves). Target: lockstep <= 10 ms warm median.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/release/lockstep
workbook=${1:-examples/acme.yaml}
runs=${RUNS:-200}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine (make bench installs it)" >&2; exit 2; }
[ -x "$binary" ] || swift build -c release --product lockstep --static-swift-stdlib

report=$(mktemp)
trap 'rm -f "$report"' EXIT
hyperfine -N --style none --warmup 10 --runs "$runs" --export-json "$report" \
    "$binary $workbook" "python3 -c pass" >/dev/null

# hyperfine's JSON lists each command's median in seconds, in the order given.
medians=($(grep '"median"' "$report" | sed 's/.*: *//; s/,//'))
awk -v l="${medians[0]}" -v p="${medians[1]}" -v w="$workbook" -v n="$runs" 'BEGIN {
    printf "%-40s %12s\n", "start-up to first prompt (" n " runs)", "median ms"
    printf "%-40s %12.2f\n", "lockstep " w, l * 1000
    printf "%-40s %12.2f\n", "python3 -c pass (baseline)", p * 1000
    printf "%-40s %12.2f\n", "lockstep / python3", l / p
    printf "%-40s %12s\n", "target: lockstep <= 10 ms", (l * 1000 <= 10 ? "met" : "NOT met")
}'
