#!/usr/bin/env bash
# Smoke test of the benchmarks: every world_bench benchmark runs on tier S for a few iterations, from a
# fixture gen_world writes, and reports its counters. No timing is asserted (figures come from
# tools/bench.sh on an optimized build); this only keeps the programs from rotting.
set -euo pipefail

bench=bench/world_bench
gen=bench/gen_world
out=$TEST_TMPDIR/out.json

"$gen" --tier=S --seed=3 --out="$TEST_TMPDIR/s.yaml"
[ -s "$TEST_TMPDIR/s.yaml" ] || { echo "gen_world wrote nothing"; exit 1; }

"$bench" --tier=S --seed=3 --fixture="$TEST_TMPDIR/s.yaml" --benchmark_min_time=0.001 \
  --benchmark_format=json --benchmark_out="$out" --benchmark_out_format=json >/dev/null

fail=0
for name in check check_cold check_vs_flat check_vs_flat_cold memory_latency explain http_check yaml_cpp load compile load_compile audit who_can; do
  if ! grep -Eq "\"name\": \"$name/S(/[^\"]*)?\"" "$out"; then
    echo "benchmark $name/S did not run"; fail=1
  fi
done
if grep -q '"error_occurred": true' "$out"; then
  echo "a benchmark reported an error:"; grep -A1 '"error_occurred": true' "$out"; fail=1
fi
for counter in items_per_second repos peak_rss_MiB snapshot_B_per_repo source_B_per_repo findings engine_ns flat_ns ratio; do
  grep -q "\"$counter\":" "$out" || { echo "no benchmark reported $counter"; fail=1; }
done
# The baseline and the engine allow the same number of requests in every block.
if grep -E '"disagreements": [1-9]' "$out"; then echo "the flat baseline disagreed with the engine"; fail=1; fi
grep -q '"repos": 1\.0*e+03' "$out" || { echo "tier S should have 1000 repos"; grep '"repos"' "$out" | head -3; fail=1; }

# The mix flags change the world: only classic read tokens, no private repo.
"$gen" --tier=S --classic-read-tokens=1 --classic-write-tokens=0 --private-repos=0 --out="$TEST_TMPDIR/mix.yaml"
token_roles=$(sed -n '/^tokens:/,$p' "$TEST_TMPDIR/mix.yaml" | grep -E '^    role: ' | sort -u)
[ "$token_roles" = "    role: read" ] || { echo "--classic-read-tokens=1 gave token roles: $token_roles"; fail=1; }
if grep -q 'private: true' "$TEST_TMPDIR/mix.yaml"; then echo "--private-repos=0 wrote a private repo"; fail=1; fi

# Bad arguments are refused, not ignored.
if "$gen" --private-repos=2 >/dev/null 2>&1; then echo "--private-repos=2 was accepted"; fail=1; fi
if "$bench" --tier=XL >/dev/null 2>&1; then echo "--tier=XL was accepted"; fail=1; fi
if "$gen" --repos=many >/dev/null 2>&1; then echo "--repos=many was accepted"; fail=1; fi

[ "$fail" -eq 0 ] && echo "PASS"
exit "$fail"
