#!/usr/bin/env bash
# A one-field change and save on the 20,000-activity workbook (5 MB), beside libyaml alone
# reading the same file's events (benchmarks/yaml_events.c). The save's own cost is the run
# that edits and saves less the run that only edits (both read the workbook first).
# Target: the save within 2x of the libyaml read — keeping the file's layout must not make
# saves slow. The commands take turns, round after round (RUNS rounds, 15 by default).
source "$(dirname "$0")/workbook-bench.sh"
edit="activity edit activity-10000 --kpi 'Demos booked per week'"

samples=$(mktemp)
for _ in $(seq "${RUNS:-15}"); do
    cp "$out/large.yaml" "$out/save.yaml"
    echo "base $(timed "$out/yaml_events" "$out/large.yaml")" >>"$samples"
    echo "edit $(timed .build/release/lockstep -c "$edit" "$out/save.yaml")" >>"$samples"
    echo "save $(timed .build/release/lockstep -c "$edit; save" "$out/save.yaml")" >>"$samples"
done
changed=$(diff "$out/large.yaml" "$out/save.yaml" | grep -c '^>' || true)
base=$(awk '$1 == "base" { print $2 }' "$samples" | median)
edit=$(awk '$1 == "edit" { print $2 }' "$samples" | median)
save=$(awk '$1 == "save" { print $2 }' "$samples" | median)
rm -f "$samples"
awk -v b="$base" -v e="$edit" -v s="$save" -v c="$changed" 'BEGIN {
    printf "save of a one-field change, 20,000 activities: %.0f ms (edit and save %.0f ms, edit alone %.0f ms)\n", (s - e) * 1000, s * 1000, e * 1000
    printf "libyaml reading the file: %.0f ms; the save is %.1fx that (target 2x); lines changed in the file: %d\n", b * 1000, (s - e) / b, c }'
