#!/usr/bin/env bash
# Side by side: the hot benchmarks of //bench:world_bench at a base commit and at the working tree,
# built alike (-c opt), run alternately on the same fixtures in one session, so the machine's noise
# falls on both. Prints each benchmark's median per round and the ratio new / base of the medians.
#
#   tools/bench_compare.sh BASE_COMMIT [TIERS...]     # e.g. tools/bench_compare.sh a78b742 S M
#   BENCH_FILTER='^check/' tools/bench_compare.sh HEAD~3 S
#   BENCH_AT_ONCE=1 BENCH_FILTER='^audit/' BENCH_REPETITIONS=1 BENCH_ROUNDS=6 tools/bench_compare.sh 7319e08~ L
#
# BENCH_AT_ONCE=1 runs base and new at the same time, each pinned to a core of its own (taskset), the
# cores swapped every round: for long benchmarks (the audit of L), where the machine's mood changes
# between one run and the next more than the change being measured. It needs two cores, and both
# binaries then share the caches and the memory bus, so compare its ratios with each other, not with
# a table's times.
#
# The base is checked out into a temporary git worktree (its own Bazel output base); nothing else in the
# repository changes. Timing is never asserted: this is where a change's cost is measured.
set -euo pipefail
cd "$(dirname "$0")/.."

base=${1:?usage: tools/bench_compare.sh BASE_COMMIT [TIERS...]}
shift
tiers=("$@")
[ ${#tiers[@]} -eq 0 ] && tiers=(S M)
filter=${BENCH_FILTER:-'^(check|check_cold|explain|http_check)/'}
rounds=${BENCH_ROUNDS:-2}
repetitions=${BENCH_REPETITIONS:-3}
at_once=${BENCH_AT_ONCE:-0}
if [ "$at_once" = 1 ] && [ "$(nproc)" -lt 2 ]; then
  echo "tools/bench_compare.sh: BENCH_AT_ONCE=1 needs two cores; this machine has $(nproc)" >&2
  exit 2
fi
work=$(mktemp -d)
tree="$work/base"

bash tools/setup.sh >/dev/null
cleanup() {
  (cd "$tree" 2>/dev/null && bazel shutdown >/dev/null 2>&1) || true
  git worktree remove --force "$tree" >/dev/null 2>&1 || true
  bazel shutdown >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

git worktree add --detach --quiet "$tree" "$base"
build() {  # build DIR -> copies the two binaries into $work/NAME-*
  (cd "$1" && bazel build -c opt --color=no --curses=no //bench:world_bench //bench:gen_world >&2 &&
   cp "$(bazel info -c opt bazel-bin 2>/dev/null)/bench/world_bench" "$work/$2-world_bench" &&
   cp "$(bazel info -c opt bazel-bin 2>/dev/null)/bench/gen_world" "$work/$2-gen_world")
}
build "$tree" base
build "$PWD" new

run() {  # run WHICH TIER ROUND [LAUNCHER...]: one round of the benchmarks, into $work/WHICH-TIER-ROUND.json
  local which=$1 tier=$2 round=$3
  shift 3
  "$@" "$work/$which-world_bench" --tier="$tier" --seed=1 --fixture="$work/$tier.yaml" --benchmark_filter="$filter" \
    --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true --benchmark_format=json \
    --benchmark_out="$work/$which-$tier-$round.json" --benchmark_out_format=json >/dev/null 2>&1
}

for tier in "${tiers[@]}"; do
  "$work/new-gen_world" --tier="$tier" --seed=1 --out="$work/$tier.yaml"
  for round in $(seq "$rounds"); do
    if [ "$at_once" = 1 ]; then
      cores=(0 1)
      [ $((round % 2)) -eq 0 ] && cores=(1 0)
      run base "$tier" "$round" taskset -c "${cores[0]}" &
      base_pid=$!
      run new "$tier" "$round" taskset -c "${cores[1]}" &
      new_pid=$!
      wait "$base_pid"
      wait "$new_pid"
    else
      run base "$tier" "$round"
      run new "$tier" "$round"
    fi
  done
done

python3 - "$work" "$rounds" "${tiers[@]}" <<'PY'
import json, sys
work, rounds, tiers = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def medians(path):
    # The median of a benchmark's repetitions, or its one run when it ran once (BENCH_REPETITIONS=1).
    out, once = {}, {}
    for b in json.load(open(path))["benchmarks"]:
        ns = b["real_time"] * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
        if b.get("aggregate_name") == "median":
            out[b["run_name"]] = ns
        elif b.get("run_type", "iteration") == "iteration":
            once.setdefault(b["run_name"], ns)
    return out or once
def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.2f} {unit}"
    return f"{ns:.1f} ns"
print("| benchmark | base (per round) | new (per round) | new / base |")
print("|---|---|---|---|")
for tier in tiers:
    runs = {w: [medians(f"{work}/{w}-{tier}-{r}.json") for r in range(1, rounds + 1)] for w in ("base", "new")}
    for name in runs["new"][0]:
        b = [r[name] for r in runs["base"] if name in r]
        n = [r[name] for r in runs["new"] if name in r]
        if not b or not n:
            continue
        ratio = (sorted(n)[len(n) // 2]) / (sorted(b)[len(b) // 2])
        print(f"| {name} | {', '.join(fmt(x) for x in b)} | {', '.join(fmt(x) for x in n)} | {ratio:.2f} |")
PY
