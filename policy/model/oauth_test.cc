// Copyright 2026 The hubperm Authors.
//
// The OAuth scope table (oauth.h), row by row.

#include "policy/model/oauth.h"

#include "gtest/gtest.h"

namespace hubperm {
namespace {

struct Row {
  OAuthScope scope;
  PermissionSet permissions;
};

// docs/hub-access-model.md §4c, one row per scope.
const Row kRows[] = {
    {OAuthScope::kOpenid, {}},
    {OAuthScope::kProfile, {}},
    {OAuthScope::kEmail, {}},
    {OAuthScope::kReadBilling, {}},
    {OAuthScope::kReadRepos, {Permission::kRepoContentRead}},
    {OAuthScope::kContributeRepos, {Permission::kRepoContribute}},
    {OAuthScope::kWriteRepos, {Permission::kRepoContentRead, Permission::kRepoWrite}},
    {OAuthScope::kManageRepos, {Permission::kRepoContentRead, Permission::kRepoWrite, Permission::kRepoAccessRead}},
    {OAuthScope::kInferenceApi, {Permission::kInferenceServerlessWrite}},
    {OAuthScope::kJobs, {Permission::kJobWrite}},
    {OAuthScope::kWebhooks, {Permission::kUserWebhooksWrite}},
    {OAuthScope::kWriteDiscussions, {}},
    {OAuthScope::kGatedRepos, {}},
};

TEST(OAuthScopes, EachScopeGrantsItsRow) {
  ASSERT_EQ(std::size(kRows), NamesOf<OAuthScope>().size()) << "a scope has no row";
  for (const Row& row : kRows) {
    EXPECT_EQ(OAuthScopePermissions(row.scope), row.permissions) << NameOf(row.scope);
  }
}

// Each scope grants at least what the weaker ones of its family do.
TEST(OAuthScopes, RepoScopesNest) {
  EXPECT_TRUE(OAuthScopePermissions(OAuthScope::kWriteRepos).ContainsAll(OAuthScopePermissions(OAuthScope::kReadRepos)));
  EXPECT_TRUE(OAuthScopePermissions(OAuthScope::kManageRepos).ContainsAll(OAuthScopePermissions(OAuthScope::kWriteRepos)));
}

TEST(OAuthScopes, BitSetsListTheirScopesInOrder) {
  EXPECT_EQ(OAuthScopesIn(0), std::vector<OAuthScope>());
  EXPECT_EQ(OAuthScopesIn(OAuthScopeBit(OAuthScope::kGatedRepos) | OAuthScopeBit(OAuthScope::kOpenid)),
            (std::vector<OAuthScope>{OAuthScope::kOpenid, OAuthScope::kGatedRepos}));
}

}  // namespace
}  // namespace hubperm
