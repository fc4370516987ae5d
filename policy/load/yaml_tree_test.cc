// Copyright 2026 The hubperm Authors.

#include "policy/load/yaml_tree.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

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

// Encoding: each row is a text and the errors it must produce (line:col message-substring), in order.
struct EncodingRow {
  std::string text;
  std::vector<std::string> errors;
};

TEST(ParseYaml, RefusesTextThatIsNotUtf8) {
  const std::vector<EncodingRow> rows = {
      {"users: [alice]\n", {}},
      {"\xEF\xBB\xBFusers: [alice]\n", {}},                   // a UTF-8 byte order mark
      {"users: [\xC3\xA9lodie, \xE2\x82\xAC, \xF0\x9F\x98\x80]\n", {}},  // 2-, 3- and 4-byte characters
      {"users: [al\xFFice]\n", {"1:11 byte 0xFF is not valid UTF-8"}},
      {"a: 1\nusers: [\xC3\xA9, \xC3]\n", {"2:12 byte 0xC3 is not valid UTF-8"}},  // truncated sequence
      {"users: [\xC0\xAF]\n", {"1:9 byte 0xC0 is not valid UTF-8"}},              // overlong '/'
      {"users: [\xED\xA0\x80]\n", {"1:9 byte 0xED is not valid UTF-8"}},         // a surrogate
      {"users: [\xF4\x90\x80\x80]\n", {"1:9 byte 0xF4 is not valid UTF-8"}},    // above U+10FFFF
      {std::string("users: [a\0b]\n", 13), {"1:10 control character U+0000"}},
      {"users: [a\x1B]\n", {"1:10 control character U+001B"}},
      // One error per bad line, every bad line.
      {"\xFF\xFE\n\xFF\nok: 1\n\x80", {"1:1 byte 0xFF", "2:1 byte 0xFF", "4:1 byte 0x80"}},
      // UTF-16 (here with its byte order mark) is not read.
      {std::string("\xFF\xFEu\0s\0", 6), {"1:1 byte 0xFF"}},
  };
  for (const EncodingRow& row : rows) {
    Parsed p = Parse(row.text);
    ASSERT_EQ(p.diagnostics.issues().size(), row.errors.size()) << row.text << "\n" << Messages(p.diagnostics);
    EXPECT_EQ(p.root.has_value(), row.errors.empty()) << row.text;
    for (size_t i = 0; i < row.errors.size(); ++i) {
      EXPECT_THAT(Messages(p.diagnostics), HasSubstr(row.errors[i])) << row.text;
    }
  }
}

TEST(ParseYaml, ReportsAtMostTwentyBadLinesThenCountsTheRest) {
  std::string text;
  for (int i = 0; i < 25; ++i) text += "\xFF\n";
  Parsed p = Parse(text);
  ASSERT_EQ(p.diagnostics.error_count(), 21);
  EXPECT_EQ(p.diagnostics.issues()[20].message, "and 5 more lines with such bytes");
}

TEST(ParseYaml, ReadsAHugeFlatFile) {
  // 200k sequence items (about 2 MB): parsed in one pass, no limit hit.
  std::string text = "users:\n";
  for (int i = 0; i < 200000; ++i) text += "  - user" + std::to_string(i) + "\n";
  Parsed p = Parse(text);
  ASSERT_TRUE(p.root.has_value());
  EXPECT_FALSE(p.diagnostics.has_errors()) << Messages(p.diagnostics);
  ASSERT_EQ(p.root->map_size(), 1u);
  EXPECT_EQ(p.root->value(0).children.size(), 200000u);
  EXPECT_EQ(p.root->value(0).children.back().pos.line, 200001);
}

TEST(ParseYaml, RefusesAFileOverTheSizeLimit) {
  YamlLimits limits;
  limits.max_bytes = 16;
  Parsed p = Parse("users: [alice, bob]\n", limits);
  EXPECT_FALSE(p.root.has_value());
  EXPECT_EQ(Messages(p.diagnostics), "0:0 the file is 20 bytes; hubperm reads fixture files of at most 16 bytes\n");
  EXPECT_TRUE(Parse("users: [alice]\n", limits).root.has_value());
  EXPECT_EQ(YamlLimits().max_bytes, size_t{1} << 30);
}

TEST(ParseYaml, SurvivesAnAliasBomb) {
  // "Billion laughs": every level refers to the one above ten times. Aliases are refused, never expanded.
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", " : "") + prev;
    text += "]\n";
  }
  Parsed p = Parse(text);
  EXPECT_EQ(p.diagnostics.error_count(), 90);
  EXPECT_THAT(p.diagnostics.issues()[0].message, HasSubstr("aliases (*name) are not supported"));
}

// A sink that takes the items of some keys, recording each with its key and where it was in its list.
class RecordingSink : public YamlItemSink {
 public:
  explicit RecordingSink(std::vector<std::string> keys) : keys_(std::move(keys)) {}
  bool TakeItem(const YamlNode& key, const YamlNode& item) override {
    if (std::find(keys_.begin(), keys_.end(), key.scalar) == keys_.end()) return false;
    taken.push_back({key.scalar, item});
    return true;
  }
  std::vector<std::pair<std::string, YamlNode>> taken;

 private:
  std::vector<std::string> keys_;
};

bool SameTree(const YamlNode& a, const YamlNode& b) {
  if (a.kind != b.kind || a.plain != b.plain || !(a.pos == b.pos) || a.scalar != b.scalar ||
      a.children.size() != b.children.size()) {
    return false;
  }
  for (size_t i = 0; i < a.children.size(); ++i) {
    if (!SameTree(a.children[i], b.children[i])) return false;
  }
  return true;
}

constexpr char kStreamed[] = R"(users: [alice, bob]
repos:
  - {id: acme/a, private: true}
  - just-a-string
  - id: acme/b
    access_requests: [{user: bob}]
orgs:
  - name: acme
    members: {alice: admin}
nested:
  deeper:
    - {id: not/top-level}
)";

TEST(ParseYamlStreaming, HandsOverEachTopLevelListMappingAsItCompletes) {
  Diagnostics whole_diagnostics, streamed_diagnostics;
  const absl::optional<YamlNode> whole = ParseYaml(kStreamed, 0, &whole_diagnostics);
  RecordingSink sink({"repos", "orgs", "nested"});
  const absl::optional<YamlNode> rest = ParseYamlStreaming(kStreamed, 0, &streamed_diagnostics, &sink);
  ASSERT_TRUE(whole.has_value() && rest.has_value());
  EXPECT_EQ(Messages(streamed_diagnostics), Messages(whole_diagnostics));
  // The mappings of the top-level lists, in order, with their keys; not a scalar item, not a deeper list.
  ASSERT_EQ(sink.taken.size(), 3u);
  EXPECT_EQ(sink.taken[0].first, "repos");
  EXPECT_EQ(sink.taken[1].first, "repos");
  EXPECT_EQ(sink.taken[2].first, "orgs");
  EXPECT_TRUE(SameTree(sink.taken[0].second, whole->value(1).children[0]));
  EXPECT_TRUE(SameTree(sink.taken[1].second, whole->value(1).children[2]));
  EXPECT_TRUE(SameTree(sink.taken[2].second, whole->value(2).children[0]));
  // What is left is the tree without them: put back, it is the whole tree.
  YamlNode rebuilt = *rest;
  ASSERT_EQ(rebuilt.value(1).children.size(), 1u);  // the string stays
  rebuilt.children[3].children.insert(rebuilt.children[3].children.begin(), sink.taken[0].second);
  rebuilt.children[3].children.push_back(sink.taken[1].second);
  rebuilt.children[5].children.push_back(sink.taken[2].second);
  EXPECT_TRUE(SameTree(rebuilt, *whole));
  EXPECT_EQ(rest->value(3).value(0).children.size(), 1u);  // nested.deeper keeps its item
}

TEST(ParseYamlStreaming, ASinkThatTakesNothingLeavesTheWholeTree) {
  Diagnostics a, b;
  RecordingSink none({});
  const absl::optional<YamlNode> whole = ParseYaml(kStreamed, 0, &a);
  const absl::optional<YamlNode> streamed = ParseYamlStreaming(kStreamed, 0, &b, &none);
  ASSERT_TRUE(whole.has_value() && streamed.has_value());
  EXPECT_TRUE(SameTree(*whole, *streamed));
}

TEST(ParseYamlStreaming, ItemsBeforeASyntaxErrorAreHandedOver) {
  Diagnostics d;
  RecordingSink sink({"repos"});
  const absl::optional<YamlNode> root =
      ParseYamlStreaming("repos:\n  - {id: a/b}\n  - {id: c/d}\n  - {id: [\n", 0, &d, &sink);
  EXPECT_FALSE(root.has_value());
  EXPECT_THAT(Messages(d), HasSubstr("YAML syntax"));
  EXPECT_EQ(sink.taken.size(), 2u);
}

}  // namespace
}  // namespace hubperm
