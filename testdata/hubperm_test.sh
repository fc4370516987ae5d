#!/usr/bin/env bash
# Runs `hubperm test` on one world's fixture files, as a user runs it in CI:
#   testdata/hubperm_test.sh HUBPERM FILES...
# It passes when hubperm exits 0 and its last line is "N passed, 0 failed". The JUnit report goes where
# Bazel keeps a test's report (XML_OUTPUT_FILE), so the project's test command counts every check.
set -uo pipefail
hubperm=$1
shift
report=${XML_OUTPUT_FILE:-$(mktemp)}
output=$("$hubperm" test "$@" --junit "$report")
rc=$?
printf '%s\n' "$output"
last=$(printf '%s\n' "$output" | tail -n 1)
if [ "$rc" -ne 0 ]; then
  echo "hubperm test exited with $rc" >&2
  exit 1
fi
if ! [[ "$last" =~ ^[1-9][0-9]*\ passed,\ 0\ failed$ ]]; then
  echo "unexpected last line: '$last'" >&2
  exit 1
fi
if ! grep -q '<testcase ' "$report"; then
  echo "the JUnit report at $report lists no test case" >&2
  exit 1
fi
