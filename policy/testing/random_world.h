// Copyright 2026 The hubperm Authors.
//
// policy/testing/random_world.h: random, valid Hub worlds and every request one can ask of them.
//
// For property tests (policy/decide/check_property_test.cc) and benchmarks: `RandomWorld(seed, shape)`
// builds a World that passes validation, mixing everything the engine decides on: org plans, roles and
// token policies; resource groups with members and auto-join; user and org repos, private or public,
// gated, in a group or not, with a creator; classic read and write tokens and fine-grained tokens with
// global permissions, scopes at every level, canReadGatedRepos and org approvals; and random assumption
// switches. The same seed and shape always give the same world.
//
//   World world = RandomWorld(42, RandomWorldShape{});
//   std::shared_ptr<const Snapshot> s = Snapshot::Compile(world, SourceFiles());
//   for (const Request& r : AllRequests(*s)) Check(*s, r);

#ifndef HUBPERM_POLICY_TESTING_RANDOM_WORLD_H_
#define HUBPERM_POLICY_TESTING_RANDOM_WORLD_H_

#include <cstdint>
#include <vector>

#include "absl/time/time.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/request.h"
#include "policy/model/world.h"

namespace hubperm {

struct RandomWorldShape {
  int users = 3;
  int orgs = 2;
  int max_groups_per_org = 2;
  int max_repos_per_namespace = 3;
  int fine_grained_tokens_per_user = 2;  // besides one classic read and one classic write token each
  int max_scopes_per_token = 3;
  bool random_assumptions = true;        // false: the spec's defaults
};

World RandomWorld(uint32_t seed, const RandomWorldShape& shape);

// The tokens of a random world that record a lifetime were created from this moment on (2026-01-01),
// within 300 days, and expire 7 to 400 days after.
inline constexpr absl::Time kLifetimeEpoch = absl::FromUnixSeconds(1767225600);

// Every request the snapshot can answer: each token x each operation x each target the operation takes
// (every repo; every namespace x repo type x "no group" or each group of an org namespace; every org;
// every group; for moving a repo, every org repo x every group of its org).
std::vector<Request> AllRequests(const Snapshot& snapshot);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_TESTING_RANDOM_WORLD_H_
