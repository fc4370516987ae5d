// Copyright 2026 The hubperm Authors.

#include "policy/model/vocabulary.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

using ::testing::ElementsAre;

// Every enum round-trips through its spelling, and the spellings are the fixture format's.
template <typename E>
void ExpectRoundTrip(std::vector<std::string> expected) {
  std::vector<absl::string_view> names = NamesOf<E>();
  ASSERT_EQ(names.size(), expected.size());
  for (size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(names[i], expected[i]);
    const E value = static_cast<E>(i);
    EXPECT_EQ(NameOf(value), expected[i]);
    EXPECT_EQ(ParseName<E>(expected[i]), value);
  }
}

TEST(Vocabulary, SpellingsAreTheFixtureFormats) {
  ExpectRoundTrip<OrgRole>({"no_access", "read", "contributor", "write", "admin"});
  ExpectRoundTrip<GroupRole>({"no_access", "read", "contributor", "write", "admin"});
  ExpectRoundTrip<OrgPlan>({"free", "team", "enterprise"});
  ExpectRoundTrip<TokenPolicy>({"allow_all", "fine_grained_only", "require_approval"});
  ExpectRoundTrip<ApprovalStatus>({"approved", "pending", "denied", "revoked", "auto_approved"});
  ExpectRoundTrip<AutoJoinScope>({"all", "read_plus"});
  ExpectRoundTrip<RepoType>({"model", "dataset", "space"});
  ExpectRoundTrip<Gating>({"false", "auto", "manual"});
  ExpectRoundTrip<TokenRole>({"read", "write", "fineGrained"});
  ExpectRoundTrip<EntityType>({"user", "org", "model", "dataset", "space", "resource-group", "bucket",
                               "kernel", "collection", "oauth-app"});
  ExpectRoundTrip<Effect>({"allow", "deny"});
  ExpectRoundTrip<Side>({"user", "token", "policy"});
  ExpectRoundTrip<MatrixAxis>({"repos", "operations", "permissions"});
}

TEST(Vocabulary, ParseIsExact) {
  EXPECT_EQ(ParseName<TokenRole>("finegrained"), absl::nullopt);
  EXPECT_EQ(ParseName<TokenRole>("god"), absl::nullopt);
  EXPECT_EQ(ParseName<OrgRole>("Admin"), absl::nullopt);
  EXPECT_EQ(ParseName<OrgRole>(""), absl::nullopt);
  EXPECT_EQ(ParseName<Gating>("true"), absl::nullopt);
}

TEST(Vocabulary, RolesAreOrderedWeakestFirst) {
  EXPECT_LT(OrgRole::kNoAccess, OrgRole::kRead);
  EXPECT_LT(OrgRole::kRead, OrgRole::kContributor);
  EXPECT_LT(OrgRole::kContributor, OrgRole::kWrite);
  EXPECT_LT(OrgRole::kWrite, OrgRole::kAdmin);
  EXPECT_LT(GroupRole::kContributor, GroupRole::kWrite);
}

TEST(Vocabulary, ModeledEntitiesAndRepoEntities) {
  std::vector<absl::string_view> modeled;
  for (absl::string_view name : NamesOf<EntityType>()) {
    if (IsModeledEntity(*ParseName<EntityType>(name))) modeled.push_back(name);
  }
  EXPECT_THAT(modeled, ElementsAre("user", "org", "model", "dataset", "space", "resource-group"));
  EXPECT_EQ(RepoTypeOfEntity(EntityType::kDataset), RepoType::kDataset);
  EXPECT_EQ(RepoTypeOfEntity(EntityType::kModel), RepoType::kModel);
  EXPECT_EQ(RepoTypeOfEntity(EntityType::kSpace), RepoType::kSpace);
  EXPECT_EQ(RepoTypeOfEntity(EntityType::kOrg), absl::nullopt);
}

}  // namespace
}  // namespace hubperm
