// Copyright 2026 The hubperm Authors.
//
// Every huggingface_hub method of the route catalogue decides exactly as the route it calls: for each row
// that names methods, and each repo type it serves, the method form (--operation M --repo ...) and the
// HTTP form (the row's route with the same target) give the same RequestDescription.

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "policy/request/catalogue.h"
#include "policy/request/method.h"
#include "policy/request/route.h"

namespace hubperm {
namespace {

// The row's path with every placeholder filled for repo acme/m (org acme, group g) of `type`.
std::string Fill(const CatalogueRoute& row, RepoType type) {
  std::vector<std::string> segments;
  for (const std::string& s : row.segments) {
    if (s == "{namespace}" || s == "{name}") {
      segments.push_back("acme");
    } else if (s == "{repo}") {
      segments.push_back("m");
    } else if (s == "{resourceGroupId}") {
      segments.push_back("g");
    } else if (s == "{repoType}") {
      segments.push_back(absl::StrCat(NameOf(type), "s"));
    } else if (s == "{rev}") {
      segments.push_back("refs%2Fpr%2F1");  // as huggingface_hub quotes a revision
    } else if (s == "{path}") {
      segments.push_back("dir/file.txt");
    } else if (s.find('{') != std::string::npos) {
      segments.push_back("x");
    } else {
      segments.push_back(s);
    }
  }
  return absl::StrCat("https://huggingface.co/", absl::StrJoin(segments, "/"));
}

// The body the route needs to name the same target as the method's arguments.
Body FieldsOf(const CatalogueRoute& row, const std::string& t) {
  switch (row.body) {
    case BodyKind::kCreate:
      return {{"type", t}, {"name", "m"}, {"organization", "acme"}};
    case BodyKind::kDelete:
      return {{"type", t}, {"name", "m"}, {"organization", "acme"}};
    case BodyKind::kMove:
      return {{"type", t}, {"fromRepo", "acme/m"}, {"toRepo", "other/m"}};
    case BodyKind::kDuplicate:
      return {{"repository", "other/m"}};
    case BodyKind::kResourceGroup:
      return {{"resourceGroupId", "g"}};
    case BodyKind::kLfsBatch:  // the method form asks for the row's operation: the upload's
      return {{"operation", "upload"}};
    default:
      return {};
  }
}

RequestBody BodyOf(const CatalogueRoute& row, RepoType type) {
  const std::string t(NameOf(type));
  return RequestBody::Json(FieldsOf(row, t));
}

TargetArgs ArgsOf(const CatalogueRoute& row, absl::string_view method, RepoType type) {
  TargetArgs args;
  args.write = absl::EndsWith(method, "(write=True)");
  const OperationInfo& op = GetOperationInfo(*row.operation);
  switch (op.target) {
    case TargetKind::kRepo:
    case TargetKind::kNamespace:
      args.repo = "acme/m";
      args.repo_type = type;
      break;
    case TargetKind::kOrg:
      args.org = "acme";
      break;
    case TargetKind::kGroup:
      args.group = "g";
      break;
    case TargetKind::kNone:
      break;
  }
  if (op.creates_at_destination) args.to = "other/m";
  if (*row.operation == Operation::kMoveRepoToGroup) args.group = "g";
  return args;
}

TEST(BothFormsTest, EveryMethodDecidesAsItsRoute) {
  int pairs = 0;
  for (const CatalogueRoute& row : BuiltinCatalogue().routes()) {
    if (!row.operation.has_value()) continue;
    for (const std::string& listed : row.methods) {
      // The *_space methods work on Spaces only.
      const std::vector<RepoType> types =
          absl::EndsWith(listed, "_space") ? std::vector<RepoType>{RepoType::kSpace}
          : row.AnyType() ? std::vector<RepoType>{RepoType::kModel, RepoType::kDataset, RepoType::kSpace}
                          : std::vector<RepoType>{row.type.value_or(RepoType::kModel)};
      const std::string method = absl::StrReplaceAll(listed, {{"(write=True)", ""}});
      for (RepoType type : types) {
        const std::string context = absl::StrCat(row.Where(), " ", row.Name(), " as ", listed, " on ", NameOf(type), "s");
        absl::StatusOr<RequestDescription> by_method = ParseMethodRequest(method, ArgsOf(row, listed, type));
        absl::StatusOr<RequestDescription> by_http = ParseHttpRequest(absl::StrCat(row.method, " ", Fill(row, type)), BodyOf(row, type));
        ASSERT_TRUE(by_method.ok()) << context << ": " << by_method.status();
        ASSERT_TRUE(by_http.ok()) << context << ": " << by_http.status();
        EXPECT_EQ(by_method->asked.route, &row) << context << " found " << by_method->asked.route->Name();
        EXPECT_EQ(by_http->asked.route, &row) << context << " found " << by_http->asked.route->Name();
        EXPECT_EQ(by_method->operation, by_http->operation) << context;
        EXPECT_EQ(by_method->repo_type, by_http->repo_type) << context;
        EXPECT_EQ(by_method->repo, by_http->repo) << context;
        EXPECT_EQ(by_method->ns, by_http->ns) << context;
        EXPECT_EQ(by_method->group, by_http->group) << context;
        if (GetOperationInfo(*row.operation).target == TargetKind::kOrg) {
          EXPECT_EQ(by_method->org, by_http->org) << context;
        }
        ++pairs;
      }
    }
  }
  EXPECT_GT(pairs, 150);
}

// A method whose route hubperm does not model is known, and answered with the route's reason.
TEST(BothFormsTest, MethodsOfUnmodeledRoutesCarryTheReason) {
  int methods = 0;
  for (const CatalogueRoute& row : BuiltinCatalogue().routes()) {
    if (row.operation.has_value()) continue;
    for (const std::string& method : row.methods) {
      absl::StatusOr<RequestDescription> spec = ParseMethodRequest(method, TargetArgs());
      ASSERT_TRUE(spec.ok()) << method << ": " << spec.status();
      EXPECT_FALSE(spec->modeled()) << method;
      EXPECT_EQ(spec->asked.route, &row) << method;
      ++methods;
    }
  }
  EXPECT_GT(methods, 40);
}

// The methods the issue names, each found (the table above then checks its two forms).
TEST(BothFormsTest, TheNamedMethodsAreKnown) {
  for (absl::string_view m : {"upload_file", "upload_folder", "delete_file", "list_repo_tree", "list_repo_refs",
                              "list_repo_commits", "get_paths_info", "super_squash_history", "merge_pull_request",
                              "change_discussion_status", "add_space_secret", "restart_space", "duplicate_repo",
                              "grant_access", "auth_check", "auth_check(write=True)"}) {
    EXPECT_FALSE(BuiltinCatalogue().RoutesOfMethod(m).empty()) << m;
  }
}

}  // namespace
}  // namespace hubperm
