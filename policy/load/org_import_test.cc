// Copyright 2026 The hubperm Authors.
//
// import-org: the layout's paths both ways; the sample org's responses (testdata/org/acme, valid against
// the Hub's OpenAPI schemas) against a golden fixture and golden issues; a re-import byte-identical,
// whatever order the files were written in; a secret pasted into any string of any response copied
// nowhere; and every error of the responses at its file:line:col.

#include "policy/load/org_import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/load/fixtures.h"
#include "policy/load/org_responses.h"
#include "policy/load/response_reader.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kSample[] = "testdata/org/acme";
constexpr char kSecret[] = "hf_QmVyeVNlY3JldFRva2VuVmFsdWUxMjM0";

// A directory's files: path inside it -> text.
using Tree = std::vector<std::pair<std::string, std::string>>;

Tree ReadTree(const std::string& dir) {
  Tree tree;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    tree.emplace_back(entry.path().lexically_relative(dir).generic_string(), ReadFileOrEmpty(entry.path().string()));
  }
  std::sort(tree.begin(), tree.end());
  return tree;
}

// Writes `tree` into a fresh directory (in the order given) and returns its path.
std::string WriteTree(const Tree& tree, const std::string& name) {
  const std::string dir = absl::StrCat(::testing::TempDir(), "/", name);
  fs::remove_all(dir);
  for (const auto& [path, text] : tree) {
    const fs::path full = fs::path(dir) / path;
    fs::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << text;
  }
  return dir;
}

struct Result {
  bool ok = false;
  std::string issues;
  std::string fixture;
};

Result Import(const std::string& dir, const OrgImportOptions& options = {}) {
  Result result;
  absl::StatusOr<OrgResponses> responses = ReadOrgResponses(dir);
  if (!responses.ok()) {
    result.issues = std::string(responses.status().message());
    return result;
  }
  const OrgImport import = ImportOrg(*std::move(responses), options);
  result.ok = import.ok();
  result.issues = RenderResponseIssues(import.responses.files, import.diagnostics);
  if (import.ok()) result.fixture = RenderOrgFixture(import);
  return result;
}

// --- the layout ------------------------------------------------------------------------------------

TEST(OrgLayoutTest, EveryResponsePathReadsBackAsItself) {
  std::vector<ResponsePath> paths;
  for (OrgRoute route : {OrgRoute::kMembers, OrgRoute::kResourceGroups, OrgRoute::kRepositories,
                         OrgRoute::kServiceAccounts}) {
    for (int page : {1, 2, 17}) {
      ResponsePath p;
      p.route = route;
      p.org = "acme";
      p.page = page;
      paths.push_back(p);
    }
  }
  ResponsePath account;
  account.route = OrgRoute::kServiceAccount;
  account.org = "acme";
  account.service_account_id = "66cc00bb11cc22dd33ee0001";
  paths.push_back(account);
  for (RepoType type : {RepoType::kModel, RepoType::kDataset, RepoType::kSpace}) {
    ResponsePath info;
    info.route = OrgRoute::kRepoInfo;
    info.repo_type = type;
    info.repo_id = "acme/m.v2";
    paths.push_back(info);
  }
  ResponsePath whoami;
  whoami.route = OrgRoute::kWhoami;
  whoami.whoami_name = "alice-ci";
  paths.push_back(whoami);
  for (const ResponsePath& p : paths) {
    absl::optional<ResponsePath> back = ParseResponsePath(p.Path());
    ASSERT_TRUE(back.has_value()) << p.Path();
    EXPECT_EQ(back->route, p.route) << p.Path();
    EXPECT_EQ(back->org, p.org) << p.Path();
    EXPECT_EQ(back->page, p.page) << p.Path();
    EXPECT_EQ(back->service_account_id, p.service_account_id) << p.Path();
    EXPECT_EQ(back->repo_type, p.repo_type) << p.Path();
    EXPECT_EQ(back->repo_id, p.repo_id) << p.Path();
    EXPECT_EQ(back->whoami_name, p.whoami_name) << p.Path();
    // The URL is the path's, without the page and the extension.
    EXPECT_EQ(absl::StrCat("/", p.Path()).find(p.Url()), 0u) << p.Path();
  }
}

TEST(OrgLayoutTest, PathsOutsideTheLayoutAreNotResponses) {
  for (const char* path : {
           "README.md",
           "api/organizations/acme/members.json",
           "api/organizations/acme/members/page-0.json",
           "api/organizations/acme/members/page-01.json",
           "api/organizations/acme/members/page-x.json",
           "api/organizations/acme/members/page-1.txt",
           "api/organizations/acme/audit-log/page-1.json",
           "api/organizations/acme/service-accounts/not-an-id.json",
           "api/models/acme.json",
           "api/models/acme/m/resource-group.json",
           "api/buckets/acme/b.json",
           "api/whoami-v2/.json",
           "api/whoami-v2/a/b.json",
           "api/organizations/../members/page-1.json",
       }) {
    EXPECT_FALSE(ParseResponsePath(path).has_value()) << path;
  }
}

TEST(OrgLayoutTest, ADirectoryMustHoldExactlyOneOrg) {
  Tree tree = ReadTree(kSample);
  tree.emplace_back("api/organizations/other/members/page-1.json", "[]");
  EXPECT_THAT(Import(WriteTree(tree, "two_orgs")).issues, HasSubstr("several organizations ('acme', 'other')"));
  EXPECT_THAT(Import(WriteTree({{"api/whoami-v2/a.json", "{}"}}, "no_org")).issues, HasSubstr("holds no organization's responses"));
  EXPECT_THAT(Import(absl::StrCat(kSample, "/api/whoami-v2/alice.json")).issues, HasSubstr("is not a directory"));
}

TEST(OrgLayoutTest, FilesOutsideTheLayoutAreListed) {
  Tree tree = ReadTree(kSample);
  tree.emplace_back("notes.txt", "hello");
  absl::StatusOr<OrgResponses> responses = ReadOrgResponses(WriteTree(tree, "extra_file"));
  ASSERT_TRUE(responses.ok()) << responses.status();
  ASSERT_EQ(responses->not_in_layout.size(), 1u);
  EXPECT_THAT(responses->not_in_layout[0], HasSubstr("notes.txt"));
  EXPECT_EQ(responses->responses.size(), ReadTree(kSample).size());
}

// --- the sample org --------------------------------------------------------------------------------

TEST(OrgImportTest, SampleOrgMatchesTheGoldensAndLoads) {
  const Result result = Import(kSample);
  ASSERT_TRUE(result.ok) << result.issues;
  EXPECT_EQ(result.issues, ReadFileOrEmpty("testdata/org/acme.issues.golden")) << "actual:\n" << result.issues;
  EXPECT_EQ(result.fixture, ReadFileOrEmpty("testdata/org/acme.fixture.golden")) << "actual:\n" << result.fixture;
  Fixtures loaded = LoadFixtureTexts({{"acme.yaml", result.fixture}});
  EXPECT_TRUE(loaded.ok()) << loaded.RenderIssues();
  EXPECT_EQ(loaded.world.cases.size(), 0u) << "cases live in their own files";
  // Nothing the import does not model is copied: emails, avatars, a token's last four characters.
  for (const char* absent : {"@", "avatar", "Qx7Z", "fullname", "CI publisher"}) {
    EXPECT_THAT(result.fixture, Not(HasSubstr(absent))) << absent;
  }
}

TEST(OrgImportTest, ReimportIsByteIdenticalWhateverTheOrderFilesWereWritten) {
  const Result first = Import(kSample);
  ASSERT_TRUE(first.ok) << first.issues;
  Tree reversed = ReadTree(kSample);
  std::reverse(reversed.begin(), reversed.end());
  const Result second = Import(WriteTree(reversed, "reversed"));
  ASSERT_TRUE(second.ok) << second.issues;
  EXPECT_EQ(first.fixture, second.fixture);
  EXPECT_EQ(first.fixture, Import(kSample).fixture);
}

TEST(OrgImportTest, OptionsSetThePlanAndTheTokenPolicy) {
  OrgImportOptions options;
  options.token_policy = TokenPolicy::kRequireApproval;
  const Result result = Import(kSample, options);
  ASSERT_TRUE(result.ok) << result.issues;
  EXPECT_THAT(result.fixture, HasSubstr("token_policy: require_approval"));
  EXPECT_THAT(result.fixture, HasSubstr("# token policy: require_approval (--token-policy)"));
  options.plan = OrgPlan::kTeam;
  const Result team = Import(kSample, options);
  EXPECT_FALSE(team.ok);
  EXPECT_THAT(team.issues, HasSubstr("service-accounts/page-1.json:4:13: error: the org has service accounts, which "
                                     "need the enterprise plan, but the plan is team"));
}

TEST(OrgImportTest, WithoutAWhoamiResponseThePlanIsInferred) {
  Tree tree;
  for (auto& [path, text] : ReadTree(kSample)) {
    if (path.find("whoami-v2") == std::string::npos) tree.emplace_back(path, text);
  }
  const Result result = Import(WriteTree(tree, "no_whoami"));
  ASSERT_TRUE(result.ok) << result.issues;
  EXPECT_THAT(result.fixture, HasSubstr("# plan: enterprise (inferred from what the org uses"));
  EXPECT_THAT(result.fixture, HasSubstr("name: ci-push"));
  EXPECT_THAT(result.fixture, Not(HasSubstr("limited-test-token")));
}

// A secret pasted into any string of any response (a value or a key) is copied nowhere: neither into
// the fixture nor into an issue.
TEST(OrgImportTest, ASecretInAnyStringIsCopiedNowhere) {
  const Tree sample = ReadTree(kSample);
  int strings = 0;
  for (size_t f = 0; f < sample.size(); ++f) {
    const std::string& text = sample[f].second;
    for (size_t open = text.find('"'); open != std::string::npos;) {
      const size_t close = text.find('"', open + 1);
      ASSERT_NE(close, std::string::npos);
      Tree tree = sample;
      tree[f].second = absl::StrCat(text.substr(0, open + 1), kSecret, text.substr(close));
      const Result result = Import(WriteTree(tree, "secret"));
      ++strings;
      EXPECT_THAT(result.issues + result.fixture, Not(HasSubstr("QmVyeVNlY3JldFRva2Vu")))
          << sample[f].first << " at byte " << open;
      open = text.find('"', close + 1);
    }
  }
  EXPECT_GT(strings, 300);
}

// --- errors, each at its position --------------------------------------------------------------------

struct ErrorCase {
  const char* name;
  const char* path;  // the file of the sample replaced
  const char* text;  // its new text ("" removes the file)
  const char* expected;  // a line of the issues
};

class OrgImportErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(OrgImportErrorTest, IsReportedAtItsPosition) {
  const ErrorCase& c = GetParam();
  Tree tree;
  for (auto& [path, text] : ReadTree(kSample)) {
    if (path != c.path) tree.emplace_back(path, text);
  }
  if (*c.text != '\0') tree.emplace_back(c.path, c.text);
  const Result result = Import(WriteTree(tree, "error"));
  EXPECT_FALSE(result.ok && std::string(c.expected).find(": error: ") != std::string::npos) << result.issues;
  EXPECT_THAT(result.issues, HasSubstr(c.expected)) << result.issues;
  if (!result.ok) {
    EXPECT_EQ(result.fixture, "");
  }
}

constexpr char kMembers1[] = "api/organizations/acme/members/page-1.json";
constexpr char kMembers2[] = "api/organizations/acme/members/page-2.json";
constexpr char kGroups[] = "api/organizations/acme/resource-groups/page-1.json";
constexpr char kRepos[] = "api/organizations/acme/settings/repositories/page-1.json";
constexpr char kAccount[] = "api/organizations/acme/service-accounts/66cc00bb11cc22dd33ee0001.json";
constexpr char kInfo[] = "api/models/acme/public-model.json";

INSTANTIATE_TEST_SUITE_P(
    Responses, OrgImportErrorTest,
    ::testing::Values(
        ErrorCase{"NotJson", kMembers1, "[{\"user\": \"alice\",, }]", "members/page-1.json:1:"},
        ErrorCase{"NotAnArray", kMembers1, "{\"user\": \"alice\"}",
                  "members/page-1.json:1:1: error: expected the JSON array of the members of an org"},
        ErrorCase{"MissingRole", kMembers1, "[\n  {\"user\": \"zed\", \"type\": \"user\"}\n]",
                  "members/page-1.json:2:3: error: a member has no 'role': the Hub shows members' roles to the org's "
                  "admins only; fetch with an admin's token"},
        ErrorCase{"UnknownRole", kMembers1, "[{\"user\": \"zed\", \"role\": \"owner\"}]",
                  "members/page-1.json:1:26: error: unknown org role (valid: no_access, read, contributor, write, admin)"},
        ErrorCase{"NotAUserName", kMembers1, "[{\"user\": \"a\", \"role\": \"read\"}]",
                  "members/page-1.json:1:11: error: 'user' is not a valid name: it has 1 character"},
        ErrorCase{"WrongType", kMembers1, "[{\"user\": 42, \"role\": \"read\"}]",
                  "members/page-1.json:1:11: error: 'user' must be a string, not a number"},
        ErrorCase{"ListedTwice", kMembers2, "[{\"user\": \"alice\", \"role\": \"read\"}]",
                  "members/page-2.json:1:11: error: member 'alice' is listed twice (first at "},
        ErrorCase{"MissingMembers", kMembers1, "",
                  "members/page-2.json:1:1: error: page 2 of GET /api/organizations/{name}/members without page 1"},
        ErrorCase{"UnknownKeyNamed", kMembers2, "[{\"user\": \"zed\", \"role\": \"read\", \"shoeSize\": 44}]",
                  "members/page-2.json:1:34: warning: unknown key 'shoeSize' in a member"},
        ErrorCase{"SecretShapedValue", kMembers2, "[{\"user\": \"hf_AbCdEfGhIjKlMnOpQrStUv\", \"role\": \"read\"}]",
                  "members/page-2.json:1:11: error: 'user' holds what looks like an access token or key"},
        ErrorCase{"GroupUnknownAutoJoinRole", kGroups,
                  "[{\"id\": \"66aa00bb11cc22dd33ee4455\", \"name\": \"g\", \"users\": [], \"resources\": [],\n"
                  "  \"autoJoin\": {\"enabled\": true, \"role\": \"boss\"}}]",
                  "resource-groups/page-1.json:2:41: error: unknown autoJoin role"},
        ErrorCase{"RepoInTwoGroups", kGroups,
                  "[{\"id\": \"66aa00bb11cc22dd33ee4455\", \"name\": \"g1\", \"users\": [],\n"
                  "  \"resources\": [{\"type\": \"model\", \"name\": \"acme/public-model\", \"private\": false}]},\n"
                  " {\"id\": \"66aa00bb11cc22dd33ee4466\", \"name\": \"g2\", \"users\": [],\n"
                  "  \"resources\": [{\"type\": \"model\", \"name\": \"acme/public-model\", \"private\": false}]}]",
                  "resource-groups/page-1.json:4:43: error: model 'acme/public-model' is in resource group 'g2' and in "
                  "'g1': a repo belongs to at most one group"},
        ErrorCase{"RepoOutsideTheOrg", kRepos,
                  "[{\"id\": \"other/m\", \"type\": \"model\", \"visibility\": \"public\", \"updatedAt\": \"x\", "
                  "\"storage\": 1, \"storagePercent\": 1}]",
                  "repositories/page-1.json:1:9: error: repo 'other/m' is not in the namespace of org 'acme'"},
        ErrorCase{"BadVisibility", kRepos, "[{\"id\": \"acme/m\", \"type\": \"model\", \"visibility\": \"secret\"}]",
                  "repositories/page-1.json:1:50: error: unknown 'visibility' (valid: public, private, protected)"},
        ErrorCase{"InfoOfAnotherRepo", kInfo, "{\"_id\": \"6677aa00bb11cc22dd33ee03\", \"id\": \"acme/gated-model\", \"private\": false}",
                  "models/acme/public-model.json:1:43: error: 'id' is 'acme/gated-model' but the file is the info of "
                  "'acme/public-model'"},
        ErrorCase{"BadGated", kInfo, "{\"_id\": \"6677aa00bb11cc22dd33ee03\", \"id\": \"acme/public-model\", \"gated\": true}",
                  "models/acme/public-model.json:1:73: error: 'gated' must be false, \"auto\" or \"manual\""},
        ErrorCase{"NoInfo", kInfo, "",
                  "repositories/page-1.json:5:10: warning: model 'acme/public-model' has no saved GET "
                  "/api/models/acme/public-model response: it is taken as not gated"},
        ErrorCase{"ClassicServiceAccountToken", kAccount,
                  "{\"_id\": \"66cc00bb11cc22dd33ee0001\", \"user\": \"acme-ci\", \"accessTokens\": [\n"
                  "  {\"displayName\": \"old\", \"role\": \"write\", \"permissions\": [], \"repoIds\": [], "
                  "\"repoPermissions\": []}]}",
                  "66cc00bb11cc22dd33ee0001.json:2:34: error: a service account's token must be fineGrained"},
        ErrorCase{"UnknownRepoId", kAccount,
                  "{\"_id\": \"66cc00bb11cc22dd33ee0001\", \"user\": \"acme-ci\", \"accessTokens\": [\n"
                  "  {\"displayName\": \"t\", \"role\": \"fineGrained\", \"permissions\": [], \"repoIds\": "
                  "[\"6677aa00bb11cc22dd33eeff\"], \"repoPermissions\": [\"repo.write\"]}]}",
                  "66cc00bb11cc22dd33ee0001.json:2:78: warning: repo 6677aa00bb11cc22dd33eeff has no saved GET "
                  "/api/{type}s/{id} response, so its name is unknown: this repo scope is left out"},
        ErrorCase{"NotAPermission", kAccount,
                  "{\"_id\": \"66cc00bb11cc22dd33ee0001\", \"user\": \"acme-ci\", \"accessTokens\": [\n"
                  "  {\"displayName\": \"t\", \"role\": \"fineGrained\", \"permissions\": [\"Bad Value\"], \"repoIds\": [], "
                  "\"repoPermissions\": []}]}",
                  "66cc00bb11cc22dd33ee0001.json:2:63: warning: 'permissions[]' holds something that is not a permission "
                  "(lowercase words joined by dots); left out"},
        ErrorCase{"AccountOfAnotherFile", kAccount, "{\"_id\": \"66cc00bb11cc22dd33ee0009\", \"user\": \"acme-ci\", \"accessTokens\": []}",
                  "66cc00bb11cc22dd33ee0001.json:1:9: error: '_id' is not the service account id of the file's name"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace hubperm
