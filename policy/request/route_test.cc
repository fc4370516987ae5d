// Copyright 2026 The hubperm Authors.

#include "policy/request/route.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

struct RouteCase {
  std::string name;
  std::string http;
  std::string body;
  Operation operation;
  RepoType type;
  std::string repo = "";
  std::string ns = "";
  std::string org = "";
  std::string group = "";
};

class RouteTest : public ::testing::TestWithParam<RouteCase> {};

TEST_P(RouteTest, ParsesToTheSpec) {
  const RouteCase& c = GetParam();
  absl::StatusOr<Body> body = ParseBody(c.body);
  ASSERT_TRUE(body.ok()) << body.status();
  absl::StatusOr<RequestDescription> spec = ParseHttpRequest(c.http, *body);
  ASSERT_TRUE(spec.ok()) << spec.status();
  EXPECT_EQ(spec->operation, c.operation);
  EXPECT_EQ(spec->repo_type, c.type);
  EXPECT_EQ(spec->repo, c.repo);
  EXPECT_EQ(spec->ns, c.ns);
  EXPECT_EQ(spec->org, c.org);
  EXPECT_EQ(spec->group, c.group);
}

using O = Operation;
constexpr RepoType M = RepoType::kModel, D = RepoType::kDataset, S = RepoType::kSpace;

INSTANTIATE_TEST_SUITE_P(
    Spec, RouteTest,
    ::testing::Values(
        RouteCase{"Download", "GET /acme/m/resolve/main/config.json", "", O::kDownloadFile, M, "acme/m"},
        RouteCase{"DownloadDatasetNested", "GET /datasets/acme/d/resolve/main/a/b.csv", "", O::kDownloadFile, D, "acme/d"},
        RouteCase{"DownloadSpaceHead", "head /spaces/acme/s/resolve/main/app.py", "", O::kDownloadFile, S, "acme/s"},
        RouteCase{"FullUrl", "GET https://huggingface.co/api/models/acme/m", "", O::kRepoInfo, M, "acme/m"},
        RouteCase{"Create", "POST /api/repos/create", R"({"type": "model", "name": "x", "organization": "acme"})",
                  O::kCreateRepo, M, "", "acme"},
        RouteCase{"CreateDatasetInGroup", "POST /api/repos/create",
                  "{type: dataset, name: x, organization: acme, resourceGroupId: g, private: true}", O::kCreateRepo, D,
                  "", "acme", "", "g"},
        RouteCase{"CreateInOwnNamespace", "POST /api/repos/create", R"({"name": "x"})", O::kCreateRepo, M, "", ""},
        RouteCase{"Delete", "DELETE /api/repos/delete", R"({"type": "space", "name": "x", "organization": "acme"})",
                  O::kDeleteRepo, S, "acme/x"},
        RouteCase{"Move", "POST /api/repos/move", R"({"fromRepo": "acme/d", "toRepo": "other/d2", "type": "dataset"})",
                  O::kMoveRepo, D, "acme/d", "other"},
        RouteCase{"MoveDefaultsToAModel", "POST /api/repos/move", "{fromRepo: acme/m, toRepo: acme/m2}", O::kMoveRepo, M,
                  "acme/m", "acme"},
        RouteCase{"Settings", "PUT /api/datasets/acme/d/settings", R"({"private": true})", O::kUpdateRepoSettings, D, "acme/d"},
        RouteCase{"Commit", "POST /api/models/acme/m/commit/main", "", O::kCreateCommit, M, "acme/m"},
        RouteCase{"CommitEncodedRevision", "POST /api/models/acme/m/commit/refs%2Fpr%2F1", "", O::kCreateCommit, M, "acme/m"},
        RouteCase{"CommitAsPullRequest", "POST /api/spaces/acme/s/commit/main?create_pr=1", "", O::kCreatePullRequest, S, "acme/s"},
        RouteCase{"Preupload", "POST /api/models/acme/m/preupload/main", "", O::kCreateCommit, M, "acme/m"},
        RouteCase{"CreateBranch", "POST /api/models/acme/m/branch/dev", "", O::kCreateBranch, M, "acme/m"},
        RouteCase{"DeleteBranch", "DELETE /api/models/acme/m/branch/dev", "", O::kDeleteBranch, M, "acme/m"},
        RouteCase{"CreateTag", "POST /api/models/acme/m/tag/main", "", O::kCreateTag, M, "acme/m"},
        RouteCase{"Discussion", "POST /api/models/acme/m/discussions", "", O::kCreateDiscussion, M, "acme/m"},
        RouteCase{"Comment", "POST /api/models/acme/m/discussions/3/comment", "", O::kCommentDiscussion, M, "acme/m"},
        RouteCase{"ListAccessRequests", "GET /api/models/acme/m/user-access-request/pending", "", O::kListAccessRequests, M, "acme/m"},
        RouteCase{"HandleAccessRequest", "POST /api/models/acme/m/user-access-request/handle", "", O::kHandleAccessRequest, M, "acme/m"},
        RouteCase{"MoveToGroup", "POST /api/models/acme/m/resource-group", R"({"resourceGroupId": "g"})", O::kMoveRepoToGroup, M,
                  "acme/m", "", "", "g"},
        RouteCase{"OrgMembers", "GET /api/organizations/acme/members", "", O::kListOrgMembers, M, "", "", "acme"},
        RouteCase{"MemberRole", "PUT /api/organizations/acme/members/bob/role", "", O::kChangeMemberRole, M, "", "", "acme"},
        RouteCase{"Whoami", "GET /api/whoami-v2", "", O::kWhoami, M},
        RouteCase{"AddGroupMember", "POST /api/organizations/acme/resource-groups/g/users", "", O::kManageGroupMembers, M, "",
                  "", "acme", "g"},
        RouteCase{"ChangeGroupMember", "PATCH /api/organizations/acme/resource-groups/g/users/bob", "", O::kManageGroupMembers,
                  M, "", "", "acme", "g"},
        RouteCase{"RemoveGroupMember", "DELETE /api/organizations/acme/resource-groups/g/users/bob", "",
                  O::kManageGroupMembers, M, "", "", "acme", "g"},
        RouteCase{"CreateGroup", "POST /api/organizations/acme/resource-groups", "", O::kCreateGroup, M, "", "", "acme"},
        // Routes beyond the spec's table, from the catalogue.
        RouteCase{"TreeAtTheRoot", "GET /api/datasets/acme/d/tree/main", "", O::kRepoInfo, D, "acme/d"},
        RouteCase{"TreeOfAFolderAtAPullRequest", "GET https://huggingface.co/api/models/acme/m/tree/refs%2Fpr%2F1/a/b?recursive=1",
                  "", O::kRepoInfo, M, "acme/m"},
        RouteCase{"ResolveCache", "GET /api/resolve-cache/spaces/acme/s/abc123/app.py", "", O::kDownloadFile, S, "acme/s"},
        RouteCase{"SuperSquash", "POST /api/spaces/acme/s/super-squash/main", "", O::kWriteRepo, S, "acme/s"},
        RouteCase{"MergePullRequestOfADataset", "POST /api/datasets/acme/d/discussions/4/merge", "", O::kWriteRepo, D, "acme/d"},
        RouteCase{"RestartSpace", "POST /api/spaces/acme/s/restart", "", O::kWriteRepo, S, "acme/s"},
        RouteCase{"Duplicate", "POST /api/spaces/acme/s/duplicate", R"({"repository": "bob/copy", "private": true})",
                  O::kDuplicateRepo, S, "acme/s", "bob"},
        RouteCase{"GrantAccess", "POST /api/models/acme/m/user-access-request/grant", "{user: bob}", O::kHandleAccessRequest, M,
                  "acme/m"},
        RouteCase{"UpdateGroup", "PATCH /api/organizations/acme/resource-groups/g", "", O::kManageGroupMembers, M, "", "",
                  "acme", "g"},
        RouteCase{"NetworkSecurity", "GET /api/organizations/acme/settings/network-security", "", O::kManageOrg, M, "", "",
                  "acme"},
        RouteCase{"AnotherHost", "GET http://localhost:8080/api/whoami-v2", "", O::kWhoami, M}),
    [](const ::testing::TestParamInfo<RouteCase>& info) { return info.param.name; });

TEST(ParseHttpRequest, UnknownRouteNamesTheNearestKnownOnes) {
  absl::StatusOr<RequestDescription> spec = ParseHttpRequest("POST /api/repos/crate", {});
  ASSERT_FALSE(spec.ok());
  EXPECT_THAT(std::string(spec.status().message()), HasSubstr("unknown route 'POST /api/repos/crate'"));
  EXPECT_THAT(std::string(spec.status().message()), HasSubstr("\n  POST /api/repos/create"));
}

TEST(ParseHttpRequest, TheMostSpecificRouteWins) {
  // /api/jobs/hardware is also /api/jobs/{namespace}; the literal segment wins.
  absl::StatusOr<RequestDescription> spec = ParseHttpRequest("GET /api/jobs/hardware", {});
  ASSERT_TRUE(spec.ok()) << spec.status();
  ASSERT_NE(spec->asked.route, nullptr);
  EXPECT_EQ(spec->asked.route->path, "/api/jobs/hardware");
}

TEST(ParseHttpRequest, AnUnmodeledRouteCarriesItsReason) {
  absl::StatusOr<RequestDescription> spec = ParseHttpRequest("GET /api/organizations/acme/billing/usage", {});
  ASSERT_TRUE(spec.ok()) << spec.status();
  EXPECT_FALSE(spec->modeled());
  EXPECT_EQ(spec->asked.route->unmodeled, "billing");
  EXPECT_THAT(UnmodeledText(*spec->asked.route), HasSubstr("GET /api/organizations/{name}/billing/usage is not modeled: billing"));
}

TEST(ParseHttpRequest, AnUnknownVerbIsNamed) {
  EXPECT_THAT(std::string(ParseHttpRequest("GETT /api/whoami-v2", {}).status().message()),
              HasSubstr("unknown HTTP verb 'GETT'; did you mean 'GET'? (verbs: GET, HEAD, POST, PUT, PATCH, DELETE)"));
}

TEST(ParseHttpRequest, ADuplicateNeedsWhereTheCopyGoes) {
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/spaces/acme/s/duplicate", {}).status().message()),
              HasSubstr("needs a body with 'repository'"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/spaces/acme/s/duplicate", {{"repository", "x"}}).status().message()),
              HasSubstr("duplicate_repo's destination 'x' must be NAMESPACE/NAME"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/spaces/acme/s/duplicate", {{"repo", "b/c"}}).status().message()),
              HasSubstr("unknown body field 'repo'"));
}

TEST(ParseHttpRequest, RejectsMalformedLinesAndBodies) {
  EXPECT_FALSE(ParseHttpRequest("/api/repos/create", {}).ok());
  EXPECT_FALSE(ParseHttpRequest("POST api/repos/create", {}).ok());
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/create", {{"type", "model"}}).status().message()),
              HasSubstr("needs a body with 'name'"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/create", {{"name", "x"}, {"organisation", "acme"}})
                              .status()
                              .message()),
              HasSubstr("unknown body field 'organisation'; did you mean 'organization'?"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/create", {{"name", "x"}, {"type", "modle"}}).status().message()),
              HasSubstr("must be model, dataset or space"));
  EXPECT_THAT(std::string(ParseHttpRequest("GET /api/whoami-v2", {{"a", "b"}}).status().message()), HasSubstr("takes no body"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/move", {{"fromRepo", "acme/m"}}).status().message()),
              HasSubstr("needs a body with 'fromRepo' and 'toRepo'"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/move", {{"fromRepo", "acme/m"}, {"toRepo", "m2"}}).status().message()),
              HasSubstr("move_repo's destination 'm2' must be NAMESPACE/NAME"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/move", {{"fromRepo", "a/m"}, {"to", "b/m"}}).status().message()),
              HasSubstr("unknown body field 'to'"));
}

TEST(ParseBody, AcceptsJsonAndYamlAndRejectsTheRest) {
  absl::StatusOr<Body> json = ParseBody(R"({"name": "x", "private": true})");
  ASSERT_TRUE(json.ok());
  ASSERT_EQ(json->size(), 2u);
  EXPECT_EQ((*json)[1].second, "true");
  EXPECT_TRUE(ParseBody("name: x\norganization: acme\n").ok());
  EXPECT_TRUE(ParseBody("").ok());
  EXPECT_FALSE(ParseBody("[1, 2]").ok());
  EXPECT_FALSE(ParseBody("{\"name\": ").ok());
  EXPECT_FALSE(ParseBody(R"({"name": "x", "name": "y"})").ok());
}

}  // namespace
}  // namespace hubperm
