// Copyright 2026 The hubperm Authors.
//
// bench/synthetic_world.h: large, realistic, valid Hub worlds for benchmarks.
//
// Unlike policy/testing/random_world (small, dense worlds where every user meets every org, for property
// tests), a synthetic world is shaped like the Hub at scale: org sizes are skewed (a few large orgs, many
// small ones), a user belongs to a few orgs at most, resource groups live in paid orgs and hold part of
// their repos, and tokens are a mix of classic read, classic write and fine-grained tokens whose scopes
// mostly name what their owner can reach. Generation is linear in the world's size, and the same size and
// seed always give the same world.
//
//   World world = SyntheticWorld(*TierSize("M"), /*seed=*/1);
//   std::cout << WriteFixture(world);   // or compile it directly

#ifndef HUBPERM_BENCH_SYNTHETIC_WORLD_H_
#define HUBPERM_BENCH_SYNTHETIC_WORLD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/model/world.h"

namespace hubperm {

// The knobs of a synthetic world. Counts are exact (groups: at most, since only paid orgs hold groups);
// shares are probabilities in [0, 1].
struct WorldSize {
  int users = 200;
  int orgs = 5;
  int groups = 20;
  int repos = 1000;
  int tokens = 200;

  // Org i gets weight 1/((i mod org_size_classes) + 1)^org_skew of the members, repos and groups: a few
  // large orgs and many small ones, with the same distribution of sizes at every tier (a larger world has
  // more orgs of each size, not larger orgs, as on the Hub, where the largest orgs do not grow with it).
  double org_skew = 0.8;
  int org_size_classes = 500;
  double users_in_orgs = 0.6;        // share of users who belong to at least one org
  int max_orgs_per_user = 3;
  double paid_orgs = 0.6;            // share of orgs on team or enterprise (groups, token policies)
  double repos_in_orgs = 0.6;        // share of repos in an org namespace (the rest in user namespaces)
  double repos_in_groups = 0.6;      // share of an org's repos in one of its groups, when it has groups
  double group_members = 0.5;        // chance that an org member is listed in a given group of the org
  double private_repos = 0.4;
  double gated_repos = 0.15;         // of public repos
  double classic_read_tokens = 0.25;
  double classic_write_tokens = 0.25;  // the rest are fine-grained
  int max_scopes_per_token = 4;
  double dead_scopes = 0.1;          // chance that a scope names something its owner cannot reach
};

// The benchmark tiers: "S" (1k repos), "M" (100k repos, 20k users, 500 orgs, 2k groups, 20k tokens) and
// "L" (1M repos, 200k users, 5k orgs, 20k groups, 200k tokens). nullopt for any other name.
absl::optional<WorldSize> TierSize(absl::string_view tier);
std::vector<std::string> TierNames();

World SyntheticWorld(const WorldSize& size, uint32_t seed);

}  // namespace hubperm

#endif  // HUBPERM_BENCH_SYNTHETIC_WORLD_H_
