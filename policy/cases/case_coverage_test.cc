// Copyright 2026 The hubperm Authors.
//
// CaseCoverage: which facts a set of checks exercised, fact by fact, on a world built to have one of
// each kind.

#include "policy/cases/case_coverage.h"

#include <map>
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "policy/load/fixtures.h"

namespace hubperm {
namespace {

constexpr char kWorld[] = R"(users: [u, v, x]
orgs:
  - name: o
    plan: enterprise
    token_policy: require_approval
    members: {u: write, v: read}
    resource_groups:
      - name: g
        members: {v: write}
        auto_join: {role: read}
repos:
  - {id: o/m, private: true}
  - {id: o/gated, gated: manual, access_granted: [x]}
tokens:
  - name: t
    owner: u
    role: fineGrained
    global: [discussion.write]
    scoped:
      - entity: {type: org, name: o}
        permissions: [repo.write]
      - entity: {type: user, name: u}
        permissions: [repo.write]
    org_status: {o: approved}
  - {name: unused, owner: x, role: read}
)";

// Runs `cases` and returns each fact's text -> uses.
std::map<std::string, int> Uses(const std::string& cases) {
  Fixtures f = LoadFixtureTexts({{"world.yaml", kWorld}, {"cases.yaml", cases}});
  EXPECT_TRUE(f.ok()) << f.diagnostics.Render(f.files);
  std::shared_ptr<const Snapshot> snapshot = Snapshot::Compile(f.world, f.files);
  CaseCoverage coverage(f.world);
  for (const Case& c : f.world.cases) {
    for (const CaseResult& r : RunCase(*snapshot, f.world, c)) coverage.Record(*snapshot, r);
  }
  std::map<std::string, int> out;
  for (const CoverageItem& item : coverage.items()) out[std::string(NameOf(item.kind)) + " " + item.text] = item.uses;
  return out;
}

TEST(CaseCoverage, ListsEveryFactOfTheWorld) {
  const std::map<std::string, int> uses = Uses("");
  std::vector<std::string> facts;
  for (const auto& [fact, n] : uses) {
    facts.push_back(fact);
    EXPECT_EQ(n, 0) << fact;
  }
  EXPECT_THAT(facts, ::testing::UnorderedElementsAre(
                         "token token t (fineGrained, of u)", "token token unused (read, of x)",
                         "role u is write in org o", "role v is read in org o",
                         "role v is write in resource group o/g",
                         "role resource group o/g auto-joins every member as read",
                         "role x's access request to gated o/gated was accepted",
                         "grant token t: global discussion.write", "grant token t: repo.write on org o",
                         "grant token t: repo.write on user u", "grant token unused: the classic read role",
                         "policy org o's token policy require_approval", "policy token t is approved in org o"));
}

TEST(CaseCoverage, CountsWhatDecidedEachSide) {
  const std::map<std::string, int> uses =
      Uses("cases:\n  - {name: commit, token: t, repo: o/m, operation: create_commit, expect: allow}\n");
  EXPECT_EQ(uses.at("token token t (fineGrained, of u)"), 1);
  EXPECT_EQ(uses.at("role u is write in org o"), 1);            // the user side
  EXPECT_EQ(uses.at("grant token t: repo.write on org o"), 1);  // the token side
  EXPECT_EQ(uses.at("policy token t is approved in org o"), 1);  // the policy side
  EXPECT_EQ(uses.at("policy org o's token policy require_approval"), 1);  // which made the approval count
  // Not consulted by a commit to an org repo.
  EXPECT_EQ(uses.at("grant token t: global discussion.write"), 0);
  EXPECT_EQ(uses.at("grant token t: repo.write on user u"), 0);
  EXPECT_EQ(uses.at("role v is read in org o"), 0);
  EXPECT_EQ(uses.at("token token unused (read, of x)"), 0);
}

// A move's destination part counts too: the user scope grants creating in u's namespace.
TEST(CaseCoverage, BothPartsOfAMoveCount) {
  const std::map<std::string, int> uses =
      Uses("cases:\n  - {name: mv, token: t, operation: move_repo, repo: o/m, to: u/m, expect: allow}\n");
  EXPECT_EQ(uses.at("grant token t: repo.write on org o"), 1);
  EXPECT_EQ(uses.at("grant token t: repo.write on user u"), 1);
}

TEST(CaseCoverage, GroupRolesGateGrantsAndClassicRoles) {
  const std::map<std::string, int> uses = Uses(
      "cases:\n"
      "  - {name: gated, token: unused, operation: hf_hub_download, repo: o/gated, expect: allow}\n");
  EXPECT_EQ(uses.at("role x's access request to gated o/gated was accepted"), 1);
  EXPECT_EQ(uses.at("grant token unused: the classic read role"), 1);
  EXPECT_EQ(uses.at("token token unused (read, of x)"), 1);
}

TEST(CaseCoverage, InvalidChecksExerciseNothing) {
  const std::map<std::string, int> uses =
      Uses("cases:\n  - {name: bad, token: t, operation: create_repo, org: o, expect: allow}\n");
  for (const auto& [fact, n] : uses) EXPECT_EQ(n, 0) << fact;
}

}  // namespace
}  // namespace hubperm
