// Copyright 2026 The hubperm Authors.
//
// ids.h: each kind of id is its own type (checked at compile time), kNoId is every kind's "none", and
// the range and vector helpers index by id.

#include "policy/compile/ids.h"

#include <type_traits>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

// A UserId is not an OrgId, nor made from a bare integer by accident.
static_assert(!std::is_convertible_v<UserId, OrgId>, "ids of different kinds must not convert");
static_assert(!std::is_convertible_v<RepoId, GroupId>, "ids of different kinds must not convert");
static_assert(!std::is_convertible_v<int32_t, TokenId>, "an integer must not become an id implicitly");
static_assert(!std::is_convertible_v<UserId, int32_t>, "an id must not become an integer implicitly");
static_assert(std::is_convertible_v<NoId, UserId>, "kNoId is every kind's none");
static_assert(sizeof(RepoId) == sizeof(int32_t), "an id is as small as its index");

TEST(Ids, NoIdIsTheDefaultAndInvalid) {
  UserId none;
  EXPECT_EQ(none, kNoId);
  EXPECT_FALSE(none.valid());
  const UserId first(0);
  EXPECT_NE(first, kNoId);
  EXPECT_TRUE(first.valid());
  EXPECT_EQ(first.index(), 0);
  EXPECT_LT(UserId(1), UserId(2));
}

TEST(Ids, HashAndRange) {
  absl::flat_hash_set<OrgId> seen;
  std::vector<int32_t> order;
  for (OrgId id : IdsUpTo<OrgId>(4)) {
    seen.insert(id);
    order.push_back(id.index());
  }
  EXPECT_EQ(order, (std::vector<int32_t>{0, 1, 2, 3}));
  EXPECT_EQ(seen.size(), 4u);
  EXPECT_TRUE(seen.contains(OrgId(2)));
  EXPECT_FALSE(seen.contains(kNoId));
  int count = 0;
  for (RepoId id : IdsUpTo<RepoId>(0)) count += id.valid();
  EXPECT_EQ(count, 0);
}

TEST(Ids, IdVectorIsIndexedById) {
  IdVector<GroupId, int> sizes(3, 7);
  sizes[GroupId(1)] = 9;
  EXPECT_EQ(sizes.size(), 3u);
  EXPECT_EQ(sizes[GroupId(0)], 7);
  EXPECT_EQ(sizes[GroupId(1)], 9);
  int sum = 0;
  for (int v : sizes) sum += v;
  EXPECT_EQ(sum, 23);
}

}  // namespace
}  // namespace hubperm
