// Copyright 2026 The hubperm Authors.

#include "policy/compile/id_index.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

struct NameAt {
  const std::vector<std::string>* names;
  absl::string_view operator()(int32_t id) const { return (*names)[id]; }
};

TEST(IdIndexTest, FindsEachIdByTheKeyItsRecordHolds) {
  std::vector<std::string> names;
  names.reserve(1000);  // the index reads names through the vector; it must not move while in use
  IdIndex<absl::string_view, NameAt> index(NameAt{&names});
  for (int i = 0; i < 1000; ++i) {
    names.push_back("user" + std::to_string(i));
    ASSERT_TRUE(index.Insert(i));
  }
  EXPECT_EQ(index.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(index.Find("user" + std::to_string(i)), i);
  EXPECT_EQ(index.Find("user1000"), absl::nullopt);
  EXPECT_EQ(index.Find(""), absl::nullopt);
}

TEST(IdIndexTest, RefusesASecondIdWithTheSameKey) {
  std::vector<std::string> names = {"alice", "bob", "alice"};
  IdIndex<absl::string_view, NameAt> index(NameAt{&names});
  EXPECT_TRUE(index.Insert(0));
  EXPECT_TRUE(index.Insert(1));
  EXPECT_FALSE(index.Insert(2));
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(index.Find("alice"), 0);
}

struct TypedAt {
  const std::vector<std::pair<int, std::string>>* rows;
  std::pair<int, absl::string_view> operator()(int32_t id) const { return {(*rows)[id].first, (*rows)[id].second}; }
};

TEST(IdIndexTest, CompositeKeysTellTypesApart) {
  const std::vector<std::pair<int, std::string>> rows = {{0, "acme/x"}, {1, "acme/x"}, {0, "acme/y"}};
  IdIndex<std::pair<int, absl::string_view>, TypedAt> index(TypedAt{&rows});
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(index.Insert(i));
  EXPECT_EQ(index.Find({0, "acme/x"}), 0);
  EXPECT_EQ(index.Find({1, "acme/x"}), 1);
  EXPECT_EQ(index.Find({1, "acme/y"}), absl::nullopt);
}

}  // namespace
}  // namespace hubperm
