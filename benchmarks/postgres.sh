#!/usr/bin/env bash
# The lead-data job (../shared/bench/README.md, 1M rows) in PostgreSQL: the SQL Lockstep writes
# for funnel + sla beside the hand-written query of duckdb_baseline.py translated to PostgreSQL,
# both run by psql on the same server and table, in the same run; then `lockstep -c "funnel; sla"`
# on a workbook whose leads.data.url names the table, end to end.
# Target (issue: lead definitions at any scale): generated <= 1.2x hand-written.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
out=bench-out
runs=${RUNS:-5}
rows=${ROWS:-1000000}
mkdir -p "$out"
[ -f "$shared/bench/gen_leads.py" ] || { echo "skipped: $shared/bench is absent" >&2; exit 0; }
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "skipped: PostgreSQL's server is absent (make deps)" >&2; exit 0; }
[ -x .build/release/lockstep ] || make release
csv="$PWD/$out/leads-$rows.csv"
[ -s "$csv" ] || python3 "$shared/bench/gen_leads.py" "$rows" "$csv"
cluster=$(mktemp -d)
chmod 755 "$cluster"   # the server runs as the postgres user when this runs as root
pg=Tests/Support/postgres.py
port=$(python3 $pg start "$cluster/pg")
trap 'python3 $pg stop "$cluster/pg"; rm -rf "$cluster"' EXIT
echo '{"score": "number", "employees": "number", "country": "string", "title": "string", "budget_confirmed": "bool",
       "mql_at": "date", "first_touch_at": "date", "lifecycle_stage": "string"}' > "$cluster/types.json"
python3 $pg load "$port" "$csv" "$cluster/types.json" leads
url="postgresql://lockstep@127.0.0.1:$port/postgres"
sed "s|    file: leads.csv|    url: $url|" benchmarks/leads-bench.yaml > "$cluster/bench.yaml"
{ .build/release/lockstep -c "sql funnel" "$cluster/bench.yaml"; echo ";"; .build/release/lockstep -c "sql sla" "$cluster/bench.yaml"; echo ";"; } > "$cluster/generated.sql"
{ .build/release/lockstep -c "sql counts" "$cluster/bench.yaml"; echo ";"; } > "$cluster/counts.sql"
cat > "$cluster/hand.sql" <<'SQL'
WITH t AS (
  SELECT lifecycle_stage, budget_confirmed, mql_at, first_touch_at,
         (score >= 50 AND country IN ('US','CA') AND employees >= 100
          AND (strpos(title, 'VP') > 0 OR strpos(title, 'Director') > 0)) IS TRUE AS is_mql
  FROM leads
)
SELECT lifecycle_stage,
       count(*) AS n,
       count(*) FILTER (WHERE is_mql) AS mql,
       count(*) FILTER (WHERE is_mql AND budget_confirmed) AS sql,
       count(*) FILTER (WHERE is_mql AND mql_at IS NOT NULL) AS pop,
       count(*) FILTER (WHERE is_mql AND mql_at IS NOT NULL AND
             (first_touch_at IS NULL OR first_touch_at - mql_at > INTERVAL '48 hours')) AS breach
FROM t GROUP BY lifecycle_stage;
SQL
samples=$(mktemp)
timed() {
    python3 -c 'import subprocess, sys, time
start = time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(f"{time.perf_counter() - start:.4f}")' "$@"
}
python3 $pg sql "$port" "$cluster/hand.sql" >/dev/null   # warm the cache
for _ in $(seq "$runs"); do
    echo "hand $(timed python3 $pg sql "$port" "$cluster/hand.sql")" >>"$samples"
    echo "generated $(timed python3 $pg sql "$port" "$cluster/generated.sql")" >>"$samples"
    echo "counts $(timed python3 $pg sql "$port" "$cluster/counts.sql")" >>"$samples"
    echo "lockstep $(timed .build/release/lockstep -c "funnel; sla" "$cluster/bench.yaml")" >>"$samples"
done
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
hand=$(awk '$1 == "hand" { print $2 }' "$samples" | median)
generated=$(awk '$1 == "generated" { print $2 }' "$samples" | median)
counts=$(awk '$1 == "counts" { print $2 }' "$samples" | median)
lockstep=$(awk '$1 == "lockstep" { print $2 }' "$samples" | median)
printf '%-58s %8s\n' "PostgreSQL, $rows rows, median of $runs (psql, whole process)" seconds
printf '%-58s %8.3f\n' "hand-written query (duckdb_baseline.py in PostgreSQL)" "$hand"
printf '%-58s %8.3f\n' "generated: sql counts (funnel and sla in one pass)" "$counts"
printf '%-58s %8.3f\n' "generated: sql funnel, then sql sla (two passes)" "$generated"
printf '%-58s %8.3f\n' "lockstep -c \"funnel; sla\" with leads.data.url" "$lockstep"
awk -v g="$counts" -v h="$hand" 'BEGIN { r = g / h; printf "sql counts / hand-written %.2fx (target <= 1.2x: %s)\n", r, r <= 1.2 ? "met" : "NOT met" }'
cp "$cluster/counts.sql" "$out/counts.sql"; rm -f "$samples"
