// Copyright 2026 The hubperm Authors.

#include "cli/test_command.h"

#include <fstream>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"

namespace hubperm {
namespace {

constexpr char kTestHelp[] = R"(hubperm test FILES... [--filter PATTERN] [--junit FILE] [--coverage [--min PERCENT]] [--at TIME]
                     [--format text|json] [--color auto|always|never]

Loads the files as one world and runs its cases (`cases:`, docs/fixture-format.md): each case names a
token (or rows of tokens in a matrix), a request in one of the three forms, and what must happen:
expect allow|deny, and optionally the status, the sides that deny (denied_by) and a text the
explanation must contain (because). A case with `tokens: [a, b]` and `repos: [x, y]` runs once per
token and repo; a `matrix:` runs once per cell. A rule names sets instead (`tokens: all`, a glob
such as `ci-*`, `all_except: [ci]`; `repos: all` or `acme/*`) and checks every combination; the
report says for each rule whether it holds, or which tokens and repos break it. For every check that
fails, prints
  FAIL file:line:col: NAME: what did not hold
followed by the full explanation of what happened, then "N passed, N failed".

  --filter PATTERN  run only the checks whose name matches: a glob (* and ?) against the whole name
                    ("founding*", "* [r-wes, *]"), or else a substring. An expanded check is named
                    "case [token, repo]" or "case [token, column]".
  --junit FILE      also write the results as JUnit XML (one testsuite per file, the explanation in
                    each failure), for CI systems to display.
  --coverage        also report which tokens, roles (org and resource-group memberships, accepted
                    gated-access requests), grants (token permissions and scopes) and org token
                    policies decided some check, and list those that never did: assumptions no case
                    writes down. With --filter, only the checks run count.
  --min PERCENT     with --coverage: fail (exit 1) when the facts exercised are fewer than PERCENT
                    of all (80, 62.5 or 80%).
  --at TIME         the moment the requests are made (default: now; RFC 3339 or a date), for the cases
                    that give none (`at:`): a token that has expired by then gets 401.
  --format json     the results (and coverage) as data, schema hubperm.test/v1 (docs/test-json.md).

Exit codes: 0 every check passed, 1 some check failed (or the coverage is below --min), 2 bad input: fixtures with errors, a case whose
request does not resolve (reported as file:line:col: error at the key to blame, and counted as
invalid; the other cases still run), no case to run (none written, or none matching --filter), or a
--junit file that cannot be written.

Examples:
  # The founding scenario's cases: 3 passed, 0 failed.
  hubperm test testdata/founding/world.yaml
  # The spec's tables (one file per section, one world), only the matrix cells of token r-wes.
  hubperm test testdata/spec/world.yaml testdata/spec/user_side.yaml testdata/spec/token_side.yaml \
      testdata/spec/policy.yaml testdata/spec/evidence.yaml --filter '* [r-wes, *]'
  # Which facts of the founding world does no case exercise?
  hubperm test testdata/founding/world.yaml --coverage
  # Rules over every token: only the CI may push to acme's models; and a coverage floor.
  hubperm test testdata/test_command/rules.yaml --coverage --min 80
)";


int RunTest(const Options& o, CommandIo& io) {
  if (o.files.empty()) return Fail(io.err, io.err_style, "test needs at least one fixture file (see hubperm test --help)");
  if (o.min_coverage.has_value() && !o.coverage) {
    return Fail(io.err, io.err_style, "--min goes with --coverage: hubperm test FILES... --coverage --min PERCENT");
  }
  const LoadResult loaded = Engine::Load(o.files, o.load);
  loaded.PrintIssues(io.err, io.err_style);
  if (!loaded.ok()) return FailFixtures(io.err, loaded.error_count(), "no case was run");
  const Engine& engine = *loaded.engine;
  const TestRun run = engine.RunTests(o.filter, o.At());
  if (run.results.empty()) {
    return Fail(io.err, io.err_style,
                engine.world().cases.empty() ? "the files hold no cases to run (see docs/fixture-format.md, 'cases')"
                                             : absl::StrCat("no case matches --filter ", QuoteValue(o.filter)));
  }
  run.invalid_requests.Print(engine.files(), io.err_style, io.err);
  if (!o.junit.empty()) {
    std::ofstream junit(o.junit, std::ios::binary | std::ios::trunc);
    junit << RenderJunit(run.results, engine.files());
    junit.close();
    if (!junit) return Fail(io.err, io.err_style, absl::StrCat("cannot write the JUnit report to ", QuotePath(o.junit)));
  }
  TestReportOptions report;
  report.files = o.files;
  report.filter = o.filter;
  report.coverage = o.coverage;
  report.min_coverage = o.min_coverage;
  io.out << (o.json() ? RenderTestJson(run, report, engine.files())
                      : RenderTestText(run, report, engine.files(), io.out_style));
  if (run.invalid > 0) return kExitBadInput;
  return run.failed > 0 || CoverageBelowMin(run, report) ? kExitDeny : kExitAllow;
}

}  // namespace

const Command& TestCommand() {
  static const Command* command = new Command{
      "test", kTestHelp, {Flag::kFilter, Flag::kJunit, Flag::kCoverage, Flag::kMin, Flag::kAt, Flag::kMaxIssues, Flag::kMaxChecks, Flag::kFormat, Flag::kColor, Flag::kSet}, RunTest};
  return *command;
}

}  // namespace hubperm
