# Sourced by the workbook benchmarks: builds what they compare against, generates the 20,000-
# activity workbook, and gives them `timed` and `median`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-out
mkdir -p "$out"
[ -x .build/release/lockstep ] || make release
cc -O2 -o "$out/yaml_events" benchmarks/yaml_events.c $(pkg-config --cflags --libs yaml-0.1)
benchmarks/generate-workbook.sh 20000 > "$out/large.yaml"

# Prints "wall user system" in seconds for one run of the command.
timed() {
    local TIMEFORMAT='%3R %3U %3S'
    { time "$@" >/dev/null 2>&1; } 2>&1
}

# The median of the numbers on stdin.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
