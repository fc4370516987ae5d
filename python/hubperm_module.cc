// Copyright 2026 The hubperm Authors.
//
// python/hubperm_module.cc: `hubperm._hubperm`, the C++ half of the Python module: the facade
// (policy/hubperm.h) with its inputs and outputs as Python strings, the GIL released while the engine
// works. The Python half (python/src/hubperm/) turns them into the module's objects: everything that
// crosses here is text the project documents (batch lines, hubperm.batch/v1, hubperm.validate/v1,
// hubperm.audit/v1, hubperm.test/v1), so the module answers exactly as the CLI does.
//
//   engine, issues_json, issues_text = _hubperm.load(["world.yaml"], max_issues, max_checks)
//   answer_json, exit_code = engine.answer('{"token": "ci", "operation": "model_info", "repo": "a/m"}', False, None)
//
// Nothing here throws into Python but ValueError (a moment that is not one) and MemoryError (pybind11's
// translation of std::bad_alloc); every other failure is in the returned text.

#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "policy/hubperm.h"
#include "pybind11/pybind11.h"
#include "pybind11/stl.h"

namespace hubperm {
namespace {

namespace py = pybind11;

// A loaded world, shared: Python objects hold it, threads check against it at once.
struct EngineHandle {
  std::shared_ptr<const Engine> engine;
};

// The moment `at` names (RFC 3339 or a date), or now when it is None, as `hubperm check` without --at.
absl::Time MomentOf(const std::optional<std::string>& at) {
  if (!at.has_value()) return absl::Now();
  const absl::optional<absl::Time> t = ParseTimestamp(*at);
  if (!t.has_value()) {
    throw py::value_error(absl::StrCat("at=", QuoteValue(*at), " is not a moment: ", kTimestampForms));
  }
  return *t;
}

py::tuple LoadOutcome(LoadResult loaded, const std::vector<std::string>& names) {
  std::string issues_json = loaded.RenderIssuesJson(names);
  std::string issues_text = loaded.RenderIssues();
  py::object engine = py::none();
  if (loaded.ok()) engine = py::cast(EngineHandle{std::move(loaded.engine)});
  return py::make_tuple(engine, issues_json, issues_text);
}

LoadOptions MakeLoadOptions(int max_issues, int max_checks) {
  LoadOptions options;
  options.max_issues_per_file = max_issues;
  options.max_checks = max_checks;
  return options;
}

py::tuple PyLoad(const std::vector<std::string>& paths, int max_issues, int max_checks) {
  LoadResult loaded;
  {
    py::gil_scoped_release unlocked;
    loaded = Engine::Load(paths, MakeLoadOptions(max_issues, max_checks));
  }
  return LoadOutcome(std::move(loaded), paths);
}

py::tuple PyLoadTexts(std::vector<std::pair<std::string, std::string>> files, int max_issues, int max_checks) {
  std::vector<std::string> names;
  for (const auto& file : files) names.push_back(file.first);
  LoadResult loaded;
  {
    py::gil_scoped_release unlocked;
    loaded = Engine::LoadTexts(std::move(files), MakeLoadOptions(max_issues, max_checks));
  }
  return LoadOutcome(std::move(loaded), names);
}

BatchOptions MakeBatchOptions(const std::string& name, bool explain, const std::optional<std::string>& at) {
  BatchOptions options;
  options.name = name;
  options.explain = explain;
  options.at = MomentOf(at);
  return options;
}

// One request, as a batch line (without a line break): (the hubperm.batch/v1 answer, its exit code). It is
// answered as a batch of that one line, bounds included, except that the line may be as long as any input
// (kMaxInputBytes, --body's bound) rather than a batch line's.
py::tuple PyAnswer(const EngineHandle& self, const std::string& line, bool explain, const std::optional<std::string>& at) {
  BatchOptions options = MakeBatchOptions("request", explain, at);
  options.max_line_bytes = kMaxInputBytes;
  std::istringstream in(line);
  std::ostringstream out, err;
  BatchSummary summary;
  {
    py::gil_scoped_release unlocked;
    summary = self.engine->RunBatch(in, options, out, err);
  }
  return py::make_tuple(out.str(), summary.ExitCode());
}

// Many requests, one per line, `name` naming them in positions: (the answers, one JSON line each; the errors as text; the exit code; the
// summary line).
py::tuple PyBatch(const EngineHandle& self, const std::string& lines, const std::string& name, bool explain,
                  const std::optional<std::string>& at) {
  const BatchOptions options = MakeBatchOptions(name, explain, at);
  std::istringstream in(lines);
  std::ostringstream out, err;
  BatchSummary summary;
  {
    py::gil_scoped_release unlocked;
    summary = self.engine->RunBatch(in, options, out, err);
  }
  return py::make_tuple(out.str(), err.str(), summary.ExitCode(), summary.Text());
}

AuditOptions MakeAuditOptions(const std::optional<std::string>& at, int expiring_within_days, int older_than_days,
                              int jobs) {
  AuditOptions options;
  options.at = MomentOf(at);
  options.expiring_within = absl::Hours(24) * expiring_within_days;
  options.older_than = absl::Hours(24) * older_than_days;
  options.jobs = jobs > 0 ? jobs : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  return options;
}

// The audit in `format` ("json", "text" or "html"): (the report, whether it has an error finding).
py::tuple PyAudit(const EngineHandle& self, const std::string& format, const std::optional<std::string>& at,
                int expiring_within_days, int older_than_days, int jobs) {
  if (format != "json" && format != "text" && format != "html") {
    throw py::value_error(absl::StrCat("format=", QuoteValue(format), ": the audit's formats are json, text and html"));
  }
  const AuditOptions options = MakeAuditOptions(at, expiring_within_days, older_than_days, jobs);
  std::string report_text;
  bool has_error = false;
  {
    py::gil_scoped_release unlocked;
    const AuditReport report = self.engine->Audit(options);
    has_error = report.count(FindingSeverity::kError) > 0;
    report_text = format == "json"   ? RenderAuditJson(self.engine->snapshot(), report)
                  : format == "html" ? RenderAuditHtml(self.engine->snapshot(), report)
                                     : RenderAuditText(self.engine->snapshot(), report);
  }
  return py::make_tuple(report_text, has_error);
}

// The world's cases (those `filter` selects): (the report in `format`, "json" or "text"; the errors of
// invalid checks, as text; passed; failed; invalid).
py::tuple PyTest(const EngineHandle& self, const std::string& format, const std::string& filter, bool coverage,
               const std::optional<std::string>& at, const std::vector<std::string>& files) {
  if (format != "json" && format != "text") {
    throw py::value_error(absl::StrCat("format=", QuoteValue(format), ": the test report's formats are json and text"));
  }
  const absl::Time moment = MomentOf(at);
  std::string report_text, invalid_text;
  int passed = 0, failed = 0, invalid = 0;
  {
    py::gil_scoped_release unlocked;
    const Engine& engine = *self.engine;
    const TestRun run = engine.RunTests(filter, moment);
    TestReportOptions report;
    report.files = files;
    report.filter = filter;
    report.coverage = coverage;
    report_text = format == "json" ? RenderTestJson(run, report, engine.files())
                                   : RenderTestText(run, report, engine.files(), Style::Plain());
    std::ostringstream errors;
    run.invalid_requests.Print(engine.files(), Style::Plain(), errors);
    invalid_text = errors.str();
    passed = run.passed;
    failed = run.failed;
    invalid = run.invalid;
  }
  return py::make_tuple(report_text, invalid_text, passed, failed, invalid);
}

std::vector<std::string> TokenNames(const EngineHandle& self) {
  std::vector<std::string> names;
  for (const auto& token : self.engine->world().tokens) names.push_back(token.name.text);
  return names;
}

// The smallest token for `owner` and the intents of `intents_text` (an intents file's text: JSON from the
// Python half): (the hubperm.mint/v1 JSON, or None; the messages of every error that kept it from being
// minted: an intent that does not resolve, an unknown owner or compared token).
py::tuple PyMint(const EngineHandle& self, const std::string& owner, const std::string& intents_text,
                 const std::string& prefer, const std::string& name, const std::optional<std::string>& compare,
                 const std::optional<std::string>& at) {
  MintOptions options;
  options.prefer = prefer == "group" ? ScopePreference::kGroup : prefer == "org" ? ScopePreference::kOrg : ScopePreference::kRepo;
  if (prefer != "repo" && prefer != "group" && prefer != "org") {
    throw py::value_error(absl::StrCat("prefer=", QuoteValue(prefer), ": the preferences are repo, group and org"));
  }
  options.token_name = name;
  options.at = at.has_value() ? MomentOf(at) : Request::kAnyMoment;
  std::vector<std::string> errors;
  std::string json;
  {
    py::gil_scoped_release unlocked;
    const Engine& engine = *self.engine;
    SourceFiles files;
    Diagnostics diagnostics;
    const Intents read = ReadIntentsFile("intents", intents_text, &files, &diagnostics);
    const Token* compared = nullptr;
    bool known_owner = false;
    for (const Name& user : engine.world().users) known_owner = known_owner || user.text == owner;
    if (!known_owner) errors.push_back(absl::StrCat("unknown user ", QuoteValue(owner)));
    if (compare.has_value()) {
      for (const Token& token : engine.world().tokens) {
        if (token.name.text == *compare) compared = &token;
      }
      if (compared == nullptr) errors.push_back(absl::StrCat("unknown token ", QuoteValue(*compare)));
    }
    MintResult minted;
    if (errors.empty() && !diagnostics.has_errors()) minted = engine.Mint(owner, read.intents, options, &diagnostics);
    for (const Issue& issue : diagnostics.issues()) {
      if (issue.severity == Severity::kError) errors.push_back(issue.message);
    }
    if (errors.empty()) {
      absl::optional<MintComparison> comparison;
      if (compared != nullptr) {
        comparison = Compare(engine.world(), engine.snapshot(), *compared, read.intents, minted, options);
      }
      json = RenderMintJson(minted, read.intents, files, comparison.has_value() ? &*comparison : nullptr);
    }
  }
  py::object result = py::none();
  if (errors.empty()) result = py::str(json);
  return py::make_tuple(result, errors);
}

// Who may make the one request of `intents_text` (an intents file's text, JSON from the Python half):
// (the hubperm.who_can/v1 JSON, or None; the messages of every error).
py::tuple PyWhoCan(const EngineHandle& self, const std::string& intents_text) {
  std::vector<std::string> errors;
  std::string json;
  {
    py::gil_scoped_release unlocked;
    SourceFiles files;
    Diagnostics diagnostics;
    const Intents read = ReadIntentsFile("request", intents_text, &files, &diagnostics);
    for (const Issue& issue : diagnostics.issues()) {
      if (issue.severity == Severity::kError) errors.push_back(issue.message);
    }
    if (errors.empty() && read.intents.size() == 1) {
      const absl::StatusOr<WhoCanResult> who = self.engine->WhoCan(read.intents[0].input);
      if (who.ok()) {
        json = RenderWhoCanJson(*who, InputText(read.intents[0].input));
      } else {
        errors.emplace_back(who.status().message());
      }
    }
  }
  py::object result = py::none();
  if (errors.empty()) result = py::str(json);
  return py::make_tuple(result, errors);
}

// Every repo: (id, type as the fixtures spell it), in the fixtures' order.
std::vector<std::pair<std::string, std::string>> Repos(const EngineHandle& self) {
  std::vector<std::pair<std::string, std::string>> repos;
  for (const auto& repo : self.engine->world().repos) repos.emplace_back(repo.id.text, std::string(NameOf(repo.type)));
  return repos;
}

}  // namespace
}  // namespace hubperm

PYBIND11_MODULE(_hubperm, m) {
  namespace py = pybind11;
  using hubperm::EngineHandle;
  m.doc() = "hubperm's engine (policy/hubperm.h) for the hubperm package; use `import hubperm`.";
  py::class_<EngineHandle>(m, "Engine")
      .def("answer", &hubperm::PyAnswer, py::arg("line"), py::arg("explain"), py::arg("at"))
      .def("batch", &hubperm::PyBatch, py::arg("lines"), py::arg("name"), py::arg("explain"), py::arg("at"))
      .def("audit", &hubperm::PyAudit, py::arg("format"), py::arg("at"), py::arg("expiring_within_days"),
           py::arg("older_than_days"), py::arg("jobs"))
      .def("test", &hubperm::PyTest, py::arg("format"), py::arg("filter"), py::arg("coverage"), py::arg("at"),
           py::arg("files"))
      .def("token_names", &hubperm::TokenNames)
      .def("repos", &hubperm::Repos)
      .def("who_can", &hubperm::PyWhoCan, py::arg("request"))
      .def("mint", &hubperm::PyMint, py::arg("owner"), py::arg("intents"), py::arg("prefer"), py::arg("name"),
           py::arg("compare"), py::arg("at"));
  m.def(
      "level_method",
      [](const std::string& level) -> py::object {
        const absl::optional<std::string> method = hubperm::LevelMethod(level);
        return method.has_value() ? py::object(py::str(*method)) : py::object(py::none());
      },
      py::arg("level"));
  m.def("load", &hubperm::PyLoad, py::arg("paths"), py::arg("max_issues"), py::arg("max_checks"));
  m.def("load_texts", &hubperm::PyLoadTexts, py::arg("files"), py::arg("max_issues"), py::arg("max_checks"));
  m.attr("DEFAULT_MAX_ISSUES") = hubperm::kDefaultMaxIssuesPerFile;
  m.attr("DEFAULT_MAX_CHECKS") = hubperm::kDefaultMaxChecks;
}
