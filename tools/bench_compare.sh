#!/usr/bin/env bash
# Side by side: the hot benchmarks of //bench:world_bench at a base commit and at the working tree,
# built alike (-c opt), run alternately on the same fixtures in one session, so the machine's noise
# falls on both. Prints each benchmark's median per round and the ratio new / base of the medians.
#
#   tools/bench_compare.sh BASE_COMMIT [TIERS...]     # e.g. tools/bench_compare.sh a78b742 S M
#   BENCH_FILTER='^check/' tools/bench_compare.sh HEAD~3 S
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

for tier in "${tiers[@]}"; do
  "$work/new-gen_world" --tier="$tier" --seed=1 --out="$work/$tier.yaml"
  for round in $(seq "$rounds"); do
    for which in base new; do
      "$work/$which-world_bench" --tier="$tier" --seed=1 --fixture="$work/$tier.yaml" --benchmark_filter="$filter" \
        --benchmark_repetitions=3 --benchmark_report_aggregates_only=true --benchmark_format=json \
        --benchmark_out="$work/$which-$tier-$round.json" --benchmark_out_format=json >/dev/null 2>&1
    done
  done
done

python3 - "$work" "$rounds" "${tiers[@]}" <<'PY'
import json, sys
work, rounds, tiers = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def medians(path):
    out = {}
    for b in json.load(open(path))["benchmarks"]:
        if b.get("aggregate_name") == "median":
            out[b["run_name"]] = b["real_time"] * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
    return out
def fmt(ns):
    return f"{ns / 1e3:.2f} us" if ns >= 1e3 else f"{ns:.1f} ns"
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
