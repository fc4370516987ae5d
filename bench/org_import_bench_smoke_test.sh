#!/usr/bin/env bash
# Smoke test of the import-org benchmark: gen_org writes a small org, `hubperm import-org` imports it
# with no error (so the generator's responses keep the shapes the importer reads), and org_import_bench
# runs both benchmarks once and reports their counters. No timing is asserted (figures come from
# tools/bench.sh on an optimized build).
set -euo pipefail

dir=$TEST_TMPDIR/org
out=$TEST_TMPDIR/out.json
bench/gen_org --members=120 --repos=300 --groups=6 --service-accounts=2 --tokens=20 --out="$dir"

cli/hubperm import-org "$dir" > "$TEST_TMPDIR/org.yaml" 2> "$TEST_TMPDIR/issues.txt" \
  || { echo "import-org failed:"; cat "$TEST_TMPDIR/issues.txt"; exit 1; }
if grep -q ": error: " "$TEST_TMPDIR/issues.txt"; then cat "$TEST_TMPDIR/issues.txt"; exit 1; fi
grep -q "^  - id: synth/repo-00299$" "$TEST_TMPDIR/org.yaml" || { echo "repo 299 missing"; exit 1; }
[ "$(grep -c '^  - name: ' "$TEST_TMPDIR/org.yaml")" -ge 24 ] || { echo "tokens missing"; exit 1; }

# The same directory imports byte for byte the same twice.
cli/hubperm import-org "$dir" 2>/dev/null | cmp - "$TEST_TMPDIR/org.yaml"

bench/org_import_bench --dir="$dir" --benchmark_min_time=0.001 --benchmark_format=json \
  --benchmark_out="$out" --benchmark_out_format=json >/dev/null
fail=0
for name in import_org parse_json; do
  grep -Eq "\"name\": \"$name(/[^\"]*)?\"" "$out" || { echo "benchmark $name did not run"; fail=1; }
done
if grep -q '"error_occurred": true' "$out"; then grep -A1 '"error_occurred": true' "$out"; fail=1; fi
grep -q '"repos": 3\.0*e+02' "$out" || { echo "the import should have 300 repos"; grep '"repos"' "$out"; fail=1; }
grep -q '"members": 1\.20*e+02' "$out" || { echo "the import should have 120 members"; grep '"members"' "$out"; fail=1; }
grep -q '"peak_rss_MiB":' "$out" || { echo "no peak_rss_MiB"; fail=1; }
exit $fail
