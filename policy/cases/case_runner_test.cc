// Copyright 2026 The hubperm Authors.
//
// ExpandCase (tokens x repos, and the three kinds of matrix) and RunCheck (each expectation failing on
// its own, an invalid request, the parts of a two-part operation).

#include "policy/cases/case_runner.h"

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/load/fixtures.h"

namespace hubperm {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kWorld[] = R"(users: [alice, bob]
orgs:
  - name: acme
    members: {alice: write, bob: read}
repos:
  - {id: acme/a, private: true}
  - {id: acme/b}
tokens:
  - {name: w, owner: alice, role: write}
  - {name: r, owner: bob, role: read}
)";

struct Loaded {
  Fixtures fixtures;
  std::shared_ptr<const Snapshot> snapshot;
};

Loaded Load(const std::string& cases) {
  Loaded l{LoadFixtureTexts({{"world.yaml", kWorld}, {"cases.yaml", cases}}), nullptr};
  EXPECT_TRUE(l.fixtures.ok()) << l.fixtures.diagnostics.Render(l.fixtures.files);
  l.snapshot = Snapshot::Compile(l.fixtures.world, l.fixtures.files);
  return l;
}

std::vector<std::string> Names(const std::vector<CaseCheck>& checks) {
  std::vector<std::string> out;
  for (const CaseCheck& c : checks) out.push_back(c.name);
  return out;
}

TEST(ExpandCase, OneTokenOneRepoKeepsTheName) {
  const Loaded l = Load("cases:\n  - {name: c, token: w, operation: model_info, repo: acme/a, expect: allow}\n");
  const std::vector<CaseCheck> checks = ExpandCase(l.fixtures.world.cases[0]);
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].name, "c");
  EXPECT_EQ(checks[0].form.operation, "model_info");
  EXPECT_EQ(checks[0].form.target.repo, "acme/a");
  EXPECT_EQ(checks[0].pos.line, 2);
}

TEST(ExpandCase, TokensTimesReposInOrder) {
  const Loaded l = Load(
      "cases:\n  - {name: c, tokens: [w, r], operation: model_info, repos: [acme/a, acme/b], expect: allow, "
      "status: 200}\n");
  const std::vector<CaseCheck> checks = ExpandCase(l.fixtures.world.cases[0]);
  EXPECT_THAT(Names(checks), ElementsAre("c [w, acme/a]", "c [w, acme/b]", "c [r, acme/a]", "c [r, acme/b]"));
  for (const CaseCheck& check : checks) {
    EXPECT_EQ(check.expect, Effect::kAllow);
    EXPECT_EQ(check.status, 200);
  }
  EXPECT_EQ(checks[2].token, "r");
  EXPECT_EQ(checks[2].form.target.repo, "acme/a");
}

TEST(ExpandCase, MatrixOfReposOneCheckPerCellAtTheCell) {
  const Loaded l = Load(
      "cases:\n  - name: m\n    operation: create_commit\n    matrix:\n      repos: [acme/a, acme/b]\n"
      "      expect:\n        w: [allow, 200]\n        r: [404, deny]\n");
  const std::vector<CaseCheck> checks = ExpandCase(l.fixtures.world.cases[0]);
  EXPECT_THAT(Names(checks), ElementsAre("m [w, acme/a]", "m [w, acme/b]", "m [r, acme/a]", "m [r, acme/b]"));
  EXPECT_EQ(checks[1].form.target.repo, "acme/b");
  EXPECT_EQ(checks[1].form.operation, "create_commit");
  EXPECT_EQ(checks[1].status, 200);
  EXPECT_EQ(checks[2].expect, Effect::kDeny);  // 404 is a denial with that status
  EXPECT_EQ(checks[2].status, 404);
  EXPECT_EQ(checks[3].expect, Effect::kDeny);
  EXPECT_EQ(checks[3].status, absl::nullopt);
  // Each check points at its cell: row 2 (line 8), second cell.
  EXPECT_EQ(checks[3].pos.line, 8);
  EXPECT_EQ(checks[3].pos.column, 18);
}

TEST(ExpandCase, MatrixOfOperationsAndOfPermissions) {
  const Loaded l = Load(
      "cases:\n"
      "  - {name: ops, repo: acme/b, matrix: {operations: [model_info, create_commit], expect: {r: [allow, deny]}}}\n"
      "  - {name: perms, org: acme, matrix: {permissions: [org.read, repo.write], expect: {w: [allow, allow]}}}\n");
  const std::vector<CaseCheck> ops = ExpandCase(l.fixtures.world.cases[0]);
  EXPECT_THAT(Names(ops), ElementsAre("ops [r, model_info]", "ops [r, create_commit]"));
  EXPECT_EQ(ops[1].form.operation, "create_commit");
  EXPECT_EQ(ops[1].form.target.repo, "acme/b");
  const std::vector<CaseCheck> perms = ExpandCase(l.fixtures.world.cases[1]);
  EXPECT_THAT(Names(perms), ElementsAre("perms [w, org.read]", "perms [w, repo.write]"));
  EXPECT_EQ(perms[1].form.permission, "repo.write");
  EXPECT_EQ(perms[1].form.target.org, "acme");
}

// Each expectation fails on its own, and the failure says what was expected and what happened.
TEST(RunCheck, EachExpectationCanFail) {
  const Loaded l = Load(
      "cases:\n"
      "  - {name: effect, token: r, operation: create_commit, repo: acme/b, expect: allow}\n"
      "  - {name: status, token: r, operation: create_commit, repo: acme/b, expect: deny, status: 404}\n"
      "  - {name: sides, token: r, operation: create_commit, repo: acme/b, expect: deny, denied_by: [token]}\n"
      "  - {name: because, token: r, operation: create_commit, repo: acme/b, expect: deny, because: nope}\n"
      "  - {name: right, token: r, operation: create_commit, repo: acme/b, expect: deny, status: 403, "
      "denied_by: [user, token], because: create_pr=1}\n");
  std::vector<std::string> failures;
  for (const Case& c : l.fixtures.world.cases) {
    for (const CaseResult& r : RunCase(*l.snapshot, c)) {
      EXPECT_FALSE(r.invalid) << r.failure;
      EXPECT_EQ(r.passed, r.failure.empty());
      failures.push_back(r.name + ": " + r.failure);
      EXPECT_THAT(r.explanation, HasSubstr("DENY  create_commit: model acme/b"));
    }
  }
  EXPECT_THAT(failures, ElementsAre("effect: expected allow, got deny", "status: expected status 404, got 403",
                                    "sides: expected denied by token, got user, token",
                                    "because: the explanation does not contain 'nope'", "right: "));
}

TEST(RunCheck, AnUnresolvableRequestIsInvalidNotFailed) {
  const Loaded l = Load("cases:\n  - {name: c, token: w, operation: create_repo, org: acme, expect: allow}\n");
  const std::vector<CaseResult> results = RunCase(*l.snapshot, l.fixtures.world.cases[0]);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].invalid);
  EXPECT_FALSE(results[0].passed);
  EXPECT_THAT(results[0].failure, HasSubstr("the request is invalid: create_repo takes no --org"));
  EXPECT_EQ(results[0].explanation, "");
  EXPECT_TRUE(results[0].parts.empty());
}

TEST(RunCheck, TwoPartOperationsKeepBothParts) {
  const Loaded l = Load(
      "cases:\n  - {name: mv, token: w, operation: move_repo, repo: acme/a, to: alice/a, expect: allow}\n"
      "  - {name: one, token: w, operation: model_info, repo: acme/a, expect: allow}\n");
  const std::vector<CaseResult> move = RunCase(*l.snapshot, l.fixtures.world.cases[0]);
  ASSERT_EQ(move.size(), 1u);
  EXPECT_TRUE(move[0].passed) << move[0].failure << move[0].explanation;
  EXPECT_EQ(move[0].parts.size(), 2u);
  EXPECT_EQ(RunCase(*l.snapshot, l.fixtures.world.cases[1])[0].parts.size(), 1u);
}

}  // namespace
}  // namespace hubperm
