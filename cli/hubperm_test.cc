// Copyright 2026 The hubperm Authors.
//
// CLI golden tests: a command line (and stdin) -> stdout, stderr and the exit code, run in process.
// Goldens live in testdata/golden/ and testdata/invalid/*.golden; on a mismatch the actual text is
// printed in full.

#include "cli/hubperm.h"

#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

CliRun Hubperm(const std::vector<std::string>& args, const std::string& stdin_text = "") {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  const int code = RunHubperm(args, in, out, err);
  return CliRun{code, out.str(), err.str()};
}

const std::string kWorld = "testdata/founding/world.yaml";
const std::string kBody = R"({"type": "model", "name": "whatever_you_want", "organization": "acme"})";

TEST(FoundingScenario, ExplainOverHttpMatchesTheGolden) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", kBody});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, ExplainOverTheMethodNameDecidesTheSame) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--operation", "create_repo", "--repo",
                   "acme/whatever_you_want"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, BodyFromStdinAndYamlBody) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", "-"},
                  "type: model\nname: whatever_you_want\norganization: acme\n");
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, CheckPrintsOneLine) {
  CliRun r = Hubperm({"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", kBody});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_check.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, CommitToTheGroupsModelIsDeniedForTheSameReason) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http",
                   "POST https://huggingface.co/api/models/acme/token-test-model/commit/main"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_commit_explain.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, ExplainAsJsonMatchesTheGolden) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", kBody,
                      "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.json")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, CheckAsJsonPrintsTheSameDecision) {
  CliRun r = Hubperm({"check", kWorld, "--format", "json", "--token", "limited-test-token", "--http", "POST /api/repos/create",
                      "--body", kBody});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.json")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, TextIsTheDefaultFormat) {
  CliRun r = Hubperm({"explain", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", kBody,
                      "--format", "text"});
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/founding_explain.txt")) << "actual:\n" << r.out;
}

TEST(FoundingScenario, AllowedRequestExitsZero) {
  CliRun r = Hubperm({"check", kWorld, "--token", "limited-test-token", "--operation", "whoami"});
  EXPECT_EQ(r.exit_code, kExitAllow);
  EXPECT_EQ(r.out, "ALLOW\n");
}

struct ErrorCase {
  std::string name;
  std::vector<std::string> args;
  std::string stderr_has;
};

class CliErrorTest : public ::testing::TestWithParam<ErrorCase> {};

// Every error class: exit 2, a message that names the problem (and the fix), nothing on stdout.
TEST_P(CliErrorTest, ExitsTwoWithAClearMessage) {
  CliRun r = Hubperm(GetParam().args);
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr(GetParam().stderr_has));
}

INSTANTIATE_TEST_SUITE_P(
    Errors, CliErrorTest,
    ::testing::Values(
        ErrorCase{"UnknownToken", {"check", kWorld, "--token", "limted-test-token", "--operation", "whoami"},
                  "hubperm: error: unknown token 'limted-test-token'; did you mean 'limited-test-token'?"},
        ErrorCase{"UnknownRoute", {"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/crate"},
                  "unknown route 'POST /api/repos/crate'; the nearest known routes:\n  POST /api/repos/create"},
        ErrorCase{"UnknownMethod", {"check", kWorld, "--token", "limited-test-token", "--operation", "create_rep"},
                  "unknown huggingface_hub method 'create_rep'; did you mean create_repo"},
        ErrorCase{"UnknownRepo", {"check", kWorld, "--token", "limited-test-token", "--operation", "model_info", "--repo", "acme/token-test-modl"},
                  "unknown model 'acme/token-test-modl'; did you mean 'acme/token-test-model'?"},
        ErrorCase{"WrongRepoType", {"check", kWorld, "--token", "limited-test-token", "--http", "GET /api/datasets/acme/token-test-model"},
                  "'acme/token-test-model' is a model"},
        ErrorCase{"BadBody", {"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", "{\"name\": "},
                  "the body is not valid JSON or YAML"},
        ErrorCase{"BodyTypo", {"check", kWorld, "--token", "limited-test-token", "--http", "POST /api/repos/create", "--body", "{\"name\": \"x\", \"organisation\": \"acme\"}"},
                  "did you mean 'organization'?"},
        ErrorCase{"MissingFile", {"check", "testdata/nope.yaml", "--token", "t", "--operation", "whoami"}, "cannot read 'testdata/nope.yaml'"},
        ErrorCase{"DirectoryAsFixture", {"check", "testdata/founding", "--token", "t", "--operation", "whoami"}, "'testdata/founding' is a directory"},
        ErrorCase{"InvalidFixture", {"check", "testdata/invalid/references.yaml", "--token", "t", "--operation", "whoami"},
                  "12 errors in the fixtures; nothing was decided"},
        ErrorCase{"NoToken", {"check", kWorld, "--operation", "whoami"}, "check needs --token NAME"},
        ErrorCase{"NoRequest", {"check", kWorld, "--token", "limited-test-token"}, "give exactly one request"},
        ErrorCase{"TwoRequests", {"check", kWorld, "--token", "x", "--operation", "whoami", "--http", "GET /api/whoami-v2"}, "give exactly one request"},
        ErrorCase{"NoFiles", {"explain", "--token", "x", "--operation", "whoami"}, "explain needs at least one fixture file"},
        ErrorCase{"UnknownOption", {"check", kWorld, "--tokn", "x"}, "unknown option '--tokn'; did you mean '--token'?"},
        ErrorCase{"OptionWithoutValue", {"check", kWorld, "--token"}, "--token needs a value"},
        ErrorCase{"BadRepoType", {"check", kWorld, "--repo-type", "modle"}, "--repo-type must be model, dataset or space"},
        ErrorCase{"UnknownCommand", {"chekc", kWorld}, "unknown command 'chekc'; did you mean 'check'?"},
        ErrorCase{"BadFormat", {"check", kWorld, "--format", "yaml"}, "--format must be text or json, not 'yaml'"},
        ErrorCase{"MoveIntoAnotherOrgsGroup",
                  {"check", "testdata/spec/world.yaml", "--token", "w-adam", "--http", "POST /api/models/strict/m/resource-group",
                   "--body", "{\"resourceGroupId\": \"research\"}"},
                  "resource group 'research' belongs to org 'acme'; strict/m is not in that org's namespace"},
        ErrorCase{"MethodNeedsRepo", {"check", kWorld, "--token", "limited-test-token", "--operation", "create_commit"}, "create_commit needs --repo"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

TEST(Cli, VersionAndHelp) {
  CliRun version = Hubperm({"--version"});
  EXPECT_EQ(version.exit_code, kExitAllow);
  EXPECT_THAT(version.out, HasSubstr("hubperm "));
  CliRun help = Hubperm({"--help"});
  EXPECT_EQ(help.exit_code, kExitAllow);
  EXPECT_THAT(help.out, HasSubstr("Exit codes: 0 allowed"));
  EXPECT_THAT(help.out, HasSubstr("hubperm explain testdata/founding/world.yaml"));
  CliRun command_help = Hubperm({"check", "--help"});
  EXPECT_EQ(command_help.exit_code, kExitAllow);
  CliRun none = Hubperm({});
  EXPECT_EQ(none.exit_code, kExitBadInput);
}

TEST(Validate, ValidFixtureExitsZero) {
  CliRun r = Hubperm({"validate", kWorld});
  EXPECT_EQ(r.exit_code, kExitAllow);
  EXPECT_EQ(r.out, "1 file: 0 errors, 0 warnings\n");
  EXPECT_EQ(r.err, "");
}

TEST(Validate, JsonListsEveryIssue) {
  CliRun r = Hubperm({"validate", "testdata/invalid/references.yaml", "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/references_validate.json")) << "actual:\n" << r.out;
  CliRun ok = Hubperm({"validate", kWorld, "--format", "json"});
  EXPECT_EQ(ok.exit_code, kExitAllow);
  EXPECT_THAT(ok.out, HasSubstr("\"errors\": 0,\n  \"warnings\": 0,\n  \"issues\": []"));
}

// Every broken fixture in testdata/invalid/ reports exactly its golden list of errors.
TEST(Validate, InvalidCorpusMatchesGoldens) {
  const std::vector<std::string> fixtures = YamlFilesIn("testdata/invalid");
  ASSERT_GE(fixtures.size(), 5u);
  for (const std::string& path : fixtures) {
    CliRun r = Hubperm({"validate", path});
    EXPECT_EQ(r.exit_code, kExitBadInput) << path;
    const std::string golden = ReadFileOrEmpty(path.substr(0, path.size() - 5) + ".golden");
    EXPECT_FALSE(golden.empty()) << path;
    EXPECT_EQ(r.err, golden) << path << " actual:\n" << r.err;
  }
}

}  // namespace
}  // namespace hubperm
