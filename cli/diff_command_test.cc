// Copyright 2026 The hubperm Authors.
//
// `hubperm diff`: the goldens (two files as text; a world with its edited self as JSON), every JSON key
// documented, the exit codes, the `--set` forms of check and explain, and the ways its input can be wrong.

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_testing.h"
#include "cli/exit_codes.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kBefore = "testdata/diff/before.yaml";
const std::string kAfter = "testdata/diff/after.yaml";

TEST(DiffCommand, TwoWorldsMatchTheGolden) {
  const CliRun r = Hubperm({"diff", kBefore, "--to", kAfter, "--at", "2026-06-01"});
  EXPECT_EQ(r.exit_code, kExitDeny) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/diff_week.txt")) << "actual:\n" << r.out;
}

TEST(DiffCommand, AWorldWithItsEditedSelfAsJsonMatchesTheGoldenAndEveryKeyIsDocumented) {
  const CliRun r = Hubperm({"diff", kBefore, "--set", "tokens.ci.org_status.acme=revoked", "--set",
                            "orgs.acme.members.bob=write", "--at", "2026-06-01", "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitDeny) << r.err;
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/diff_policy.json")) << "actual:\n" << r.out;
  const std::string doc = ReadFileOrEmpty("docs/diff.md");
  ASSERT_NE(doc, "");
  const std::set<std::string> keys = JsonKeys(r.out);
  // A class of repos is in it (one decision standing for several repos), so its keys are checked too.
  EXPECT_TRUE(keys.count("classes") && keys.count("repos") && keys.count("class")) << r.out;
  for (const std::string& key : keys) EXPECT_THAT(doc, HasSubstr("`" + key + "`")) << key;
}

TEST(DiffCommand, TheSameWorldTwiceIsExit0) {
  const CliRun r = Hubperm({"diff", kBefore, "--to", kBefore});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_THAT(r.out, HasSubstr("hubperm diff: 0 decisions changed\n"));
  EXPECT_THAT(r.out, HasSubstr("Facts that changed (0): none, so no decision can differ\n"));
  // A set that states what the world already says changes nothing either.
  const CliRun same = Hubperm({"diff", kBefore, "--set", "orgs.acme.members.bob=read", "--format", "json"});
  EXPECT_EQ(same.exit_code, kExitAllow) << same.err;
  EXPECT_THAT(same.out, HasSubstr("\"changed\": false"));
}

// What a set does, diff says; check and explain say it of one request, citing the set.
TEST(DiffCommand, CheckAndExplainTakeTheSameSets) {
  const std::vector<std::string> ask = {"--token", "bob-rw", "--operation", "create_commit", "--repo", "acme/public-model"};
  std::vector<std::string> before = {"check", kBefore};
  before.insert(before.end(), ask.begin(), ask.end());
  EXPECT_EQ(Hubperm(before).exit_code, kExitDeny);

  std::vector<std::string> after = {"explain", kBefore, "--set", "orgs.acme.members.bob=write"};
  after.insert(after.end(), ask.begin(), ask.end());
  const CliRun r = Hubperm(after);
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err << r.out;
  EXPECT_THAT(r.out, HasSubstr("--set:1:"));

  const CliRun diff = Hubperm({"diff", kBefore, "--set", "orgs.acme.members.bob=write"});
  EXPECT_EQ(diff.exit_code, kExitDeny);
  EXPECT_THAT(diff.out, HasSubstr("[role] user bob: role in org acme: read -> write  (" + kBefore));
  EXPECT_THAT(diff.out, HasSubstr("-> --set:1:"));
  EXPECT_THAT(diff.out, HasSubstr("  bob-rw (owner bob): "));
  EXPECT_THAT(diff.out, Not(HasSubstr("  ci (owner ci-bot)")));
}

// audit and test take the same sets: a revoked approval is a finding; a role taken away makes a broken
// rule hold.
TEST(DiffCommand, AuditAndTestTakeTheSameSets) {
  const CliRun audit = Hubperm({"audit", kBefore, "--at", "2026-06-01"});
  const CliRun revoked = Hubperm({"audit", kBefore, "--at", "2026-06-01", "--set", "tokens.ci.org_status.acme=revoked"});
  EXPECT_NE(audit.out, revoked.out);
  EXPECT_THAT(revoked.out, HasSubstr("--set:1:"));

  const std::string rules = "testdata/test_command/rules.yaml";
  EXPECT_EQ(Hubperm({"test", rules}).exit_code, kExitDeny);  // bob's write token breaks a rule
  const CliRun fixed = Hubperm({"test", rules, "--set", "orgs.acme.members.bob=read"});
  EXPECT_EQ(fixed.exit_code, kExitAllow) << fixed.out;
  EXPECT_THAT(fixed.out, HasSubstr("only the CI branches acme's models (tokens: all except ci; repos: acme/*): holds"));
}

// A world compared with its edited self is read once as far as the user sees: a problem of its files is
// reported once, beside those of the sets.
TEST(DiffCommand, AWorldWithItsEditedSelfReportsEachProblemOnce) {
  const std::string path = TempPath("broken.yaml");
  std::ofstream(path) << "users: [ann]\norgs:\n  - {name: acme, plan: gold}\n";
  const CliRun r = Hubperm({"diff", path, "--set", "orgs.acmee.plan=team"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.out, "");
  const std::string plan_error = path + ":3:";
  const size_t first = r.err.find(plan_error);
  ASSERT_NE(first, std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(plan_error, first + 1), std::string::npos) << "reported twice:\n" << r.err;
  EXPECT_THAT(r.err, HasSubstr("--set:1:6: error: no org 'acmee' in the world"));
}

TEST(DiffCommand, HtmlIsOnePageInTheAuditStyle) {
  const CliRun r = Hubperm({"diff", kBefore, "--to", kAfter, "--at", "2026-06-01", "--format", "html"});
  EXPECT_EQ(r.exit_code, kExitDeny) << r.err;
  EXPECT_THAT(r.out, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(r.out, HasSubstr("data-token=\"ci\""));
  EXPECT_THAT(r.out, HasSubstr("id=\"fact-0\""));
  EXPECT_THAT(r.out, Not(HasSubstr("<script src")));  // self-contained
}

struct BadInput {
  const char* name;
  std::vector<std::string> args;
  const char* message;
};

class DiffBadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(DiffBadInputTest, IsExit2WithTheProblemNamedAndNothingOnStdout) {
  const CliRun r = Hubperm(GetParam().args);
  EXPECT_EQ(r.exit_code, kExitBadInput) << r.out;
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DiffBadInputTest,
    ::testing::Values(
        BadInput{"NoWorld", {"diff"}, "diff needs the old world's files first"},
        BadInput{"NoNewWorld", {"diff", kBefore}, "diff needs the new world: --to NEW_FILES..., or --set"},
        BadInput{"NothingBeforeTo", {"diff", "--to", kAfter}, "diff needs the old world's files first"},
        BadInput{"BadSet", {"diff", kBefore, "--set", "orgs.acme.members.bobb=write"}, "--set:1:19: error: "},
        BadInput{"BadSetValue", {"diff", kBefore, "--set", "orgs.acme.token_policy=sometimes"}, "require_approval"},
        BadInput{"BadFormat", {"diff", kBefore, "--to", kAfter, "--format", "yaml"}, "--format must be text or json (or html, for audit and diff), not 'yaml'"},
        BadInput{"MissingFile", {"diff", kBefore, "--to", "no/such.yaml"}, "cannot read 'no/such.yaml'"},
        BadInput{"BadSetInCheck",
                 {"check", kBefore, "--set", "tokens.bob-rw.role=admin", "--token", "bob-rw", "--operation", "whoami"},
                 "--set:1:"}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace hubperm
