// Copyright 2026 The hubperm Authors.
//
// policy/diff/world_delta.h: the facts that differ between two worlds, each as one line a person reads
// ("org acme: token policy allow_all -> require_approval"), with where each world states it and what it
// touches.
//
// Facts are compared as the decider reads them (the compiled snapshots), so a change that cannot change a
// decision (a comment, the order of a list) is no fact, and a role given by a group's auto-join is one.
// `hubperm diff` decides again only the requests a changed fact can reach (diff.h) and groups the
// decisions that changed by the facts that touch them.

#ifndef HUBPERM_POLICY_DIFF_WORLD_DELTA_H_
#define HUBPERM_POLICY_DIFF_WORLD_DELTA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "policy/common/source.h"
#include "policy/diff/world_pair.h"

namespace hubperm {

// What kind of fact changed: a member's role (org, group, service account), a token's permissions
// (role, global, scopes, gated repos), an org's token policy or plan or a token's approval, a repo's
// visibility, gating, group, creator or access requests, a token itself (added, removed, its owner or
// lifetime), an org or a resource group (added or removed), a user (added or removed), an assumption.
enum class FactKind : uint8_t { kRole, kScope, kPolicy, kRepo, kToken, kOrg, kUser, kAssumption };
inline constexpr int kFactKindCount = 8;
absl::string_view FactKindName(FactKind kind);  // "role", "scope", "policy", ...

struct FactChange {
  FactKind kind;
  std::string subject;  // "org acme", "token ci", "repo model:acme/m", "user bob", "assumptions"
  std::string what;     // "token policy: allow_all -> require_approval"
  // Where each world states the fact (unknown where it does not: a default, or the record is absent).
  SourcePos before, after;
  // What it touches, in the pair's numbering (kNoIndex: not that): a fact of a token touches that token's
  // requests; of a user (a role) that user's tokens' requests in `org`; of an org (`user` unset) every
  // request in the org; of a repo the requests on it.
  int32_t token = kNoIndex;
  int32_t user = kNoIndex;
  int32_t org = kNoIndex;
  int32_t repo = kNoIndex;
  bool everything = false;  // an assumption: every request
};

struct WorldDelta {
  // By kind's order of the world's records: tokens, roles, orgs, repos, users, assumptions.
  std::vector<FactChange> facts;
  // By the pair's numbering: whether a fact of the record itself changed.
  std::vector<bool> token_changed;  // permissions, approvals, lifetime, owner; added or removed
  std::vector<bool> user_changed;   // a role; added or removed
  std::vector<bool> org_changed;    // plan, token policy, its groups; added or removed
  std::vector<bool> repo_changed;   // added, removed, or a fact of its own
  std::vector<int32_t> changed_repos;
  bool everything = false;          // an assumption changed
  bool empty() const { return facts.empty(); }
};

WorldDelta CompareWorlds(const WorldPair& pair);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DIFF_WORLD_DELTA_H_
