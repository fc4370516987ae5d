// Copyright 2026 The hubperm Authors.
//
// bench/org_import_bench.cc: `hubperm import-org` at scale, on a directory bench/gen_org.cc wrote
// (tools/bench.sh: 10,000 repos and 2,000 members). Each benchmark runs in its own process, so the peak
// RSS it reports is its own.
//
//   import_org   what the command does: read every response, import, render the fixture, and load the
//                fixture to check it (ReadOrgResponses, ImportOrg, RenderOrgFixture, Engine::LoadTexts)
//   parse_json   the baseline: the same files read and parsed as JSON, nothing more (the floor any
//                importer built on this parser pays), so the import is reported as a ratio to it too
//
//   bazel run -c opt //bench:gen_org -- --out=/tmp/org
//   bazel run -c opt //bench:org_import_bench -- --dir=/tmp/org

#include <sys/resource.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "benchmark/benchmark.h"
#include "policy/hubperm.h"

namespace hubperm {
namespace {

std::string* dir = new std::string();

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // ru_maxrss is in KiB on Linux
}

void ImportOrgBench(benchmark::State& state) {
  size_t repos = 0, members = 0, tokens = 0, bytes = 0;
  for (auto _ : state) {
    absl::StatusOr<OrgResponses> responses = ReadOrgResponses(*dir);
    if (!responses.ok()) {
      state.SkipWithError(std::string(responses.status().message()).c_str());
      return;
    }
    bytes = 0;
    for (int f = 0; f < responses->files.size(); ++f) bytes += responses->files.text(f).size();
    const OrgImport import = ImportOrg(*std::move(responses), {});
    if (!import.ok()) {
      state.SkipWithError("the import has errors");
      return;
    }
    const std::string fixture = RenderOrgFixture(import);
    const LoadResult check = Engine::LoadTexts({{"imported.yaml", fixture}});
    if (!check.ok()) {
      state.SkipWithError("the imported fixture does not load");
      return;
    }
    repos = import.world.repos.size();
    members = import.world.orgs.empty() ? 0 : import.world.orgs[0].members.size();
    tokens = import.world.tokens.size();
    benchmark::DoNotOptimize(fixture.data());
  }
  state.counters["repos"] = static_cast<double>(repos);
  state.counters["members"] = static_cast<double>(members);
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["input_MiB"] = bytes / 1048576.0;
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(ImportOrgBench)->Name("import_org")->Unit(benchmark::kMillisecond)->UseRealTime();

void ParseJsonBench(benchmark::State& state) {
  for (auto _ : state) {
    absl::StatusOr<OrgResponses> responses = ReadOrgResponses(*dir);
    if (!responses.ok()) {
      state.SkipWithError(std::string(responses.status().message()).c_str());
      return;
    }
    Diagnostics diagnostics;
    size_t nodes = 0;
    for (int f = 0; f < responses->files.size(); ++f) {
      absl::optional<YamlNode> root = ParseYaml(responses->files.text(f), f, &diagnostics);
      nodes += root.has_value() ? root->children.size() : 0;
    }
    benchmark::DoNotOptimize(nodes);
  }
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(ParseJsonBench)->Name("parse_json")->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace hubperm

int main(int argc, char** argv) {
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (absl::StartsWith(argv[i], "--dir=")) {
      *hubperm::dir = argv[i] + 6;
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (hubperm::dir->empty()) {
    std::cerr << "usage: org_import_bench --dir=DIR (a directory bench:gen_org wrote) [benchmark flags]\n";
    return 2;
  }
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
