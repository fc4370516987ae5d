// Copyright 2026 The hubperm Authors.

#include "policy/cases/test_report.h"

#include <sstream>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "policy/common/json_writer.h"

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

}  // namespace

std::string RenderTestJson(const TestRun& run, const TestReportOptions& o, const SourceFiles& files) {
  const CaseCoverage& coverage = run.coverage;
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
  return json.Finish();
}


std::string RenderTestText(const TestRun& run, const TestReportOptions& o, const SourceFiles& files,
                           const Style& style) {
  const CaseCoverage& coverage = run.coverage;
  std::ostringstream out;
  for (const CaseResult& r : run.results) {
    if (r.passed || r.invalid) continue;
    out << style.Paint(Tone::kDeny, "FAIL") << " " << files.Format(r.pos) << ": " << r.name << ": " << r.failure
        << "\n"
        << Indent(r.explanation, "    ") << "\n";
  }
  if (o.coverage) WriteCoverageText(coverage, files, style, out);
  out << Summary(run.passed, run.failed, run.invalid) << "\n";
  return out.str();
}

bool MatchesFilter(absl::string_view pattern, absl::string_view name) {
  if (pattern.empty()) return true;
  if (pattern.find_first_of("*?") == absl::string_view::npos) return absl::StrContains(name, pattern);
  return GlobMatch(pattern, name);
}

TestRun RunTests(const Snapshot& snapshot, const World& world, absl::string_view filter, absl::Time at) {
  TestRun run(world);
  for (const Case& c : world.cases) {
    for (const CaseCheck& check : ExpandCase(c)) {
      if (!MatchesFilter(filter, check.name)) continue;
      const CaseResult& r = run.results.emplace_back(RunCheck(snapshot, world, c, check, at));
      run.coverage.Record(snapshot, r);
      if (r.invalid) run.invalid_requests.Error(r.pos, absl::StrCat("case '", r.name, "': ", r.failure));
      (r.invalid ? run.invalid : r.passed ? run.passed : run.failed) += 1;
    }
  }
  return run;
}

}  // namespace hubperm
