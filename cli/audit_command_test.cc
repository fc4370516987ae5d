// Copyright 2026 The hubperm Authors.
//
// `hubperm audit`, in process: the founding scenario reported as "will fail" (exit 1), the three
// formats, every JSON key documented in docs/audit-json.md, the HTML page self-contained, and bad input.

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/cli_testing.h"
#include "cli/hubperm.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/hubperm.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kFounding = "testdata/founding/world.yaml";
const std::string kAuditWorld = "testdata/audit/world.yaml";

TEST(AuditCommand, TheFoundingScenarioWillFail) {
  const CliRun r = Hubperm({"audit", kFounding});
  EXPECT_EQ(r.exit_code, kExitDeny) << "an error finding exits 1";
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/audit_founding.txt")) << "actual:\n" << r.out;
  EXPECT_THAT(r.out, StartsWith("Findings\n  ERROR will-fail: limited-test-token, group token-test-group\n"));
  EXPECT_EQ(r.err, "");
}

// The exit code says whether there is an error finding: 0 for a world with none.
TEST(AuditCommand, ExitsZeroWithoutAnErrorFinding) {
  const CliRun r = Hubperm({"audit", "testdata/regressions/scope_placement.yaml"});
  EXPECT_EQ(r.out.find("  ERROR "), std::string::npos) << r.out;
  EXPECT_EQ(r.exit_code, kExitAllow) << r.out;
}

// A token's purpose: broader-than-needed, with the minted token as the fix (docs/mint.md).
TEST(AuditCommand, ATokenBroaderThanItsPurposeIsReported) {
  const CliRun r = Hubperm({"audit", "testdata/audit/purpose.yaml"});
  EXPECT_EQ(r.exit_code, kExitAllow) << r.err;  // warnings only
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/audit_purpose.txt")) << "actual:\n" << r.out;
  const CliRun json = Hubperm({"audit", "testdata/audit/purpose.yaml", "--format", "json"});
  EXPECT_THAT(json.out, HasSubstr("\"kind\": \"broader-than-needed\""));
  EXPECT_THAT(json.out, HasSubstr("\"edit\": \"remove_global\""));
  const std::string doc = ReadFileOrEmpty("docs/audit-json.md");
  for (const char* name : {"`broader-than-needed`", "`remove_global`", "`clear_can_read_gated_repos`"}) {
    EXPECT_THAT(doc, HasSubstr(name)) << name;
  }
}

TEST(AuditCommand, JsonMatchesTheGoldenAndEveryKeyIsDocumented) {
  const CliRun r = Hubperm({"audit", kAuditWorld, "--format", "json"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_EQ(r.out, ReadFileOrEmpty("testdata/golden/audit_world.json")) << "actual:\n" << r.out;
  const std::string doc = ReadFileOrEmpty("docs/audit-json.md");
  ASSERT_NE(doc, "");
  const std::set<std::string> keys = JsonKeys(r.out);
  EXPECT_GE(keys.size(), 30u);
  for (const std::string& key : keys) EXPECT_THAT(doc, HasSubstr("`" + key + "`")) << key;
}

TEST(AuditCommand, HtmlIsOneSelfContainedPage) {
  const CliRun r = Hubperm({"audit", kAuditWorld, "--format", "html"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_THAT(r.out, StartsWith("<!DOCTYPE html>\n"));
  // Nothing is fetched: no external reference, and a policy that forbids any.
  for (const char* reference : {"src=", "href=", "url(", "@import", "http://", "https://", "//cdn"}) {
    EXPECT_THAT(r.out, Not(HasSubstr(reference))) << reference;
  }
  EXPECT_THAT(r.out, HasSubstr("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\""));
  // The findings, each kind; the matrix with a cell per token x repo.
  for (const char* kind : {"will-fail", "blocked-by-policy", "classic-write", "broad-org-write", "dead-scope", "does-nothing"}) {
    EXPECT_THAT(r.out, HasSubstr(std::string("data-kind=\"") + kind + "\"")) << kind;
  }
  size_t cells = 0;
  for (size_t at = r.out.find("<td class=\"cell"); at != std::string::npos; at = r.out.find("<td class=\"cell", at + 1)) ++cells;
  EXPECT_EQ(cells, 8u * 7u);  // 8 tokens x the 7 repos some token reaches (old-team/legacy: none does)
  // The embedded explanations cannot end their <script> element early.
  size_t scripts = 0;
  for (size_t at = r.out.find("</script>"); at != std::string::npos; at = r.out.find("</script>", at + 1)) ++scripts;
  EXPECT_EQ(scripts, 2u);
}

// A real token, imported from whoami-v2 (testdata/whoami/fine_grained.fixture.golden is what
// `hubperm import-whoami` makes of fine_grained.json), audited: the org alice left is a dead scope, and
// her group role is not covered for creating repos.
TEST(AuditCommand, AnImportedTokenIsAudited) {
  // At a fixed moment: the token expires in 2027.
  const CliRun r = Hubperm({"audit", "testdata/whoami/fine_grained.fixture.golden", "--at", "2026-11-30"});
  EXPECT_EQ(r.exit_code, kExitDeny);
  EXPECT_THAT(r.out, HasSubstr("ERROR will-fail: alice-ci, group token-test-group\n"));
  EXPECT_THAT(r.out, HasSubstr("WARNING dead-scope: alice-ci, org old-team\n"));
  EXPECT_THAT(r.out, HasSubstr("alice is not a member of org old-team"));
  EXPECT_THAT(r.out, HasSubstr("resource-group token-test-group holds no repo in these fixtures"));
}

TEST(AuditCommand, HtmlEscapesText) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">Tom & Jerry's</a>"), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST(AuditCommand, BadInputExitsTwo) {
  CliRun r = Hubperm({"audit", "testdata/invalid/references.yaml"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_THAT(r.err, HasSubstr("in the fixtures; nothing was audited"));
  EXPECT_EQ(r.out, "");
  r = Hubperm({"audit", "testdata/missing.yaml"});
  EXPECT_EQ(r.exit_code, kExitBadInput);
  EXPECT_THAT(r.err, HasSubstr("cannot read"));
}

// The report is the same, byte for byte, with --jobs 1 and --jobs 2 (and with the default).
TEST(AuditCommand, JobsDoNotChangeTheReport) {
  for (const char* format : {"text", "json", "html"}) {
    const CliRun one = Hubperm({"audit", "testdata/audit/world.yaml", "--at", "2026-11-30", "--format", format, "--jobs", "1"});
    const CliRun two = Hubperm({"audit", "testdata/audit/world.yaml", "--at", "2026-11-30", "--format", format, "--jobs", "2"});
    const CliRun any = Hubperm({"audit", "testdata/audit/world.yaml", "--at", "2026-11-30", "--format", format});
    EXPECT_EQ(one.exit_code, two.exit_code);
    EXPECT_FALSE(one.out.empty());
    EXPECT_EQ(one.out, two.out) << format;
    EXPECT_EQ(one.out, any.out) << format;
  }
  const CliRun bad = Hubperm({"audit", "testdata/audit/world.yaml", "--jobs", "0"});
  EXPECT_EQ(bad.exit_code, kExitBadInput);
  EXPECT_THAT(bad.err, HasSubstr("--jobs takes a number from 1 to 1024, not '0'"));
}


}  // namespace
}  // namespace hubperm
