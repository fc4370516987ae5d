// Copyright 2026 The hubperm Authors.

#include "policy/common/source.h"

#include "gtest/gtest.h"

namespace hubperm {
namespace {

TEST(SourceFiles, FormatsKnownPartlyKnownAndUnknownPositions) {
  SourceFiles files;
  const int world = files.Add("world.yaml", "users: [alice]\n");
  EXPECT_EQ(files.Format(SourcePos{world, 9, 18}), "world.yaml:9:18");
  EXPECT_EQ(files.Format(SourcePos{world, 0, 0}), "world.yaml");
  EXPECT_EQ(files.Format(SourcePos{}), "<unknown>");
  EXPECT_EQ(files.Format(SourcePos{7, 1, 1}), "<unknown>");
}

TEST(SourceFiles, ReturnsTheLineOfAPosition) {
  SourceFiles files;
  files.Add("a.yaml", "first\r\nsecond\nthird");
  EXPECT_EQ(files.Line(SourcePos{0, 1, 1}), "first");
  EXPECT_EQ(files.Line(SourcePos{0, 2, 3}), "second");
  EXPECT_EQ(files.Line(SourcePos{0, 3, 1}), "third");
  EXPECT_EQ(files.Line(SourcePos{0, 4, 1}), "");
  EXPECT_EQ(files.Line(SourcePos{0, 0, 0}), "");
  EXPECT_EQ(files.Line(SourcePos{}), "");
}

TEST(SourceFiles, EscapesControlsInAFileName) {
  SourceFiles files;
  files.Add("evil\n\x1b[2J.yaml", "");
  EXPECT_EQ(files.Format(SourcePos{0, 1, 1}), "evil\\x0A\\x1B[2J.yaml:1:1");
}

TEST(LineIndex, FindsEveryLineAsAScanWould) {
  const std::string text = "a\r\n\nbb\nccc\n";
  LineIndex index(text);
  EXPECT_EQ(index.line_count(), 4);
  EXPECT_EQ(index.Line(1), "a");
  EXPECT_EQ(index.Line(2), "");
  EXPECT_EQ(index.Line(3), "bb");
  EXPECT_EQ(index.Line(4), "ccc");
  EXPECT_EQ(index.Line(5), "");
  EXPECT_EQ(index.Line(0), "");
  EXPECT_EQ(LineIndex("").Line(1), "");
}

}  // namespace
}  // namespace hubperm
