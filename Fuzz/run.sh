#!/usr/bin/env bash
# Builds one fuzzer with libFuzzer and AddressSanitizer and runs it:
#   Fuzz/run.sh TARGET [SECONDS]     TARGET: workbook, csv, import, commandline, expression (default 600 s)
#   Fuzz/run.sh all [SECONDS]        each target in turn
# Seeds live in Fuzz/seeds/TARGET; new interesting inputs and any crash go to .build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?"name a target: workbook, csv, import, commandline, expression, or all"}
seconds=${2:-600}
if [ "$target" = all ]; then
    for each in workbook csv import commandline expression; do "$0" "$each" "$seconds"; done
    exit 0
fi
case "$target" in
    workbook) product=WorkbookFuzzer; max_len=16384 ;;
    csv) product=CSVFuzzer; max_len=8192 ;;
    import) product=ImportFuzzer; max_len=8192 ;;
    commandline) product=CommandLineFuzzer; max_len=1024 ;;
    expression) product=ExpressionFuzzer; max_len=256 ;;
    *) echo "unknown fuzz target '$target': workbook, csv, import, commandline, expression or all" >&2; exit 2 ;;
esac
out=.build-fuzz
# The product's sources are a path dependency here, whose file list SwiftPM keeps from the
# last plan: dropping the plan makes it see files added since.
rm -f "$out/build/release.yaml"
swift build -c release --package-path Fuzz --scratch-path "$out/build" --sanitize=fuzzer --sanitize=address \
    --product "$product" 2>&1 | { grep -E "error:|Compiling|complete" || true; } | tail -3
binary=$("$(command -v swift)" build -c release --package-path Fuzz --scratch-path "$out/build" --sanitize=fuzzer \
    --sanitize=address --show-bin-path)/$product
corpus="$out/corpus/$target"
mkdir -p "$corpus"
dict=()
[ "$target" = expression ] && dict=(-dict=Fuzz/seeds/expressions.dict)
# Leak detection is off: the Swift runtime keeps metadata caches for the life of the process.
ASAN_OPTIONS=detect_leaks=0 "$binary" -detect_leaks=0 -artifact_prefix="$out/$target-" -max_total_time="$seconds" \
    -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" "$corpus" "Fuzz/seeds/$target" 2>&1 |
    { grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^Done|ERROR|SUMMARY|crash-|timeout-|oom-" || true; } | tail -8
