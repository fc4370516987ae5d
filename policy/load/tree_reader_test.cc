// Copyright 2026 The hubperm Authors.
//
// TreeReader: one wording for YAML and JSON input, row by row (unknown, duplicate and missing keys,
// wrong kinds, strings, booleans, numbers, enums), and what JSON never quotes back.

#include "policy/load/tree_reader.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/load/yaml_tree.h"

namespace hubperm {
namespace {

using ::testing::ElementsAre;

constexpr absl::string_view kKeys[] = {"name", "role", "count", "flag", "list"};

// Reads `text` as a record of kKeys with the reader of `syntax`; returns "line:col: message" per issue.
std::vector<std::string> Read(absl::string_view text, TreeSyntax syntax) {
  Diagnostics d;
  absl::optional<YamlNode> root = ParseYaml(text, 0, &d);
  EXPECT_TRUE(root.has_value()) << text;
  TreeReader in(&d, syntax);
  if (root.has_value() && in.IsMap(*root, "the record")) {
    in.CheckKeys(*root, kKeys, "the record", syntax == TreeSyntax::kJson ? UnknownKeys::kWarning : UnknownKeys::kError);
    if (const YamlNode* name = in.Require(*root, "name", "the record")) in.String(*name, "'name'");
    if (const YamlNode* role = in.Get(*root, "role")) in.Enum<OrgRole>(*role, "org role");
    if (const YamlNode* count = in.Get(*root, "count")) in.Int(*count, "'count'");
    if (const YamlNode* flag = in.Get(*root, "flag")) in.Bool(*flag, "'flag'");
    if (const YamlNode* list = in.Get(*root, "list")) in.StringList(*list, "'list'");
  }
  std::vector<std::string> out;
  for (const Issue* issue : d.Sorted()) {
    out.push_back(absl::StrCat(issue->pos.line, ":", issue->pos.column, ": ",
                               issue->severity == Severity::kError ? "" : "warning: ", issue->message));
  }
  return out;
}

TEST(TreeReader, YamlWording) {
  EXPECT_THAT(Read("name: a\nrole: admin\ncount: 3\nflag: true\nlist: [x, y]\n", TreeSyntax::kYaml), ElementsAre());
  EXPECT_THAT(Read("nmae: a\n", TreeSyntax::kYaml),
              ElementsAre("1:1: unknown key 'nmae' in the record; did you mean 'name'? (valid: name, role, count, flag, "
                          "list)",
                          "1:1: the record is missing 'name'"));
  EXPECT_THAT(Read("name: a\nname: b\n", TreeSyntax::kYaml),
              ElementsAre("2:1: duplicate key 'name' in the record; first at line 1"));
  EXPECT_THAT(Read("[a]\n", TreeSyntax::kYaml), ElementsAre("1:1: the record must be a mapping, not a sequence"));
  EXPECT_THAT(Read("name: [a]\nrole: boss\ncount: many\nflag: yes\nlist: x\n", TreeSyntax::kYaml),
              ElementsAre("1:7: 'name' must be a string, not a sequence",
                          "2:7: unknown org role 'boss' (valid: no_access, read, contributor, write, admin)",
                          "3:8: 'count' must be a whole number, not 'many'", "4:7: 'flag' must be true or false, not 'yes'",
                          "5:7: 'list' must be a sequence, not a scalar"));
  EXPECT_THAT(Read("name: ''\n", TreeSyntax::kYaml), ElementsAre("1:7: 'name' must not be empty"));
}

// JSON: the same sentences in JSON's words; an unknown key is a warning; a value is never quoted back.
TEST(TreeReader, JsonWording) {
  EXPECT_THAT(Read(R"({"name": "a", "role": "admin", "count": 3, "flag": true, "list": ["x"]})", TreeSyntax::kJson),
              ElementsAre());
  EXPECT_THAT(Read(R"({"nmae": "secret-value"})", TreeSyntax::kJson),
              ElementsAre("1:1: the record is missing 'name'",
                          "1:2: warning: unknown key 'nmae' in the record; did you mean 'name'? (valid: name, role, "
                          "count, flag, list); ignored"));
  EXPECT_THAT(Read(R"({"name": "a", "name": "b"})", TreeSyntax::kJson),
              ElementsAre("1:15: duplicate key 'name' in the record; first at line 1"));
  EXPECT_THAT(Read("[1]", TreeSyntax::kJson), ElementsAre("1:1: the record must be an object, not an array"));
  EXPECT_THAT(Read(R"({"name": 12, "count": "hf_secret", "flag": "true", "list": {"a": 1}})", TreeSyntax::kJson),
              ElementsAre("1:10: 'name' must be a string, not a number",
                          "1:23: 'count' must be a whole number, not a string",
                          "1:44: 'flag' must be true or false, not a string", "1:60: 'list' must be an array, not an object"));
  // `null` is absent.
  EXPECT_THAT(Read(R"({"name": null})", TreeSyntax::kJson), ElementsAre("1:1: the record is missing 'name'"));
}

}  // namespace
}  // namespace hubperm
