// Copyright 2026 The hubperm Authors.

#include "policy/model/names.h"

#include <string>

#include "gtest/gtest.h"

namespace hubperm {
namespace {

struct NameRow {
  NameKind kind;
  std::string name;
  std::string problem;  // "" when the name is valid
};

TEST(Names, EveryRuleRowByRow) {
  const NameRow rows[] = {
      {NameKind::kUser, "alice", ""},
      {NameKind::kUser, "token-test-user-2", ""},
      {NameKind::kUser, "a", "it has 1 character; a user name has 2 to 42"},
      {NameKind::kUser, std::string(42, 'a'), ""},
      {NameKind::kUser, std::string(43, 'a'), "it has more than 42 characters; a user name has 2 to 42"},
      {NameKind::kUser, std::string(50 << 20, 'a'), "it has more than 42 characters; a user name has 2 to 42"},
      {NameKind::kUser, "al_ice", "a user name holds only ASCII letters, digits and single hyphens"},
      {NameKind::kUser, "a/b", "a user name holds only ASCII letters, digits and single hyphens"},
      {NameKind::kUser, "al ice", "a user name holds only ASCII letters, digits and single hyphens"},
      {NameKind::kUser, "-alice", "a user name cannot start or end with '-'"},
      {NameKind::kUser, "alice-", "a user name cannot start or end with '-'"},
      {NameKind::kUser, "al--ice", "a user name cannot hold '--'"},
      {NameKind::kUser, "12345", "a user name cannot be only digits"},
      {NameKind::kUser, "0123456789abcdef01234567", "a user name cannot be 24 hexadecimal digits (the form of the Hub's ids)"},
      {NameKind::kUser, "0123456789abcdef0123456g", ""},
      {NameKind::kOrg, "acme", ""},
      {NameKind::kOrg, "..", "an org name holds only ASCII letters, digits and single hyphens"},
      {NameKind::kRepoName, "token-test-model", ""},
      {NameKind::kRepoName, "m", ""},
      {NameKind::kRepoName, "bert_base.v1-2", ""},
      {NameKind::kRepoName, std::string(96, 'm'), ""},
      {NameKind::kRepoName, std::string(97, 'm'), "it has more than 96 characters; a repo name has 1 to 96"},
      {NameKind::kRepoName, "", "it has 0 characters; a repo name has 1 to 96"},
      {NameKind::kRepoName, "..", "a repo name cannot hold '--' or '..'"},
      {NameKind::kRepoName, "a--b", "a repo name cannot hold '--' or '..'"},
      {NameKind::kRepoName, ".hidden", "a repo name cannot start or end with '-' or '.'"},
      {NameKind::kRepoName, "model-", "a repo name cannot start or end with '-' or '.'"},
      {NameKind::kRepoName, "m#frag", "a repo name holds only ASCII letters, digits, '-', '_' and '.'"},
      {NameKind::kRepoName, "caf\xc3\xa9", "a repo name holds only ASCII letters, digits, '-', '_' and '.'"},
      {NameKind::kToken, "limited-test-token", ""},
      {NameKind::kToken, "CI token (push) \xe2\x9c\x93", ""},
      {NameKind::kToken, "t\x1b[2J", "it holds a control or format character; a token name must be printable"},
      {NameKind::kToken, "t\nPASS", "it holds a control or format character; a token name must be printable"},
      {NameKind::kToken, "t\xe2\x80\xa8", "it holds a control or format character; a token name must be printable"},
      {NameKind::kToken, " ", "it is blank; a token name must show"},
      {NameKind::kToken, std::string(101, 't'), "it has more than 100 characters; a token name has 1 to 100"},
      {NameKind::kResourceGroup, "token-test-group", ""},
      {NameKind::kResourceGroup, "g\r", "it holds a control or format character; a resource group name must be printable"},
      {NameKind::kCase, "move_repo: into the owner's own namespace", ""},
      {NameKind::kCase, "x\n  PASS  forged", "it holds a control or format character; a case name must be printable"},
  };
  for (const NameRow& row : rows) {
    EXPECT_EQ(NameProblem(row.kind, row.name), row.problem) << RuleOf(row.kind).what << " " << row.name.substr(0, 50);
  }
}

TEST(Names, RepoIds) {
  EXPECT_EQ(RepoIdProblem("acme/token-test-model"), "");
  EXPECT_EQ(RepoIdProblem("model"), "a repo id is namespace/name, with one '/'");
  EXPECT_EQ(RepoIdProblem("a/b/c"), "a repo id has one '/', between namespace and name");
  EXPECT_EQ(RepoIdProblem("acme/.."), "its name: a repo name cannot hold '--' or '..'");
  EXPECT_EQ(RepoIdProblem("../m"), "its namespace: a user name holds only ASCII letters, digits and single hyphens");
}

TEST(Names, RulesAreOnePerKindWithASource) {
  ASSERT_EQ(NameRules().size(), 6u);
  for (const NameRule& rule : NameRules()) {
    EXPECT_EQ(&RuleOf(rule.kind), &rule);
    EXPECT_FALSE(rule.source.empty()) << rule.what;
    EXPECT_LE(rule.min_length, rule.max_length) << rule.what;
  }
}

}  // namespace
}  // namespace hubperm
