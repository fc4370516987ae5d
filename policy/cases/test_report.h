// Copyright 2026 The hubperm Authors.
//
// policy/cases/test_report.h: `hubperm test`: every check of a world's cases run, and the report.
//
// RunTests expands each case (case_runner.h), runs the checks whose name --filter selects, records what
// they exercised (case_coverage.h) and tallies them; the renderers print the report for people (one
// FAIL line per failed check with its position and the full explanation, then "N passed, N failed")
// or as data (schema hubperm.test/v1, docs/test-json.md). junit_report.h writes the same as JUnit XML.
//
//   TestRun run = RunTests(snapshot, world, "founding*");
//   std::cout << RenderTestText(run, {}, snapshot.files(), Style::Plain());

#ifndef HUBPERM_POLICY_CASES_TEST_REPORT_H_
#define HUBPERM_POLICY_CASES_TEST_REPORT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "policy/cases/case_coverage.h"
#include "policy/cases/case_runner.h"
#include "policy/common/diagnostics.h"
#include "policy/common/source.h"
#include "policy/common/style.h"
#include "policy/compile/snapshot.h"
#include "policy/model/world.h"

namespace hubperm {

// A rule over sets of tokens or repos (`tokens: all`, `all_except`, globs): how many of its checks ran,
// and the (token, repo) pairs that break it.
struct RuleRun {
  std::string name;
  SourcePos pos;
  std::string tokens;  // as written: "all except ci", "ci-*", "alice, bob"
  std::string repos;   // as written: "acme/*", "all"; "" when the request names no repo
  int checks = 0, failed = 0, invalid = 0;
  struct Broken {
    std::string token, repo;
  };
  std::vector<Broken> broken;  // in the order run
};

// The checks run, their tally, and what they exercised.
struct TestRun {
  explicit TestRun(const World& world) : coverage(world) {}

  std::vector<CaseResult> results;
  int passed = 0, failed = 0, invalid = 0;
  CaseCoverage coverage;
  // One error per invalid check, at the key to blame.
  Diagnostics invalid_requests;
  // The cases that are rules over sets, with a check selected, in the order written.
  std::vector<RuleRun> rules;
};

// Runs the checks of `world`'s cases that `filter` selects (MatchesFilter) against `snapshot`, at the
// moment `at` (a case's own `at:` wins; Request::kAnyMoment checks no token lifetime).
TestRun RunTests(const Snapshot& snapshot, const World& world, absl::string_view filter,
                 absl::Time at = Request::kAnyMoment);

// What the report shows besides the results.
struct TestReportOptions {
  std::vector<std::string> files;  // the fixture files, as given (JSON: "files")
  std::string filter;              // JSON: "filter"
  bool coverage = false;           // report the coverage too
  // --min PERCENT: the coverage below which the run fails (with `coverage`).
  absl::optional<double> min_coverage;
};

// Whether the run's coverage is below `options.min_coverage` (false when none is set).
bool CoverageBelowMin(const TestRun& run, const TestReportOptions& options);

// How many of a rule's broken pairs the text names (the JSON names every one).
inline constexpr size_t kMaxTextBroken = 10;

// The report for people: a FAIL line and the indented explanation per failed check, the coverage if
// asked, then "N passed, N failed[, N invalid]".
std::string RenderTestText(const TestRun& run, const TestReportOptions& options, const SourceFiles& files,
                           const Style& style);

// The report as JSON, schema hubperm.test/v1 (docs/test-json.md).
std::string RenderTestJson(const TestRun& run, const TestReportOptions& options, const SourceFiles& files);

// Whether a check named `name` is selected by `pattern`: a glob (`*` any text, `?` one character)
// matched against the whole name when the pattern holds either, else a substring. An empty pattern
// selects everything.
bool MatchesFilter(absl::string_view pattern, absl::string_view name);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_CASES_TEST_REPORT_H_
