// Copyright 2026 The hubperm Authors.
//
// whoami-v2 import: realistic responses (testdata/whoami/*.json: a fine-grained token with user, org,
// group and repo scopes and unknown permission strings; a classic read token as the Hub sends it, on
// one line; a classic write token whose orgs carry security restrictions and an old org API token)
// against golden fixtures and issues, and every error case with its position.

#include "policy/load/whoami_import.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/load/fixtures.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

WhoamiImport Import(const std::string& json, const std::string& name = "") {
  WhoamiImportOptions options;
  options.token_name = name;
  return ImportWhoami("whoami.json", json, options);
}

class GoldenImportTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenImportTest, MatchesGoldenAndLoadsAsAFixture) {
  const std::string base = "testdata/whoami/" + GetParam();
  const std::string json = ReadFileOrEmpty(base + ".json");
  ASSERT_FALSE(json.empty()) << base;
  WhoamiImport import = ImportWhoami(base + ".json", json, {});
  ASSERT_TRUE(import.ok()) << RenderImportIssues(import);
  const std::string issues = RenderImportIssues(import);
  const std::string fixture = RenderImportedFixture(import);
  EXPECT_EQ(issues, ReadFileOrEmpty(base + ".issues.golden")) << "actual:\n" << issues;
  EXPECT_EQ(fixture, ReadFileOrEmpty(base + ".fixture.golden")) << "actual:\n" << fixture;
  // The fixture is a valid world on its own.
  Fixtures loaded = LoadFixtureTexts({{"imported.yaml", fixture}});
  EXPECT_TRUE(loaded.ok()) << loaded.RenderIssues();
  // Nothing secret, and nothing the import does not model, is copied.
  EXPECT_THAT(fixture, Not(HasSubstr("api_org_")));
  EXPECT_THAT(fixture + issues, Not(HasSubstr("DoNotCopy")));
  EXPECT_THAT(fixture, Not(HasSubstr("@example.com")));
}

INSTANTIATE_TEST_SUITE_P(Responses, GoldenImportTest, ::testing::Values("fine_grained", "read", "write"));

TEST(WhoamiImportTest, FineGrainedTokenKeepsEveryScopeItModels) {
  WhoamiImport import = ImportWhoami("f.json", ReadFileOrEmpty("testdata/whoami/fine_grained.json"), {});
  ASSERT_TRUE(import.ok()) << RenderImportIssues(import);
  ASSERT_EQ(import.world.tokens.size(), 1u);
  const Token& t = import.world.tokens[0];
  EXPECT_EQ(t.name.text, "alice-ci");
  EXPECT_EQ(t.owner.text, "alice");
  EXPECT_EQ(t.role, TokenRole::kFineGrained);
  EXPECT_TRUE(t.can_read_gated_repos);
  ASSERT_EQ(t.global.size(), 1u);
  EXPECT_EQ(t.global[0].text.text, "discussion.write");
  // user, org, group (named through orgs[].resourceGroups), model, dataset, the org she left, and the
  // collection (a type hubperm loads with a warning).
  ASSERT_EQ(t.scoped.size(), 7u);
  EXPECT_EQ(t.scoped[2].type, EntityType::kResourceGroup);
  EXPECT_EQ(t.scoped[2].entity.text, "token-test-group");
  EXPECT_EQ(t.scoped[3].entity.text, "acme/token-test-model");
  // The unknown permission string is kept, as the fixture format keeps it.
  ASSERT_EQ(t.scoped[3].permissions.size(), 3u);
  EXPECT_EQ(t.scoped[3].permissions[2].text.text, "repo.future.write");
  EXPECT_FALSE(t.scoped[3].permissions[2].permission.has_value());
  // The org she left is in the world without members; the scoped repos are listed.
  ASSERT_EQ(import.world.orgs.size(), 3u);
  EXPECT_EQ(import.world.orgs[2].name.text, "old-team");
  EXPECT_TRUE(import.world.orgs[2].members.empty());
  ASSERT_EQ(import.world.repos.size(), 2u);
  EXPECT_EQ(import.world.repos[1].type, RepoType::kDataset);
  // Her group roles.
  ASSERT_EQ(import.world.orgs[0].resource_groups.size(), 2u);
  EXPECT_EQ(import.world.orgs[0].resource_groups[0].members[0].role, GroupRole::kWrite);
  EXPECT_EQ(import.world.orgs[0].plan, OrgPlan::kEnterprise);
}

TEST(WhoamiImportTest, SecurityRestrictionsBecomeTokenPolicies) {
  WhoamiImport import = ImportWhoami("w.json", ReadFileOrEmpty("testdata/whoami/write.json"), {});
  ASSERT_TRUE(import.ok()) << RenderImportIssues(import);
  ASSERT_EQ(import.world.orgs.size(), 2u);
  // A classic token blocked by a policy: the org takes fine-grained tokens only.
  EXPECT_EQ(import.world.orgs[0].token_policy, TokenPolicy::kFineGrainedOnly);
  ASSERT_EQ(import.world.tokens[0].org_status.size(), 1u);
  EXPECT_EQ(import.world.tokens[0].org_status[0].org.text, "partners");
  EXPECT_EQ(import.world.tokens[0].org_status[0].status, ApprovalStatus::kRevoked);
  // mfa is not modeled, and is said so.
  EXPECT_THAT(RenderImportIssues(import), HasSubstr("restricts access by mfa, which hubperm does not model"));
}

TEST(WhoamiImportTest, FineGrainedTokenUnderAPolicyIsPending) {
  WhoamiImport import = Import(R"({"type": "user", "name": "ua", "orgs": [
      {"type": "org", "name": "oo", "roleInOrg": "write", "plan": "enterprise", "securityRestrictions": ["token-policy"]}],
    "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "fineGrained", "fineGrained": {"scoped": []}}}})");
  ASSERT_TRUE(import.ok()) << RenderImportIssues(import);
  EXPECT_EQ(import.world.orgs[0].token_policy, TokenPolicy::kRequireApproval);
  ASSERT_EQ(import.world.tokens[0].org_status.size(), 1u);
  EXPECT_EQ(import.world.tokens[0].org_status[0].status, ApprovalStatus::kPending);
}

TEST(WhoamiImportTest, NameOptionRenamesTheToken) {
  WhoamiImport import = Import(ReadFileOrEmpty("testdata/whoami/read.json"), "bobs-read-token");
  ASSERT_TRUE(import.ok()) << RenderImportIssues(import);
  EXPECT_EQ(import.world.tokens[0].name.text, "bobs-read-token");
  EXPECT_THAT(RenderImportedFixture(import), HasSubstr("name: bobs-read-token"));
}

TEST(WhoamiImportTest, UnknownKeysAreWarnedByNameNeverByValue) {
  WhoamiImport import = Import(R"({"type": "user", "name": "ua", "orgs": [], "sessionSecret": "hf_abcdefSECRET",
    "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "read"}}})");
  ASSERT_TRUE(import.ok());
  const std::string issues = RenderImportIssues(import);
  EXPECT_THAT(issues, HasSubstr("whoami.json:1:44: warning: unknown key 'sessionSecret' in the response"));
  EXPECT_THAT(issues + RenderImportedFixture(import), Not(HasSubstr("SECRET")));
}

struct ErrorCase {
  const char* name;
  const char* json;
  const char* expected;  // a line of RenderImportIssues
};

class ImportErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ImportErrorTest, IsReportedWithItsPosition) {
  WhoamiImport import = Import(GetParam().json);
  EXPECT_FALSE(import.ok());
  EXPECT_THAT(RenderImportIssues(import), HasSubstr(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ImportErrorTest,
    ::testing::Values(
        ErrorCase{"Empty", "  ", "whoami.json:1:1: error: empty input"},
        ErrorCase{"NotAnObject", "[1, 2]", "whoami.json:1:1: error: expected the JSON object of GET /api/whoami-v2"},
        ErrorCase{"Truncated", "{\"type\": \"user\",\n \"name\": ", "whoami.json:2:"},
        ErrorCase{"OrgResponse",
                  R"({"type": "org", "name": "acme", "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "write"}}})",
                  "whoami.json:1:10: error: this response is an organization's ('type' is not \"user\")"},
        ErrorCase{"GodToken",
                  R"({"type": "user", "name": "ua", "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "god"}}})",
                  "error: token role 'god' is an internal Hub role"},
        ErrorCase{"UnknownRole",
                  R"({"type": "user", "name": "ua", "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "admin"}}})",
                  "error: unknown token 'role' (valid: read, write, fineGrained)"},
        ErrorCase{"NoAuth", R"({"type": "user", "name": "ua"})", "whoami.json:1:1: error: the response is missing 'auth'"},
        ErrorCase{"OAuth", R"({"type": "user", "name": "ua", "auth": {"type": "oauth"}})",
                  "error: 'auth' has no 'accessToken' (auth type 'oauth'): only user access tokens"},
        ErrorCase{"NameNotString",
                  R"({"type": "user", "name": 42, "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "read"}}})",
                  "whoami.json:1:26: error: 'name' must be a string, not a number"},
        ErrorCase{"DuplicateKey",
                  R"({"type": "user", "name": "ua", "name": "va", "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "read"}}})",
                  "duplicate key 'name' in the response; first at line 1"},
        ErrorCase{"OrgRole",
                  R"({"type": "user", "name": "ua", "orgs": [{"type": "org", "name": "oo", "roleInOrg": "owner"}], "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "read"}}})",
                  "error: unknown roleInOrg (valid: no_access, read, contributor, write, admin)"},
        ErrorCase{"OtherUsersNamespace",
                  R"({"type": "user", "name": "ua", "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "fineGrained",
                     "fineGrained": {"scoped": [{"entity": {"_id": "x", "type": "user", "name": "mallory"}, "permissions": ["repo.write"]}]}}}})",
                  "error: a token can scope only its owner's namespace: 'mallory' is not 'ua'"},
        ErrorCase{"BadRepoName",
                  R"({"type": "user", "name": "ua", "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "fineGrained",
                     "fineGrained": {"scoped": [{"entity": {"_id": "x", "type": "model", "name": "no-slash"}, "permissions": []}]}}}})",
                  "error: 'entity.name' is not a valid name: a repo id is namespace/name, with one '/'"},
        ErrorCase{"NoDisplayName",
                  R"({"type": "user", "name": "ua", "auth": {"type": "access_token", "accessToken": {"displayName": "", "role": "read"}}})",
                  "error: the token has no display name: name it with --name"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

// Every prefix of a real response (a download cut short, a paste that lost its end) is refused with an
// error, never a crash or a partial import.
TEST(WhoamiImportTest, EveryTruncationIsAnError) {
  for (const char* name : {"fine_grained", "read", "write"}) {
    const std::string json = ReadFileOrEmpty(std::string("testdata/whoami/") + name + ".json");
    ASSERT_FALSE(json.empty());
    const size_t end = json.find_last_of('}');
    for (size_t n = 0; n < end; ++n) {
      WhoamiImport import = Import(json.substr(0, n));
      EXPECT_FALSE(import.ok()) << name << " cut at " << n;
    }
  }
}

TEST(WhoamiImportTest, EveryProblemIsReportedNotOnlyTheFirst) {
  WhoamiImport import = Import(R"({"type": "user", "name": 1, "orgs": [{"type": "org", "name": "oo", "roleInOrg": "boss"}],
    "auth": {"type": "access_token", "accessToken": {"displayName": "t", "role": "god"}}})");
  EXPECT_EQ(import.diagnostics.error_count(), 3) << RenderImportIssues(import);
}

// A secret pasted into any field of a response never reaches a message or the fixture: every string
// value of a real response, and every key, is replaced in turn by a token-shaped secret.
TEST(WhoamiImportTest, ASecretInAnyFieldIsNeverCopied) {
  const std::string secret = "hf_SeCrEt0123456789abcdefGHIJKLmnop";
  for (const char* name : {"fine_grained", "read", "write"}) {
    const std::string json = ReadFileOrEmpty(std::string("testdata/whoami/") + name + ".json");
    ASSERT_FALSE(json.empty());
    int fields = 0;
    // Each JSON string (a value or a key) of the response, found by its quotes.
    for (size_t open = json.find('"'); open != std::string::npos; open = json.find('"', open + 1)) {
      const size_t close = json.find('"', open + 1);
      ASSERT_NE(close, std::string::npos);
      for (const bool whole : {true, false}) {  // the value replaced, or the secret inside it
        const std::string value = json.substr(open + 1, close - open - 1);
        const std::string pasted = whole ? secret : value + " " + secret;
        const std::string hostile = json.substr(0, open + 1) + pasted + json.substr(close);
        for (const char* rename : {"", "renamed"}) {
          WhoamiImport import = Import(hostile, rename);
          const std::string out = RenderImportIssues(import) + (import.ok() ? RenderImportedFixture(import) : "");
          EXPECT_THAT(out, Not(HasSubstr("SeCrEt"))) << name << ": the string at " << open << " (" << value << ")";
        }
      }
      ++fields;
      open = close;
    }
    EXPECT_GT(fields, 20) << name;
  }
}

}  // namespace
}  // namespace hubperm
