// Copyright 2026 The hubperm Authors.

#include "policy/common/percent_decode.h"

#include "gtest/gtest.h"

namespace hubperm {
namespace {

struct Row {
  const char* in;
  bool plus_is_space;
  const char* out;
};

TEST(PercentDecodeTest, Table) {
  const Row rows[] = {
      {"refs%2Fpr%2F1", false, "refs/pr/1"},
      {"refs%2fpr%2f1", false, "refs/pr/1"},   // lower-case hex
      {"a+b", false, "a+b"},                    // a path keeps its '+'
      {"a+b", true, "a b"},                     // a form field's '+' is a space
      {"copy%2Fconfig.json", true, "copy/config.json"},
      {"100%", false, "100%"},                  // a '%' without two hex digits stays
      {"%4", false, "%4"},
      {"%zz", false, "%zz"},
      {"%41%42", false, "AB"},
      {"", false, ""},
  };
  for (const Row& row : rows) EXPECT_EQ(PercentDecode(row.in, row.plus_is_space), row.out) << row.in;
}

}  // namespace
}  // namespace hubperm
