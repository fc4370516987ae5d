// Copyright 2026 The hubperm Authors.

#include "policy/request/catalogue.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

TEST(BuiltinCatalogueTest, Parses) {
  const Catalogue& c = BuiltinCatalogue();
  EXPECT_GT(c.routes().size(), 314u);
  for (const CatalogueRoute& r : c.routes()) {
    EXPECT_EQ(r.operation.has_value(), r.unmodeled.empty()) << r.Name();
    EXPECT_EQ(r.unmodeled.empty(), r.reason.empty()) << r.Name();
  }
}

TEST(BuiltinCatalogueTest, EveryRowTheSpecDoesNotNameIsAssumed) {
  // Rows decided as an operation of the spec's table keep its evidence or weaker; the new operations are
  // assumed throughout.
  for (const CatalogueRoute& r : BuiltinCatalogue().routes()) {
    if (!r.operation.has_value()) continue;
    const OperationInfo& op = GetOperationInfo(*r.operation);
    EXPECT_GE(static_cast<int>(r.user_evidence), static_cast<int>(op.user_evidence)) << r.Name();
    EXPECT_GE(static_cast<int>(r.token_evidence), static_cast<int>(op.token_evidence)) << r.Name();
  }
}

TEST(BuiltinCatalogueTest, MethodsFindTheirRows) {
  const Catalogue& c = BuiltinCatalogue();
  std::vector<const CatalogueRoute*> commits = c.RoutesOfMethod("upload_file");
  ASSERT_EQ(commits.size(), 3u);  // models, datasets, spaces
  for (const CatalogueRoute* r : commits) {
    EXPECT_EQ(r->method, "POST");
    EXPECT_TRUE(absl::StrContains(r->path, "/commit/{rev}")) << r->path;
    EXPECT_EQ(r->operation, Operation::kCreateCommit);
  }
  ASSERT_EQ(c.RoutesOfMethod("model_info").size(), 1u);
  EXPECT_EQ(c.RoutesOfMethod("model_info")[0]->type, RepoType::kModel);
  ASSERT_EQ(c.RoutesOfMethod("auth_check(write=True)").size(), 1u);
  EXPECT_EQ(c.RoutesOfMethod("auth_check(write=True)")[0]->operation, Operation::kWriteRepo);
  EXPECT_TRUE(c.RoutesOfMethod("no_such_method").empty());
}

TEST(BuiltinCatalogueTest, RowsKnowTheirRepoType) {
  for (const CatalogueRoute& r : BuiltinCatalogue().routes()) {
    if (r.path == "/datasets/{namespace}/{repo}/resolve/{rev}/{path}") {
      EXPECT_EQ(r.type, RepoType::kDataset);
    }
    if (r.path == "/{namespace}/{repo}/resolve/{rev}/{path}") {
      EXPECT_EQ(r.type, RepoType::kModel);  // the Hub drops the prefix for models only
    }
    if (r.path == "/api/{repoType}/{namespace}/{repo}/discussions") {
      EXPECT_TRUE(r.AnyType());
    }
  }
}

struct BadCatalogue {
  std::string name;
  std::string text;
  std::string error;  // expected in the message, with its position
};

class BadCatalogueTest : public ::testing::TestWithParam<BadCatalogue> {};

TEST_P(BadCatalogueTest, IsRefusedWithItsPosition) {
  absl::StatusOr<Catalogue> c = Catalogue::Parse(GetParam().text, "bad.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(std::string(c.status().message()), HasSubstr(GetParam().error));
}

constexpr char kReasons[] = "reasons: {papers: not modeled}\n";

INSTANTIATE_TEST_SUITE_P(
    Rows, BadCatalogueTest,
    ::testing::Values(
        BadCatalogue{"UnknownTopKey", "routes: []\nrutes: []\n", "bad.yaml:2:1: error: unknown key 'rutes' in the catalogue; did you mean 'routes'?"},
        BadCatalogue{"UnknownRowKey", "routes:\n  - {route: GET /api/whoami-v2, on: none, as: whoami, user: doc, token: doc, hf: [whoami]}\n",
                     "bad.yaml:2:78: error: unknown key 'hf' in a route row"},
        BadCatalogue{"RowWithoutOn", "routes:\n  - {route: GET /api/whoami-v2, as: whoami, user: doc, token: doc}\n",
                     "bad.yaml:2:5: error: a route row is missing 'on'"},
        BadCatalogue{"NotARow", "routes:\n  - [GET, /api/whoami-v2]\n",
                     "bad.yaml:2:5: error: a route row must be a mapping, not a sequence"},
        BadCatalogue{"RoutesNotAList", "routes: {a: b}\n", "bad.yaml:1:9: error: 'routes' must be a sequence, not a mapping"},
        BadCatalogue{"NoRoutes", "reasons: {}\n", "bad.yaml:1:1: error: the catalogue is missing 'routes'"},
        BadCatalogue{"BadVerb", "routes:\n  - {route: FETCH /x, on: none, as: whoami, user: doc, token: doc}\n",
                     "bad.yaml:2:13: error: route must be 'VERB /path'"},
        BadCatalogue{"UnknownOperation", "routes:\n  - {route: GET /api/whoami-v2, on: none, as: whoamy, user: doc, token: doc}\n",
                     "bad.yaml:2:47: error: unknown operation 'whoamy'; did you mean 'whoami'?"},
        BadCatalogue{"TargetDisagrees", "routes:\n  - {route: GET /api/whoami-v2, on: org, as: whoami, user: doc, token: doc}\n",
                     "bad.yaml:2:5: error: whoami does not act on org"},
        BadCatalogue{"PathLacksTheRepo", "routes:\n  - {route: GET /api/models, on: repo, as: repo_info, user: doc, token: doc}\n",
                     "does not name what repo_info acts on"},
        BadCatalogue{"MissingEvidence", "routes:\n  - {route: GET /api/whoami-v2, on: none, as: whoami, user: doc}\n",
                     "bad.yaml:2:5: error: a modeled route needs 'token: doc|seen|assumed'"},
        BadCatalogue{"BadEvidence", "routes:\n  - {route: GET /api/whoami-v2, on: none, as: whoami, user: known, token: doc}\n",
                     "bad.yaml:2:61: error: user must be doc, seen or assumed, not 'known'"},
        BadCatalogue{"BothAsAndUnmodeled", std::string(kReasons) + "routes:\n  - {route: GET /api/papers, on: none, as: whoami, unmodeled: papers, user: doc, token: doc}\n",
                     "needs exactly one of 'as'"},
        BadCatalogue{"UnknownReason", std::string(kReasons) + "routes:\n  - {route: GET /api/papers, on: none, unmodeled: paper}\n",
                     "bad.yaml:3:51: error: unknown reason 'paper'; did you mean 'papers'?"},
        BadCatalogue{"UnusedReason", std::string(kReasons) + "routes: []\n", "bad.yaml:1:11: error: reason 'papers' is not used by any route"},
        BadCatalogue{"DuplicateRoute", "routes:\n  - {route: GET /api/whoami-v2, on: none, as: whoami, user: doc, token: doc}\n"
                                       "  - {route: GET /api/whoami-v2, on: none, as: whoami, user: doc, token: doc}\n",
                     "bad.yaml:3:5: error: GET /api/whoami-v2 already has a row, at line 2"},
        BadCatalogue{"PathNotLast", "routes:\n  - {route: \"GET /{namespace}/{repo}/resolve/{path}/x\", on: repo, as: hf_hub_download, user: doc, token: doc}\n",
                     "{path} takes the rest of the path"}),
    [](const ::testing::TestParamInfo<BadCatalogue>& info) { return info.param.name; });

TEST(BadCatalogueTest, ReportsEveryProblem) {
  absl::StatusOr<Catalogue> c = Catalogue::Parse(
      "routes:\n"
      "  - {route: GET /a, on: nowhere, as: whoami, user: doc, token: doc}\n"
      "  - {route: GET /b, on: none, as: nothing, user: doc, token: doc}\n",
      "bad.yaml");
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(std::string(c.status().message()), HasSubstr("bad.yaml:2:25: error: unknown target 'nowhere'"));
  EXPECT_THAT(std::string(c.status().message()), HasSubstr("bad.yaml:3:35: error: unknown operation 'nothing'"));
}

}  // namespace
}  // namespace hubperm
