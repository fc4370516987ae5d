// Copyright 2026 The hubperm Authors.

#include "policy/common/suggest.h"

#include <random>
#include <string>
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

TEST(BoundedEditDistance, AgreesWithTheFullDistanceOnRandomStrings) {
  // Property: the banded distance is min(EditDistance, max + 1) for every max, on strings over a small
  // alphabet (so transpositions and near misses are frequent).
  std::mt19937 random(20261201);
  auto word = [&](int max_length) {
    std::string w(std::uniform_int_distribution<int>(0, max_length)(random), 'a');
    for (char& c : w) c = "abcA"[std::uniform_int_distribution<int>(0, 3)(random)];
    return w;
  };
  for (int trial = 0; trial < 20000; ++trial) {
    const std::string a = word(12), b = word(12);
    const int max = std::uniform_int_distribution<int>(0, 10)(random);
    ASSERT_EQ(BoundedEditDistance(a, b, max), std::min(EditDistance(a, b), max + 1))
        << "'" << a << "' '" << b << "' max " << max;
  }
}

TEST(ClosestNames, AgreesWithABruteForceSearchOnRandomNames) {
  // Property: the letter bound and the band never change the answer of the plain definition (every
  // candidate within a third of the longer name, at least 1 and at most kMaxSuggestDistance edits,
  // nearest first, ties in candidate order).
  std::mt19937 random(7);
  auto word = [&](int max_length) {
    std::string w(std::uniform_int_distribution<int>(1, max_length)(random), 'a');
    for (char& c : w) c = "abcdAB-"[std::uniform_int_distribution<int>(0, 6)(random)];
    return w;
  };
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<std::string> names;
    for (int i = 0; i < 30; ++i) names.push_back(word(14));
    std::vector<absl::string_view> views(names.begin(), names.end());
    const std::string name = word(14);
    std::vector<std::pair<int, size_t>> expected;
    for (size_t i = 0; i < names.size(); ++i) {
      const int d = EditDistance(name, names[i]);
      const int limit = std::min(kMaxSuggestDistance, std::max(1, static_cast<int>(std::max(name.size(), names[i].size()) / 3)));
      if (d <= limit) expected.push_back({d, i});
    }
    std::stable_sort(expected.begin(), expected.end(), [](auto& x, auto& y) { return x.first < y.first; });
    std::vector<std::string> want;
    for (size_t k = 0; k < expected.size() && k < 3; ++k) want.push_back(names[expected[k].second]);
    ASSERT_EQ(ClosestNames(name, views, 3), want) << name;
    // NearestNames: the n lowest distances (capped), ties in order.
    std::vector<int> capped;
    for (const std::string& n : names) capped.push_back(std::min(EditDistance(name, n), kMaxSuggestDistance + 1));
    std::vector<std::string> nearest;
    for (size_t i : LowestScores(capped, 4)) nearest.push_back(names[i]);
    ASSERT_EQ(NearestNames(name, views, 4), nearest) << name;
  }
}

TEST(BoundedEditDistance, CostsLinearTimeOnLongNames) {
  // 20,000 candidates of 500 characters against a 506-character name: the band keeps each comparison
  // to about 17 x 500 cells (the full distance would be 250,000). Bounded by the answer, not the clock.
  const std::string name(506, 'x');
  std::vector<std::string> long_names;
  for (int i = 0; i < 20000; ++i) long_names.push_back(std::string(500, 'a' + i % 20));
  std::vector<absl::string_view> views(long_names.begin(), long_names.end());
  EXPECT_THAT(ClosestNames(name, views), IsEmpty());
  EXPECT_THAT(NearestNames(name, views, 3), ::testing::SizeIs(3));
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
