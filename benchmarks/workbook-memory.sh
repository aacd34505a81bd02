#!/usr/bin/env bash
# Peak memory of `lockstep check` on the 20,000-activity workbook and on one ten times larger,
# beside the file's size and libyaml alone reading the same file's events (the least any reader
# needs), each the maximum resident set GNU time reports.
# Target: peak memory <= 3x the file size.
source "$(dirname "$0")/workbook-bench.sh"
benchmarks/generate-workbook.sh 200000 > "$out/large-10x.yaml"

# GNU time puts "Command exited with non-zero status" first when it did: the figure is the last line.
peak() { /usr/bin/time -f "%M" -o "$out/peak" "$@" >/dev/null 2>&1 || true; tail -1 "$out/peak"; }

printf '%-10s %8s %14s %18s %10s %8s\n' workbook "file MB" "libyaml MiB" "lockstep MiB" "x file" target
for name in large large-10x; do
    file="$out/$name.yaml"
    bytes=$(wc -c <"$file")
    base=$(peak "$out/yaml_events" "$file")
    check=$(peak .build/release/lockstep check "$file")
    awk -v n="$name" -v b="$bytes" -v y="$base" -v c="$check" 'BEGIN {
        ratio = c * 1024 / b
        printf "%-10s %8.1f %14.1f %18.1f %9.1fx %8s\n", n, b / 1e6, y / 1024, c / 1024, ratio, (ratio <= 3 ? "met" : "NOT met") }'
done
