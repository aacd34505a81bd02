#!/usr/bin/env bash
# Peak memory of `lockstep check` on the 20,000-activity workbook and on one ten times larger,
# beside the file's size and libyaml alone reading the same file's events (the least any reader
# needs), each the maximum resident set GNU time reports.
#
# Target: peak memory <= 3x the file size. The program itself (its code mapped from the
# executable, the runtime, the plugins) takes a fixed amount whatever the workbook: measured
# here, in the same run, as `check` of the shipped 6 KB example. The target is held against the
# peak less that fixed part, the memory the workbook costs; the whole peak is printed too.
source "$(dirname "$0")/workbook-bench.sh"
benchmarks/generate-workbook.sh 200000 > "$out/large-10x.yaml"

# GNU time puts "Command exited with non-zero status" first when it did: the figure is the last line.
peak() { /usr/bin/time -f "%M" -o "$out/peak" "$@" >/dev/null 2>&1 || true; tail -1 "$out/peak"; }

program=$(peak .build/release/lockstep check examples/acme.yaml)
printf 'the program itself (check of examples/acme.yaml): %.1f MiB\n' "$(awk -v p="$program" 'BEGIN { print p / 1024 }')"
printf '%-10s %8s %12s %14s %8s %16s %8s %8s\n' workbook "file MB" "libyaml MiB" "lockstep MiB" "x file" \
    "less program" "x file" target
for name in large large-10x; do
    file="$out/$name.yaml"
    bytes=$(wc -c <"$file")
    base=$(peak "$out/yaml_events" "$file")
    check=$(peak .build/release/lockstep check "$file")
    awk -v n="$name" -v b="$bytes" -v y="$base" -v c="$check" -v p="$program" 'BEGIN {
        whole = c * 1024 / b; net = (c - p) * 1024 / b
        printf "%-10s %8.1f %12.1f %14.1f %7.1fx %16.1f %7.1fx %8s\n", n, b / 1e6, y / 1024, c / 1024, whole,
            (c - p) / 1024, net, (net <= 3 ? "met" : "NOT met") }'
done
