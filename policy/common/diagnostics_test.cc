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

}  // namespace
}  // namespace hubperm
