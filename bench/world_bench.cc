// Copyright 2026 The hubperm Authors.
//
// The engine at scale, on one synthetic world tier (bench/synthetic_world.h):
//   check/T        one Check on the compiled snapshot, no explanation, cycling through 1024 requests that
//                  mix every operation, token and target (they stay in the CPU caches)
//   check_cold/T   the same through a million requests: every check reads records no recent check read
//   check_vs_flat/T, check_vs_flat_cold/T  the engine's check against a flat-array checker of the same rule
//                  (bench/flat_checker.h) on its five operations, alternating blocks in one run: the ratio
//                  to its verdict alone (ratio) and to its three sides (ratio_sides)
//   memory_latency/T  one cache-missing read through a buffer the size of the snapshot, for comparison
//   explain/T      one Check and its full text explanation (RenderExplanation)
//   http_check/T   one HTTP request line parsed, resolved against the snapshot and checked
//   yaml_cpp/T     yaml-cpp alone parsing the fixture text (its event parser), to show its share of load
//   load/T         LoadFixtures: read, parse, build the World and validate it
//   compile/T      Snapshot::Compile of the loaded world
//   load_compile/T both, as `hubperm` does before its first check
//   audit/T        the full audit (policy/audit) of every token, on one thread
//   audit_jobs/T   the same on every core (hubperm audit's default --jobs)
//   who_can/T      who-can: one request (a random repo's settings) asked of every token and principal
//   diff/T         diff: the world against itself with one org's token policy changed, beside its audit
//
//   bazel run -c opt //bench:world_bench -- --tier=M [--seed=1] [--fixture=FILE.yaml] [benchmark flags]
//
// --fixture reads the tier's fixture from a file written by //bench:gen_world (the same world), so that
// a load's peak RSS is not mixed with generating it; without it the world is generated and written to a
// temporary file first. tools/bench.sh runs each benchmark in its own process and prints the README's table.
//
// Counters: items_per_second (checks, repos loaded or compiled, tokens audited); repos; snapshot_B_per_repo
// (heap bytes the compiled snapshot holds, source text excluded, per repo); source_B_per_repo (the fixture
// text a loaded snapshot keeps for explanations, per repo); peak_rss_MiB (the process's peak resident
// memory while the benchmark ran: reset before it with /proc/self/clear_refs, read from VmHWM after).

#include <algorithm>
#include <chrono>
#include <map>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "bench/flat_checker.h"
#include "cli/allocator.h"
#include "bench/synthetic_world.h"
#include "benchmark/benchmark.h"
#include "policy/audit/audit.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/check.h"
#include "policy/explain/explain.h"
#include "policy/load/fixtures.h"
#include "policy/load/world_writer.h"
#include "policy/model/operation.h"
#include "policy/model/vocabulary.h"
#include "policy/request/request_description.h"
#include "policy/request/resolve.h"
#include "policy/request/route.h"
#include "policy/diff/diff.h"
#include "policy/diff/diff_report.h"
#include "policy/whocan/who_can.h"
#include "yaml-cpp/eventhandler.h"
#include "yaml-cpp/parser.h"

namespace hubperm {
namespace {

struct Options {
  std::string tier = "S";
  uint32_t seed = 1;
  std::string fixture;  // "" = generate
};

Options& TheOptions() {
  static Options options;
  return options;
}

// ---- Memory ---------------------------------------------------------------------------------------

// Forgets the process's peak RSS so far (Linux: "5" to clear_refs), after giving freed memory back.
void ResetPeakRss() {
  ReleaseFreeMemory();
  std::ofstream("/proc/self/clear_refs") << "5";
}

double PeakRssMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (!absl::StartsWith(line, "VmHWM:")) continue;
    std::istringstream in(line.substr(6));
    double kib = 0;
    in >> kib;
    return kib / 1024.0;
  }
  return 0;
}

// Bazel's test temporary directory when run as a test, else $TMPDIR or /tmp.
std::string TempDir() {
  for (const char* var : {"TEST_TMPDIR", "TMPDIR"}) {
    const char* dir = std::getenv(var);
    if (dir != nullptr && *dir != '\0') return dir;
  }
  return "/tmp";
}

// ---- The tier's world, built once --------------------------------------------------------------------

const World& TheWorld() {
  static const World* world = [] {
    const Options& o = TheOptions();
    return new World(SyntheticWorld(*TierSize(o.tier), o.seed));
  }();
  return *world;
}

// The tier's repos, from its size (exact: bench/synthetic_world.h), so that a benchmark of loading
// --fixture does not also hold the generated world in memory.
size_t TierRepos() { return static_cast<size_t>(TierSize(TheOptions().tier)->repos); }

// The fixture file: --fixture, or the generated world written to a temporary file.
const std::string& FixturePath() {
  static const std::string* path = [] {
    const Options& o = TheOptions();
    if (!o.fixture.empty()) return new std::string(o.fixture);
    auto* p = new std::string(absl::StrCat(TempDir(), "/hubperm_bench_", o.tier, "_", o.seed, ".yaml"));
    std::ofstream(*p) << WriteFixture(TheWorld());
    return p;
  }();
  return *path;
}

// Compiles `world` without source text (Compile only moves the text in: it costs nothing and is counted
// apart) and sets `*heap_bytes` to the heap the snapshot holds.
std::shared_ptr<const Snapshot> CompileMeasured(const World& world, size_t* heap_bytes) {
  const size_t before = HeapBytesInUse();
  std::shared_ptr<const Snapshot> s = Snapshot::Compile(world, SourceFiles());
  *heap_bytes = HeapBytesInUse() - before;
  return s;
}

// The heap bytes the tier's compiled snapshot holds (set when TheSnapshot() first compiles it).
size_t snapshot_heap_bytes = 0;

std::shared_ptr<const Snapshot> TheSnapshot() {
  static const auto* snapshot =
      new std::shared_ptr<const Snapshot>(CompileMeasured(TheWorld(), &snapshot_heap_bytes));
  return *snapshot;
}

// A reproducible sample of requests spread over every operation (or only those `keep` says), token and
// target.
std::vector<Request> SampleRequests(const Snapshot& s, int count, bool (*keep)(Operation) = nullptr) {
  std::mt19937 rng(TheOptions().seed);
  auto below = [&rng](int n) { return n <= 0 ? kNoIndex : std::uniform_int_distribution<int>(0, n - 1)(rng); };
  std::vector<OperationInfo> ops;
  for (const OperationInfo& op : AllOperations()) {
    if (keep == nullptr || keep(op.operation)) ops.push_back(op);
  }
  std::vector<Request> out;
  while (static_cast<int>(out.size()) < count) {
    const OperationInfo& op = ops[below(static_cast<int>(ops.size()))];
    Request r;
    r.operation = op.operation;
    r.token = TokenId(below(s.token_count()));
    switch (op.target) {
      case TargetKind::kNone:
        break;
      case TargetKind::kRepo:
        r.repo = RepoId(below(s.repo_count()));
        if (op.creates_at_destination) {
          r.create_type = s.repo(r.repo).type;
          r.ns_org = OrgId(below(s.org_count()));
        }
        if (op.operation == Operation::kMoveRepoToGroup) {
          if (s.repo(r.repo).group == kNoId) continue;  // a repo's own org's group
          r.group = s.repo(r.repo).group;
        }
        break;
      case TargetKind::kNamespace:
        r.create_type = RepoType::kModel;
        if (below(2) == 0) {
          r.ns_user = s.token(r.token).owner;
        } else {
          r.ns_org = OrgId(below(s.org_count()));
        }
        break;
      case TargetKind::kOrg:
        r.org = OrgId(below(s.org_count()));
        break;
      case TargetKind::kGroup:
        r.group = GroupId(below(s.group_count()));
        if (r.group == kNoId) continue;
        break;
    }
    out.push_back(r);
  }
  return out;
}

// ---- Benchmarks -------------------------------------------------------------------------------------

void AddCommonCounters(benchmark::State& state) {
  state.counters["repos"] = TierRepos();
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}

// state.range(0): how many distinct requests are cycled through. A few thousand stay in the CPU's caches
// with the records they touch (the engine's own cost); a million touch memory no recent check touched,
// so each check pays the machine's memory latency for every record it reads (compare memory_latency).
void BM_Check(benchmark::State& state) {
  std::shared_ptr<const Snapshot> s = TheSnapshot();
  const std::vector<Request> sample = SampleRequests(*s, static_cast<int>(state.range(0)));
  size_t i = 0, allowed = 0;
  for (auto _ : state) {
    const Decision d = Check(*s, sample[i]);
    allowed += d.allowed;
    benchmark::DoNotOptimize(d);
    i = (i + 1) & (sample.size() - 1);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["allowed_share"] = static_cast<double>(allowed) / std::max<int64_t>(1, state.iterations());
  AddCommonCounters(state);
}

// The engine's Check against the flat baseline (bench/flat_checker.h), side by side in one run: on the
// baseline's operations, each iteration times a block of engine checks and then the same requests through
// the baseline, alternating, so that both see the same machine. state.range(0) as for BM_Check. Reports
// engine_ns and flat_ns per check and their ratio (the README's target: at most 2 cold, 1.2 in cache).
void BM_CheckVsFlat(benchmark::State& state) {
  std::shared_ptr<const Snapshot> s = TheSnapshot();
  static const FlatChecker* flat = new FlatChecker(*s);
  const std::vector<Request> sample = SampleRequests(*s, static_cast<int>(state.range(0)), FlatCheckerDecides);
  constexpr size_t kBlock = 4096;
  // Three blocks per iteration: the engine, the baseline's verdict (Allowed) and its three sides (Sides).
  // Each runs a third of the sample behind the one before, so that none finds the requests (or anything
  // they touched) warm from another's block; all cycle through the whole sample.
  const size_t third = (sample.size() / 3) & ~(kBlock - 1);
  size_t i = 0, j = third, k = 2 * third, disagree = 0;
  double engine_ns = 0, flat_ns = 0, sides_ns = 0;
  using Clock = std::chrono::steady_clock;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    size_t allowed = 0;
    for (size_t n = 0; n < kBlock; ++n, i = (i + 1) & (sample.size() - 1)) allowed += Check(*s, sample[i]).allowed;
    const auto t1 = Clock::now();
    size_t flat_allowed = 0;
    for (size_t n = 0; n < kBlock; ++n, j = (j + 1) & (sample.size() - 1)) flat_allowed += flat->Allowed(sample[j]);
    const auto t2 = Clock::now();
    size_t sides = 0;
    for (size_t n = 0; n < kBlock; ++n, k = (k + 1) & (sample.size() - 1)) sides += flat->Sides(sample[k]);
    const auto t3 = Clock::now();
    benchmark::DoNotOptimize(allowed);
    benchmark::DoNotOptimize(flat_allowed);
    benchmark::DoNotOptimize(sides);
    engine_ns += std::chrono::duration<double, std::nano>(t1 - t0).count();
    flat_ns += std::chrono::duration<double, std::nano>(t2 - t1).count();
    sides_ns += std::chrono::duration<double, std::nano>(t3 - t2).count();
  }
  // Per block the three ask different requests, so agreement is checked once over the whole sample.
  for (size_t n = 0; n < sample.size(); ++n) {
    const Decision d = Check(*s, sample[n]);
    const uint8_t sides = flat->Sides(sample[n]);
    disagree += d.allowed != flat->Allowed(sample[n]) || d.user.allowed != ((sides & FlatChecker::kUserAllows) != 0) ||
                d.token.allowed != ((sides & FlatChecker::kTokenAllows) != 0) ||
                d.policy.allowed != ((sides & FlatChecker::kPolicyAllows) != 0);
  }
  const double checks = static_cast<double>(state.iterations()) * kBlock;
  state.SetItemsProcessed(static_cast<int64_t>(checks) * 3);
  state.counters["engine_ns"] = engine_ns / checks;
  state.counters["flat_ns"] = flat_ns / checks;
  state.counters["flat_sides_ns"] = sides_ns / checks;
  state.counters["ratio"] = engine_ns / std::max(flat_ns, 1.0);
  state.counters["ratio_sides"] = engine_ns / std::max(sides_ns, 1.0);
  state.counters["disagreements"] = static_cast<double>(disagree);
  AddCommonCounters(state);
}

// One dependent random read at a time through a buffer as large as the tier's snapshot: the latency of
// a read that misses the caches, the floor under a cold check (which reads several records).
void BM_MemoryLatency(benchmark::State& state) {
  TheSnapshot();
  struct alignas(64) Line {
    uint32_t next;
  };
  const size_t lines = std::max<size_t>(2, snapshot_heap_bytes / sizeof(Line));
  std::vector<uint32_t> order(lines);
  for (size_t i = 0; i < lines; ++i) order[i] = static_cast<uint32_t>(i);
  std::shuffle(order.begin(), order.end(), std::mt19937(TheOptions().seed));
  std::vector<Line> buffer(lines);
  for (size_t i = 0; i < lines; ++i) buffer[order[i]].next = order[(i + 1) % lines];
  uint32_t at = order[0];
  for (auto _ : state) {
    at = buffer[at].next;
    benchmark::DoNotOptimize(at);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["buffer_MiB"] = static_cast<double>(lines * sizeof(Line)) / (1 << 20);
  AddCommonCounters(state);
}

void BM_Explain(benchmark::State& state) {
  std::shared_ptr<const Snapshot> s = TheSnapshot();
  const std::vector<Request> sample = SampleRequests(*s, 1 << 12);
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Request& r = sample[i];
    const std::string text = RenderExplanation(Explain(*s, r, Check(*s, r)));
    bytes += text.size();
    i = (i + 1) & (sample.size() - 1);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["text_B"] = static_cast<double>(bytes) / std::max<int64_t>(1, state.iterations());
  AddCommonCounters(state);
}

// An HTTP request as a user would paste it, with the token that sends it.
struct HttpSample {
  std::string token;
  std::string line;
  RequestBody body;
};

std::vector<HttpSample> SampleHttp(const Snapshot& s, int count) {
  std::mt19937 rng(TheOptions().seed);
  auto below = [&rng](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  std::vector<HttpSample> out;
  for (int i = 0; i < count; ++i) {
    HttpSample h;
    h.token = s.token(TokenId(below(s.token_count()))).name;
    const Snapshot::RepoRecord& repo = s.repo(RepoId(below(s.repo_count())));
    const std::string types = absl::StrCat(NameOf(repo.type), "s");  // the routes' {type}s
    const std::string prefix = repo.type == RepoType::kModel ? "" : absl::StrCat("/", types);
    switch (below(5)) {
      case 0:
        h.line = absl::StrCat("GET ", prefix, "/", repo.id, "/resolve/main/config.json");
        break;
      case 1:
        h.line = absl::StrCat("GET https://huggingface.co/api/", types, "/", repo.id);
        break;
      case 2:
        h.line = absl::StrCat("POST /api/", types, "/", repo.id, "/commit/main");
        break;
      case 3:
        h.line = "POST /api/repos/create";
        h.body = RequestBody::Json(
            {{"name", absl::StrCat("new-model-", i)}, {"organization", s.org(OrgId(below(s.org_count()))).name}});
        break;
      default:
        h.line = absl::StrCat("GET /api/organizations/", s.org(OrgId(below(s.org_count()))).name, "/members");
    }
    out.push_back(std::move(h));
  }
  return out;
}

void BM_HttpCheck(benchmark::State& state) {
  std::shared_ptr<const Snapshot> s = TheSnapshot();
  const std::vector<HttpSample> sample = SampleHttp(*s, 1 << 12);
  size_t i = 0, failed = 0;
  for (auto _ : state) {
    const HttpSample& h = sample[i];
    absl::StatusOr<RequestDescription> spec = ParseHttpRequest(h.line, h.body);
    absl::StatusOr<ResolvedRequest> request = spec.ok() ? Resolve(*s, h.token, *spec) : spec.status();
    if (request.ok()) {
      benchmark::DoNotOptimize(Check(*s, request->request));
    } else {
      ++failed;
    }
    i = (i + 1) & (sample.size() - 1);
  }
  if (failed > 0) state.SkipWithError("some sample requests did not parse or resolve");
  state.SetItemsProcessed(state.iterations());
  AddCommonCounters(state);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// yaml-cpp's event parser with a handler that does nothing: the part of a load that is yaml-cpp's
// (policy/load/yaml_tree drives the same parser and builds its own positioned tree from the events).
class CountingHandler : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++events; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override {}
  size_t events = 0;
};

void BM_YamlCpp(benchmark::State& state) {
  const std::string text = ReadFile(FixturePath());
  ResetPeakRss();
  for (auto _ : state) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    CountingHandler handler;
    while (parser.HandleNextDocument(handler)) {
    }
    benchmark::DoNotOptimize(handler.events);
  }
  state.SetItemsProcessed(state.iterations() * TierRepos());
  state.SetBytesProcessed(state.iterations() * text.size());
  AddCommonCounters(state);
}

// Loads the fixture and fails the benchmark if it does not load cleanly.
bool LoadOrFail(benchmark::State& state, Fixtures* out) {
  *out = LoadFixtures({FixturePath()});
  if (out->ok()) return true;
  state.SkipWithError(out->RenderIssues().substr(0, 2000).c_str());
  return false;
}

void BM_Load(benchmark::State& state) {
  const size_t repos = TierRepos();
  ResetPeakRss();
  for (auto _ : state) {
    Fixtures f;
    if (!LoadOrFail(state, &f)) return;
    benchmark::DoNotOptimize(f.world.repos.size());
  }
  state.SetItemsProcessed(state.iterations() * repos);
  AddCommonCounters(state);
}

void BM_Compile(benchmark::State& state) {
  Fixtures f;
  if (!LoadOrFail(state, &f)) return;
  const double source_bytes = f.files.text(0).size();
  const size_t repos = f.world.repos.size();
  // The compiled tables alone: the heap a snapshot holds when it keeps no source text.
  size_t snapshot_bytes = 0;
  CompileMeasured(f.world, &snapshot_bytes);
  ResetPeakRss();
  // Without the source text, which a real compile moves in: copying it here would time a memcpy.
  for (auto _ : state) {
    std::shared_ptr<const Snapshot> s = Snapshot::Compile(f.world, SourceFiles());
    benchmark::DoNotOptimize(s.get());
  }
  state.SetItemsProcessed(state.iterations() * repos);
  state.counters["snapshot_B_per_repo"] = static_cast<double>(snapshot_bytes) / repos;
  state.counters["source_B_per_repo"] = source_bytes / repos;
  AddCommonCounters(state);
}

void BM_LoadCompile(benchmark::State& state) {
  const size_t repos = TierRepos();
  ResetPeakRss();
  for (auto _ : state) {
    Fixtures f;
    if (!LoadOrFail(state, &f)) return;
    std::shared_ptr<const Snapshot> s = Snapshot::Compile(f.world, std::move(f.files));
    benchmark::DoNotOptimize(s.get());
  }
  state.SetItemsProcessed(state.iterations() * repos);
  AddCommonCounters(state);
}

// The full audit on state.range(0) threads (0: the machine's cores, as hubperm audit's default).
void BM_Audit(benchmark::State& state) {
  std::shared_ptr<const Snapshot> s = TheSnapshot();
  AuditOptions options;
  options.jobs = state.range(0) > 0 ? static_cast<int>(state.range(0))
                                    : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  UseLargePages();  // as hubperm audit does before its audit (cli/allocator.h)
  ResetPeakRss();
  size_t findings = 0, lines = 0, ranges = 0;
  bool counted = false;
  for (auto _ : state) {
    AuditReport report = Audit(*s, options);
    findings = report.findings.size();
    benchmark::DoNotOptimize(report.tokens.data());
    if (counted) continue;
    // What the report holds per token (once, outside the timing; every audit gives the same report):
    // lines of evidence, and ranges of repos at a level, one or more per class of alike repos decided. A
    // tier whose tokens reach larger orgs has more of both per token.
    state.PauseTiming();
    for (const Finding& f : report.findings) lines += f.evidence.size();
    for (const TokenAccess& access : report.tokens) {
      for (const NamespaceAccess& ns : access.namespaces) {
        for (const RepoRanges& level : ns.repos) ranges += level.range_count();
      }
    }
    counted = true;
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * s->token_count());
  state.counters["findings"] = findings;
  state.counters["evidence_lines_per_token"] = static_cast<double>(lines) / std::max(s->token_count(), 1);
  state.counters["repo_ranges_per_token"] = static_cast<double>(ranges) / std::max(s->token_count(), 1);
  state.counters["jobs"] = options.jobs;
  AddCommonCounters(state);
}

// who-can (policy/whocan): one request asked of every token and every principal (their probes built once,
// outside the timing, as the engine keeps them), a random repo's settings each time. items: tokens and
// principals decided.
void BM_WhoCan(benchmark::State& state) {
  const World& world = TheWorld();
  std::shared_ptr<const Snapshot> s = TheSnapshot();
  const WhoCanProbes probes = MakeWhoCanProbes(world);
  std::mt19937 rng(7);
  size_t allowed = 0;
  for (auto _ : state) {
    const Repo& repo = world.repos[rng() % world.repos.size()];
    RequestInput input;
    input.operation = "update_repo_settings";
    input.target.repo = repo.id.text;
    input.target.repo_type = repo.type;
    absl::StatusOr<WhoCanResult> who = WhoCanDo(world, *s, probes, input);
    if (!who.ok()) {
      state.SkipWithError(std::string(who.status().message()).c_str());
      break;
    }
    allowed += who->allowed();
  }
  state.SetItemsProcessed(state.iterations() * (world.tokens.size() + probes.probes.size()));
  state.counters["allowed_per_request"] = static_cast<double>(allowed) / std::max<int64_t>(state.iterations(), 1);
  AddCommonCounters(state);
}

// diff (policy/diff): the tier's world against itself with one org's token policy changed (the org
// with the most repos, its policy moved on to the next one: allow_all -> fine_grained_only ->
// require_approval -> allow_all), both compiled outside the timing; the timing holds Diff and the
// report's grouping (SummarizeDiff). Beside it, in the same run, the full audit of the same world: the
// ratio says what a plan costs next to the audit a team already runs.
void BM_Diff(benchmark::State& state) {
  const World& world = TheWorld();
  std::shared_ptr<const Snapshot> before = TheSnapshot();
  World edited = world;
  size_t org = 0;
  std::map<std::string, size_t> repos_of;  // namespace -> repos
  for (const Repo& repo : edited.repos) ++repos_of[repo.id.text.substr(0, repo.id.text.find('/'))];
  for (size_t o = 0; o < edited.orgs.size(); ++o) {
    if (repos_of[edited.orgs[o].name.text] > repos_of[edited.orgs[org].name.text]) org = o;
  }
  TokenPolicy& policy = edited.orgs[org].token_policy;
  policy = static_cast<TokenPolicy>((static_cast<int>(policy) + 1) % 3);
  std::shared_ptr<const Snapshot> after = Snapshot::Compile(edited, SourceFiles());
  const WorldPair pair(*before, *after);
  ResetPeakRss();
  int64_t changed = 0, decisions = 0;
  size_t tokens = 0;
  for (auto _ : state) {
    const DiffResult diff = Diff(pair);
    const DiffReport report = SummarizeDiff(pair, diff);
    changed = diff.changed;
    decisions = diff.decisions;
    tokens = report.tokens.size();
    benchmark::DoNotOptimize(report.tokens.data());
  }
  const auto audit_start = std::chrono::steady_clock::now();
  const AuditReport audit = Audit(*before);
  benchmark::DoNotOptimize(audit.tokens.data());
  state.counters["audit_s"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - audit_start).count();
  state.SetItemsProcessed(state.iterations() * decisions);
  state.counters["decisions_changed"] = static_cast<double>(changed);
  state.counters["tokens_changed"] = static_cast<double>(tokens);
  state.counters["requests_decided"] = static_cast<double>(decisions);
  AddCommonCounters(state);
}

void Register(const std::string& tier) {
  auto name = [&tier](const char* what) { return absl::StrCat(what, "/", tier); };
  const benchmark::TimeUnit ms = benchmark::kMillisecond;
  benchmark::RegisterBenchmark(name("check").c_str(), BM_Check)->Arg(1 << 10)->ArgName("requests");
  benchmark::RegisterBenchmark(name("check_cold").c_str(), BM_Check)->Arg(1 << 20)->ArgName("requests");
  benchmark::RegisterBenchmark(name("check_vs_flat").c_str(), BM_CheckVsFlat)->Arg(1 << 10)->ArgName("requests");
  benchmark::RegisterBenchmark(name("check_vs_flat_cold").c_str(), BM_CheckVsFlat)->Arg(1 << 20)->ArgName("requests");
  benchmark::RegisterBenchmark(name("memory_latency").c_str(), BM_MemoryLatency);
  benchmark::RegisterBenchmark(name("explain").c_str(), BM_Explain)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark(name("http_check").c_str(), BM_HttpCheck)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark(name("yaml_cpp").c_str(), BM_YamlCpp)->Unit(ms)->UseRealTime();
  benchmark::RegisterBenchmark(name("load").c_str(), BM_Load)->Unit(ms)->UseRealTime();
  benchmark::RegisterBenchmark(name("compile").c_str(), BM_Compile)->Unit(ms)->UseRealTime();
  benchmark::RegisterBenchmark(name("load_compile").c_str(), BM_LoadCompile)->Unit(ms)->UseRealTime();
  benchmark::RegisterBenchmark(name("audit").c_str(), BM_Audit)->Arg(1)->Unit(ms)->UseRealTime();
  benchmark::RegisterBenchmark(name("audit_jobs").c_str(), BM_Audit)->Arg(0)->Unit(ms)->UseRealTime();
  benchmark::RegisterBenchmark(name("who_can").c_str(), BM_WhoCan)->Unit(ms)->UseRealTime();
  benchmark::RegisterBenchmark(name("diff").c_str(), BM_Diff)->Unit(ms)->UseRealTime();
}

}  // namespace
}  // namespace hubperm

int main(int argc, char** argv) {
  hubperm::Options& options = hubperm::TheOptions();
  std::vector<char*> rest;
  bool ok = true;
  for (int i = 0; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (absl::ConsumePrefix(&arg, "--tier=")) {
      options.tier = std::string(arg);
      ok &= hubperm::TierSize(arg).has_value();
    } else if (absl::ConsumePrefix(&arg, "--seed=")) {
      ok &= absl::SimpleAtoi(arg, &options.seed);
    } else if (absl::ConsumePrefix(&arg, "--fixture=")) {
      options.fixture = std::string(arg);
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (!ok) {
    std::cerr << "usage: world_bench [--tier=S|M|L] [--seed=N] [--fixture=FILE.yaml] [benchmark flags]\n";
    return 2;
  }
  int rest_count = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_count, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_count, rest.data())) return 2;
  hubperm::Register(options.tier);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
