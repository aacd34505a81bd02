#!/usr/bin/env bash
# The lead-data job of ../shared/bench/README.md (CRM exports of 1M and 4M rows, 189 and 761 MB):
# Lockstep's `funnel` + `sla` on benchmarks/leads-bench.yaml beside DuckDB (2 threads) and Polars,
# each as a process, same file, same run. The three answers are checked against each other and,
# at 1M rows, against the README's expected figures.
# Targets (issue: lead definitions at any scale): Lockstep <= 0.35x DuckDB's time at both sizes,
# faster than Polars, peak memory <= 256 MiB at 4M rows whatever the file's size.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
out=bench-out
runs=${RUNS:-5}
mkdir -p "$out"
[ -f "$shared/bench/gen_leads.py" ] || { echo "skipped: $shared/bench is absent" >&2; exit 0; }
python3 -c "import duckdb" 2>/dev/null || python3 -m pip install --quiet duckdb
python3 -c "import polars" 2>/dev/null || python3 -m pip install --quiet polars
[ -x .build/release/lockstep ] || make release

# One timed run: prints "seconds peak-KiB" and keeps the command's output in $out/answer.*.
timed() {
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$out/time.$name" "$@" >"$out/answer.$name"
    cat "$out/time.$name"
}

for rows in ${SIZES:-1000000 4000000}; do
    csv="$out/leads-$rows.csv"
    [ -s "$csv" ] || python3 "$shared/bench/gen_leads.py" "$rows" "$csv"
    sed "s|file: leads.csv|file: leads-$rows.csv|" benchmarks/leads-bench.yaml > "$out/leads-bench.yaml"
    lockstep=(.build/release/lockstep -c "set format csv; funnel; funnel --values; sla" "$out/leads-bench.yaml")
    duckdb=(python3 "$shared/bench/duckdb_baseline.py" "$csv" 2)
    polars=(env POLARS_MAX_THREADS=2 python3 "$shared/bench/polars_baseline.py" "$csv")
    : >"$out/runs.lockstep"; : >"$out/runs.duckdb"; : >"$out/runs.polars"
    for _ in $(seq "$runs"); do
        timed lockstep "${lockstep[@]}" >>"$out/runs.lockstep"
        timed duckdb "${duckdb[@]}" >>"$out/runs.duckdb"
        timed polars "${polars[@]}" >>"$out/runs.polars"
    done
    python3 benchmarks/lead_data_report.py "$out" "$(wc -c <"$csv")" "$rows"
    echo
done
