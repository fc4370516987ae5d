// Copyright 2026 The hubperm Authors.

#include "policy/common/utf8.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace hubperm {
namespace {

TEST(Utf8SequenceLength, ClassifiesEachKindOfSequence) {
  struct Row {
    std::string bytes;
    size_t length;
  };
  const std::vector<Row> rows = {
      {"a", 1},
      {"\x7F", 1},  // DEL is well-formed UTF-8 (forbidden by YAML, which is a separate question)
      {"\xC3\xA9", 2},
      {"\xE2\x82\xAC", 3},
      {"\xF0\x9F\x98\x80", 4},
      {"\xF4\x8F\xBF\xBF", 4},  // U+10FFFF, the last code point
      {"\x80", 0},              // a stray continuation byte
      {"\xC0\xAF", 0},          // overlong '/'
      {"\xC1\xBF", 0},          // overlong
      {"\xC3", 0},              // truncated
      {"\xC3\x41", 0},          // a continuation that is not one
      {"\xE0\x9F\xBF", 0},      // overlong 3-byte
      {"\xED\xA0\x80", 0},      // U+D800, a surrogate
      {"\xED\x9F\xBF", 3},      // U+D7FF, just below the surrogates
      {"\xF0\x8F\xBF\xBF", 0},  // overlong 4-byte
      {"\xF4\x90\x80\x80", 0},  // U+110000
      {"\xF5\x80\x80\x80", 0},
      {"\xFF", 0},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(Utf8SequenceLength(row.bytes, 0), row.length) << testing::PrintToString(row.bytes);
  }
}

TEST(IsForbiddenControl, AllowsTabAndLineBreaksOnly) {
  for (int b = 0; b < 256; ++b) {
    const bool expected = (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
    EXPECT_EQ(IsForbiddenControl(static_cast<unsigned char>(b)), expected) << b;
  }
}

}  // namespace
}  // namespace hubperm
