// Copyright 2026 The hubperm Authors.

#include "bench/synthetic_world.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "policy/compile/snapshot.h"
#include "policy/load/fixtures.h"
#include "policy/load/world_writer.h"

namespace hubperm {
namespace {

TEST(TierSizeTest, TiersHaveTheDocumentedCounts) {
  struct Row {
    const char* tier;
    int users, orgs, groups, repos, tokens;
  };
  for (const Row& row : {Row{"S", 200, 5, 20, 1'000, 200}, Row{"M", 20'000, 500, 2'000, 100'000, 20'000},
                         Row{"L", 200'000, 5'000, 20'000, 1'000'000, 200'000}}) {
    SCOPED_TRACE(row.tier);
    absl::optional<WorldSize> size = TierSize(row.tier);
    ASSERT_TRUE(size.has_value());
    EXPECT_EQ(size->users, row.users);
    EXPECT_EQ(size->orgs, row.orgs);
    EXPECT_EQ(size->groups, row.groups);
    EXPECT_EQ(size->repos, row.repos);
    EXPECT_EQ(size->tokens, row.tokens);
  }
  EXPECT_FALSE(TierSize("XL").has_value());
  EXPECT_EQ(TierNames(), (std::vector<std::string>{"S", "M", "L"}));
}

TEST(SyntheticWorldTest, HasExactlyTheCountsAsked) {
  WorldSize size = *TierSize("S");
  size.repos = 3'000;
  size.tokens = 450;
  const World w = SyntheticWorld(size, 7);
  EXPECT_EQ(w.users.size(), 200u);
  EXPECT_EQ(w.orgs.size(), 5u);
  EXPECT_EQ(w.repos.size(), 3'000u);
  EXPECT_EQ(w.tokens.size(), 450u);
  int groups = 0;
  for (const Org& org : w.orgs) groups += static_cast<int>(org.resource_groups.size());
  EXPECT_EQ(groups, 20);  // S's largest orgs are paid, so every group finds an org
}

TEST(SyntheticWorldTest, SameSeedSameWorldOtherSeedOtherWorld) {
  const WorldSize size = *TierSize("S");
  EXPECT_EQ(WriteFixture(SyntheticWorld(size, 3)), WriteFixture(SyntheticWorld(size, 3)));
  EXPECT_NE(WriteFixture(SyntheticWorld(size, 3)), WriteFixture(SyntheticWorld(size, 4)));
}

// Written as YAML and loaded back, every seed's world is valid, with no warning at all: benchmarks load
// what users load, and a world that did not load would measure the error path.
TEST(SyntheticWorldTest, LoadsWithoutErrorsOrWarnings) {
  for (uint32_t seed : {1u, 2u, 3u, 4u, 5u}) {
    SCOPED_TRACE(seed);
    const World w = SyntheticWorld(*TierSize("S"), seed);
    Fixtures f = LoadFixtureTexts({{"s.yaml", WriteFixture(w)}});
    EXPECT_TRUE(f.ok()) << f.RenderIssues().substr(0, 3000);
    EXPECT_EQ(f.diagnostics.warning_count(), 0) << f.RenderIssues().substr(0, 3000);
    EXPECT_EQ(f.world.repos.size(), w.repos.size());
    EXPECT_EQ(f.world.tokens.size(), w.tokens.size());
    std::shared_ptr<const Snapshot> s = Snapshot::Compile(f.world, std::move(f.files));
    EXPECT_EQ(s->repo_count(), 1'000);
  }
}

// The mix the benchmarks rely on: skewed orgs, every token role and scope kind, dead scopes, groups with
// repos, private and gated repos, token policies with recorded approvals.
TEST(SyntheticWorldTest, MixesEverythingTheEngineDecidesOn) {
  WorldSize size = *TierSize("S");
  size.orgs = 20;
  size.repos = 5'000;
  size.tokens = 1'000;
  const World w = SyntheticWorld(size, 1);

  std::map<std::string, int> repos_per_ns;
  int in_group = 0, is_private = 0, gated = 0, granted = 0;
  for (const Repo& r : w.repos) {
    ++repos_per_ns[std::string(r.ns())];
    in_group += r.resource_group.has_value();
    is_private += r.is_private;
    gated += r.gated != Gating::kNone;
    granted += !r.access_granted.empty();
  }
  EXPECT_GT(repos_per_ns["org0"], 2 * repos_per_ns["org19"]) << "the first org is the largest";
  EXPECT_GT(in_group, 0);
  EXPECT_GT(is_private, 0);
  EXPECT_GT(gated, 0);
  EXPECT_GT(granted, 0);

  std::map<std::string, std::set<std::string>> members;
  std::set<TokenPolicy> policies;
  for (const Org& org : w.orgs) {
    for (const Member<OrgRole>& m : org.members) members[org.name.text].insert(m.user.text);
    policies.insert(org.token_policy);
  }
  EXPECT_EQ(policies.size(), 3u) << "allow_all, fine_grained_only and require_approval";

  std::set<TokenRole> roles;
  std::set<EntityType> scope_types;
  int dead_org_scopes = 0, approvals = 0;
  for (const Token& t : w.tokens) {
    roles.insert(t.role);
    approvals += static_cast<int>(t.org_status.size());
    for (const Scope& scope : t.scoped) {
      scope_types.insert(scope.type);
      if (scope.type == EntityType::kOrg && members[scope.entity.text].count(t.owner.text) == 0) ++dead_org_scopes;
    }
  }
  EXPECT_EQ(roles.size(), 3u);
  for (EntityType type : {EntityType::kUser, EntityType::kOrg, EntityType::kResourceGroup, EntityType::kModel,
                          EntityType::kDataset, EntityType::kSpace}) {
    EXPECT_EQ(scope_types.count(type), 1u) << static_cast<int>(type);
  }
  EXPECT_GT(dead_org_scopes, 0);
  EXPECT_GT(approvals, 0);
}

// A larger world has more orgs of each size, not larger orgs: the largest org of a world with ten times
// the orgs (and repos) is about as large as before, so per-org costs (an audit's reach) stay flat.
TEST(SyntheticWorldTest, OrgSizesDoNotGrowWithTheWorld) {
  auto largest_org = [](const WorldSize& size) {
    const World w = SyntheticWorld(size, 1);
    std::map<std::string, int> repos;
    int largest = 0;
    for (const Repo& r : w.repos) largest = std::max(largest, ++repos[std::string(r.ns())]);
    return largest;
  };
  WorldSize small = *TierSize("S");
  small.orgs = 50;
  small.org_size_classes = 50;
  small.repos = 20'000;
  WorldSize large = small;
  large.orgs = 500;
  large.users *= 10;
  large.repos *= 10;
  const int a = largest_org(small), b = largest_org(large);
  EXPECT_GT(b, a / 2);
  EXPECT_LT(b, a * 2);
}

TEST(SyntheticWorldTest, EmptyWorldIsFine) {
  WorldSize size;
  size.users = size.orgs = size.groups = size.repos = size.tokens = 0;
  const World w = SyntheticWorld(size, 1);
  EXPECT_TRUE(w.users.empty());
  EXPECT_TRUE(w.repos.empty());
}

}  // namespace
}  // namespace hubperm
