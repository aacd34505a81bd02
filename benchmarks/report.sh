#!/usr/bin/env bash
# The client report on the 20,000-activity workbook, beside `lockstep check` on the same file
# (the report runs every check, then writes the sections, the heat-maps and a 20,000-row
# inventory). Target: `export report FILE.html` within 1 s.
#
# The commands take turns, round after round (RUNS rounds, 11 by default); medians are reported.
source "$(dirname "$0")/workbook-bench.sh"
file="$out/large.yaml"
samples=$(mktemp)
for _ in $(seq "${RUNS:-11}"); do
    rm -f "$out/report.html" "$out/report.md"
    echo "check $(timed .build/release/lockstep check "$file")" >>"$samples"
    echo "markdown $(timed .build/release/lockstep -c "export report $out/report.md" "$file")" >>"$samples"
    echo "html $(timed .build/release/lockstep -c "export report $out/report.html" "$file")" >>"$samples"
done
printf '%-28s %9s\n' "on $(basename "$file") ($(awk -v b="$(wc -c <"$file")" 'BEGIN { printf "%.1f MB", b / 1e6 }'))" "median s"
for kind in check markdown html; do
    printf '%-28s %9s\n' "$(case $kind in check) echo "lockstep check (baseline)";; markdown) echo "export report .md";; html) echo "export report .html";; esac)" \
        "$(awk -v k="$kind" '$1 == k { print $2 }' "$samples" | median)"
done
html=$(awk '$1 == "html" { print $2 }' "$samples" | median)
rm -f "$samples"
awk -v h="$html" -v size="$(wc -c <"$out/report.html")" 'BEGIN {
    printf "HTML page: %.1f MB; target: export report .html <= 1 s: %s\n", size / 1e6, (h <= 1.0 ? "met" : "NOT met") }'
