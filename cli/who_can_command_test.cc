// Copyright 2026 The hubperm Authors.
//
// `hubperm who-can`: the goldens (a method, --level as JSON), every JSON key documented, the exit codes,
// and the ways its input can be wrong.

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

const std::string kAudit = "testdata/audit/world.yaml";

TEST(WhoCanCommand, AMethodMatchesTheGolden) {
  const CliRun r = Hubperm({"who-can", kAudit, "--operation", "create_commit", "--repo", "acme/token-test-model"});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/who_can_commit.txt")) << "actual:\n" << r.out;
}

TEST(WhoCanCommand, ALevelAsJsonMatchesTheGoldenAndEveryKeyIsDocumented) {
  const CliRun r = Hubperm({"who-can", kAudit, "--level", "read", "--repo", "acme/eval-set", "--repo-type", "dataset",
                            "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/who_can_read.json")) << "actual:\n" << r.out;
  const std::string doc = ReadFileOrEmpty("docs/who-can.md");
  ASSERT_NE(doc, "");
  const std::set<std::string> keys = JsonKeys(r.out);
  EXPECT_GE(keys.size(), 8u);
  for (const std::string& key : keys) EXPECT_THAT(doc, HasSubstr("`" + key + "`")) << key;
}

TEST(WhoCanCommand, EveryFormAsksTheSameAndNoTokenIsExit1) {
  const std::string founding = "testdata/founding/world.yaml";
  for (const std::vector<std::string>& form :
       {std::vector<std::string>{"--http", "POST /api/repos/create", "--body", R"({"type": "model", "name": "x", "organization": "acme"})"},
        std::vector<std::string>{"--operation", "create_repo", "--repo", "acme/x"},
        std::vector<std::string>{"--permission", "repo.write", "--org", "acme"}}) {
    std::vector<std::string> args = {"who-can", founding};
    args.insert(args.end(), form.begin(), form.end());
    const CliRun r = Hubperm(args);
    EXPECT_EQ(r.exit_code, kExitDeny) << r.err;  // no token may
    EXPECT_THAT(r.out, HasSubstr("tokens allowed (0): none\n"));
    EXPECT_THAT(r.out, HasSubstr("    limited-test-token (alice): token side, 403\n"));
    EXPECT_THAT(r.out, HasSubstr("users whose user side allows it (1; each could make a token that may): alice\n"));
  }
}

struct BadInput {
  const char* name;
  std::vector<std::string> args;
  const char* message;
};

class WhoCanBadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(WhoCanBadInputTest, IsExit2WithTheProblemNamed) {
  const CliRun r = Hubperm(GetParam().args);
  EXPECT_EQ(r.exit_code, kExitBadInput) << r.out;
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, WhoCanBadInputTest,
    ::testing::Values(
        BadInput{"NoWorld", {"who-can", "--operation", "whoami"}, "at least one fixture file"},
        BadInput{"Admin", {"who-can", kAudit, "--level", "admin", "--repo", "acme/model-a"},
                 "--level must be see, read or write, not 'admin' (hubperm decides a repo's settings and deletion as write"},
        BadInput{"LevelWithAForm", {"who-can", kAudit, "--level", "read", "--repo", "acme/model-a", "--operation", "whoami"},
                 "--level is a request of its own"},
        BadInput{"LevelWithoutRepo", {"who-can", kAudit, "--level", "read"}, "--level needs --repo NS/NAME"},
        BadInput{"UnknownRepo", {"who-can", kAudit, "--operation", "model_info", "--repo", "acme/model-x"},
                 "did you mean 'acme/model-a' or 'acme/model-b'?"},
        BadInput{"UnknownMethod", {"who-can", kAudit, "--operation", "model_inf", "--repo", "acme/model-a"},
                 "unknown huggingface_hub method 'model_inf'"},
        BadInput{"NotModeled", {"who-can", kAudit, "--http", "GET /api/jobs/hardware"}, "is not modeled"},
        BadInput{"AToken", {"who-can", kAudit, "--token", "ci", "--operation", "whoami"}, "--token"}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace hubperm
