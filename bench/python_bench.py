#!/usr/bin/env python3
# Copyright 2026 The hubperm Authors.
"""Checks per second from Python (README, "Performance"), beside the C++ figures, in one run.

The same requests, on tier M's world (bench:gen_world), asked four ways:
  python_call    World.check(), one call per request (a Decision object each)
  python_batch   World.batch(), every request in one call
  cli_batch      `hubperm check --batch` (C++ alone: read each line, decide, write its JSON answer),
                 its load subtracted (the same command with one line, timed beside it)
  cpp_check      //bench:world_bench's http_check: a request parsed, resolved and checked in C++, no JSON
Prints one JSON object; tools/bench.sh runs it (`tools/bench.sh python`) and lays out the table.

  python_bench.py --fixture M.yaml --hubperm PATH --world-bench PATH [--tier M] [--requests N] [--seed S]
  python_bench.py --gen-world PATH --tier S ...   # writes the tier's fixture first (the smoke test)

Exits non-zero when a request is an error or a figure is not positive.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import hubperm

# Operations decided as one request each, so that every way of asking decides the same thing.
OPERATIONS = ["repo_info", "delete_repo", "update_repo_settings", "create_branch"]


def best_of(rounds, fn):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixture")
    parser.add_argument("--gen-world", help="bench:gen_world, to write the tier's fixture when --fixture is not given")
    parser.add_argument("--hubperm", required=True)
    parser.add_argument("--world-bench", required=True)
    parser.add_argument("--tier", default="M")
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    scratch = tempfile.TemporaryDirectory()
    if args.fixture is None:
        if args.gen_world is None:
            parser.error("give --fixture, or --gen-world to write one")
        args.fixture = os.path.join(scratch.name, args.tier + ".yaml")
        subprocess.run([args.gen_world, "--tier=" + args.tier, "--seed=%d" % args.seed, "--out=" + args.fixture],
                       check=True)

    start = time.perf_counter()
    world = hubperm.World.load(args.fixture)
    load_s = time.perf_counter() - start
    rng = random.Random(args.seed)
    tokens, repos = world.tokens, list(world.repos.items())
    requests = []
    for _ in range(args.requests):
        repo, repo_type = rng.choice(repos)
        requests.append({"token": rng.choice(tokens), "operation": rng.choice(OPERATIONS), "repo": repo,
                         "repo_type": repo_type})

    def by_call():
        for r in requests:
            world.check(r["token"], r["operation"], repo_id=r["repo"], repo_type=r["repo_type"])

    def by_batch():
        world.batch(requests)

    call_s = best_of(args.rounds, by_call)
    batch_s = best_of(args.rounds, by_batch)
    verdicts = {a["verdict"] for a in world.batch(requests)}
    if "error" in verdicts:
        sys.exit("a request of the benchmark is an error")

    with tempfile.TemporaryDirectory() as tmp:
        lines = os.path.join(tmp, "requests.jsonl")
        one = os.path.join(tmp, "one.jsonl")
        with open(lines, "w") as f:
            f.writelines(json.dumps(r) + "\n" for r in requests)
        with open(one, "w") as f:
            f.write(json.dumps(requests[0]) + "\n")

        def cli(path):
            return lambda: subprocess.run([args.hubperm, "check", args.fixture, "--batch", path],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cli_all = best_of(args.rounds, cli(lines))
        cli_one = best_of(args.rounds, cli(one))
        out = os.path.join(tmp, "http_check.json")
        subprocess.run([args.world_bench, "--tier=" + args.tier, "--seed=%d" % args.seed, "--fixture=" + args.fixture,
                        "--benchmark_filter=^http_check/", "--benchmark_repetitions=3",
                        "--benchmark_out=" + out, "--benchmark_out_format=json"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(out) as f:
            runs = [b for b in json.load(f)["benchmarks"] if b.get("run_type") == "iteration"]
    cpp_ns = sorted(b["real_time"] * {"ns": 1, "us": 1e3, "ms": 1e6}[b["time_unit"]] for b in runs)[len(runs) // 2]

    n = args.requests
    result = {
        "tier": args.tier, "requests": n, "load_s": round(load_s, 3),
        "python_call_per_s": round(n / call_s), "python_batch_per_s": round(n / batch_s),
        "cli_batch_per_s": round((n - 1) / max(cli_all - cli_one, 1e-9)),
        "cpp_check_per_s": round(1e9 / cpp_ns),
    }
    if min(v for k, v in result.items() if k.endswith("_per_s")) <= 0:
        sys.exit("a figure is not positive: %s" % json.dumps(result))
    print(json.dumps(result))
    scratch.cleanup()


if __name__ == "__main__":
    main()
