#!/usr/bin/env bash
# The README's benchmark figures: builds the benchmarks optimized, writes each tier's fixture with
# //bench:gen_world, runs every //bench:world_bench benchmark in its own process (so each peak RSS is that
# benchmark's alone) and prints the scaling table as Markdown, medians of repeated runs.
#
#   tools/bench.sh              # tiers S M L and import-org (about 20 minutes on the 2-core machine)
#   tools/bench.sh S M          # some tiers only
#   tools/bench.sh org          # import-org only: 10,000 repos and 2,000 members (//bench:gen_org)
#   tools/bench.sh python       # checks per second from Python on tier M, beside C++ (bench/python_bench.py)
#   BENCH_OUT=/tmp/b tools/bench.sh   # keep the raw Google Benchmark JSON there
#
# Timing is never asserted in tests; this script is where the figures come from.
set -euo pipefail
cd "$(dirname "$0")/.."

tiers=()
org=0
python=0
for arg in "$@"; do
  case "$arg" in
    org) org=1 ;;
    python) python=1 ;;
    *) tiers+=("$arg") ;;
  esac
done
[ $# -eq 0 ] && { tiers=(S M L); org=1; python=1; }
out=${BENCH_OUT:-$(mktemp -d)}
mkdir -p "$out"

bash tools/setup.sh >/dev/null
trap 'bazel shutdown >/dev/null 2>&1' EXIT
bazel build -c opt --color=no --curses=no //bench:world_bench //bench:gen_world //bench:gen_org \
  //bench:org_import_bench //cli:hubperm //python:hubperm >&2
bin=$(bazel info -c opt bazel-bin 2>/dev/null)/bench
hubperm=$(bazel info -c opt bazel-bin 2>/dev/null)/cli/hubperm

for tier in ${tiers[@]+"${tiers[@]}"}; do
  fixture="$out/$tier.yaml"
  echo "== tier $tier: writing $fixture" >&2
  "$bin/gen_world" --tier="$tier" --seed=1 --out="$fixture"
  # What a user runs: the optimized binary loads, compiles and decides one request; its peak RSS.
  echo "== hubperm check on $tier" >&2
  /usr/bin/time -f "%M %e" -o "$out/cli-$tier.txt" "$hubperm" check "$fixture" --token token1 --operation whoami >/dev/null
  for name in check check_cold check_vs_flat check_vs_flat_cold memory_latency explain http_check yaml_cpp load \
      compile load_compile audit audit_jobs who_can diff; do
    reps=5
    processes=1
    case "$name" in yaml_cpp|load|compile|load_compile|audit|audit_jobs|who_can|diff) [ "$tier" = L ] && reps=1 || reps=3 ;; esac
    # A check's time depends on where the process's pages happen to land in the caches: these run in
    # three processes, three times each, and the table takes the median of the nine.
    case "$name" in check|check_cold|check_vs_flat|check_vs_flat_cold) reps=3; processes=3 ;; esac
    for p in $(seq 1 "$processes"); do
      suffix=""
      [ "$p" -gt 1 ] && suffix=".$p"
      echo "== $name/$tier ($reps runs, process $p of $processes)" >&2
      "$bin/world_bench" --tier="$tier" --seed=1 --fixture="$fixture" --benchmark_filter="^$name/" \
        --benchmark_repetitions="$reps" --benchmark_out="$out/$name-$tier$suffix.json" --benchmark_out_format=json \
        >/dev/null
    done
  done
done

if [ ${#tiers[@]} -gt 0 ]; then
python3 - "$out" "${tiers[@]}" <<'EOF'
import glob, json, os, sys

out, tiers = sys.argv[1], sys.argv[2:]

def runs(name, tier):  # every run of every process (NAME-T.json, NAME-T.2.json, ...)
    found = []
    for path in sorted(glob.glob(os.path.join(out, f"{name}-{tier}.json")) + glob.glob(os.path.join(out, f"{name}-{tier}.*.json"))):
        with open(path) as f:
            data = json.load(f)
        found += [b for b in data["benchmarks"] if b.get("run_type") == "iteration"]
    return found

def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2

def ns(b):  # real time per iteration in ns
    scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
    return b["real_time"] * scale

def cli(tier, field):  # hubperm check's peak RSS (MiB) or seconds, from /usr/bin/time
    path = os.path.join(out, f"cli-{tier}.txt")
    if not os.path.exists(path):
        return "–"
    kib, seconds = open(path).read().split()[-2:]
    return f"{int(kib) / 1024:.0f}" if field == "rss" else f"{float(seconds):.2f} s"

def fig(name, tier, what):
    what, _, extra = what.partition(":")
    if name == "cli":
        return cli(tier, what)
    rs = runs(name, tier)
    if not rs:
        return "–"
    if what == "ns":
        return f"{median(ns(b) for b in rs):.0f} ns"
    if what == "us":
        return f"{median(ns(b) for b in rs) / 1e3:.2f} µs"
    if what == "s":
        v = median(ns(b) for b in rs) / 1e9
        return f"{v:.2f} s" if v >= 1 else f"{v * 1e3:.1f} ms"
    if what == "per_s":
        v = median(b["items_per_second"] for b in rs)
        return f"{v / 1e6:.2f} M/s" if v >= 1e6 else f"{v / 1e3:.1f} k/s"
    if what == "vs_flat":  # the engine's and the baseline's verdict's ns per check, and their ratio
        e, f, r = (median(b[k] for b in rs) for k in ("engine_ns", "flat_ns", "ratio"))
        return f"{e:.0f} / {f:.0f} ns = {r:.2f}"
    if what == "vs_sides":  # the engine's and the baseline's three sides' ns per check, and their ratio
        e, f, r = (median(b[k] for b in rs) for k in ("engine_ns", "flat_sides_ns", "ratio_sides"))
        return f"{e:.0f} / {f:.0f} ns = {r:.2f}"
    if what in ("vs_s", "vs_prev"):  # audit tokens/s as a share of the first tier's, or of the tier before's
        i = tiers.index(tier)
        base = runs(name, tiers[0]) if what == "vs_s" else runs(name, tiers[i - 1]) if i > 0 else []
        if not base:
            return "–"
        return f"{median(b['items_per_second'] for b in rs) / median(b['items_per_second'] for b in base):.2f}"
    if what == "per_token":  # a per-token counter, to one decimal
        return f"{median(b[extra] for b in rs):.1f}"
    if what == "vs_audit":  # diff's time as a share of the audit of the same world, measured in the same run
        return f"{median(ns(b) / 1e9 / b['audit_s'] for b in rs):.2f}"
    v = median(b[what] for b in rs)
    return f"{v:.0f}"

rows = [
    ("check, 1024 requests in cache", "check", "ns", "≤ 100 ns (M, L)"),
    ("check, cold (a million requests)", "check_cold", "ns", ""),
    ("check vs flat baseline's verdict, in cache: engine / baseline", "check_vs_flat", "vs_flat", "≤ 1.2"),
    ("check vs flat baseline's verdict, cold: engine / baseline", "check_vs_flat_cold", "vs_flat", "≤ 2 (M, L)"),
    ("check vs flat baseline's three sides, in cache: engine / baseline", "check_vs_flat", "vs_sides", "≤ 1.2"),
    ("check vs flat baseline's three sides, cold: engine / baseline", "check_vs_flat_cold", "vs_sides", "≤ 2 (M, L)"),
    ("one cache-missing read (memory_latency)", "memory_latency", "ns", ""),
    ("check + full explanation", "explain", "us", "≤ 5 µs"),
    ("HTTP line parsed, resolved, checked", "http_check", "us", ""),
    ("yaml-cpp parse alone", "yaml_cpp", "s", ""),
    ("load (read, parse, validate)", "load", "s", ""),
    ("compile", "compile", "s", ""),
    ("load + compile", "load_compile", "s", "≤ 5 s (M)"),
    ("load + compile: repos/s", "load_compile", "per_s", ""),
    ("load + compile: peak RSS (MiB)", "load_compile", "peak_rss_MiB", ""),
    ("hubperm check (load, compile, one check): time", "cli", "s", ""),
    ("hubperm check: peak RSS (MiB)", "cli", "rss", "≤ 160 (M), ≤ 1024 (L)"),
    ("snapshot bytes per repo", "compile", "snapshot_B_per_repo", "≤ 256"),
    ("+ source text kept per repo (bytes)", "compile", "source_B_per_repo", ""),
    ("full audit (one thread)", "audit", "s", "≤ 10 s (M), ≤ 30 s (L)"),
    ("full audit: tokens/s", "audit", "per_s", ""),
    ("full audit: tokens/s as a share of the first tier's", "audit", "vs_s", "≥ 0.67"),
    ("full audit: tokens/s as a share of the tier before's", "audit", "vs_prev", "≥ 0.67"),
    ("full audit: findings", "audit", "findings", ""),
    ("full audit: lines of evidence per token", "audit", "per_token:evidence_lines_per_token", ""),
    ("full audit: ranges of repos per token (a class decided is one or more)", "audit", "per_token:repo_ranges_per_token", ""),
    ("full audit on every core (--jobs, the machine's cores)", "audit_jobs", "s", ""),
    ("full audit on every core: tokens/s", "audit_jobs", "per_s", ""),
    ("who-can: one request, every token and principal", "who_can", "s", ""),
    ("who-can: decisions/s (tokens and principals)", "who_can", "per_s", ""),
    ("diff: the world against itself with one org's token policy changed", "diff", "s", ""),
    ("diff: decisions that changed", "diff", "decisions_changed", ""),
    ("diff: time as a share of a full audit of the same world", "diff", "vs_audit", ""),
]
print("| measure | " + " | ".join(tiers) + " | target |")
print("|---|" + "---|" * len(tiers) + "---|")
for label, name, what, target in rows:
    print(f"| {label} | " + " | ".join(fig(name, t, what) for t in tiers) + f" | {target} |")
EOF
fi

# import-org at the issue's scale: each benchmark in its own process, so each peak RSS is its own.
if [ $org -eq 1 ]; then
  echo "== import-org: writing $out/org" >&2
  "$bin/gen_org" --members=2000 --repos=10000 --groups=50 --service-accounts=5 --tokens=200 --seed=1 --out="$out/org"
  for name in import_org parse_json; do
    echo "== $name (5 runs)" >&2
    "$bin/org_import_bench" --dir="$out/org" --benchmark_filter="^$name" --benchmark_repetitions=5 \
      --benchmark_out="$out/$name-org.json" --benchmark_out_format=json >/dev/null
  done
  python3 - "$out" <<'EOF'
import json, os, sys
out = sys.argv[1]
def runs(name):
    with open(os.path.join(out, f"{name}-org.json")) as f:
        return [b for b in json.load(f)["benchmarks"] if b.get("run_type") == "iteration"]
def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2
def seconds(b):
    return b["real_time"] * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1}[b["time_unit"]]
imp, parse = runs("import_org"), runs("parse_json")
t_imp, t_parse = median(seconds(b) for b in imp), median(seconds(b) for b in parse)
first = imp[0]
print()
print(f"| import-org: {first['repos']:.0f} repos, {first['members']:.0f} members, {first['tokens']:.0f} tokens "
      f"({first['input_MiB']:.1f} MiB of JSON) | time | peak RSS | target |")
print("|---|---|---|---|")
print(f"| read, import, render, load-check (what `hubperm import-org` does) | {t_imp:.2f} s | "
      f"{median(b['peak_rss_MiB'] for b in imp):.0f} MiB | ≤ 2 s, ≤ 256 MiB |")
print(f"| read and parse the same JSON, nothing more (the floor) | {t_parse:.2f} s | "
      f"{median(b['peak_rss_MiB'] for b in parse):.0f} MiB | |")
print(f"| import / parse | {t_imp / t_parse:.2f} | | |")
EOF
fi
# Python: the same requests on tier M asked one call at a time and as one batch, beside the C++ batch
# (hubperm check --batch, its load subtracted) and the C++ check of a request line, all in one run.
if [ $python -eq 1 ]; then
  [ -f "$out/M.yaml" ] || "$bin/gen_world" --tier=M --seed=1 --out="$out/M.yaml"
  echo "== python on M (best of 3 rounds of 20,000 requests)" >&2
  interpreter=$(head -n1 "$(bazel info -c opt output_base 2>/dev/null)/external/system_python/interpreter")
  PYTHONPATH="$(dirname "$hubperm")/../python" "$interpreter" bench/python_bench.py --fixture="$out/M.yaml" \
    --hubperm="$hubperm" --world-bench="$bin/world_bench" > "$out/python-M.json"
  python3 - "$out/python-M.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
cli = r["cli_batch_per_s"]
print()
print(f"| checks per second on tier M ({r['requests']} requests: repo_info, delete_repo, update_repo_settings, "
      "create_branch; random token and repo) | checks/s | as a share of the C++ batch |")
print("|---|---|---|")
for label, key in [("Python, one `world.check()` per request (a Decision each)", "python_call_per_s"),
                   ("Python, `world.batch()` of every request", "python_batch_per_s"),
                   ("C++, `hubperm check --batch` (the same lines; its load subtracted)", "cli_batch_per_s"),
                   ("C++, a request line parsed, resolved and checked, no JSON (`http_check`)", "cpp_check_per_s")]:
    print(f"| {label} | {r[key] / 1000:.1f} k/s | {r[key] / cli:.2f} |")
print(f"| Python, `World.load` of M | {r['load_s']:.2f} s | |")
EOF
fi
echo "raw results: $out" >&2
