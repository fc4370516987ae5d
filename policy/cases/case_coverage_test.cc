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

constexpr char kWorld[] = R"(users: [ua, va, xa]
orgs:
  - name: oo
    plan: enterprise
    token_policy: require_approval
    members: {ua: write, va: read}
    resource_groups:
      - name: g
        members: {va: write}
        auto_join: {role: read}
repos:
  - {id: oo/m, private: true}
  - {id: oo/gated, gated: manual, access_granted: [xa]}
tokens:
  - name: t
    owner: ua
    role: fineGrained
    global: [discussion.write]
    scoped:
      - entity: {type: org, name: oo}
        permissions: [repo.write]
      - entity: {type: user, name: ua}
        permissions: [repo.write]
    org_status: {oo: approved}
  - {name: unused, owner: xa, role: read}
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
                         "token token t (fineGrained, of ua)", "token token unused (read, of xa)",
                         "role ua is write in org oo", "role va is read in org oo",
                         "role va is write in resource group oo/g",
                         "role resource group oo/g auto-joins every member as read",
                         "role xa's access request to gated oo/gated was accepted",
                         "grant token t: global discussion.write", "grant token t: repo.write on org oo",
                         "grant token t: repo.write on user ua", "grant token unused: the classic read role",
                         "policy org oo's token policy require_approval", "policy token t is approved in org oo"));
}

TEST(CaseCoverage, CountsWhatDecidedEachSide) {
  const std::map<std::string, int> uses =
      Uses("cases:\n  - {name: commit, token: t, repo: oo/m, operation: create_commit, expect: allow}\n");
  EXPECT_EQ(uses.at("token token t (fineGrained, of ua)"), 1);
  EXPECT_EQ(uses.at("role ua is write in org oo"), 1);            // the user side
  EXPECT_EQ(uses.at("grant token t: repo.write on org oo"), 1);  // the token side
  EXPECT_EQ(uses.at("policy token t is approved in org oo"), 1);  // the policy side
  EXPECT_EQ(uses.at("policy org oo's token policy require_approval"), 1);  // which made the approval count
  // Not consulted by a commit to an org repo.
  EXPECT_EQ(uses.at("grant token t: global discussion.write"), 0);
  EXPECT_EQ(uses.at("grant token t: repo.write on user ua"), 0);
  EXPECT_EQ(uses.at("role va is read in org oo"), 0);
  EXPECT_EQ(uses.at("token token unused (read, of xa)"), 0);
}

// A move's destination part counts too: the user scope grants creating in ua's namespace.
TEST(CaseCoverage, BothPartsOfAMoveCount) {
  const std::map<std::string, int> uses =
      Uses("cases:\n  - {name: mv, token: t, operation: move_repo, repo: oo/m, to: ua/m, expect: allow}\n");
  EXPECT_EQ(uses.at("grant token t: repo.write on org oo"), 1);
  EXPECT_EQ(uses.at("grant token t: repo.write on user ua"), 1);
}

TEST(CaseCoverage, GroupRolesGateGrantsAndClassicRoles) {
  const std::map<std::string, int> uses = Uses(
      "cases:\n"
      "  - {name: gated, token: unused, operation: hf_hub_download, repo: oo/gated, expect: allow}\n");
  EXPECT_EQ(uses.at("role xa's access request to gated oo/gated was accepted"), 1);
  EXPECT_EQ(uses.at("grant token unused: the classic read role"), 1);
  EXPECT_EQ(uses.at("token token unused (read, of xa)"), 1);
}

TEST(CaseCoverage, InvalidChecksExerciseNothing) {
  const std::map<std::string, int> uses =
      Uses("cases:\n  - {name: bad, token: t, operation: create_repo, org: oo, expect: allow}\n");
  for (const auto& [fact, n] : uses) EXPECT_EQ(n, 0) << fact;
}

}  // namespace
}  // namespace hubperm
