// Copyright 2026 The hubperm Authors.

#include "policy/common/glob.h"

#include <random>
#include <string>

#include "gtest/gtest.h"

namespace hubperm {
namespace {

struct Row {
  const char* pattern;
  const char* text;
  bool match;
};

constexpr Row kRows[] = {
    {"", "", true},
    {"", "a", false},
    {"*", "", true},
    {"*", "acme/model", true},
    {"acme/*", "acme/model", true},
    {"acme/*", "acme/", true},
    {"acme/*", "acmex/model", false},
    {"acme/*", "acme", false},
    {"*/model", "acme/model", true},
    {"*/model", "acme/models", false},
    {"ci-?", "ci-1", true},
    {"ci-?", "ci-10", false},
    {"ci-?", "ci-", false},
    {"a*b*c", "abc", true},
    {"a*b*c", "aXbYc", true},
    {"a*b*c", "aXbYcZ", false},
    {"a*b*c", "acb", false},
    {"**", "x", true},
    {"*a", "aaaa", true},
    {"*a*", "bbb", false},
    {"?*", "", false},
    {"bob", "bob", true},
    {"bob", "bobby", false},
};

TEST(GlobMatch, Table) {
  for (const Row& row : kRows) {
    EXPECT_EQ(GlobMatch(row.pattern, row.text), row.match) << "'" << row.pattern << "' on '" << row.text << "'";
  }
}

TEST(IsGlob, Wildcards) {
  EXPECT_TRUE(IsGlob("acme/*"));
  EXPECT_TRUE(IsGlob("ci-?"));
  EXPECT_FALSE(IsGlob("acme/model"));
}

// Against a recursive matcher that tries every split: random patterns and texts over a small alphabet.
bool Brute(const std::string& p, size_t i, const std::string& t, size_t j) {
  if (i == p.size()) return j == t.size();
  if (p[i] == '*') {
    for (size_t k = j; k <= t.size(); ++k) {
      if (Brute(p, i + 1, t, k)) return true;
    }
    return false;
  }
  return j < t.size() && (p[i] == '?' || p[i] == t[j]) && Brute(p, i + 1, t, j + 1);
}

TEST(GlobMatch, AgreesWithBruteForce) {
  std::mt19937 rng(11);
  const std::string pattern_chars = "ab*?", text_chars = "ab";
  int matches = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string p, t;
    for (int i = rng() % 7; i > 0; --i) p += pattern_chars[rng() % pattern_chars.size()];
    for (int i = rng() % 8; i > 0; --i) t += text_chars[rng() % text_chars.size()];
    const bool want = Brute(p, 0, t, 0);
    ASSERT_EQ(GlobMatch(p, t), want) << "'" << p << "' on '" << t << "'";
    matches += want;
  }
  EXPECT_GT(matches, 1000);
}

}  // namespace
}  // namespace hubperm
