// Copyright 2026 The hubperm Authors.
//
// Runs against a map, on random relations: the same lookups, the first entry of a key kept.

#include "policy/compile/runs.h"

#include <map>
#include <random>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace hubperm {
namespace {

TEST(Runs, FindsWhatAMapFinds) {
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    const int owners = 1 + static_cast<int>(rng() % 40), keys = 1 + static_cast<int>(rng() % 30);
    std::vector<Runs<int>::Entry> entries;
    std::map<std::pair<int, int>, int> first;  // the brute force: the first value of each (owner, key)
    const int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) {
      const int owner = static_cast<int>(rng() % owners), key = static_cast<int>(rng() % keys), value = i;
      entries.push_back({owner, key, value});
      first.emplace(std::make_pair(owner, key), value);
    }
    Runs<int> runs;
    runs.Build(owners, entries);
    EXPECT_EQ(runs.size(), first.size());
    for (int o = -1; o <= owners; ++o) {
      for (int k = -1; k <= keys; ++k) {
        const int* found = runs.Find(o, k);
        const auto it = first.find({o, k});
        if (it == first.end()) {
          EXPECT_EQ(found, nullptr) << o << " " << k;
        } else {
          ASSERT_NE(found, nullptr) << o << " " << k;
          EXPECT_EQ(*found, it->second);
        }
      }
    }
    using Visited = std::vector<std::pair<std::pair<int, int>, int>>;
    Visited visited;
    runs.ForEach([&](int32_t o, int32_t k, int v) { visited.push_back({{o, k}, v}); });
    const Visited expected(first.begin(), first.end());
    EXPECT_EQ(visited, expected);
  }
}

}  // namespace
}  // namespace hubperm
