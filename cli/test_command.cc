// Copyright 2026 The hubperm Authors.

#include "cli/test_command.h"

#include <fstream>
#include <memory>
#include <ostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"
#include "policy/cases/case_coverage.h"
#include "policy/cases/case_runner.h"
#include "policy/cases/junit_report.h"
#include "policy/common/diagnostics.h"
#include "policy/common/json_writer.h"
#include "policy/compile/snapshot.h"
#include "policy/load/fixtures.h"

namespace hubperm {
namespace {

bool GlobMatch(absl::string_view pattern, absl::string_view text) {
  // Iterative matching with one backtrack point per `*` (linear in practice, never exponential).
  size_t p = 0, t = 0, star = absl::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != absl::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}


// `text` with every non-empty line indented by `by`.
std::string Indent(absl::string_view text, absl::string_view by) {
  std::string out;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (!line.empty()) absl::StrAppend(&out, by, line);
    out += '\n';
  }
  if (!out.empty()) out.pop_back();  // the split gives one line more than there are line breaks
  return out;
}

std::string Summary(int passed, int failed, int invalid) {
  std::string out = absl::StrCat(passed, " passed, ", failed, " failed");
  if (invalid > 0) absl::StrAppend(&out, ", ", invalid, " invalid");
  return out;
}

void WriteCoverageText(const CaseCoverage& coverage, const SourceFiles& files, const Style& style,
                       std::ostream& out) {
  int total = 0, exercised = 0;
  for (const CoverageItem& item : coverage.items()) {
    ++total;
    exercised += item.exercised();
  }
  out << style.Paint(Tone::kHeading, "Coverage:") << " " << exercised << " of " << total
      << " facts of the world decided some check\n";
  for (CoverageKind kind : kCoverageKinds) {
    out << "  " << PluralName(kind) << ": " << coverage.Exercised(kind) << " of " << coverage.Count(kind) << "\n";
  }
  if (exercised == total) return;
  out << style.Paint(Tone::kHeading, "Never exercised") << " (no case depends on these; write one that does):\n";
  for (const CoverageItem& item : coverage.items()) {
    if (item.exercised()) continue;
    out << "  " << style.Paint(Tone::kFaint, files.Format(item.pos)) << ": "
        << NameOf(item.kind) << ": " << item.text
        << "\n";
  }
}

void WriteCoverageJson(const CaseCoverage& coverage, const SourceFiles& files, JsonWriter* json) {
  json->BeginObject();
  for (CoverageKind kind : kCoverageKinds) {
    json->Key(PluralName(kind)).BeginObject().Key("total").Int(coverage.Count(kind)).Key("exercised")
        .Int(coverage.Exercised(kind)).EndObject();
  }
  json->Key("facts").BeginArray();
  for (const CoverageItem& item : coverage.items()) {
    json->BeginObject().Key("kind").String(NameOf(item.kind)).Key("fact").String(item.text).Key("at");
    WritePosition(files, item.pos, json);
    json->Key("uses").Int(item.uses).EndObject();
  }
  json->EndArray().EndObject();
}

// The checks run and their tally.
struct TestRun {
  std::vector<CaseResult> results;
  int passed = 0, failed = 0, invalid = 0;
};

void WriteJson(const TestOptions& o, const TestRun& run, const CaseCoverage& coverage, const SourceFiles& files,
               std::ostream& out) {
  auto unless = [](bool absent, absl::string_view text) {
    return absent ? absl::nullopt : absl::optional<absl::string_view>(text);
  };
  JsonWriter json;
  json.BeginObject().Key("schema").String("hubperm.test/v1").Key("files").BeginArray();
  for (const std::string& path : o.files) json.String(path);
  json.EndArray()
      .Key("filter").StringOrNull(unless(o.filter.empty(), o.filter))
      .Key("passed").Int(run.passed)
      .Key("failed").Int(run.failed)
      .Key("invalid").Int(run.invalid)
      .Key("checks").BeginArray();
  for (const CaseResult& r : run.results) {
    json.BeginObject().Key("name").String(r.name).Key("at");
    WritePosition(files, r.pos, &json);
    json.Key("token").String(r.token)
        .Key("result").String(r.invalid ? "invalid" : r.passed ? "pass" : "fail")
        .Key("failure").StringOrNull(unless(r.passed, r.failure))
        .Key("explanation").StringOrNull(unless(r.passed || r.invalid, r.explanation))
        .EndObject();
  }
  json.EndArray();
  if (o.coverage) {
    json.Key("coverage");
    WriteCoverageJson(coverage, files, &json);
  }
  json.EndObject();
  out << json.Finish();
}

void WriteText(const TestOptions& o, const TestRun& run, const CaseCoverage& coverage, const SourceFiles& files,
               const Style& style, std::ostream& out) {
  for (const CaseResult& r : run.results) {
    if (r.passed || r.invalid) continue;
    out << style.Paint(Tone::kDeny, "FAIL") << " " << files.Format(r.pos) << ": " << r.name << ": " << r.failure
        << "\n"
        << Indent(r.explanation, "    ") << "\n";
  }
  if (o.coverage) WriteCoverageText(coverage, files, style, out);
  out << Summary(run.passed, run.failed, run.invalid) << "\n";
}

}  // namespace

bool MatchesFilter(absl::string_view pattern, absl::string_view name) {
  if (pattern.empty()) return true;
  if (pattern.find_first_of("*?") == absl::string_view::npos) return absl::StrContains(name, pattern);
  return GlobMatch(pattern, name);
}

int RunTest(const TestOptions& o, const Style& out_style, const Style& err_style, std::ostream& out,
            std::ostream& err) {
  if (o.files.empty()) return Fail(err, err_style, "test needs at least one fixture file (see hubperm test --help)");
  Fixtures fixtures = LoadFixtures(o.files);
  err << fixtures.RenderIssues(err_style);
  if (!fixtures.ok()) {
    return FailFixtures(err, fixtures.error_count(), "no case was run");
  }
  const std::shared_ptr<const Snapshot> snapshot = Snapshot::Compile(fixtures.world, std::move(fixtures.files));
  const SourceFiles& files = snapshot->files();

  TestRun run;
  CaseCoverage coverage(fixtures.world);
  Diagnostics invalid_requests;
  for (const Case& c : fixtures.world.cases) {
    for (const CaseCheck& check : ExpandCase(c)) {
      if (!MatchesFilter(o.filter, check.name)) continue;
      const CaseResult& r = run.results.emplace_back(RunCheck(*snapshot, c, check));
      coverage.Record(*snapshot, r);
      if (r.invalid) invalid_requests.Error(r.pos, absl::StrCat("case '", r.name, "': ", r.failure));
      (r.invalid ? run.invalid : r.passed ? run.passed : run.failed) += 1;
    }
  }
  if (run.results.empty()) {
    return Fail(err, err_style,
                fixtures.world.cases.empty() ? "the files hold no cases to run (see docs/fixture-format.md, 'cases')"
                                             : absl::StrCat("no case matches --filter '", o.filter, "'"));
  }
  err << invalid_requests.Render(files, err_style);

  if (!o.junit.empty()) {
    std::ofstream junit(o.junit, std::ios::binary | std::ios::trunc);
    junit << RenderJunit(run.results, files);
    junit.close();
    if (!junit) return Fail(err, err_style, absl::StrCat("cannot write the JUnit report to '", o.junit, "'"));
  }
  if (o.json) {
    WriteJson(o, run, coverage, files, out);
  } else {
    WriteText(o, run, coverage, files, out_style, out);
  }
  if (run.invalid > 0) return kExitBadInput;
  return run.failed > 0 ? kExitDeny : kExitAllow;
}

}  // namespace hubperm
