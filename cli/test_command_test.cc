// Copyright 2026 The hubperm Authors.
//
// `hubperm test`, run in process: exit codes, the failure report, --filter, --junit, --coverage and
// --format json, against the founding world and testdata/test_command/ (deliberately wrong cases).

#include "policy/hubperm.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli/cli_testing.h"
#include "cli/hubperm.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kFounding[] = "testdata/founding/world.yaml";
constexpr char kWrong[] = "testdata/test_command/wrong_assumptions.yaml";
constexpr char kRules[] = "testdata/test_command/rules.yaml";

TEST(TestCommand, TheFoundingCasesPass) {
  const CliRun r = Hubperm({"test", kFounding});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.out << r.err;
  EXPECT_EQ(r.out, "7 passed, 0 failed\n");  // 3 cases, and a matrix of 4 cells
  EXPECT_EQ(r.err, "");
}

TEST(TestCommand, TheSpecTablesPass) {
  const CliRun r = Hubperm({"test", "testdata/spec/world.yaml", "testdata/spec/user_side.yaml",
                            "testdata/spec/token_side.yaml", "testdata/spec/policy.yaml",
                            "testdata/spec/evidence.yaml"});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.out << r.err;
  EXPECT_THAT(r.out, EndsWith(" passed, 0 failed\n"));
}

// The failure report: one FAIL line per failed check with its position and what did not hold, then the
// full explanation indented, then the count. Byte for byte against the golden.
TEST(TestCommand, FailuresMatchTheGolden) {
  const CliRun r = Hubperm({"test", kFounding, kWrong});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/test_failures.txt")) << "actual:\n" << r.out;
  EXPECT_THAT(r.out, HasSubstr("FAIL testdata/test_command/wrong_assumptions.yaml:6:11: alice's token creates in "
                               "acme: expected allow, got deny\n    DENY  create_repo: a new model in org acme\n"));
  EXPECT_THAT(r.out, HasSubstr("the user side denies the commit: expected status 403, got 404; expected denied by "
                               "user, got token\n"));
  EXPECT_THAT(r.out, EndsWith("\n8 passed, 3 failed\n"));
}

// The explanation `hubperm test` prints under a FAIL line, without its indent.
std::string FailedExplanation(const std::string& out) {
  std::istringstream lines(out);
  std::string line, text;
  bool inside = false;
  while (std::getline(lines, line)) {
    if (absl::StartsWith(line, "FAIL ")) {
      inside = true;
    } else if (inside && absl::StartsWith(line, "    ")) {
      text += line.substr(4) + "\n";
    } else if (inside && line.empty()) {
      text += "\n";
    } else if (inside) {
      break;
    }
  }
  // The report puts one blank line between a check's explanation and the next line.
  if (absl::EndsWith(text, "\n\n")) text.pop_back();
  return text;
}

struct SameRequest {
  const char* name;
  const char* case_request;  // the request's keys in a YAML case
  std::vector<std::string> flags;  // the same request on the command line
};

class SameExplanationTest : public testing::TestWithParam<SameRequest> {};

// `hubperm test` and `hubperm explain` explain the same request with the same words, in every form:
// both go through one request pipeline and one Explain.
TEST_P(SameExplanationTest, TestPrintsWhatExplainPrints) {
  const SameRequest& c = GetParam();
  const std::string path = TempPath(absl::StrCat("same_", c.name, ".yaml"));
  // Each request is denied in the founding world: expecting allow makes the check fail and print why.
  std::ofstream(path) << "cases:\n  - name: same\n    token: limited-test-token\n    " << c.case_request
                      << "\n    expect: allow\n";
  const CliRun test = Hubperm({"test", kFounding, path, "--filter", "same"});
  ASSERT_EQ(test.exit_code, kExitDeny) << test.out << test.err;
  std::vector<std::string> args = {"explain", kFounding, "--token", "limited-test-token"};
  args.insert(args.end(), c.flags.begin(), c.flags.end());
  const CliRun explain = Hubperm(args);
  ASSERT_EQ(explain.exit_code, kExitDeny) << explain.out << explain.err;
  const std::string explanation = FailedExplanation(test.out);
  ASSERT_FALSE(explanation.empty()) << test.out;
  // A pasted error's explanation follows the request and the comparison with the Hub's answer.
  EXPECT_THAT(explain.out, EndsWith(explanation)) << "test:\n" << explanation << "\nexplain:\n" << explain.out;
  if (std::string(c.name) != "error") {
    EXPECT_EQ(explain.out, explanation);
  }
}

constexpr char kCommitError[] =
    "403 Forbidden: None. Cannot access content at: "
    "https://huggingface.co/api/models/acme/token-test-model/commit/main.";

INSTANTIATE_TEST_SUITE_P(
    EveryForm, SameExplanationTest,
    testing::Values(
        SameRequest{"http",
                    "http: POST /api/repos/create\n    body: {type: model, name: x, organization: acme}",
                    {"--http", "POST /api/repos/create", "--body", R"({"type": "model", "name": "x", "organization": "acme"})"}},
        SameRequest{"method", "operation: create_commit\n    repo: acme/token-test-model",
                    {"--operation", "create_commit", "--repo", "acme/token-test-model"}},
        SameRequest{"permission", "permission: repo.write\n    org: acme", {"--permission", "repo.write", "--org", "acme"}},
        SameRequest{"error", "from_error: \"403 Forbidden: None. Cannot access content at: "
                             "https://huggingface.co/api/models/acme/token-test-model/commit/main.\"",
                    {"--from-error", kCommitError}},
        SameRequest{"two_parts", "operation: move_repo\n    repo: acme/token-test-model\n    to: alice/moved",
                    {"--operation", "move_repo", "--repo", "acme/token-test-model", "--to", "alice/moved"}},
        SameRequest{"sequence", "operation: create_repo\n    repo: acme/new-model\n    exist_ok: true",
                    {"--operation", "create_repo", "--repo", "acme/new-model", "--exist-ok"}}),
    [](const testing::TestParamInfo<SameRequest>& info) { return std::string(info.param.name); });

TEST(TestCommand, FilterSelectsByGlobOrSubstring) {
  // A substring: the founding world's three named cases whose name holds "founding".
  EXPECT_EQ(Hubperm({"test", kFounding, "--filter", "founding"}).out, "2 passed, 0 failed\n");
  // A glob over the whole name: the matrix's cells of one column.
  EXPECT_EQ(Hubperm({"test", kFounding, "--filter", "* [limited-test-token, *download]"}).out,
            "1 passed, 0 failed\n");
  // Only the wrong cases' passing cell: exit 0.
  const CliRun one = Hubperm({"test", kFounding, kWrong, "--filter", "reads*create_commit]"});
  EXPECT_EQ(one.exit_code, kExitAllow);
  EXPECT_EQ(one.out, "1 passed, 0 failed\n");
}

TEST(TestCommand, NothingToRunIsBadInput) {
  const CliRun none = Hubperm({"test", kFounding, "--filter", "no such case"});
  EXPECT_EQ(none.exit_code, kExitBadInput);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, "hubperm: error: no case matches --filter 'no such case'\n");
  const CliRun no_cases = Hubperm({"test", "testdata/spec/world.yaml"});
  EXPECT_EQ(no_cases.exit_code, kExitBadInput);
  EXPECT_THAT(no_cases.err, HasSubstr("the files hold no cases to run"));
}

// Alone, the wrong cases' token names nothing: each check is invalid (exit 2), reported at its token,
// and counted; nothing is reported as passed or failed.
TEST(TestCommand, AnUnknownTokenMakesItsChecksInvalid) {
  const CliRun r = Hubperm({"test", kWrong});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.out, "0 passed, 0 failed, 4 invalid\n");
  EXPECT_THAT(r.err, HasSubstr("wrong_assumptions.yaml:7:12: error: case 'alice's token creates in acme': the "
                               "request is invalid: unknown token 'limited-test-token'"));
}

// A world with errors runs no case at all.
TEST(TestCommand, InvalidFixturesRunNothing) {
  const CliRun r = Hubperm({"test", "testdata/invalid/references.yaml"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("in the fixtures; no case was run"));
}

// A create names a repo that does not exist yet: the case runs and decides as `hubperm check` does,
// and a case that does not resolve is invalid without stopping the others.
TEST(TestCommand, CasesCreateReposThatDoNotExistYet) {
  const std::string path = TempPath("creates.yaml");
  std::ofstream(path) << "cases:\n"
                         "  - {name: create, token: limited-test-token, operation: create_repo, repo: acme/new-one, "
                         "expect: deny, status: 403, denied_by: token}\n"
                         "  - {name: typo, token: limited-test-token, operation: model_info, repo: acme/token-test-modle, "
                         "expect: deny}\n";
  const CliRun r = Hubperm({"test", kFounding, path, "--filter", "creat?"});  // a glob: the whole name
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_EQ(r.out, "1 passed, 0 failed\n");
  const CliRun both = Hubperm({"test", kFounding, path});
  EXPECT_EQ(both.exit_code, kExitBadInput);
  EXPECT_EQ(both.out, "8 passed, 0 failed, 1 invalid\n");
  EXPECT_THAT(both.err, HasSubstr(path + ":3:74: error: case 'typo': the request is invalid: unknown model "
                                         "'acme/token-test-modle'; did you mean 'acme/token-test-model'?"));
  const CliRun check = Hubperm({"check", kFounding, "--token", "limited-test-token", "--operation", "create_repo",
                                "--repo", "acme/new-one"});
  EXPECT_THAT(check.out, HasSubstr("DENY 403 (token)"));
}

// A case whose request does not resolve is bad input (exit 2), reported at its position; the other
// checks still run and are counted.
TEST(TestCommand, AnInvalidRequestIsBadInputWithItsPosition) {
  const std::string path = TempPath("invalid_request.yaml");
  std::ofstream(path) << "cases:\n  - {name: org form, token: limited-test-token, operation: create_repo, "
                         "org: acme, expect: deny}\n";
  const CliRun r = Hubperm({"test", kFounding, path});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_THAT(r.err, HasSubstr(path + ":2:12: error: case 'org form': the request is invalid: create_repo takes "
                                      "no org: (the namespace is in repo: NS/NAME)"));
  EXPECT_EQ(r.out, "7 passed, 0 failed, 1 invalid\n");
}

// `validate` finds the same bad request before any case runs, at the same position (exit 2), and
// counts it; a world whose cases all resolve validates clean.
TEST(TestCommand, ValidateReportsCaseRequestsThatDoNotResolve) {
  const std::string path = TempPath("invalid_request_validate.yaml");
  std::ofstream(path) << "cases:\n  - name: m\n    repo: acme/token-test-model\n    matrix:\n"
                         "      operations: [model_info, whoami]\n      expect: {limited-test-token: [deny, allow]}\n";
  const CliRun r = Hubperm({"validate", kFounding, path});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_THAT(r.err, HasSubstr(path + ":6:43: error: case 'm [limited-test-token, whoami]': the request is "
                                      "invalid: whoami takes no repo:"));
  EXPECT_EQ(r.out, "2 files: 1 error, 0 warnings\n");
  EXPECT_EQ(Hubperm({"validate", kFounding, kWrong}).exit_code, kExitAllow);
}

TEST(TestCommand, JunitReportIsWrittenAndCountsEveryCheck) {
  const std::string path = TempPath("report.xml");
  const CliRun r = Hubperm({"test", kFounding, kWrong, "--junit", path});
  EXPECT_EQ(r.exit_code, kExitDeny);
  const std::string xml = ReadFileOrEmpty(path);
  EXPECT_EQ(xml, ReadFileOrEmpty("testdata/golden/test_failures.junit.xml")) << "actual:\n" << xml;
  const CliRun unwritable = Hubperm({"test", kFounding, "--junit", "/nonexistent-dir/report.xml"});
  EXPECT_EQ(unwritable.exit_code, kExitBadInput);
  EXPECT_THAT(unwritable.err, HasSubstr("cannot write the JUnit report to '/nonexistent-dir/report.xml'"));
}

TEST(TestCommand, CoverageListsWhatNoCaseExercised) {
  const CliRun r = Hubperm({"test", kFounding, "--coverage"});
  EXPECT_EQ(r.exit_code, kExitAllow);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_coverage.txt")) << "actual:\n" << r.out;
  // The spec world's tables exercise every token but not every fact; the count line comes last.
  const CliRun spec = Hubperm({"test", "testdata/spec/world.yaml", "testdata/spec/user_side.yaml",
                               "testdata/spec/token_side.yaml", "testdata/spec/policy.yaml",
                               "testdata/spec/evidence.yaml", "--coverage"});
  EXPECT_THAT(spec.out, HasSubstr("  tokens: "));
  EXPECT_THAT(spec.out, EndsWith(" passed, 0 failed\n"));
}

TEST(TestCommand, JsonHasEveryCheckAndTheCoverage) {
  const CliRun r = Hubperm({"test", kFounding, kWrong, "--coverage", "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/test_failures.json")) << "actual:\n" << r.out;
}

// Every key the JSON has is documented in docs/test-json.md (rules and --min included).
TEST(TestCommand, JsonKeysAreDocumented) {
  const std::string doc = ReadFileOrEmpty("docs/test-json.md");
  ASSERT_NE(doc, "");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"test", kFounding, kWrong, "--coverage", "--format", "json"},
        std::vector<std::string>{"test", kRules, "--coverage", "--min", "80", "--format", "json"}}) {
    const std::set<std::string> keys = JsonKeys(Hubperm(args).out);
    EXPECT_GE(keys.size(), 20u);
    for (const std::string& key : keys) EXPECT_THAT(doc, HasSubstr("`" + key + "`")) << key;
  }
}

// Rules over sets: each rule says whether it holds, or which tokens and repos break it (their checks
// fail with the explanation), and the coverage floor fails the run below it.
TEST(TestCommand, RulesAndTheCoverageFloorMatchTheGoldens) {
  const CliRun r = Hubperm({"test", kRules, "--coverage", "--min", "95"});
  EXPECT_EQ(r.exit_code, kExitDeny) << r.err;
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/test_rules.txt")) << "actual:\n" << r.out;
  const CliRun json = Hubperm({"test", kRules, "--filter", "only*", "--coverage", "--min", "50", "--format", "json"});
  EXPECT_EQ(json.exit_code, kExitDeny) << json.err;  // the rule is broken; the floor is met
  EXPECT_EQ(json.out, ReadFileOrEmpty("testdata/golden/test_rules.json")) << "actual:\n" << json.out;
}

// Every rule holds and the floor is met: exit 0; the floor alone fails a run whose checks all pass.
TEST(TestCommand, TheFloorAloneDecidesTheExit) {
  const CliRun holds = Hubperm({"test", kRules, "--filter", "nobody*", "--coverage", "--min", "10"});
  EXPECT_EQ(holds.exit_code, kExitAllow) << holds.out;
  EXPECT_THAT(holds.out, HasSubstr("holds for all 4 checks"));
  const CliRun below = Hubperm({"test", kRules, "--filter", "nobody*", "--coverage", "--min", "99.5%"});
  EXPECT_EQ(below.exit_code, kExitDeny) << below.out;
  EXPECT_THAT(below.out, HasSubstr("is below the minimum of 99.5% (--min)"));
  EXPECT_THAT(below.out, EndsWith("4 passed, 0 failed\n"));
}

struct RuleInput {
  const char* name;
  const char* cases;  // appended to the rules world's files as a second file
  const char* message;
};

class BadRuleTest : public ::testing::TestWithParam<RuleInput> {};

// A rule that names nothing, or names what the world lacks, is bad input at its key.
TEST_P(BadRuleTest, IsExit2AtTheKey) {
  const std::string path = TempPath(absl::StrCat(GetParam().name, ".yaml"));
  std::ofstream(path) << "cases:\n" << GetParam().cases;
  const CliRun r = Hubperm({"test", kRules, path});
  EXPECT_EQ(r.exit_code, kExitBadInput) << r.out;
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadRuleTest,
    ::testing::Values(
        RuleInput{"GlobMatchesNothing",
                  "  - {name: x, tokens: 'bot-*', operation: whoami, expect: allow}\n",
                  ":2:23: error: case 'x': 'bot-*' matches no token of the world; the nearest: "},
        RuleInput{"UnknownExcept",
                  "  - {name: x, all_except: [cii], operation: whoami, expect: allow}\n",
                  ":2:28: error: case 'x': 'all_except' names no token 'cii'; did you mean 'ci'?"},
        RuleInput{"ExceptWithAList",
                  "  - {name: x, tokens: [ci, bob-write], all_except: [ci], operation: whoami, expect: allow}\n",
                  "case 'x' names its tokens one by one; 'all_except' goes with 'tokens: all' or a glob"},
        RuleInput{"ExceptEverything",
                  "  - {name: x, tokens: 'ci', all_except: [ci], operation: whoami, expect: allow}\n",
                  "names its tokens one by one"},
        RuleInput{"RepoGlobOfAnotherType",
                  "  - {name: x, tokens: all, repos: 'alice/*', repo_type: dataset, operation: repo_info, expect: deny}\n",
                  "case 'x': 'alice/*' matches no dataset repo of the world"},
        RuleInput{"UnknownNameAmongGlobs",
                  "  - {name: x, tokens: [ci, 'bob-*', carl-read], operation: whoami, expect: allow}\n",
                  "case 'x': no token 'carl-read'; did you mean 'carol-read'?"},
        RuleInput{"RowsAndExcept",
                  "  - {name: x, all_except: [ci], operation: repo_info, repo: acme/model-a, matrix: {repos: [acme/model-a], expect: {ci: [allow]}}}\n",
                  "has a matrix, whose rows name the tokens; drop 'all_except'"}),
    [](const ::testing::TestParamInfo<RuleInput>& info) { return std::string(info.param.name); });

TEST(TestCommand, MinNeedsCoverageAndAPercentage) {
  const CliRun alone = Hubperm({"test", kRules, "--min", "80"});
  EXPECT_EQ(alone.exit_code, kExitBadInput);
  EXPECT_THAT(alone.err, HasSubstr("--min goes with --coverage"));
  const CliRun over = Hubperm({"test", kRules, "--coverage", "--min", "120"});
  EXPECT_EQ(over.exit_code, kExitBadInput);
  EXPECT_THAT(over.err, HasSubstr("--min takes a percentage from 0 to 100 (80, 62.5 or 80%), not '120'"));
  EXPECT_THAT(Hubperm({"check", kRules, "--min", "80"}).err, HasSubstr("--min does not apply to check"));
}

TEST(TestCommand, UsageErrors) {
  EXPECT_EQ(Hubperm({"test"}).exit_code, kExitBadInput);
  EXPECT_THAT(Hubperm({"test"}).err, HasSubstr("test needs at least one fixture file"));
  const CliRun valued = Hubperm({"test", kFounding, "--coverage=yes"});
  EXPECT_EQ(valued.exit_code, kExitBadInput);
  EXPECT_THAT(valued.err, HasSubstr("--coverage takes no value"));
  const CliRun misfit = Hubperm({"test", kFounding, "--token", "x"});
  EXPECT_EQ(misfit.exit_code, kExitBadInput);
  EXPECT_THAT(misfit.err, HasSubstr("--token does not apply to test"));
  EXPECT_THAT(Hubperm({"check", kFounding, "--junit", "x.xml"}).err, HasSubstr("--junit does not apply to check"));
}

// FAIL is painted on a terminal (or with --color always), never in JSON; the count line stays plain so
// scripts can read it.
TEST(TestCommand, ColourOnlyWhereAsked) {
  const CliRun plain = Hubperm({"test", kFounding, kWrong});
  EXPECT_THAT(plain.out, Not(HasSubstr("\x1b[")));
  const CliRun coloured = Hubperm({"test", kFounding, kWrong, "--color", "always"});
  EXPECT_THAT(coloured.out, HasSubstr("\x1b[1;31mFAIL\x1b[0m testdata/test_command/"));
  EXPECT_THAT(coloured.out, EndsWith("\n8 passed, 3 failed\n"));
  EXPECT_THAT(Hubperm({"test", kFounding, kWrong, "--color", "always", "--format", "json"}).out,
              Not(HasSubstr("\x1b[")));
}

struct FilterRow {
  const char* pattern;
  const char* name;
  bool matches;
};

TEST(MatchesFilter, Table) {
  const FilterRow rows[] = {
      {"", "anything", true},
      {"found", "the founding scenario", true},       // substring
      {"Found", "the founding scenario", false},      // case matters
      {"found*", "the founding scenario", false},     // a glob matches the whole name
      {"*found*", "the founding scenario", true},
      {"the*scenario", "the founding scenario", true},
      {"c [t?, r]", "c [t1, r]", true},
      {"c [t?, r]", "c [t12, r]", false},
      {"*", "", true},
      {"?", "", false},
      {"a*b*c", "aXbYbZc", true},
      {"a*b*c", "aXbYbZ", false},
      {"**a", "bba", true},
  };
  for (const FilterRow& row : rows) {
    EXPECT_EQ(MatchesFilter(row.pattern, row.name), row.matches) << row.pattern << " vs " << row.name;
  }
}

}  // namespace
}  // namespace hubperm
