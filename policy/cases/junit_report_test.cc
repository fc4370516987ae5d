// Copyright 2026 The hubperm Authors.

#include "policy/cases/junit_report.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

TEST(XmlEscape, Table) {
  const struct {
    std::string in, out;
  } rows[] = {
      {"plain", "plain"},
      {"a & b", "a &amp; b"},
      {"<tag attr=\"v\">", "&lt;tag attr=&quot;v&quot;&gt;"},
      {"it's", "it&apos;s"},
      {"tab\tnl\ncr\r", "tab\tnl\ncr\\x0D"},                           // CR could forge a line
      {std::string("nul\0x", 5), "nul\\x00x"},                       // forbidden in XML: escaped
      {"\x1b[31mred", "\\x1B[31mred"},
      {"\xef\xbf\xbe\xef\xbf\xbf", "\\u{FFFE}\\u{FFFF}"},           // noncharacters XML forbids
      {"bad\xff", "bad\\xFF"},                                         // not UTF-8
      {"§ é ✓", "§ é ✓"},                                              // UTF-8 passes through
  };
  for (const auto& row : rows) EXPECT_EQ(XmlEscape(row.in), row.out) << row.in;
}

TEST(RenderJunit, OneSuitePerFileInFileOrderWithCounts) {
  SourceFiles files;
  files.Add("a.yaml", "");
  files.Add("b.yaml", "");
  files.Add("empty.yaml", "");
  std::vector<CaseResult> results(4);
  results[0].name = "in b";
  results[0].pos = {1, 3, 5};
  results[0].passed = true;
  results[1].name = "fails <here>";
  results[1].pos = {0, 7, 5};
  results[1].failure = "expected allow, got deny";
  results[1].explanation = "DENY & why\n";
  results[2].name = "invalid";
  results[2].pos = {0, 9, 5};
  results[2].invalid = true;
  results[2].failure = "the request is invalid: x";
  results[3].name = "passes";
  results[3].pos = {0, 11, 5};
  results[3].passed = true;
  EXPECT_EQ(RenderJunit(results, files),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"hubperm test\" tests=\"4\" failures=\"1\" errors=\"1\">\n"
            "  <testsuite name=\"a.yaml\" tests=\"3\" failures=\"1\" errors=\"1\">\n"
            "    <testcase name=\"fails &lt;here&gt;\" classname=\"a.yaml\" file=\"a.yaml\" line=\"7\">\n"
            "      <failure message=\"expected allow, got deny\" type=\"expectation\">DENY &amp; why\n"
            "</failure>\n"
            "    </testcase>\n"
            "    <testcase name=\"invalid\" classname=\"a.yaml\" file=\"a.yaml\" line=\"9\">\n"
            "      <error message=\"the request is invalid: x\" type=\"invalid request\"></error>\n"
            "    </testcase>\n"
            "    <testcase name=\"passes\" classname=\"a.yaml\" file=\"a.yaml\" line=\"11\"/>\n"
            "  </testsuite>\n"
            "  <testsuite name=\"b.yaml\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
            "    <testcase name=\"in b\" classname=\"b.yaml\" file=\"b.yaml\" line=\"3\"/>\n"
            "  </testsuite>\n"
            "</testsuites>\n");
}

}  // namespace
}  // namespace hubperm
