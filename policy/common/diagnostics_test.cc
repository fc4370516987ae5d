// Copyright 2026 The hubperm Authors.

#include "policy/common/diagnostics.h"

#include "gtest/gtest.h"

namespace hubperm {
namespace {

TEST(Diagnostics, CountsErrorsAndWarnings) {
  Diagnostics d;
  EXPECT_FALSE(d.has_errors());
  d.Warning(SourcePos{}, "w");
  EXPECT_FALSE(d.has_errors());
  d.Error(SourcePos{}, "e1");
  d.Error(SourcePos{}, "e2");
  EXPECT_TRUE(d.has_errors());
  EXPECT_EQ(d.error_count(), 2);
  EXPECT_EQ(d.warning_count(), 1);
  EXPECT_EQ(d.issues().size(), 3u);
}

TEST(Diagnostics, RendersEveryIssueSortedWithSourceLineAndCaret) {
  SourceFiles files;
  files.Add("world.yaml", "orgs:\n  - name: acme\n    members: {alice: wirte}\n");
  files.Add("cases.yaml", "cases: 3\n");
  Diagnostics d;
  d.Error(SourcePos{1, 1, 8}, "'cases' must be a sequence");
  d.Error(SourcePos{0, 3, 22}, "unknown org role 'wirte'");
  d.Warning(SourcePos{0, 2, 5}, "something to know");
  d.Error(SourcePos{}, "no position");
  EXPECT_EQ(d.Render(files),
            "<unknown>: error: no position\n"
            "world.yaml:2:5: warning: something to know\n"
            "      - name: acme\n"
            "        ^\n"
            "world.yaml:3:22: error: unknown org role 'wirte'\n"
            "        members: {alice: wirte}\n"
            "                         ^\n"
            "cases.yaml:1:8: error: 'cases' must be a sequence\n"
            "    cases: 3\n"
            "           ^\n");
}

TEST(Diagnostics, KeepsAtMostTheBoundPerFileAndCountsTheRest) {
  SourceFiles files;
  files.Add("a.yaml", "x\n");
  files.Add("b.yaml", "y\n");
  Diagnostics d(/*max_per_file=*/2);
  for (int i = 0; i < 5; ++i) d.Error(SourcePos{0, 1, 1}, "e");
  d.Warning(SourcePos{0, 1, 1}, "w");
  d.Error(SourcePos{1, 1, 1}, "only");
  EXPECT_EQ(d.issues().size(), 3u);
  EXPECT_EQ(d.error_count(), 6);
  EXPECT_EQ(d.warning_count(), 1);
  EXPECT_EQ(d.omitted_count(), 4);
  EXPECT_EQ(d.Render(files),
            "a.yaml:1:1: error: e\n    x\n    ^\n"
            "a.yaml:1:1: error: e\n    x\n    ^\n"
            "a.yaml: 3 more errors and 1 more warning not shown (at most 2 issues per file; --max-issues N shows more)\n"
            "b.yaml:1:1: error: only\n    y\n    ^\n");
}

TEST(Diagnostics, ShowsAWindowOfALongLineWithTheCaretUnderTheColumn) {
  // The error sits at column 500 of a 1,000-character line.
  std::string line(1000, 'a');
  line[499] = 'X';
  SourceFiles files;
  files.Add("long.yaml", line + "\n");
  Diagnostics d;
  d.Error(SourcePos{0, 1, 500}, "here");
  const std::string out = d.Render(files);
  const size_t excerpt = out.find("\n    ") + 5;
  const size_t caret_line = out.find("\n    ", excerpt) + 5;
  const std::string shown = out.substr(excerpt, out.find('\n', excerpt) - excerpt);
  const std::string caret = out.substr(caret_line, out.find('\n', caret_line) - caret_line);
  EXPECT_EQ(shown.size(), static_cast<size_t>(kExcerptWidth) + 6);  // "..." at both ends
  EXPECT_EQ(shown.substr(0, 3), "...");
  EXPECT_EQ(shown.substr(shown.size() - 3), "...");
  ASSERT_EQ(caret.back(), '^');
  EXPECT_EQ(shown[caret.size() - 1], 'X');
  // At the start and the end of the line: one cut only, the caret still right.
  for (int column : {1, 3, 998, 1000}) {
    Diagnostics at;
    at.Error(SourcePos{0, 1, column}, "m");
    const std::string text = at.Render(files);
    const size_t e = text.find("\n    ") + 5;
    const size_t c = text.find("\n    ", e) + 5;
    const std::string excerpt_text = text.substr(e, text.find('\n', e) - e);
    const std::string caret_text = text.substr(c, text.find('\n', c) - c);
    const int first_shown = column <= kExcerptWidth / 2 ? 1 : 1000 - kExcerptWidth + 1;
    const size_t lead = first_shown > 1 ? 3 : 0;
    EXPECT_EQ(caret_text.size() - 1, lead + static_cast<size_t>(column - first_shown)) << column;
    EXPECT_EQ(excerpt_text.size(), static_cast<size_t>(kExcerptWidth) + 3) << column;
  }
}

TEST(Diagnostics, CutsAnOverlongMessage) {
  SourceFiles files;
  Diagnostics d;
  d.Error(SourcePos{}, std::string(5000, 'm'));
  const std::string out = d.Render(files);
  EXPECT_LT(out.size(), static_cast<size_t>(kMaxMessageChars) + 100);
  EXPECT_NE(out.find("(message cut at 1000 characters)"), std::string::npos);
}

}  // namespace
}  // namespace hubperm
