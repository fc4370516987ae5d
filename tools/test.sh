#!/usr/bin/env bash
# The README's test command: installs what is missing, builds everything (benchmarks included, so they
# cannot rot), runs every test in the normal and the asan (AddressSanitizer + UBSan) builds, and ends with
#   N passed, N failed[, N skipped]
# counting individual test cases (gtest cases, read from Bazel's test.xml files), then fuzzes the fixture
# pipeline for 30 s (tools/fuzz.sh; HUBPERM_FUZZ_SECONDS changes the time), which counts as one case.
# Exits non-zero when anything failed. Leaves no Bazel server running.
#
# Extra arguments are passed to `bazel test` (e.g. a target pattern: tools/test.sh //policy/...).
set -uo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

trap 'bazel shutdown >/dev/null 2>&1' EXIT

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(//...)

# `bazel test //...` builds every target it matches, benchmarks included; --keep_going runs every test
# that builds even when another does not.
BAZEL_FLAGS=(--color=no --curses=no --show_progress_rate_limit=30 --keep_going)
passed=0 failed=0 skipped=0
log_dir=$(mktemp -d)

# Runs `bazel test` in one configuration and adds its test cases to the totals.
run_config() {
  local name=$1; shift
  local log="$log_dir/$name.log"
  echo "== bazel test ($name) =="
  bazel test "${BAZEL_FLAGS[@]}" "$@" -- "${targets[@]}" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local testlogs
  testlogs=$(bazel info "$@" bazel-testlogs 2>/dev/null)

  local p=0 f=0 s=0 seen=0 label status path counts
  # Bazel's summary: one line per test target, "//pkg:name   [(cached)] STATUS [in Ns]".
  while read -r label status; do
    seen=$((seen + 1))
    path=${label#//}; path=${path/://}
    case "$status" in
      PASSED|FAILED|FLAKY|TIMEOUT)
        if [ -f "$testlogs/$path/test.xml" ]; then
          read -r cp cf cs < <(awk -f tools/count_cases.awk "$testlogs/$path/test.xml")
          # A target whose report lists no case still counts as one.
          if [ $((cp + cf + cs)) -eq 0 ]; then
            case "$status" in PASSED) cp=1 ;; *) cf=1 ;; esac
          fi
          # A failed target whose report shows no failed case (e.g. a leak found at exit) is one failure.
          case "$status" in PASSED) ;; *) [ "$cf" -eq 0 ] && cf=1 ;; esac
        else
          case "$status" in PASSED) cp=1 cf=0 cs=0 ;; *) cp=0 cf=1 cs=0 ;; esac
        fi ;;
      *) cp=0 cf=1 cs=0; echo "$label: $status" ;;   # FAILED TO BUILD, NO STATUS, ...
    esac
    p=$((p + cp)); f=$((f + cf)); s=$((s + cs))
  done < <(sed -n -E 's#^(//[^ ]+)[[:space:]]+(\(cached\)[[:space:]]+)?([A-Z][A-Z ]*[A-Z])( in .*)?$#\1 \3#p' "$log")

  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "bazel test ($name) exited with $rc before any test failed (build or analysis error)"
    f=$((f + 1))
  fi
  if [ "$seen" -eq 0 ] && [ "$rc" -eq 0 ]; then
    echo "bazel test ($name) ran no test"
  fi
  echo "== $name: $p passed, $f failed, $s skipped =="
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

run_config normal
run_config asan --config=asan
rm -rf "$log_dir"

# The repository stands alone: no tracked file names a path outside it (one test case). The docs test
# (policy/model:access_model_doc_test) checks the documents' links; this checks every file, code included.
echo "== standalone =="
outside=$(git ls-files -z 2>/dev/null | xargs -0 grep -l -e '\.\./shared/' -e '\.\./\.\./\.\./' -- 2>/dev/null | grep -v '^tools/test.sh$')
if [ -n "$outside" ]; then
  echo "files naming a path outside the repository:"; echo "$outside"
  failed=$((failed + 1))
else
  passed=$((passed + 1))
fi

# The fixture fuzzer (libFuzzer, clang) for a bounded time: one test case, passed or failed. The asan
# and normal builds above already replayed its seed corpus.
echo "== fuzz (${HUBPERM_FUZZ_SECONDS:-30} s) =="
if [ ${#targets[@]} -eq 1 ] && [ "${targets[0]}" = "//..." ]; then
  if bash tools/fuzz.sh "${HUBPERM_FUZZ_SECONDS:-30}"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
else
  echo "skipped: only a full run (no target arguments) fuzzes"
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
