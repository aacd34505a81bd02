"""Checks that Lockstep, DuckDB and Polars gave the same answer, then prints their figures side by side."""
import csv
import io
import statistics
import sys

out, size, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
EXPECTED_1M = {"mql": 21111, "sql": 6149, "sla_population": 9524, "sla_breach": 4056}


def baseline_answer(name):
    """The answer of a baseline, in the format of ../shared/bench/common.py."""
    answer = {}
    for line in open(f"{out}/answer.{name}"):
        key, *rest = line.split()
        if key == "stage":
            answer[f"stage {rest[0]}"] = int(rest[1])
        elif key in ("rows", "mql", "sql", "sla_population", "sla_breach"):
            answer[key] = int(rest[0])
    return answer


def lockstep_answer():
    """The csv output holds three tables one after the other, each with its header row."""
    answer = {}
    table = None
    for row in csv.reader(io.StringIO(open(f"{out}/answer.lockstep").read())):
        if not row:
            continue
        if row[0] in ("stage", "CRM stage value"):
            table = row
            continue
        record = dict(zip(table, row))
        # The funnel's count column is "meets criteria", however its title qualifies it.
        meets = next((key for key in record if key.startswith("meets criteria")), None)
        if meets:
            if record["stage"] == "inquiry":
                answer["rows"] = int(record[meets])
            elif record["stage"] in ("mql", "sql"):
                answer[record["stage"]] = int(record[meets])
        elif "rows" in record:
            answer[f"stage {record['CRM stage value']}"] = int(record["rows"])
        elif "handed off" in record:
            answer["sla_population"] = int(record["handed off"])
            answer["sla_breach"] = int(record["breaches"])
    return answer


ours = lockstep_answer()
for name in ("duckdb", "polars"):
    theirs = baseline_answer(name)
    if ours != theirs:
        print(f"the answers of lockstep and {name} differ:")
        for key in sorted(set(ours) | set(theirs)):
            if ours.get(key) != theirs.get(key):
                print(f"  {key}: lockstep {ours.get(key)}, {name} {theirs.get(key)}")
        sys.exit(1)
if rows == 1_000_000 and any(ours[k] != v for k, v in EXPECTED_1M.items()):
    print(f"the answer is not the README's: {ours}")
    sys.exit(1)
print(f"same answer from all three: mql {ours['mql']}, sql {ours['sql']}, hand-offs {ours['sla_population']}, "
      f"breaches {ours['sla_breach']} ({ours['sla_breach'] / ours['sla_population']:.6f})")


def figures(name):
    runs = [line.split() for line in open(f"{out}/runs.{name}")]
    seconds = statistics.median(float(r[0]) for r in runs)
    peak = max(int(r[1]) for r in runs) * 1024
    return seconds, peak


mb = size / 1e6
print(f"\n{rows:,} rows, {mb:.0f} MB; median of {len(open(f'{out}/runs.lockstep').readlines())} runs, whole process each")
print(f"{'':28} {'seconds':>8} {'MB/s':>7} {'peak RSS MiB':>13}")
measured = {name: figures(name) for name in ("lockstep", "duckdb", "polars")}
labels = {"lockstep": "lockstep funnel + sla", "duckdb": "duckdb (2 threads)", "polars": "polars (2 threads)"}
for name, (s, rss) in measured.items():
    print(f"{labels[name]:28} {s:8.2f} {mb / s:7.0f} {rss / 2**20:13.0f}")
lock_s, lock_rss = measured["lockstep"]
duck_ratio = lock_s / measured["duckdb"][0]
polars_ratio = lock_s / measured["polars"][0]
print(f"lockstep / duckdb {duck_ratio:.2f}x (target <= 0.35x: {'met' if duck_ratio <= 0.35 else 'NOT met'}); "
      f"lockstep / polars {polars_ratio:.2f}x (target < 1: {'met' if polars_ratio < 1 else 'NOT met'})")
print(f"lockstep peak memory {lock_rss / 2**20:.0f} MiB (target <= 256 MiB: {'met' if lock_rss <= 256 * 2**20 else 'NOT met'})")
