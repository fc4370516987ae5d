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
#include "absl/strings/str_cat.h"
#include "policy/common/diagnostics.h"
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
  EXPECT_EQ(checks[0].input.operation, "model_info");
  EXPECT_EQ(checks[0].input.target.repo, "acme/a");
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
  EXPECT_EQ(checks[2].input.target.repo, "acme/a");
}

TEST(ExpandCase, MatrixOfReposOneCheckPerCellAtTheCell) {
  const Loaded l = Load(
      "cases:\n  - name: m\n    operation: create_commit\n    matrix:\n      repos: [acme/a, acme/b]\n"
      "      expect:\n        w: [allow, 200]\n        r: [404, deny]\n");
  const std::vector<CaseCheck> checks = ExpandCase(l.fixtures.world.cases[0]);
  EXPECT_THAT(Names(checks), ElementsAre("m [w, acme/a]", "m [w, acme/b]", "m [r, acme/a]", "m [r, acme/b]"));
  EXPECT_EQ(checks[1].input.target.repo, "acme/b");
  EXPECT_EQ(checks[1].input.operation, "create_commit");
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
  EXPECT_EQ(ops[1].input.operation, "create_commit");
  EXPECT_EQ(ops[1].input.target.repo, "acme/b");
  const std::vector<CaseCheck> perms = ExpandCase(l.fixtures.world.cases[1]);
  EXPECT_THAT(Names(perms), ElementsAre("perms [w, org.read]", "perms [w, repo.write]"));
  EXPECT_EQ(perms[1].input.permission, "repo.write");
  EXPECT_EQ(perms[1].input.target.org, "acme");
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
    for (const CaseResult& r : RunCase(*l.snapshot, l.fixtures.world, c)) {
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
  const std::vector<CaseResult> results = RunCase(*l.snapshot, l.fixtures.world, l.fixtures.world.cases[0]);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].invalid);
  EXPECT_FALSE(results[0].passed);
  // In the case's own words: its keys, not the command line's flags.
  EXPECT_THAT(results[0].failure,
              HasSubstr("the request is invalid: create_repo takes no org: (the namespace is in repo: NS/NAME)"));
  EXPECT_EQ(results[0].explanation, "");
}

TEST(RunCheck, TwoPartOperationsKeepBothParts) {
  const Loaded l = Load(
      "cases:\n  - {name: mv, token: w, operation: move_repo, repo: acme/a, to: acme/renamed, expect: allow}\n"
      "  - {name: one, token: w, operation: model_info, repo: acme/a, expect: allow}\n");
  const std::vector<CaseResult> move = RunCase(*l.snapshot, l.fixtures.world, l.fixtures.world.cases[0]);
  ASSERT_EQ(move.size(), 1u);
  EXPECT_TRUE(move[0].passed) << move[0].failure << move[0].explanation;
  ASSERT_TRUE(move[0].decision.two_parts());
  EXPECT_TRUE(move[0].decision.part(Part::kTarget).allowed);
  EXPECT_TRUE(move[0].decision.part(Part::kDestination).allowed);
  EXPECT_FALSE(RunCase(*l.snapshot, l.fixtures.world, l.fixtures.world.cases[1])[0].decision.two_parts());
}

// The lines of `diagnostics`: "file:line:col: error: message".
std::vector<std::string> IssueLines(const Diagnostics& diagnostics, const SourceFiles& files) {
  std::vector<std::string> out;
  for (const Issue* issue : diagnostics.Sorted()) {
    out.push_back(absl::StrCat(files.Format(issue->pos), ": ", issue->message));
  }
  return out;
}

// A name a case gives that the world lacks is reported at that name, once however many checks use it,
// with "did you mean"; a case whose request resolves is not reported.
TEST(CheckCaseRequests, ReportsEachUnknownNameAtItsKey) {
  const Loaded l = Load(
      "cases:\n"
      "  - {name: c1, token: tt, operation: model_info, repo: acme/a, expect: allow}\n"
      "  - {name: c2, token: w, operation: model_info, repos: [acme/a, acme/mm], expect: allow}\n"
      "  - {name: c3, token: w, permission: org.read, org: acmee, expect: allow}\n"
      "  - {name: c4, token: w, permission: repo.write, user: alcie, expect: deny}\n"
      "  - {name: m, operation: model_info, matrix: {repos: [acme/a, acme/x], expect: {w: [allow, deny], ghost: [deny, deny]}}}\n"
      "  - {name: ok, token: w, operation: model_info, repo: acme/b, expect: allow}\n");
  Diagnostics diagnostics;
  CheckCaseRequests(*l.snapshot, l.fixtures.world, &diagnostics);
  EXPECT_THAT(IssueLines(diagnostics, l.snapshot->files()),
              ElementsAre("cases.yaml:2:23: case 'c1': the request is invalid: unknown token 'tt'",
                          "cases.yaml:3:65: case 'c2': the request is invalid: unknown model 'acme/mm'; did you mean "
                          "'acme/a' or 'acme/b'?",
                          "cases.yaml:4:53: case 'c3': the request is invalid: unknown org 'acmee'; did you mean 'acme'?",
                          "cases.yaml:5:56: case 'c4': the request is invalid: unknown user 'alcie'; did you mean "
                          "'alice'?",
                          "cases.yaml:6:63: case 'm': the request is invalid: unknown model 'acme/x'; did you mean "
                          "'acme/a' or 'acme/b'?",
                          "cases.yaml:6:99: case 'm': the request is invalid: unknown token 'ghost'"));
}

// A client method of several requests (upload_file, create_repo with exist_ok) is blamed at the key at
// fault too: the token, an argument it takes no, a repo that is not NS/NAME. An exist_ok on a method
// of one request fails to parse, which is reported at the case's name (keys without a value position).
TEST(CheckCaseRequests, ReportsEachBadSequenceAtItsKey) {
  const Loaded l = Load(
      "cases:\n"
      "  - {name: s1, token: tt, operation: upload_file, repo: acme/a, expect: allow}\n"
      "  - {name: s2, token: w, operation: upload_file, repo: acme/a, org: acme, expect: allow}\n"
      "  - {name: s3, token: w, operation: snapshot_download, repo: acme, expect: allow}\n"
      "  - {name: s4, token: w, operation: upload_file, repo: acme/a, exist_ok: true, expect: allow}\n"
      "  - {name: ok, token: w, operation: create_repo, repo: acme/new, exist_ok: true, expect: allow}\n");
  Diagnostics diagnostics;
  CheckCaseRequests(*l.snapshot, l.fixtures.world, &diagnostics);
  EXPECT_THAT(IssueLines(diagnostics, l.snapshot->files()),
              ElementsAre("cases.yaml:2:23: case 's1': the request is invalid: unknown token 'tt'",
                          "cases.yaml:3:69: case 's2': the request is invalid: upload_file takes no org:",
                          "cases.yaml:4:62: case 's3': the request is invalid: snapshot_download needs repo: "
                          "NAMESPACE/NAME, not 'acme'",
                          "cases.yaml:5:12: case 's4': the request is invalid: upload_file takes no exist_ok:"));
}

// A create names a repo that does not exist yet (as every create does), and so do the destinations of
// move_repo and duplicate_repo: such cases run, as `hubperm check` decides them.
TEST(RunCheck, CreatesNameRepoThatDoNotExistYet) {
  const Loaded l = Load(
      "cases:\n"
      "  - {name: create, token: w, operation: create_repo, repo: acme/new-one, expect: allow}\n"
      "  - {name: move, token: w, operation: move_repo, repo: acme/a, to: acme/renamed, expect: allow}\n"
      "  - {name: dup, token: w, operation: duplicate_repo, repo: acme/b, to: alice/copy, expect: allow}\n"
      "  - {name: http, token: w, http: POST /api/repos/create, body: {type: model, name: brand-new, organization: acme}, expect: allow}\n");
  Diagnostics diagnostics;
  CheckCaseRequests(*l.snapshot, l.fixtures.world, &diagnostics);
  EXPECT_THAT(IssueLines(diagnostics, l.snapshot->files()), ElementsAre());
  for (const Case& c : l.fixtures.world.cases) {
    for (const CaseResult& r : RunCase(*l.snapshot, l.fixtures.world, c)) {
      EXPECT_FALSE(r.invalid) << r.name << ": " << r.failure;
      EXPECT_TRUE(r.passed) << r.name << ": " << r.failure << "\n" << r.explanation;
    }
  }
}

// One case that does not resolve is invalid on its own: the cases around it still run and pass or fail.
TEST(RunCheck, AnInvalidCaseDoesNotStopTheOthers) {
  const Loaded l = Load(
      "cases:\n"
      "  - {name: before, token: w, operation: model_info, repo: acme/a, expect: allow}\n"
      "  - {name: bad, token: w, operation: model_info, repo: acme/nope, expect: allow}\n"
      "  - {name: after, token: r, operation: create_commit, repo: acme/b, expect: allow}\n");
  std::vector<CaseResult> results;
  for (const Case& c : l.fixtures.world.cases) {
    for (CaseResult& r : RunCase(*l.snapshot, l.fixtures.world, c)) results.push_back(std::move(r));
  }
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].passed);
  EXPECT_TRUE(results[1].invalid);
  EXPECT_EQ(l.snapshot->files().Format(results[1].pos), "cases.yaml:3:56");  // at the repo, not the case
  EXPECT_FALSE(results[2].invalid);
  EXPECT_FALSE(results[2].passed);  // a read token cannot commit: a failed assumption, not bad input
}

// Every request form a case can use, including a pasted error and auth_check's write flag.
TEST(RunCheck, CasesTakeEveryRequestForm) {
  const Loaded l = Load(
      "cases:\n"
      "  - {name: http, token: r, http: GET /api/models/acme/b, expect: allow}\n"
      "  - {name: method, token: r, operation: auth_check, repo: acme/b, write: true, expect: deny, status: 403}\n"
      "  - {name: permission, token: r, permission: org.read, org: acme, expect: allow}\n"
      "  - name: error\n"
      "    token: r\n"
      "    from_error: \"403 Forbidden: None. Cannot access content at: https://huggingface.co/api/models/acme/b/commit/main.\"\n"
      "    expect: deny\n"
      "    status: 403\n"
      "    because: route POST /api/models/{namespace}/{repo}/commit/{rev}\n");
  for (const Case& c : l.fixtures.world.cases) {
    for (const CaseResult& r : RunCase(*l.snapshot, l.fixtures.world, c)) {
      EXPECT_TRUE(r.passed) << r.name << ": " << r.failure << "\n" << r.explanation;
    }
  }
}

}  // namespace
}  // namespace hubperm
