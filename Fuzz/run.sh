#!/usr/bin/env bash
# Builds the expression fuzzer with libFuzzer and runs it: `Fuzz/run.sh [SECONDS]` (default 600).
# The corpus of seeds lives in Fuzz/seeds; new interesting inputs go to a scratch folder.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
out=.build-fuzz
mkdir -p "$out/corpus"
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    -module-name LockstepCore -I Sources/CYAML -lyaml \
    $(find Sources/LockstepCore -name '*.swift') Fuzz/ExpressionFuzzer.swift \
    -o "$out/expression-fuzzer" 2> >(grep -v "Cannot export local symbol" >&2)
# Leak detection is off: the Swift runtime keeps metadata caches for the life of the process.
ASAN_OPTIONS=detect_leaks=0 "$out/expression-fuzzer" -detect_leaks=0 -artifact_prefix="$out/" -max_total_time="$seconds" -max_len=256 -print_final_stats=1 \
    -dict=Fuzz/expressions.dict "$out/corpus" Fuzz/seeds 2>&1 | tail -25
