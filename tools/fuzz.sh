#!/usr/bin/env bash
# Fuzzes the fixture pipeline (policy/cases/fixture_fuzzer.cc) with libFuzzer for a bounded time.
#
#   tools/fuzz.sh [SECONDS]      # default 30
#
# Builds the target with Debian's clang (`--config=fuzz`, ASan + UBSan) in a Bazel output base of its
# own, seeds a fresh corpus with every fixture in testdata/ (valid and broken, and the hostile-input
# seeds of testdata/hostile/), adds the dictionary policy/cases/fixture_fuzzer.dict, and runs libFuzzer for
# SECONDS. On a crash, hang, leak or sanitizer report it prints libFuzzer's report and the input (saved
# as fuzz-artifacts/crash-*), and exits non-zero. Its last line is `fuzz: ...` with the verdict.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
# One output base per checkout, as Bazel's own default is.
output_base=${HUBPERM_FUZZ_OUTPUT_BASE:-${HOME:-/tmp}/.cache/hubperm-fuzz-bazel/$(pwd | md5sum | cut -c1-16)}
bazel_fuzz() { bazel --output_base="$output_base" "$@"; }
work=$(mktemp -d)
trap 'bazel_fuzz shutdown >/dev/null 2>&1; rm -rf "$work"' EXIT

# No convenience symlinks: bazel-bin must keep pointing at the normal build. The build's log is shown
# only if it fails (gold's warnings about ASan's local symbols are noise).
if ! bazel_fuzz build --color=no --curses=no --config=fuzz --symlink_prefix=/ //policy/cases:fixture_fuzzer \
    >"$work/build.log" 2>&1; then
  grep -v "ld.gold: warning: Cannot export local symbol" "$work/build.log"
  echo "fuzz: the fuzzer did not build"
  exit 1
fi
binary="$(bazel_fuzz info --config=fuzz bazel-bin 2>/dev/null)/policy/cases/fixture_fuzzer"

mkdir -p "$work/corpus" fuzz-artifacts
find testdata -name '*.yaml' -exec cp --backup=numbered {} "$work/corpus/" \;
seeds=$(ls "$work/corpus" | wc -l)

# -timeout: one input taking 5 s is a hang (docs/limits.md: time linear in the input); -rss_limit_mb: a
# file may not make the loader use 2 GiB; -dict: the format's keys and the hostile-input classes' pieces.
"$binary" "$work/corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
  -dict=policy/cases/fixture_fuzzer.dict \
  -print_final_stats=1 -artifact_prefix=fuzz-artifacts/ >"$work/log" 2>&1
rc=$?
runs=$(sed -n -E 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$work/log" | tail -1)
if [ $rc -ne 0 ]; then
  tail -60 "$work/log"
  echo "fuzz: FAILED after ${runs:-?} inputs in ${seconds} s from $seeds seeds (exit $rc); see fuzz-artifacts/"
  exit 1
fi
rmdir fuzz-artifacts 2>/dev/null
echo "fuzz: passed, ${runs:-?} inputs in ${seconds} s from $seeds seeds, no crash, hang, leak or sanitizer report"
