#!/usr/bin/env bash
# One Tab's completion in the shell on the 20,000-activity workbook, for several kinds of
# argument (median of 30), beside bash's `compgen -W` filtering the same 20,000 activity ids.
# Target: <= 5 ms per Tab.
source "$(dirname "$0")/workbook-bench.sh"
swift build -c release --product CompletionBenchmark >/dev/null
results=$(.build/release/CompletionBenchmark "$out/large.yaml")
ids=$(grep -o '^  - id: activity-[0-9]*' "$out/large.yaml" | sed 's/.*id: //' | tr '\n' ' ')
baseline=$(TIMEFORMAT='%3R'; { time for _ in $(seq 30); do compgen -W "$ids" activity-123 >/dev/null; done; } 2>&1)
printf '%-52s %7s %9s\n' "one Tab on the 20,000-activity workbook" found "median ms"
worst=0
while IFS=$'\t' read -r line found ms; do
    printf '%-52s %7s %9.2f\n' "$line" "$found" "$ms"
    worst=$(awk -v a="$worst" -v b="$ms" 'BEGIN { print (b > a ? b : a) }')
done <<<"$results"
awk -v b="$baseline" 'BEGIN { printf "%-52s %7s %9.2f\n", "bash compgen -W over the 20,000 ids (baseline)", "", b * 1000 / 30 }'
awk -v w="$worst" 'BEGIN { printf "%-52s %17s\n", "target: every Tab <= 5 ms", (w <= 5 ? "met" : "NOT met") }'
