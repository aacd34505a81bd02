#!/usr/bin/env bash
# The live view: from a command typed in the session to the open page repainted, in headless
# Chromium (Tests/Support/live_view.py, 10 edits on the B2B example), beside what each edit costs
# the session: rendering the whole report once (`export report .html`, the baseline).
# Target: every open page repainted within 200 ms of the command.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .build/release/lockstep ] || make release
out=bench-out
mkdir -p "$out"
workbook=examples/saas/brightlane.yaml
facts=$(python3 Tests/Support/live_view.py browser .build/release/lockstep "$workbook" "$out/live-view.png")
report=$( { TIMEFORMAT='%3R'; time .build/release/lockstep -c "export report $out/live-baseline.html --force" "$workbook" >/dev/null 2>&1; } 2>&1 )
python3 - "$facts" "$report" <<'PY'
import json, sys
facts, report = json.loads(sys.argv[1]), float(sys.argv[2]) * 1000
print(f"{'command to repaint, median of 10 edits':44} {facts['medianMs']:8.1f} ms")
print(f"{'slowest of the 10':44} {max(facts['latenciesMs']):8.1f} ms")
print(f"{'export report .html, whole run (baseline)':44} {report:8.1f} ms")
print("target: every edit repainted within 200 ms:", "met" if max(facts["latenciesMs"]) <= 200 else "NOT met")
PY
