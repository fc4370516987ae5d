// Copyright 2026 The hubperm Authors.

#include "policy/common/suggest.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(EditDistance("", ""), 0);
  EXPECT_EQ(EditDistance("abc", ""), 3);
  EXPECT_EQ(EditDistance("", "abc"), 3);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("wirte", "write"), 1);  // a transposition
  EXPECT_EQ(EditDistance("alcie", "alice"), 1);
  EXPECT_EQ(EditDistance("ca", "abc"), 3);
  EXPECT_EQ(EditDistance("fineGrained", "finegrained"), 0);  // case-insensitive
}

const std::vector<absl::string_view> kKeys = {"users", "orgs", "repos", "tokens", "cases", "assumptions"};

TEST(ClosestNames, FindsNearMissesNearestFirst) {
  EXPECT_THAT(ClosestNames("tokns", kKeys), ElementsAre("tokens"));
  EXPECT_THAT(ClosestNames("repo", kKeys), ElementsAre("repos"));
  EXPECT_THAT(ClosestNames("org", kKeys, 3), ElementsAre("orgs"));
  EXPECT_THAT(ClosestNames("limted-test-token", {"limited-test-token", "other"}),
              ElementsAre("limited-test-token"));
}

TEST(ClosestNames, IgnoresFarNames) {
  EXPECT_THAT(ClosestNames("members", kKeys), IsEmpty());
  EXPECT_THAT(ClosestNames("x", {"abc"}), IsEmpty());
}

TEST(NearestNames, NamesTheNearestHoweverFar) {
  EXPECT_THAT(NearestNames("members", kKeys, 2), ::testing::SizeIs(2));
  EXPECT_THAT(NearestNames("tokns", kKeys, 1), ElementsAre("tokens"));
  EXPECT_THAT(NearestNames("x", {"abc"}, 3), ElementsAre("abc"));
  EXPECT_THAT(NearestNames("x", {}, 3), IsEmpty());
}

TEST(LowestScores, LowestFirstTiesInIndexOrder) {
  EXPECT_THAT(LowestScores({5, 1, 3, 1, 0}, 3), ElementsAre(4u, 1u, 3u));
  EXPECT_THAT(LowestScores({2, 2}, 5), ElementsAre(0u, 1u));
  EXPECT_THAT(LowestScores({}, 3), IsEmpty());
}

TEST(DidYouMean, PhrasesOneOrTwoSuggestions) {
  EXPECT_EQ(DidYouMean("tokns", kKeys), "; did you mean 'tokens'?");
  EXPECT_EQ(DidYouMean("read", {"reads", "ready", "write"}), "; did you mean 'reads' or 'ready'?");
  EXPECT_EQ(DidYouMean("zzzzzz", kKeys), "");
}

}  // namespace
}  // namespace hubperm
