// Copyright 2026 The hubperm Authors.
//
// docs/hub-access-model.md against the code: its §6 table has one row per operation of
// policy/model/operation.cc with the same evidence labels, every section the product cites (in
// explanations, goldens, the route catalogue and the other docs) exists, and no document names a path
// outside the repository.

#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "policy/model/operation.h"
#include "policy/model/permission.h"
#include "testdata/fixture_files.h"

namespace hubperm {
namespace {

constexpr char kDoc[] = "docs/hub-access-model.md";

// The lines of section `number` ("6") of the document: from its "## N." heading to the next heading.
std::vector<std::string> SectionLines(const std::string& doc, const std::string& number) {
  std::vector<std::string> lines;
  bool inside = false;
  for (absl::string_view line : absl::StrSplit(doc, '\n')) {
    if (absl::StartsWith(line, "## ")) {
      inside = absl::StartsWith(line, "## " + number + ".");
      continue;
    }
    if (inside) lines.emplace_back(line);
  }
  return lines;
}

// The section numbers of the document's headings ("1", "6a", "7a", ...).
std::set<std::string> Sections(const std::string& doc) {
  std::set<std::string> out;
  for (absl::string_view line : absl::StrSplit(doc, '\n')) {
    if (!absl::ConsumePrefix(&line, "## ")) continue;
    const size_t dot = line.find('.');
    if (dot != absl::string_view::npos) out.emplace(line.substr(0, dot));
  }
  return out;
}

// The names in backquotes in a table cell: "`delete_branch`, `create_tag`" -> {delete_branch, create_tag}.
std::vector<std::string> QuotedNames(absl::string_view cell) {
  std::vector<std::string> names;
  std::vector<absl::string_view> parts = absl::StrSplit(cell, '`');
  for (size_t i = 1; i < parts.size(); i += 2) names.emplace_back(parts[i]);
  return names;
}

TEST(AccessModelDoc, OperationTableMatchesTheCode) {
  const std::string doc = ReadFileOrEmpty(kDoc);
  ASSERT_FALSE(doc.empty()) << kDoc;
  std::set<std::string> documented;
  for (const std::string& line : SectionLines(doc, "6")) {
    if (!absl::StartsWith(line, "| `")) continue;
    std::vector<std::string> cells = absl::StrSplit(line, '|');
    ASSERT_EQ(cells.size(), 8u) << line;  // "", six columns, ""
    const std::string user_evidence(absl::StripAsciiWhitespace(cells[4]));
    const std::string token_evidence(absl::StripAsciiWhitespace(cells[6]));
    for (const std::string& name : QuotedNames(cells[1])) {
      SCOPED_TRACE(name);
      const OperationInfo* found = nullptr;
      for (const OperationInfo& op : AllOperations()) {
        if (op.name == name) found = &op;
      }
      ASSERT_NE(found, nullptr) << "§6 names an operation the code does not have: " << line;
      EXPECT_TRUE(documented.insert(name).second) << "§6 lists " << name << " twice";
      EXPECT_EQ(user_evidence, EvidenceName(found->user_evidence)) << line;
      EXPECT_EQ(token_evidence, EvidenceName(found->token_evidence)) << line;
    }
  }
  for (const OperationInfo& op : AllOperations()) {
    EXPECT_EQ(documented.count(std::string(op.name)), 1u) << op.name << " has no row in §6 of " << kDoc;
  }
}

// Every "§N" in `text` that follows "hub-access-model" or stands alone in an explanation.
std::vector<std::string> CitedSections(const std::string& text) {
  std::vector<std::string> out;
  for (size_t at = text.find("§"); at != std::string::npos; at = text.find("§", at + 1)) {
    size_t end = at + std::string("§").size();
    size_t start = end;
    while (end < text.size() && (absl::ascii_isdigit(text[end]) || (end > start && absl::ascii_islower(text[end])))) {
      ++end;
    }
    if (end > start) out.push_back(text.substr(start, end - start));
  }
  return out;
}

TEST(AccessModelDoc, EverySectionCitedExists) {
  const std::set<std::string> sections = Sections(ReadFileOrEmpty(kDoc));
  for (const char* number : {"1", "2", "3", "4", "5", "6", "6a", "7", "7a", "8", "9", "10"}) {
    EXPECT_EQ(sections.count(number), 1u) << "no section " << number;
  }
  std::vector<std::string> files = {"README.md", "docs/fixture-format.md", "docs/explanation-json.md",
                                    "policy/request/routes.yaml", kDoc};
  for (const std::string& path : YamlFilesIn("testdata", Descend::kYes)) files.push_back(path);
  for (const char* golden : {"founding_explain.txt", "founding_commit_explain.txt", "founding_permission_explain.txt",
                             "spec_move_explain.txt", "test_failures.txt", "founding_explain.json"}) {
    files.push_back(std::string("testdata/golden/") + golden);
  }
  int cited = 0;
  for (const std::string& path : files) {
    const std::string text = ReadFileOrEmpty(path);
    ASSERT_FALSE(text.empty()) << path;
    for (const std::string& section : CitedSections(text)) {
      ++cited;
      // "§2-3" cites 2 (and 3): the number before the dash is what is read here.
      EXPECT_EQ(sections.count(section), 1u) << path << " cites §" << section << ", which " << kDoc << " lacks";
    }
  }
  EXPECT_GT(cited, 10);  // the explanations' goldens cite sections: the scan saw them
}

TEST(AccessModelDoc, NoDocumentNamesAPathOutsideTheRepository) {
  std::vector<std::string> files = {"README.md", "docs/fixture-format.md", "docs/explanation-json.md",
                                    "docs/test-json.md", "docs/audit-json.md", "policy/request/routes.yaml", kDoc};
  for (const std::string& path : YamlFilesIn("testdata", Descend::kYes)) files.push_back(path);
  for (const std::string& path : files) {
    const std::string text = ReadFileOrEmpty(path);
    ASSERT_FALSE(text.empty()) << path;
    EXPECT_FALSE(absl::StrContains(text, "../shared")) << path;
    // A link that climbs above the repository: "](../x" from its root, "](../../x" from a folder one deep.
    const bool at_root = path.find('/') == std::string::npos;
    EXPECT_FALSE(absl::StrContains(text, at_root ? "](../" : "](../../")) << path << " links outside the repository";
  }
}

}  // namespace
}  // namespace hubperm
