// Copyright 2026 The hubperm Authors.
//
// `hubperm import-org`, in process: the sample org's responses to the golden fixture on stdout and the
// golden issues on stderr; the imported world then audited and tested with hand-written cases kept in
// their own file; and the bad-input exits.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_testing.h"
#include "cli/exit_codes.h"
#include "cli/hubperm.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

constexpr char kSample[] = "testdata/org/acme";

TEST(ImportOrgCommand, SampleOrgToFixtureOnStdoutAndIssuesOnStderr) {
  const CliRun r = Hubperm({"import-org", kSample});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/org/acme.fixture.golden")) << "actual:\n" << r.out;
  EXPECT_EQ(r.err, ReadFileOrEmpty("testdata/org/acme.issues.golden")) << "actual:\n" << r.err;
}

TEST(ImportOrgCommand, TheImportedOrgIsTestedAndAuditedWithCasesInTheirOwnFile) {
  const CliRun imported = Hubperm({"import-org", kSample});
  ASSERT_EQ(imported.exit_code, kExitAllow) << imported.err;
  const std::string path = TempPath("acme.yaml");
  std::ofstream(path) << imported.out;
  const CliRun test = Hubperm({"test", path, "testdata/org/cases.yaml"});
  EXPECT_EQ(test.exit_code, kExitAllow) << test.out << test.err;
  EXPECT_THAT(test.out, HasSubstr(" passed, 0 failed"));
  // The sample org has error findings (bob's classic write token of an admin, ...): exit 1.
  const CliRun audit = Hubperm({"audit", path, "--format", "json"});
  EXPECT_EQ(audit.exit_code, kExitDeny) << audit.err;
  EXPECT_THAT(audit.out, HasSubstr("\"ci-push\""));
  EXPECT_THAT(audit.out, HasSubstr("\"limited-test-token\""));
}

TEST(ImportOrgCommand, FlagsSetThePlanAndPolicy) {
  const CliRun r = Hubperm({"import-org", kSample, "--token-policy", "fine_grained_only", "--plan", "enterprise"});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_THAT(r.out, HasSubstr("token_policy: fine_grained_only"));
  EXPECT_THAT(r.out, HasSubstr("# plan: enterprise (--plan)"));
}

TEST(ImportOrgCommand, BadInputExitsTwoAndPrintsNothing) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::string broken = TempPath("broken");
  std::filesystem::create_directories(broken + "/api/organizations/acme/members");
  std::ofstream(broken + "/api/organizations/acme/members/page-1.json") << "[{\"user\": \"alice\"}]";
  for (const Case& c : std::vector<Case>{
           {{"import-org"}, "import-org reads one directory of saved responses"},
           {{"import-org", kSample, kSample}, "import-org reads one directory of saved responses"},
           {{"import-org", "testdata/org/no-such-dir"}, "is not a directory of saved responses"},
           {{"import-org", kSample, "--plan", "gold"}, "--plan must be free, team, enterprise; not 'gold'"},
           {{"import-org", kSample, "--token-policy", "x"}, "--token-policy must be allow_all, fine_grained_only, require_approval"},
           {{"import-org", kSample, "--token", "t"}, "--token does not apply to import-org"},
           {{"import-org", broken}, "page-1.json:1:2: error: a member has no 'role'"},
           {{"import-org", broken}, "errors in"},
       }) {
    const CliRun r = Hubperm(c.args);
    EXPECT_EQ(r.exit_code, kExitBadInput) << c.args.size() << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(r.err, HasSubstr(c.message));
  }
}

TEST(ImportOrgCommand, FilesOutsideTheLayoutAreWarnedAbout) {
  const std::string dir = TempPath("extra");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kSample)) {
    if (!entry.is_regular_file()) continue;
    const std::filesystem::path to = dir / entry.path().lexically_relative(kSample);
    std::filesystem::create_directories(to.parent_path());
    std::filesystem::copy_file(entry.path(), to, std::filesystem::copy_options::overwrite_existing);
  }
  std::filesystem::create_directories(dir + "/api/models/acme/m");
  std::ofstream(dir + "/api/models/acme/m/resource-group.json") << "{}";
  const CliRun r = Hubperm({"import-org", dir});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;
  EXPECT_THAT(r.err, HasSubstr("api/models/acme/m/resource-group.json: warning: not a response of the layout"));
}

}  // namespace
}  // namespace hubperm
