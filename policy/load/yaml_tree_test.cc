// Copyright 2026 The hubperm Authors.

#include "policy/load/yaml_tree.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

struct Parsed {
  absl::optional<YamlNode> root;
  Diagnostics diagnostics;
};

Parsed Parse(absl::string_view text, YamlLimits limits = YamlLimits()) {
  Parsed p;
  p.root = ParseYaml(text, 0, &p.diagnostics, limits);
  return p;
}

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Issue& issue : d.issues()) {
    out += std::to_string(issue.pos.line) + ":" + std::to_string(issue.pos.column) + " " + issue.message + "\n";
  }
  return out;
}

TEST(ParseYaml, KeepsKindsAndOneBasedPositions) {
  Parsed p = Parse("users: [alice, bob]\norgs:\n  - name: acme\n");
  ASSERT_TRUE(p.root.has_value());
  EXPECT_TRUE(p.diagnostics.issues().empty()) << Messages(p.diagnostics);
  const YamlNode& root = *p.root;
  ASSERT_TRUE(root.is_map());
  ASSERT_EQ(root.map_size(), 2u);
  EXPECT_EQ(root.key(0).scalar, "users");
  EXPECT_EQ(root.key(0).pos, (SourcePos{0, 1, 1}));
  const YamlNode& users = root.value(0);
  ASSERT_TRUE(users.is_sequence());
  ASSERT_EQ(users.children.size(), 2u);
  EXPECT_EQ(users.children[1].scalar, "bob");
  EXPECT_EQ(users.children[1].pos, (SourcePos{0, 1, 16}));
  const YamlNode& org = root.value(1).children[0];
  ASSERT_TRUE(org.is_map());
  EXPECT_EQ(org.value(0).scalar, "acme");
  EXPECT_EQ(org.value(0).pos, (SourcePos{0, 3, 11}));
}

TEST(ParseYaml, TellsPlainFromQuotedScalarsAndNulls) {
  Parsed p = Parse("a: true\nb: \"true\"\nc: 'x'\nd:\ne: ~\n");
  ASSERT_TRUE(p.root.has_value());
  const YamlNode& root = *p.root;
  EXPECT_TRUE(root.value(0).plain);
  EXPECT_FALSE(root.value(1).plain);
  EXPECT_EQ(root.value(1).scalar, "true");
  EXPECT_FALSE(root.value(2).plain);
  EXPECT_TRUE(root.value(3).is_null());
  EXPECT_TRUE(root.value(4).is_null());
}

TEST(ParseYaml, KeepsDuplicateKeysForTheLoaderToReport) {
  Parsed p = Parse("a: 1\na: 2\n");
  ASSERT_TRUE(p.root.has_value());
  ASSERT_EQ(p.root->map_size(), 2u);
  EXPECT_EQ(p.root->value(0).scalar, "1");
  EXPECT_EQ(p.root->value(1).scalar, "2");
}

TEST(ParseYaml, RefusesAliases) {
  Parsed p = Parse("a: &x [1, 2]\nb: *x\n");
  ASSERT_TRUE(p.root.has_value());
  EXPECT_THAT(Messages(p.diagnostics), HasSubstr("2:4 YAML aliases (*name) are not supported"));
  EXPECT_TRUE(p.root->value(1).is_null());
}

TEST(ParseYaml, RefusesExplicitTags) {
  Parsed p = Parse("a: !!str 5\n");
  EXPECT_THAT(Messages(p.diagnostics), HasSubstr("YAML tags (tag:yaml.org,2002:str) are not supported"));
}

TEST(ParseYaml, RefusesCollectionsAsKeys) {
  Parsed p = Parse("? [a, b]\n: 1\n");
  EXPECT_THAT(Messages(p.diagnostics), HasSubstr("mapping keys must be plain names"));
}

TEST(ParseYaml, ReportsSyntaxErrorsAtTheirPosition) {
  Parsed p = Parse("users: [alice\norgs: 1\n");
  EXPECT_FALSE(p.root.has_value());
  ASSERT_EQ(p.diagnostics.issues().size(), 1u);
  EXPECT_THAT(p.diagnostics.issues()[0].message, HasSubstr("YAML syntax"));
  EXPECT_GE(p.diagnostics.issues()[0].pos.line, 1);
}

TEST(ParseYaml, ReportsASecondDocument) {
  Parsed p = Parse("users: [a]\n---\nusers: [b]\n");
  ASSERT_TRUE(p.root.has_value());
  EXPECT_THAT(Messages(p.diagnostics), HasSubstr("3:1 a file holds one YAML document"));
}

TEST(ParseYaml, EmptyFileIsNull) {
  Parsed p = Parse("");
  ASSERT_TRUE(p.root.has_value());
  EXPECT_TRUE(p.root->is_null());
  EXPECT_TRUE(p.diagnostics.issues().empty());
}

TEST(ParseYaml, BoundsNestingDepthWithoutRecursing) {
  std::string deep(40, '[');
  deep += std::string(40, ']');
  Parsed p = Parse(deep, YamlLimits{8});
  ASSERT_TRUE(p.root.has_value());
  ASSERT_EQ(p.diagnostics.error_count(), 1) << Messages(p.diagnostics);
  EXPECT_THAT(p.diagnostics.issues()[0].message, HasSubstr("nesting deeper than 8 levels"));
  const YamlNode* node = &*p.root;
  int depth = 0;
  while (node->is_sequence() && !node->children.empty()) {
    node = &node->children[0];
    ++depth;
  }
  EXPECT_EQ(depth, 8);
}

TEST(ParseYaml, SurvivesNestingBeyondTheParsersOwnLimit) {
  for (int depth : {1000, 100000}) {
    Parsed p = Parse(std::string(depth, '[') + std::string(depth, ']'));
    EXPECT_TRUE(p.diagnostics.has_errors()) << depth;
  }
}

}  // namespace
}  // namespace hubperm
