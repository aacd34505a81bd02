"""Checks that Lockstep and DuckDB gave the same answer, then prints their figures side by side."""
import csv
import io
import statistics
import sys

out, size, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
EXPECTED_1M = {"mql": 21111, "sql": 6149, "sla_population": 9524, "sla_breach": 4056}


def duckdb_answer():
    answer = {}
    for line in open(f"{out}/answer.duckdb"):
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


ours, theirs = lockstep_answer(), duckdb_answer()
if ours != theirs:
    print("the answers differ:")
    for key in sorted(set(ours) | set(theirs)):
        if ours.get(key) != theirs.get(key):
            print(f"  {key}: lockstep {ours.get(key)}, duckdb {theirs.get(key)}")
    sys.exit(1)
if rows == 1_000_000 and any(ours[k] != v for k, v in EXPECTED_1M.items()):
    print(f"the answer is not the README's: {ours}")
    sys.exit(1)
print(f"same answer from both: mql {ours['mql']}, sql {ours['sql']}, hand-offs {ours['sla_population']}, "
      f"breaches {ours['sla_breach']} ({ours['sla_breach'] / ours['sla_population']:.6f})")


def figures(name):
    runs = [line.split() for line in open(f"{out}/runs.{name}")]
    seconds = statistics.median(float(r[0]) for r in runs)
    peak = max(int(r[1]) for r in runs) * 1024
    return seconds, peak


lock_s, lock_rss = figures("lockstep")
duck_s, duck_rss = figures("duckdb")
mb = size / 1e6
print(f"\n{rows:,} rows, {mb:.0f} MB; median of {len(open(f'{out}/runs.lockstep').readlines())} runs, whole process")
print(f"{'':28} {'seconds':>8} {'MB/s':>7} {'peak RSS MiB':>13} {'RSS / file':>11}")
for label, s, rss in (("lockstep funnel + sla", lock_s, lock_rss), ("duckdb (2 threads)", duck_s, duck_rss)):
    print(f"{label:28} {s:8.2f} {mb / s:7.0f} {rss / 2**20:13.0f} {rss / size:11.2f}")
inside = statistics.median(float(line) for line in open(f"{out}/runs.inside"))
print(f"{'duckdb query, in-process':28} {inside:8.2f} {mb / inside:7.0f} {'':>13} {'':>11}")
print(f"ratio lockstep / duckdb: {lock_s / duck_s:.2f}× whole process, {lock_s / inside:.2f}× against DuckDB's "
      f"in-process time (target ≤ 0.80×)")
print(f"lockstep peak memory {lock_rss / size:.2f}× the file (target ≤ 1.2×)")
