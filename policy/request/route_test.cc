// Copyright 2026 The hubperm Authors.

#include "policy/request/route.h"

#include <string>

#include "absl/strings/str_cat.h"
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
  absl::StatusOr<RequestBody> body = ParseRequestBody(c.body);
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
        // The query is percent-decoded as the path is; a fragment is dropped (a client never sends one).
        RouteCase{"EncodedQuery", "POST /api/spaces/acme/s/commit/main?create%5Fpr=%31", "", O::kCreatePullRequest, S, "acme/s"},
        RouteCase{"FragmentDropped", "GET /api/models/acme/m#readme", "", O::kRepoInfo, M, "acme/m"},
        RouteCase{"FragmentAfterQuery", "GET https://huggingface.co/api/models/acme/m?expand=x#top", "", O::kRepoInfo, M, "acme/m"},
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
  EXPECT_THAT(UnmodeledText(*spec), HasSubstr("GET /api/organizations/{name}/billing/usage is not modeled: billing"));
}

TEST(ParseHttpRequest, AnUnknownVerbIsNamed) {
  EXPECT_THAT(std::string(ParseHttpRequest("GETT /api/whoami-v2", {}).status().message()),
              HasSubstr("unknown HTTP verb 'GETT'; did you mean 'GET'? (verbs: GET, HEAD, POST, PUT, PATCH, DELETE)"));
}

TEST(ParseHttpRequest, ADuplicateNeedsWhereTheCopyGoes) {
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/spaces/acme/s/duplicate", {}).status().message()),
              HasSubstr("needs a body with 'repository'"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/spaces/acme/s/duplicate", RequestBody::Json({{"repository", "x"}})).status().message()),
              HasSubstr("duplicate_repo's destination 'x' must be NAMESPACE/NAME"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/spaces/acme/s/duplicate", RequestBody::Json({{"repo", "b/c"}})).status().message()),
              HasSubstr("unknown body field 'repo'"));
}

TEST(ParseHttpRequest, RejectsMalformedLinesAndBodies) {
  EXPECT_FALSE(ParseHttpRequest("/api/repos/create", {}).ok());
  EXPECT_FALSE(ParseHttpRequest("POST api/repos/create", {}).ok());
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/create", RequestBody::Json({{"type", "model"}})).status().message()),
              HasSubstr("needs a body with 'name'"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/create", RequestBody::Json({{"name", "x"}, {"organisation", "acme"}}))
                              .status()
                              .message()),
              HasSubstr("unknown body field 'organisation'; did you mean 'organization'?"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/create", RequestBody::Json({{"name", "x"}, {"type", "modle"}})).status().message()),
              HasSubstr("must be model, dataset or space"));
  EXPECT_THAT(std::string(ParseHttpRequest("GET /api/whoami-v2", RequestBody::Json({{"a", "b"}})).status().message()), HasSubstr("takes no body"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/move", RequestBody::Json({{"fromRepo", "acme/m"}})).status().message()),
              HasSubstr("needs a body with 'fromRepo' and 'toRepo'"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/move", RequestBody::Json({{"fromRepo", "acme/m"}, {"toRepo", "m2"}})).status().message()),
              HasSubstr("move_repo's destination 'm2' must be NAMESPACE/NAME"));
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/move", RequestBody::Json({{"fromRepo", "a/m"}, {"to", "b/m"}})).status().message()),
              HasSubstr("unknown body field 'to'"));
}

// A commit's NDJSON lines as the clients send them, and what is wrong with each bad one.
struct CommitBodyRow {
  const char* name;
  const char* lines;
  const char* error;  // "" when accepted
};

TEST(ParseHttpRequest, CommitBodiesAreCheckedLineByLine) {
  const char* header = "{\"key\":\"header\",\"value\":{\"summary\":\"s\",\"description\":\"\"}}\n";
  const CommitBodyRow rows[] = {
      {"python upload", "{\"key\":\"file\",\"value\":{\"content\":\"eA==\",\"path\":\"a\",\"encoding\":\"base64\"}}", ""},
      {"js lfs", "{\"key\":\"lfsFile\",\"value\":{\"path\":\"b\",\"algo\":\"sha256\",\"size\":1,\"oid\":\"ab\"}}", ""},
      {"delete folder", "{\"key\":\"deletedFolder\",\"value\":{\"path\":\"sub\"}}", ""},
      {"openapi deletedEntry", "{\"key\":\"deletedEntry\",\"value\":{\"path\":\"x\"}}", ""},
      {"unknown key", "{\"key\":\"deletedFiles\",\"value\":{\"path\":\"x\"}}",
       "body line 2: unknown key 'deletedFiles'; did you mean 'deletedFile' or 'deletedFolder'? for POST"},
      {"unknown field", "{\"key\":\"file\",\"value\":{\"path\":\"a\",\"contents\":\"x\"}}",
       "body line 2: unknown field 'contents' of file; did you mean 'content'?"},
      {"no path", "{\"key\":\"lfsFile\",\"value\":{\"oid\":\"ab\"}}", "body line 2: lfsFile needs 'path'"},
      {"second header", "{\"key\":\"header\",\"value\":{\"summary\":\"t\"}}", "body line 2: a commit has one header line"},
  };
  for (const CommitBodyRow& row : rows) {
    absl::StatusOr<RequestBody> body = ParseRequestBody(absl::StrCat(header, row.lines, "\n"));
    ASSERT_TRUE(body.ok()) << row.name << ": " << body.status();
    ASSERT_EQ(body->format, BodyFormat::kNdjson) << row.name;
    absl::StatusOr<RequestDescription> spec = ParseHttpRequest("POST /api/models/acme/m/commit/main", *body);
    if (*row.error == '\0') {
      ASSERT_TRUE(spec.ok()) << row.name << ": " << spec.status();
      EXPECT_EQ(spec->operation, Operation::kCreateCommit) << row.name;
    } else {
      ASSERT_FALSE(spec.ok()) << row.name;
      EXPECT_THAT(std::string(spec.status().message()), HasSubstr(row.error)) << row.name;
    }
  }
  // The header comes first.
  absl::StatusOr<RequestBody> headless =
      ParseRequestBody("{\"key\":\"file\",\"value\":{\"path\":\"a\"}}\n" + std::string(header), "application/x-ndjson");
  ASSERT_TRUE(headless.ok());
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/models/acme/m/commit/main", *headless).status().message()),
              HasSubstr("body line 1: a commit starts with its header line"));
  // NDJSON goes to commits only.
  absl::StatusOr<RequestBody> lines = ParseRequestBody(std::string(header) + header);
  ASSERT_TRUE(lines.ok());
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/create", *lines).status().message()),
              HasSubstr("POST /api/repos/create takes a JSON body, not NDJSON"));
}

TEST(ParseHttpRequest, TheLfsBatchApiIsDecidedByItsOperation) {
  const std::string batch = "POST /acme/m.git/info/lfs/objects/batch";
  absl::StatusOr<RequestDescription> upload =
      ParseHttpRequest(batch, RequestBody::Json({{"operation", "upload"}, {"objects", ""}, {"transfers", ""}}));
  ASSERT_TRUE(upload.ok()) << upload.status();
  EXPECT_EQ(upload->operation, Operation::kCreateCommit);
  EXPECT_EQ(upload->repo, "acme/m");
  EXPECT_EQ(upload->repo_type, RepoType::kModel);
  absl::StatusOr<RequestDescription> download =
      ParseHttpRequest("POST /datasets/acme/d.git/info/lfs/objects/batch", RequestBody::Json({{"operation", "download"}}));
  ASSERT_TRUE(download.ok()) << download.status();
  EXPECT_EQ(download->operation, Operation::kDownloadFile);
  EXPECT_EQ(download->repo, "acme/d");
  EXPECT_EQ(download->repo_type, RepoType::kDataset);
  EXPECT_THAT(std::string(ParseHttpRequest(batch, RequestBody()).status().message()),
              HasSubstr("is decided by its body's 'operation': upload or download (the body has none)"));
  EXPECT_THAT(std::string(ParseHttpRequest(batch, RequestBody::Json({{"operation", "push"}})).status().message()),
              HasSubstr("(not 'push')"));
  // ".git" alone names no repo.
  EXPECT_FALSE(ParseHttpRequest("POST /acme/.git/info/lfs/objects/batch", RequestBody::Json({{"operation", "upload"}})).ok());
}

TEST(ParseHttpRequest, ABucketMovedThroughTheReposRouteIsNotModeled) {
  absl::StatusOr<RequestDescription> spec = ParseHttpRequest(
      "POST /api/repos/move", RequestBody::Json({{"fromRepo", "acme/b"}, {"toRepo", "acme/b2"}, {"type", "bucket"}}));
  ASSERT_TRUE(spec.ok()) << spec.status();
  EXPECT_FALSE(spec->modeled());
  EXPECT_THAT(UnmodeledText(*spec), HasSubstr("POST /api/repos/move is not modeled: storage buckets are a repo type"));
  EXPECT_THAT(UnmodeledJson(*spec), HasSubstr("\"unmodeled\": \"buckets\""));
}

TEST(ParseHttpRequest, FormEncodedBodiesAreFields) {
  absl::StatusOr<RequestBody> body = ParseRequestBody("paths=config.json&expand=false");
  ASSERT_TRUE(body.ok());
  absl::StatusOr<RequestDescription> spec = ParseHttpRequest("POST /api/models/acme/m/paths-info/main", *body);
  ASSERT_TRUE(spec.ok()) << spec.status();
  EXPECT_EQ(spec->operation, Operation::kRepoInfo);
  EXPECT_THAT(std::string(ParseHttpRequest("POST /api/repos/create", RequestBody{BodyFormat::kForm, {{"nam", "x"}}, {}})
                              .status()
                              .message()),
              HasSubstr("unknown body field 'nam'; did you mean 'name'?"));
}

TEST(ParseHttpRequest, ANameFieldOfTheWrongTypeIsAnErrorNeverDropped) {
  // Were `organization` dropped, the create would be decided in the user's own namespace.
  for (const char* body : {R"({"type": "model", "name": "x", "organization": 42})",
                           R"({"type": "model", "name": "x", "organization": {"name": "acme"}})",
                           R"({"type": "model", "name": "x", "organization": ["acme"]})",
                           R"({"type": "model", "name": "x", "organization": true})"}) {
    absl::StatusOr<RequestBody> parsed = ParseRequestBody(body);
    ASSERT_FALSE(parsed.ok()) << body;
    EXPECT_THAT(std::string(parsed.status().message()), HasSubstr("body field 'organization' (line 1, column 48) must be a string or null"))
        << body;
  }
  absl::StatusOr<RequestBody> name = ParseRequestBody(R"({"type": "model", "name": 7})");
  EXPECT_THAT(std::string(name.status().message()), HasSubstr("body field 'name' (line 1, column 27) must be a string, not a number"));
  // null is what the OpenAPI description allows for organization: the user's own namespace.
  EXPECT_TRUE(ParseRequestBody(R"({"type": "model", "name": "x", "organization": null})").ok());
  EXPECT_TRUE(ParseRequestBody(R"({"type": "model", "name": "123"})").ok());  // a string of digits is a string
}

}  // namespace
}  // namespace hubperm
