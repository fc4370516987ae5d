// Copyright 2026 The hubperm Authors.
//
// `hubperm import-whoami`, in process: the realistic responses of testdata/whoami/ from a file and from
// stdin, the imported token then checked by `hubperm check`, and the bad-input exits.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/cli_testing.h"
#include "cli/hubperm.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class ImportGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ImportGoldenTest, FileToFixtureOnStdoutAndIssuesOnStderr) {
  const std::string base = "testdata/whoami/" + GetParam();
  const CliRun r = Hubperm({"import-whoami", base + ".json"});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_EQ(r.out, ReadFileOrEmpty(base + ".fixture.golden")) << "actual:\n" << r.out;
  EXPECT_EQ(r.err, ReadFileOrEmpty(base + ".issues.golden")) << "actual:\n" << r.err;
}

INSTANTIATE_TEST_SUITE_P(Responses, ImportGoldenTest, ::testing::Values("fine_grained", "read", "write"));

TEST(ImportWhoamiCommand, ReadsStdinWithDashOrNoFile) {
  const std::string json = ReadFileOrEmpty("testdata/whoami/read.json");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"import-whoami", "-", "--name", "ci"}, {"import-whoami", "--name", "ci"}}) {
    const CliRun r = Hubperm(args, json);
    EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
    EXPECT_THAT(r.out, StartsWith("# Imported by `hubperm import-whoami` from <stdin>."));
    EXPECT_THAT(r.out, HasSubstr("  - name: ci\n    owner: bob\n    role: read\n"));
  }
}

// Writes the import of `response` to a temporary fixture and returns its path. As the import's header
// asks, the user then corrects what whoami-v2 does not say: here, that the founding model is in the
// resource group.
std::string ImportToFile(const std::string& response) {
  const CliRun r = Hubperm({"import-whoami", "testdata/whoami/" + response + ".json"});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  std::string fixture = r.out;
  const std::string repo = "  - id: acme/token-test-model\n";
  const size_t at = fixture.find(repo);
  if (at != std::string::npos) fixture.insert(at + repo.size(), "    private: true\n    resource_group: token-test-group\n");
  const std::string path = TempPath(response + ".yaml");
  std::ofstream(path) << fixture;
  return path;
}

struct ImportedCheck {
  const char* name;
  const char* response;
  std::vector<std::string> request;  // after `check FILE --token TOKEN`
  const char* token;
  int exit_code;
  const char* line;  // the start of check's line
};

class ImportedTokenTest : public ::testing::TestWithParam<ImportedCheck> {};

TEST_P(ImportedTokenTest, DecidesAsTheHubWould) {
  const ImportedCheck& c = GetParam();
  std::vector<std::string> args = {"check", ImportToFile(c.response), "--token", c.token};
  args.insert(args.end(), c.request.begin(), c.request.end());
  const CliRun r = Hubperm(args);
  EXPECT_EQ(r.exit_code, c.exit_code) << r.out << r.err;
  EXPECT_THAT(r.out, StartsWith(c.line));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ImportedTokenTest,
    ::testing::Values(
        // Her resource-group write role and the repo scope's repo.write: the commit goes through.
        ImportedCheck{"GroupWriterCommitsThroughRepoScope", "fine_grained",
                      {"--operation", "create_commit", "--repo", "acme/token-test-model"}, "alice-ci", kExitAllow,
                      "ALLOW"},
        // The founding scenario: no repo.write on org acme, so creating there fails on the token side.
        ImportedCheck{"CreatingInTheOrgFailsOnTheTokenSide", "fine_grained",
                      {"--operation", "create_repo", "--repo", "acme/new-model"}, "alice-ci", kExitDeny, "DENY 403"},
        // The org she left: the scope is there, her role is not.
        ImportedCheck{"DeadOrgScope", "fine_grained", {"--operation", "create_repo", "--repo", "old-team/new-model"}, "alice-ci",
                      kExitDeny, "DENY 403"},
        ImportedCheck{"ClassicReadTokenCannotWrite", "read", {"--operation", "create_repo", "--repo", "acme/new-model"},
                      "bob-laptop", kExitDeny, "DENY 403"},
        // token-policy on a classic token: acme accepts fine-grained tokens only.
        ImportedCheck{"ClassicTokenUnderFineGrainedOnly", "write", {"--operation", "create_repo", "--repo", "acme/new-model"},
                      "carol-deploy", kExitDeny, "DENY 403"},
        ImportedCheck{"RevokedByTheOrg", "write", {"--operation", "create_repo", "--repo", "partners/new-model"}, "carol-deploy",
                      kExitDeny, "DENY 403"},
        ImportedCheck{"OwnNamespaceStillWorks", "write", {"--operation", "create_repo", "--repo", "carol/new-model"},
                      "carol-deploy", kExitAllow, "ALLOW"}),
    [](const ::testing::TestParamInfo<ImportedCheck>& info) { return std::string(info.param.name); });

TEST(ImportWhoamiCommand, PolicyDenialsNameThePolicySide) {
  const std::string path = ImportToFile("write");
  const CliRun fine_grained_only = Hubperm({"explain", path, "--token", "carol-deploy", "--operation", "create_repo", "--repo", "acme/new-model"});
  EXPECT_THAT(fine_grained_only.out, HasSubstr("fine_grained_only"));
  const CliRun revoked = Hubperm({"explain", path, "--token", "carol-deploy", "--operation", "create_repo", "--repo", "partners/new-model"});
  EXPECT_THAT(revoked.out, HasSubstr("revoked"));
}

TEST(ImportWhoamiCommand, BadInputExitsTwo) {
  CliRun r = Hubperm({"import-whoami", "testdata/whoami/missing.json"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.err, "hubperm: error: cannot read 'testdata/whoami/missing.json'\n");
  EXPECT_EQ(r.out, "");

  r = Hubperm({"import-whoami", "a.json", "b.json"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_THAT(r.err, HasSubstr("import-whoami reads one response"));

  r = Hubperm({"import-whoami", "-"}, R"({"type": "user", "name": "ua", "auth": {"accessToken": {"displayName": "t", "role": "god"}}})");
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_THAT(r.err, HasSubstr("<stdin>:1:"));
  EXPECT_THAT(r.err, HasSubstr("hubperm: 1 error in <stdin>; nothing was imported\n"));
  EXPECT_EQ(r.out, "");

  r = Hubperm({"import-whoami", "testdata/whoami/read.json", "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_THAT(r.err, HasSubstr("--format does not apply to import-whoami"));

  // A device is refused without reading it: exit 2, no crash, nothing printed.
  r = Hubperm({"import-whoami", "/dev/zero"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.err, "hubperm: error: '/dev/zero' is not a regular file (a FIFO, a device or a socket); give a file, or '-' for stdin\n");
  EXPECT_EQ(r.out, "");

  // Stdin is read in pieces up to the bound, then refused.
  r = Hubperm({"import-whoami", "-"}, std::string((size_t{64} << 20) + 1, ' '));
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_EQ(r.err, "hubperm: error: stdin is larger than 64 MiB; hubperm reads no input that large (see docs/limits.md)\n");
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace hubperm
