// Copyright 2026 The hubperm Authors.
//
// The role and operation tables against the spec, row by row.

#include <set>
#include <string>

#include "gtest/gtest.h"
#include "policy/model/access.h"
#include "policy/model/operation.h"

namespace hubperm {
namespace {

struct RoleRow {
  OrgRole org_role;
  GroupRole group_role;
  RepoAccess access;
};

class RoleTableTest : public ::testing::TestWithParam<RoleRow> {};

// §2: no_access sees nothing, read reads, contributor writes own, write writes all, admin manages.
// §3: the same ladder for resource-group roles.
TEST_P(RoleTableTest, RoleGivesAccess) {
  EXPECT_EQ(OrgRoleAccess(GetParam().org_role), GetParam().access);
  EXPECT_EQ(GroupRoleAccess(GetParam().group_role), GetParam().access);
}

INSTANTIATE_TEST_SUITE_P(Spec, RoleTableTest,
                         ::testing::Values(RoleRow{OrgRole::kNoAccess, GroupRole::kNoAccess, RepoAccess::kNone},
                                           RoleRow{OrgRole::kRead, GroupRole::kRead, RepoAccess::kRead},
                                           RoleRow{OrgRole::kContributor, GroupRole::kContributor,
                                                   RepoAccess::kContributor},
                                           RoleRow{OrgRole::kWrite, GroupRole::kWrite, RepoAccess::kWrite},
                                           RoleRow{OrgRole::kAdmin, GroupRole::kAdmin, RepoAccess::kAdmin}));

struct OperationRow {
  Operation operation;
  std::string name;
  TargetKind target;
  UserNeed user_need;
  PermissionSet permissions;
};

class OperationTableTest : public ::testing::TestWithParam<OperationRow> {};

TEST_P(OperationTableTest, MatchesTheSpec) {
  const OperationRow& row = GetParam();
  const OperationInfo& info = GetOperationInfo(row.operation);
  EXPECT_EQ(info.operation, row.operation);
  EXPECT_EQ(info.name, row.name);
  EXPECT_EQ(info.target, row.target);
  EXPECT_EQ(info.user_need, row.user_need);
  EXPECT_EQ(info.permissions, row.permissions);
  // Only reads of repo contents are implicitly allowed on public repos (§4).
  EXPECT_EQ(info.implicit_public_read, info.permissions == PermissionSet({Permission::kRepoContentRead}));
}

using P = Permission;
INSTANTIATE_TEST_SUITE_P(
    Spec, OperationTableTest,
    ::testing::Values(
        OperationRow{Operation::kDownloadFile, "hf_hub_download", TargetKind::kRepo, UserNeed::kReadRepoFiles, {P::kRepoContentRead}},
        OperationRow{Operation::kRepoInfo, "repo_info", TargetKind::kRepo, UserNeed::kSeeRepo, {P::kRepoContentRead}},
        OperationRow{Operation::kCreateRepo, "create_repo", TargetKind::kNamespace, UserNeed::kCreateInNamespace, {P::kRepoWrite}},
        OperationRow{Operation::kDeleteRepo, "delete_repo", TargetKind::kRepo, UserNeed::kWriteRepo, {P::kRepoWrite}},
        OperationRow{Operation::kUpdateRepoSettings, "update_repo_settings", TargetKind::kRepo, UserNeed::kWriteRepo, {P::kRepoWrite}},
        OperationRow{Operation::kCreateCommit, "create_commit", TargetKind::kRepo, UserNeed::kWriteRepo, {P::kRepoWrite}},
        OperationRow{Operation::kCreatePullRequest, "create_pull_request", TargetKind::kRepo, UserNeed::kSeeRepo, {P::kDiscussionWrite}},
        OperationRow{Operation::kCreateBranch, "create_branch", TargetKind::kRepo, UserNeed::kWriteRepo, {P::kRepoWrite}},
        OperationRow{Operation::kDeleteBranch, "delete_branch", TargetKind::kRepo, UserNeed::kWriteRepo, {P::kRepoWrite}},
        OperationRow{Operation::kCreateTag, "create_tag", TargetKind::kRepo, UserNeed::kWriteRepo, {P::kRepoWrite}},
        OperationRow{Operation::kCreateDiscussion, "create_discussion", TargetKind::kRepo, UserNeed::kSeeRepo, {P::kDiscussionWrite}},
        OperationRow{Operation::kCommentDiscussion, "comment_discussion", TargetKind::kRepo, UserNeed::kSeeRepo, {P::kDiscussionWrite}},
        OperationRow{Operation::kListAccessRequests, "list_pending_access_requests", TargetKind::kRepo, UserNeed::kWriteRepo, {P::kRepoAccessRead}},
        OperationRow{Operation::kHandleAccessRequest, "accept_access_request", TargetKind::kRepo, UserNeed::kWriteRepo, {P::kRepoWrite}},
        OperationRow{Operation::kListOrgMembers, "list_organization_members", TargetKind::kOrg, UserNeed::kOrgMember, {P::kOrgRead}},
        OperationRow{Operation::kChangeMemberRole, "change_member_role", TargetKind::kOrg, UserNeed::kOrgWrite, {P::kOrgWrite}},
        OperationRow{Operation::kWhoami, "whoami", TargetKind::kNone, UserNeed::kAny, {}},
        OperationRow{Operation::kManageGroupMembers, "manage_resource_group_members", TargetKind::kGroup, UserNeed::kGroupAdmin, {P::kResourceGroupWrite}},
        OperationRow{Operation::kCreateGroup, "create_resource_group", TargetKind::kOrg, UserNeed::kOrgAdmin, {P::kResourceGroupWrite}},
        OperationRow{Operation::kMoveRepoToGroup, "move_repo_to_resource_group", TargetKind::kRepo, UserNeed::kGroupAdmin, {P::kRepoWrite, P::kResourceGroupWrite}},
        OperationRow{Operation::kMoveRepo, "move_repo", TargetKind::kRepo, UserNeed::kMoveRepo, {P::kRepoWrite}},
        OperationRow{Operation::kWriteRepo, "write_repo", TargetKind::kRepo, UserNeed::kWriteRepo, {P::kRepoWrite}},
        OperationRow{Operation::kDuplicateRepo, "duplicate_repo", TargetKind::kRepo, UserNeed::kReadRepoFiles, {P::kRepoContentRead}},
        OperationRow{Operation::kManageOrg, "manage_org", TargetKind::kOrg, UserNeed::kOrgAdmin, {P::kOrgWrite}}),
    [](const ::testing::TestParamInfo<OperationRow>& info) { return info.param.name; });

struct NeedRow {
  UserNeed need;
  RepoAccess access;
};

class AccessNeededTest : public ::testing::TestWithParam<NeedRow> {};

TEST_P(AccessNeededTest, MatchesTheSpecsRoles) { EXPECT_EQ(AccessNeeded(GetParam().need), GetParam().access); }

INSTANTIATE_TEST_SUITE_P(
    Spec, AccessNeededTest,
    ::testing::Values(NeedRow{UserNeed::kAny, RepoAccess::kNone}, NeedRow{UserNeed::kSeeRepo, RepoAccess::kRead},
                      NeedRow{UserNeed::kReadRepoFiles, RepoAccess::kRead},
                      NeedRow{UserNeed::kWriteRepo, RepoAccess::kWrite},
                      NeedRow{UserNeed::kCreateInNamespace, RepoAccess::kContributor},
                      NeedRow{UserNeed::kOrgMember, RepoAccess::kRead}, NeedRow{UserNeed::kOrgWrite, RepoAccess::kWrite},
                      NeedRow{UserNeed::kOrgAdmin, RepoAccess::kAdmin},
                      NeedRow{UserNeed::kGroupAdmin, RepoAccess::kAdmin}));

TEST(OperationTable, HasOneRowPerOperationWithUniqueNames) {
  ASSERT_EQ(AllOperations().size(), static_cast<size_t>(kOperationCount));
  std::set<std::string> names;
  for (const OperationInfo& row : AllOperations()) names.emplace(row.name);
  EXPECT_EQ(names.size(), static_cast<size_t>(kOperationCount));
}

}  // namespace
}  // namespace hubperm
