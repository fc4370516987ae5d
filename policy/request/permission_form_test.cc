// Copyright 2026 The hubperm Authors.

#include "policy/request/permission_form.h"

#include <set>
#include <string>
#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

// A row adds no rule of its own: its operation needs exactly its permission, on its kind of target.
TEST(PermissionFormTable, EachRowIsAnOperationThatNeedsExactlyThatPermission) {
  for (const PermissionForm& form : AllPermissionForms()) {
    const OperationInfo& op = GetOperationInfo(form.operation);
    EXPECT_EQ(op.permissions, PermissionSet({form.permission})) << op.name;
    EXPECT_EQ(op.target, form.target) << op.name;
    EXPECT_FALSE(form.meaning.empty()) << op.name;
  }
}

// Every (permission, target kind) that some operation needs alone can be asked in the raw form, once.
TEST(PermissionFormTable, CoversEverySinglePermissionOperationOnce) {
  std::set<std::pair<Permission, TargetKind>> rows;
  for (const PermissionForm& form : AllPermissionForms()) {
    EXPECT_TRUE(rows.insert({form.permission, form.target}).second)
        << PermissionName(form.permission) << " has two rows for one target kind";
  }
  for (const OperationInfo& op : AllOperations()) {
    if (op.permissions.size() != 1) continue;
    op.permissions.ForEach([&](Permission p) {
      EXPECT_EQ(rows.count({p, op.target}), 1u) << op.name << " needs only " << PermissionName(p) << " but no row asks it";
    });
  }
}

TargetArgs Args(std::string repo, std::string org, std::string user, std::string group) {
  TargetArgs args;
  args.repo = std::move(repo);
  args.org = std::move(org);
  args.user = std::move(user);
  args.group = std::move(group);
  return args;
}

struct FormCase {
  std::string name;
  std::string permission;
  TargetArgs args;
  Operation operation;
  std::string repo = "";
  std::string ns = "";
  NamespaceKind ns_kind = NamespaceKind::kEither;
  std::string org = "";
  std::string group = "";
};

class PermissionFormTest : public ::testing::TestWithParam<FormCase> {};

TEST_P(PermissionFormTest, ParsesToTheSpec) {
  const FormCase& c = GetParam();
  absl::StatusOr<RequestDescription> spec = ParsePermissionRequest(c.permission, c.args);
  ASSERT_TRUE(spec.ok()) << spec.status();
  EXPECT_EQ(spec->operation, c.operation);
  EXPECT_EQ(spec->repo, c.repo);
  EXPECT_EQ(spec->ns, c.ns);
  EXPECT_EQ(spec->ns_kind, c.ns_kind);
  EXPECT_EQ(spec->org, c.org);
  EXPECT_EQ(spec->group, c.group);
}

using O = Operation;

INSTANTIATE_TEST_SUITE_P(
    Rows, PermissionFormTest,
    ::testing::Values(
        FormCase{"ContentReadOnRepo", "repo.content.read", Args("acme/m", "", "", ""), O::kDownloadFile, "acme/m"},
        FormCase{"WriteOnRepo", "repo.write", Args("acme/m", "", "", ""), O::kCreateCommit, "acme/m"},
        FormCase{"WriteOnOrgIsCreating", "repo.write", Args("", "acme", "", ""), O::kCreateRepo, "", "acme",
                 NamespaceKind::kOrg},
        FormCase{"WriteOnUserIsCreating", "repo.write", Args("", "", "alice", ""), O::kCreateRepo, "", "alice",
                 NamespaceKind::kUser},
        FormCase{"AccessReadOnRepo", "repo.access.read", Args("acme/m", "", "", ""), O::kListAccessRequests, "acme/m"},
        FormCase{"DiscussionOnRepo", "discussion.write", Args("acme/m", "", "", ""), O::kCreateDiscussion, "acme/m"},
        FormCase{"OrgRead", "org.read", Args("", "acme", "", ""), O::kListOrgMembers, "", "", NamespaceKind::kEither,
                 "acme"},
        FormCase{"OrgWrite", "org.write", Args("", "acme", "", ""), O::kChangeMemberRole, "", "", NamespaceKind::kEither,
                 "acme"},
        FormCase{"GroupWriteOnOrg", "resourceGroup.write", Args("", "acme", "", ""), O::kCreateGroup, "", "",
                 NamespaceKind::kEither, "acme"},
        FormCase{"GroupWriteOnGroup", "resourceGroup.write", Args("", "", "", "g"), O::kManageGroupMembers, "", "",
                 NamespaceKind::kEither, "", "g"}),
    [](const ::testing::TestParamInfo<FormCase>& info) { return info.param.name; });

TEST(PermissionForm, RepoTypeChoosesWhatIsCreated) {
  TargetArgs args = Args("", "acme", "", "");
  args.repo_type = RepoType::kDataset;
  absl::StatusOr<RequestDescription> spec = ParsePermissionRequest("repo.write", args);
  ASSERT_TRUE(spec.ok()) << spec.status();
  EXPECT_EQ(spec->repo_type, RepoType::kDataset);
  EXPECT_EQ(DescribePermissionRequest("repo.write", args), "repo.write on org acme");
  EXPECT_EQ(DescribePermissionRequest("repo.write", Args("acme/m", "", "", "")), "repo.write on model acme/m");
}

struct ErrorCase {
  std::string name;
  std::string permission;
  TargetArgs args;
  std::string message_has;
};

class PermissionFormErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(PermissionFormErrorTest, NamesTheProblemAndTheWayOut) {
  absl::StatusOr<RequestDescription> spec = ParsePermissionRequest(GetParam().permission, GetParam().args);
  ASSERT_FALSE(spec.ok());
  EXPECT_THAT(std::string(spec.status().message()), HasSubstr(GetParam().message_has));
}

INSTANTIATE_TEST_SUITE_P(
    Errors, PermissionFormErrorTest,
    ::testing::Values(
        ErrorCase{"Typo", "repo.writ", Args("acme/m", "", "", ""), "unknown permission 'repo.writ'; did you mean 'repo.write'?"},
        ErrorCase{"NotModelled", "post.write", Args("", "", "alice", ""),
                  "post.write guards nothing hubperm models yet"},
        ErrorCase{"NotModelledListsWhatIs", "inference.serverless.write", Args("", "", "alice", ""),
                  "the permissions it can check: repo.content.read, repo.write, repo.access.read, discussion.write, "
                  "org.read, org.write, resourceGroup.write"},
        ErrorCase{"NoTarget", "repo.write", Args("", "", "", ""),
                  "--permission needs exactly one target, --repo, --org, --user or --group; repo.write can be asked "
                  "with --repo NS/NAME (push a commit to the repo); or --org ORG or --user USER (create a repo in the "
                  "namespace)"},
        ErrorCase{"TwoTargets", "repo.write", Args("acme/m", "acme", "", ""), "needs exactly one target"},
        ErrorCase{"ContentReadOnOrg", "repo.content.read", Args("", "acme", "", ""),
                  "hubperm cannot ask repo.content.read on org acme as one request; repo.content.read can be asked "
                  "with --repo NS/NAME"},
        ErrorCase{"OrgReadOnUser", "org.read", Args("", "", "alice", ""), "org.read can be asked with --org ORG"},
        ErrorCase{"RepoWriteOnGroup", "repo.write", Args("", "", "", "g"), "cannot ask repo.write on resource group g"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

TEST(PermissionForm, ToIsAnError) {
  TargetArgs args = Args("", "acme", "", "");
  args.to = "acme/x";
  absl::StatusOr<RequestDescription> spec = ParsePermissionRequest("repo.write", args);
  ASSERT_FALSE(spec.ok());
  EXPECT_THAT(std::string(spec.status().message()), HasSubstr("--to goes with --operation move_repo"));
}

TEST(PermissionForm, RepoTypeOnAnOrgPermissionIsAnError) {
  TargetArgs args = Args("", "acme", "", "");
  args.repo_type = RepoType::kSpace;
  absl::StatusOr<RequestDescription> spec = ParsePermissionRequest("org.read", args);
  ASSERT_FALSE(spec.ok());
  EXPECT_THAT(std::string(spec.status().message()), HasSubstr("--repo-type goes with --repo"));
}

}  // namespace
}  // namespace hubperm
