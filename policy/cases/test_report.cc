// Copyright 2026 The hubperm Authors.

#include "policy/cases/test_report.h"

#include <sstream>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "policy/common/glob.h"
#include "policy/common/json_writer.h"

namespace hubperm {
namespace {

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

std::string Names(const std::vector<Name>& names) {
  std::vector<absl::string_view> texts;
  for (const Name& n : names) texts.push_back(n.text);
  return absl::StrJoin(texts, ", ");
}

// A rule's sets as written: "all except ci", "ci-*", "acme/*".
std::string RuleTokensText(const Case& c) {
  if (!c.token_rule()) return Names(c.tokens);
  std::string out = Names(c.token_patterns);
  if (!c.all_except.empty()) absl::StrAppend(&out, " except ", Names(c.all_except));
  return out;
}
std::string RuleReposText(const Case& c) { return c.repo_rule() ? Names(c.repo_patterns) : Names(c.repos); }

std::string PercentText(double percent) { return absl::StrFormat("%.1f%%", percent); }

void WriteRulesText(const TestRun& run, const Style& style, std::ostream& out) {
  if (run.rules.empty()) return;
  out << style.Paint(Tone::kHeading, "Rules:") << "\n";
  for (const RuleRun& rule : run.rules) {
    out << "  " << rule.name << " (tokens: " << rule.tokens;
    if (!rule.repos.empty()) out << "; repos: " << rule.repos;
    out << "): ";
    if (rule.failed == 0 && rule.invalid == 0) {
      out << style.Paint(Tone::kAllow, "holds") << " for all " << rule.checks << (rule.checks == 1 ? " check" : " checks")
          << "\n";
      continue;
    }
    out << style.Paint(Tone::kDeny, absl::StrCat(rule.failed, " of ", rule.checks, " checks break it"));
    if (rule.invalid > 0) out << " (" << rule.invalid << " invalid)";
    std::vector<std::string> pairs;
    for (size_t i = 0; i < rule.broken.size() && i < kMaxTextBroken; ++i) {
      const RuleRun::Broken& b = rule.broken[i];
      pairs.push_back(b.repo.empty() ? b.token : absl::StrCat(b.token, " on ", b.repo));
    }
    if (!pairs.empty()) out << ": " << absl::StrJoin(pairs, ", ");
    if (rule.broken.size() > pairs.size()) out << ", ... (" << rule.broken.size() - pairs.size() << " more)";
    out << "\n";
  }
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
      << " facts of the world decided some check (" << PercentText(coverage.Percent()) << ")\n";
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

void WriteCoverageJson(const CaseCoverage& coverage, const TestReportOptions& o, const SourceFiles& files,
                       JsonWriter* json) {
  json->BeginObject();
  json->Key("percent").Number(coverage.Percent(), 1);
  json->Key("min");
  if (o.min_coverage.has_value()) {
    json->Number(*o.min_coverage, 1);
  } else {
    json->Null();
  }
  json->Key("met").Bool(!o.min_coverage.has_value() || coverage.Percent() >= *o.min_coverage);
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
  json.Key("rules").BeginArray();
  for (const RuleRun& rule : run.rules) {
    json.BeginObject().Key("name").String(rule.name).Key("at");
    WritePosition(files, rule.pos, &json);
    json.Key("tokens").String(rule.tokens).Key("repos").String(rule.repos)
        .Key("checks").Int(rule.checks).Key("failed").Int(rule.failed).Key("invalid").Int(rule.invalid)
        .Key("holds").Bool(rule.failed == 0 && rule.invalid == 0);
    json.Key("broken").BeginArray();
    for (const RuleRun::Broken& b : rule.broken) {
      json.BeginObject().Key("token").String(b.token).Key("repo").StringOrNull(unless(b.repo.empty(), b.repo)).EndObject();
    }
    json.EndArray().EndObject();
  }
  json.EndArray();
  if (o.coverage) {
    json.Key("coverage");
    WriteCoverageJson(coverage, o, files, &json);
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
  WriteRulesText(run, style, out);
  if (o.coverage) WriteCoverageText(coverage, files, style, out);
  if (o.min_coverage.has_value()) {
    const bool met = coverage.Percent() >= *o.min_coverage;
    out << style.Paint(met ? Tone::kAllow : Tone::kDeny,
                       absl::StrCat("Coverage ", PercentText(coverage.Percent()), met ? " meets" : " is below",
                                    " the minimum of ", PercentText(*o.min_coverage), " (--min)"))
        << "\n";
  }
  out << Summary(run.passed, run.failed, run.invalid) << "\n";
  return out.str();
}

bool MatchesFilter(absl::string_view pattern, absl::string_view name) {
  if (pattern.empty()) return true;
  if (!IsGlob(pattern)) return absl::StrContains(name, pattern);
  return GlobMatch(pattern, name);
}

TestRun RunTests(const Snapshot& snapshot, const World& world, absl::string_view filter, absl::Time at) {
  TestRun run(world);
  for (const Case& c : world.cases) {
    RuleRun rule;
    for (const CaseCheck& check : ExpandCase(c)) {
      if (!MatchesFilter(filter, check.name)) continue;
      const CaseResult& r = run.results.emplace_back(RunCheck(snapshot, world, c, check, at));
      run.coverage.Record(snapshot, r);
      if (r.invalid) run.invalid_requests.Error(r.pos, absl::StrCat("case '", r.name, "': ", r.failure));
      (r.invalid ? run.invalid : r.passed ? run.passed : run.failed) += 1;
      ++rule.checks;
      if (r.invalid) {
        ++rule.invalid;
      } else if (!r.passed) {
        ++rule.failed;
        rule.broken.push_back(RuleRun::Broken{r.token, check.input.target.repo});
      }
    }
    if (!c.rule() || rule.checks == 0) continue;
    rule.name = c.name.text;
    rule.pos = c.name.pos;
    rule.tokens = RuleTokensText(c);
    rule.repos = RuleReposText(c);
    run.rules.push_back(std::move(rule));
  }
  return run;
}

bool CoverageBelowMin(const TestRun& run, const TestReportOptions& options) {
  return options.min_coverage.has_value() && run.coverage.Percent() < *options.min_coverage;
}

}  // namespace hubperm
