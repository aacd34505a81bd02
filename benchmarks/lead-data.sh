#!/usr/bin/env bash
# The lead-data job of ../shared/bench/README.md (1M-row CRM export, 189 MB): Lockstep's
# `funnel` + `sla` on benchmarks/leads-bench.yaml beside the DuckDB baseline, same file, same run.
# Both answers are checked against each other and the README's expected figures.
# Target: Lockstep ≤ 0.8× DuckDB's time (2 threads); peak memory ≤ 1.2× the file size.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
out=bench-out
rows=${ROWS:-1000000}
runs=${RUNS:-5}
mkdir -p "$out"
[ -f "$shared/bench/gen_leads.py" ] || { echo "skipped: $shared/bench is absent" >&2; exit 0; }
python3 -c "import duckdb" 2>/dev/null || python3 -m pip install --quiet duckdb
[ -x .build/release/lockstep ] || make release
csv="$out/leads-$rows.csv"
[ -s "$csv" ] || python3 "$shared/bench/gen_leads.py" "$rows" "$csv"
sed "s|file: leads.csv|file: leads-$rows.csv|" benchmarks/leads-bench.yaml > "$out/leads-bench.yaml"
bytes=$(wc -c <"$csv")

# One timed run: prints "seconds peak-KiB" and keeps the command's output in $out/answer.*.
timed() {
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$out/time.$name" "$@" >"$out/answer.$name"
    cat "$out/time.$name"
}

lockstep=(.build/release/lockstep -c "set format csv; funnel; funnel --values; sla" "$out/leads-bench.yaml")
duckdb=(python3 "$shared/bench/duckdb_baseline.py" "$csv" 2)
# DuckDB's own time, without Python and the duckdb module starting: the stricter baseline.
inside=(python3 -c 'import duckdb, runpy, sys, time
sys.argv = sys.argv[1:]; sys.path.insert(0, sys.argv[0].rsplit("/", 1)[0]); start = time.perf_counter()
runpy.run_path(sys.argv[0]); print(f"query_seconds {time.perf_counter() - start:.4f}", file=sys.stderr)' "${duckdb[@]:1}")
: >"$out/runs.lockstep"; : >"$out/runs.duckdb"; : >"$out/runs.inside"
for _ in $(seq "$runs"); do
    timed lockstep "${lockstep[@]}" >>"$out/runs.lockstep"
    timed duckdb "${duckdb[@]}" >>"$out/runs.duckdb"
    "${inside[@]}" 2>&1 >/dev/null | awk '/query_seconds/ { print $2 }' >>"$out/runs.inside"
done
python3 benchmarks/lead_data_report.py "$out" "$bytes" "$rows"
