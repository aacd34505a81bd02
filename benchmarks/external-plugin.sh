#!/usr/bin/env bash
# An external plugin's cost on the 20,000-activity workbook: MK009 built in beside the same rule
# in Python over the protocol (benchmarks/plugins/kpi_plugin.py), each run alone with --rule; and
# start-up to the first prompt with the plugin named in the workbook and its signature cached,
# beside the same workbook without it. Target: that start-up <= 20 ms.
source "$(dirname "$0")/workbook-bench.sh"
state=$(mktemp -d)
export XDG_STATE_HOME=$state
with="$out/large-plugin.yaml"
sed "s|^plugins: \[leads, stages, marketing\]|plugins: [leads, stages, marketing, $PWD/benchmarks/plugins/kpi_plugin.py]|" "$out/large.yaml" > "$with"
small="$out/acme-plugin.yaml"
sed "s|^plugins: \[leads, stages, marketing\]|plugins: [leads, stages, marketing, $PWD/benchmarks/plugins/kpi_plugin.py]|" examples/acme.yaml > "$small"
cp -r examples/crm "$out/" 2>/dev/null || true
.build/release/lockstep check "$with" --rule EXT009 >/dev/null 2>&1 || true   # the handshake, cached from here on
samples=$(mktemp)
for _ in $(seq "${RUNS:-7}"); do
    echo "builtin $(timed .build/release/lockstep check "$with" --rule MK009)" >>"$samples"
    echo "external $(timed .build/release/lockstep check "$with" --rule EXT009)" >>"$samples"
done
builtin=$(awk '$1 == "builtin" { print $2 }' "$samples" | median)
external=$(awk '$1 == "external" { print $2 }' "$samples" | median)
printf '%-52s %8s\n' "on $(basename "$out/large.yaml"), median of ${RUNS:-7}" seconds
printf '%-52s %8s\n' "lockstep check --rule MK009 (built in, baseline)" "$builtin"
printf '%-52s %8s\n' "lockstep check --rule EXT009 (the same rule in Python)" "$external"
report=$(mktemp)
hyperfine -N --style none --warmup 5 --runs "${STARTS:-100}" --export-json "$report" \
    ".build/release/lockstep -c quit examples/acme.yaml" ".build/release/lockstep -c quit $small" >/dev/null
python3 - "$report" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
plain, plugin = (r["median"] * 1000 for r in results)
print(f"{'start-up, acme.yaml (baseline)':52} {plain:8.2f} ms")
print(f"{'start-up, acme.yaml naming the plugin, signature cached':52} {plugin:8.2f} ms")
print("target: start-up with a cached plugin <= 20 ms:", "met" if plugin <= 20 else "NOT met")
PY
rm -rf "$state" "$samples" "$report"
