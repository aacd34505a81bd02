#!/usr/bin/env bash
# A large workbook (20,000 activities, 150 stages in 3 processes, 40 personas) and its double:
# load + check + coverage by the release binary, beside libyaml alone reading the same file's
# events (benchmarks/yaml_events.c). Targets: within 3× of the libyaml parse; no worse than
# linear growth when the workbook doubles.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-out
mkdir -p "$out"
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 2; }
[ -x .build/release/lockstep ] || make release
cc -O2 -o "$out/yaml_events" benchmarks/yaml_events.c $(pkg-config --cflags --libs yaml-0.1)
benchmarks/generate-workbook.sh 20000 > "$out/large.yaml"
benchmarks/generate-workbook.sh 40000 > "$out/large-2x.yaml"

median() {  # median seconds of one command, from hyperfine's JSON
    local report
    report=$(mktemp)
    hyperfine -N -i --style none --warmup 1 --runs "${RUNS:-10}" --export-json "$report" "$1" >/dev/null 2>&1
    grep '"median"' "$report" | sed 's/.*: *//; s/,//'
    rm -f "$report"
}

printf '%-12s %8s %14s %14s %8s\n' workbook MB "libyaml ms" "lockstep ms" ratio
declare -A lockstep
for name in large large-2x; do
    file="$out/$name.yaml"
    size=$(awk -v b="$(wc -c <"$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
    base=$(median "$out/yaml_events $file")
    ours=$(median ".build/release/lockstep -c 'check; coverage' $file")
    lockstep[$name]=$ours
    awk -v n="$name" -v s="$size" -v b="$base" -v o="$ours" \
        'BEGIN { printf "%-12s %8s %14.0f %14.0f %7.1f×\n", n, s, b * 1000, o * 1000, o / b }'
done
awk -v a="${lockstep[large]}" -v b="${lockstep[large-2x]}" 'BEGIN {
    printf "growth when the workbook doubles: %.2f× (linear is 2.00×)\n", b / a }'
