// Copyright 2026 The hubperm Authors.
//
// Rules over sets (case_sets.h), row by row: what each set expands to, in the world's order, with each
// repo's type; and each kind of bad set as an error at its key.

#include "policy/load/case_sets.h"

#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/load/fixtures.h"

namespace hubperm {
namespace {

using ::testing::HasSubstr;

constexpr char kWorld[] = R"(users: [ann, ben]
repos:
  - {id: ann/m1}
  - {id: ann/d1, type: dataset}
  - {id: ann/m2}
  - {id: ben/m1}
tokens:
  - {name: ci-1, owner: ann, role: read}
  - {name: ben-w, owner: ben, role: write}
  - {name: ci-2, owner: ann, role: read}
cases:
)";

struct Row {
  const char* the_case;  // one case, in flow style
  const char* tokens;    // what `tokens` becomes, joined by ", "
  const char* repos;     // what `repos` becomes, each "type:id"
};

const Row kRows[] = {
    {"{name: x, tokens: all, operation: whoami, expect: allow}", "ci-1, ben-w, ci-2", ""},
    {"{name: x, tokens: 'ci-*', operation: whoami, expect: allow}", "ci-1, ci-2", ""},
    {"{name: x, tokens: [ben-w, 'ci-?'], operation: whoami, expect: allow}", "ci-1, ben-w, ci-2", ""},
    {"{name: x, all_except: [ci-2], operation: whoami, expect: allow}", "ci-1, ben-w", ""},
    {"{name: x, tokens: 'ci-*', all_except: [ci-1], operation: whoami, expect: allow}", "ci-2", ""},
    {"{name: x, token: ci-1, repos: all, operation: repo_info, expect: allow}", "ci-1",
     "model:ann/m1, dataset:ann/d1, model:ann/m2, model:ben/m1"},
    {"{name: x, token: ci-1, repos: 'ann/*', repo_type: model, operation: repo_info, expect: allow}", "ci-1",
     "model:ann/m1, model:ann/m2"},
    {"{name: x, token: ci-1, repos: ['*/m1', ann/m2], operation: repo_info, expect: allow}", "ci-1",
     "model:ann/m1, model:ann/m2, model:ben/m1"},
    // Not a rule: the names stay as written, and no repo type is set per repo.
    {"{name: x, tokens: [ci-2, ci-1], repos: [ben/m1], operation: repo_info, expect: allow}", "ci-2, ci-1", ""},
};

TEST(ExpandCaseSets, Table) {
  for (const Row& row : kRows) {
    const Fixtures f = LoadFixtureTexts({{"w.yaml", std::string(kWorld) + "  - " + row.the_case + "\n"}});
    ASSERT_EQ(f.diagnostics.error_count(), 0) << row.the_case;
    ASSERT_EQ(f.world.cases.size(), 1u);
    const Case& c = f.world.cases[0];
    std::vector<std::string> tokens, repos;
    for (const Name& t : c.tokens) tokens.push_back(t.text);
    for (size_t i = 0; i < c.repo_types.size(); ++i) {
      repos.push_back(std::string(NameOf(c.repo_types[i])) + ":" + c.repos[i].text);
    }
    EXPECT_EQ(absl::StrJoin(tokens, ", "), row.tokens) << row.the_case;
    EXPECT_EQ(absl::StrJoin(repos, ", "), row.repos) << row.the_case;
  }
}

struct BadRow {
  const char* the_case;
  const char* message;
};

const BadRow kBadRows[] = {
    {"{name: x, tokens: 'bot-*', operation: whoami, expect: allow}", "'bot-*' matches no token of the world"},
    {"{name: x, tokens: [ci-1, 'ci-*', cj-3], operation: whoami, expect: allow}", "no token 'cj-3'"},
    {"{name: x, all_except: [ci-3], operation: whoami, expect: allow}", "'all_except' names no token 'ci-3'"},
    {"{name: x, tokens: 'ci-*', all_except: [ci-1, ci-2], operation: whoami, expect: allow}",
     "'all_except' leaves no token"},
    {"{name: x, token: ci-1, repos: 'ben/*', repo_type: space, operation: repo_info, expect: allow}",
     "'ben/*' matches no space repo of the world"},
    {"{name: x, token: ci-1, all_except: [ci-2], operation: whoami, expect: allow}", "names its tokens one by one"},
};

TEST(ExpandCaseSets, BadSetsAreErrorsAtTheirKeys) {
  for (const BadRow& row : kBadRows) {
    const Fixtures f = LoadFixtureTexts({{"w.yaml", std::string(kWorld) + "  - " + row.the_case + "\n"}});
    EXPECT_EQ(f.diagnostics.error_count(), 1) << row.the_case;
    std::string messages;
    for (const Issue& issue : f.diagnostics.issues()) messages += issue.message + "\n";
    EXPECT_THAT(messages, HasSubstr(row.message)) << row.the_case;
  }
}

}  // namespace
}  // namespace hubperm
