// Copyright 2026 The hubperm Authors.

#include "policy/model/permission.h"

#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAreArray;

// One row per permission string the spec names (§4), with where it may be granted.
struct PermissionCase {
  std::string name;
  Permission permission;
  uint8_t placements;
};

class PermissionTableTest : public ::testing::TestWithParam<PermissionCase> {};

TEST_P(PermissionTableTest, ParsesToItsEnumAndBack) {
  const PermissionCase& c = GetParam();
  ASSERT_EQ(ParsePermission(c.name), c.permission);
  EXPECT_EQ(PermissionName(c.permission), c.name);
  EXPECT_EQ(GetPermissionInfo(c.permission).permission, c.permission);
}

TEST_P(PermissionTableTest, HasTheSpecsPlacements) {
  const PermissionCase& c = GetParam();
  EXPECT_EQ(GetPermissionInfo(c.permission).placements, c.placements) << c.name;
}

constexpr uint8_t kG = kPlacementGlobal, kO = kPlacementOrg, kR = kPlacementRepo, kU = kPlacementUser,
                  kRG = kPlacementResourceGroup;

INSTANTIATE_TEST_SUITE_P(
    Spec, PermissionTableTest,
    ::testing::Values(
        PermissionCase{"repo.content.read", Permission::kRepoContentRead, kO | kR | kU | kRG},
        PermissionCase{"repo.write", Permission::kRepoWrite, kO | kR | kU | kRG},
        PermissionCase{"repo.access.read", Permission::kRepoAccessRead, kR | kU},
        PermissionCase{"discussion.write", Permission::kDiscussionWrite, kG | kR | kU},
        PermissionCase{"post.write", Permission::kPostWrite, kG},
        PermissionCase{"inference.serverless.write", Permission::kInferenceServerlessWrite, kO | kU},
        PermissionCase{"inference.endpoints.infer.write", Permission::kInferenceEndpointsInferWrite, kO | kU},
        PermissionCase{"inference.endpoints.write", Permission::kInferenceEndpointsWrite, kO | kU},
        PermissionCase{"org.read", Permission::kOrgRead, kO},
        PermissionCase{"org.write", Permission::kOrgWrite, kO},
        PermissionCase{"org.serviceAccounts.read", Permission::kOrgServiceAccountsRead, kO},
        PermissionCase{"org.serviceAccounts.write", Permission::kOrgServiceAccountsWrite, kO},
        PermissionCase{"resourceGroup.write", Permission::kResourceGroupWrite, kO | kRG},
        PermissionCase{"collection.read", Permission::kCollectionRead, kO | kU},
        PermissionCase{"collection.write", Permission::kCollectionWrite, kO | kU},
        PermissionCase{"job.write", Permission::kJobWrite, kO | kU},
        PermissionCase{"user.webhooks.read", Permission::kUserWebhooksRead, kU},
        PermissionCase{"user.webhooks.write", Permission::kUserWebhooksWrite, kU},
        PermissionCase{"user.billing.read", Permission::kUserBillingRead, kU},
        PermissionCase{"user.notifications.read", Permission::kUserNotificationsRead, kU},
        PermissionCase{"user.notifications.write", Permission::kUserNotificationsWrite, kU}),
    [](const ::testing::TestParamInfo<PermissionCase>& info) {
      std::string name = info.param.name;
      for (char& ch : name) {
        if (ch == '.') ch = '_';
      }
      return name;
    });

TEST(PermissionTable, HasOneRowPerEnumValueInOrder) {
  ASSERT_EQ(AllPermissions().size(), static_cast<size_t>(kPermissionCount));
  std::set<std::string> names;
  for (int i = 0; i < kPermissionCount; ++i) {
    EXPECT_EQ(static_cast<int>(AllPermissions()[i].permission), i);
    names.insert(std::string(AllPermissions()[i].name));
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(kPermissionCount)) << "two rows share a name";
}

// The OpenAPI enum of organization-token permissions (hub-access-model §4), exactly, besides the
// contributor permission, which came later (the changelog of 12 Oct 2026) and whose string is assumed (§4b).
TEST(PermissionTable, OrgPlacementIsTheOpenApiOrgTokenEnum) {
  std::vector<std::string> org_scoped;
  for (const PermissionInfo& row : AllPermissions()) {
    if ((row.placements & kPlacementOrg) && row.permission != Permission::kRepoContribute) {
      org_scoped.emplace_back(row.name);
    }
  }
  EXPECT_EQ(GetPermissionInfo(Permission::kRepoContribute).evidence, Evidence::kAssumed);
  EXPECT_THAT(org_scoped,
              UnorderedElementsAreArray<std::string>(
                  {"repo.content.read", "repo.write", "inference.serverless.write",
                   "inference.endpoints.infer.write", "inference.endpoints.write", "org.read", "org.write",
                   "collection.read", "collection.write", "resourceGroup.write", "job.write",
                   "org.serviceAccounts.read", "org.serviceAccounts.write"}));
}

// `global` may hold only discussion.write and post.write [doc].
TEST(PermissionTable, OnlyDiscussionAndPostWriteAreGlobal) {
  std::vector<std::string> global;
  for (const PermissionInfo& row : AllPermissions()) {
    if (row.placements & kPlacementGlobal) global.emplace_back(row.name);
  }
  EXPECT_THAT(global, ElementsAre("discussion.write", "post.write"));
}

TEST(PermissionTable, PlacementOfEachEntityType) {
  EXPECT_EQ(PlacementOf(EntityType::kUser), kPlacementUser);
  EXPECT_EQ(PlacementOf(EntityType::kOrg), kPlacementOrg);
  EXPECT_EQ(PlacementOf(EntityType::kResourceGroup), kPlacementResourceGroup);
  EXPECT_EQ(PlacementOf(EntityType::kModel), kPlacementRepo);
  EXPECT_EQ(PlacementOf(EntityType::kDataset), kPlacementRepo);
  EXPECT_EQ(PlacementOf(EntityType::kSpace), kPlacementRepo);
  EXPECT_EQ(PlacementOf(EntityType::kBucket), 0);  // not modeled: accepts nothing
  EXPECT_TRUE(PermissionsAcceptedAt(PlacementOf(EntityType::kBucket)).empty());
}

TEST(PermissionTable, PermissionsAcceptedAtFollowTheTable) {
  EXPECT_EQ(PermissionsAcceptedAt(kPlacementGlobal), PermissionSet({Permission::kDiscussionWrite, Permission::kPostWrite}));
  EXPECT_EQ(PermissionsAcceptedAt(kPlacementResourceGroup),
            PermissionSet({Permission::kRepoContentRead, Permission::kRepoWrite, Permission::kResourceGroupWrite}));
  for (const PermissionInfo& info : AllPermissions()) {
    for (uint8_t placement : {kPlacementGlobal, kPlacementOrg, kPlacementRepo, kPlacementUser, kPlacementResourceGroup}) {
      EXPECT_EQ(PermissionsAcceptedAt(placement).Contains(info.permission), (info.placements & placement) != 0) << info.name;
    }
  }
}

TEST(ParsePermission, RejectsWhatTheHubWouldNotSpellSo) {
  for (const char* name : {"", "repo", "repo.Write", "REPO.WRITE", " repo.write", "repo.write ",
                           "repo.content", "repo.content.read.extra", "inference.endpoints",
                           "resourcegroup.write", "bucket.write"}) {
    EXPECT_EQ(ParsePermission(name), absl::nullopt) << "'" << name << "'";
  }
}

TEST(PermissionSet, StartsEmptyAndAddsAndRemoves) {
  PermissionSet s;
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s.size(), 0);
  s.Add(Permission::kRepoWrite);
  s.Add(Permission::kRepoWrite);
  s.Add(Permission::kUserNotificationsWrite);
  EXPECT_EQ(s.size(), 2);
  EXPECT_TRUE(s.Contains(Permission::kRepoWrite));
  EXPECT_TRUE(s.Contains(Permission::kUserNotificationsWrite));
  EXPECT_FALSE(s.Contains(Permission::kRepoContentRead));
  s.Remove(Permission::kRepoWrite);
  EXPECT_FALSE(s.Contains(Permission::kRepoWrite));
  EXPECT_EQ(s.size(), 1);
}

TEST(PermissionSet, SetAlgebra) {
  const PermissionSet read_write = {Permission::kRepoContentRead, Permission::kRepoWrite};
  const PermissionSet write_org = {Permission::kRepoWrite, Permission::kOrgRead};
  EXPECT_EQ(read_write | write_org,
            PermissionSet({Permission::kRepoContentRead, Permission::kRepoWrite, Permission::kOrgRead}));
  EXPECT_EQ(read_write & write_org, PermissionSet({Permission::kRepoWrite}));
  EXPECT_EQ(read_write - write_org, PermissionSet({Permission::kRepoContentRead}));
  EXPECT_TRUE(read_write.ContainsAll(PermissionSet({Permission::kRepoWrite})));
  EXPECT_FALSE(read_write.ContainsAll(write_org));
  EXPECT_TRUE(read_write.ContainsAll(PermissionSet()));
  EXPECT_NE(read_write, write_org);
}

TEST(PermissionSet, AllHoldsEveryPermissionAndForEachVisitsInOrder) {
  const PermissionSet all = PermissionSet::All();
  EXPECT_EQ(all.size(), kPermissionCount);
  std::vector<int> visited;
  all.ForEach([&](Permission p) { visited.push_back(static_cast<int>(p)); });
  ASSERT_EQ(visited.size(), static_cast<size_t>(kPermissionCount));
  for (int i = 0; i < kPermissionCount; ++i) EXPECT_EQ(visited[i], i);

  std::vector<Permission> some;
  PermissionSet({Permission::kJobWrite, Permission::kRepoContentRead}).ForEach([&](Permission p) {
    some.push_back(p);
  });
  EXPECT_THAT(some, ElementsAre(Permission::kRepoContentRead, Permission::kJobWrite));
}

}  // namespace
}  // namespace hubperm
