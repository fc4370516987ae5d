// Copyright 2026 The hubperm Authors.
//
// policy/diff/diff.h: every (token, request) whose decision differs between two worlds: what a change
// to a world (a role, a scope, a token policy or approval, a repo's group or visibility, a token added or
// removed) does to who may do what, before it is made (docs/diff.md).
//
//   WorldPair pair(before.snapshot(), after.snapshot());
//   DiffResult diff = Diff(pair, DiffOptions());
//   for (const DecisionChange& c : diff.changes) ... c.before.allowed, c.after.allowed
//
// The requests compared (DiffSpace): every operation hubperm models, on every repo, namespace, org and
// resource group either world has: a repo's operations (moving it into each group of its org; renaming it
// and duplicating it within its own namespace), creating a repo of each type in each namespace (into no
// group, and into each group of an org), an org's listing, roles, groups and settings, a group's members,
// and whoami. Each token is asked only what a changed fact can reach:
//   - the namespaces of orgs whose own facts changed (token policy, plan, groups), and every changed repo;
//   - for a token whose owner's roles changed, the namespaces it is inside of in either world (its
//     owner's, the orgs its owner holds a role or a group role in or is a service account of, those its
//     scopes name);
//   - for a token whose own facts changed (or that one world lacks), or when an assumption changed,
//     every namespace.
// In a namespace, the token's decision on a repo with no fact of its own for the token (created by it
// or its owner, an access request of its owner's, a scope on it) and unchanged reads only the repo's
// type, visibility, gating and resource group (which group only for a token whose owner holds a role in
// one of the org's groups or that names one; else only whether it is in one): one repo per such class
// stands for the class (a RepoClass: one change stands for the request on each repo of its class); the
// others are decided alone. Likewise, for a token whose owner holds no role in an org's groups and that
// names none, one group stands for the org's groups that both worlds have (a GroupClassRecord) in the
// requests into a group or on its members.
// So the cost follows what the tokens can reach and what changed, not tokens x repos.
// policy:diff_property_test checks the result against every token x every request of the space on
// random worlds with every kind of fact changed.

#ifndef HUBPERM_POLICY_DIFF_DIFF_H_
#define HUBPERM_POLICY_DIFF_DIFF_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/time/time.h"
#include "policy/decide/request.h"
#include "policy/diff/world_delta.h"
#include "policy/diff/world_pair.h"
#include "policy/model/operation.h"

namespace hubperm {

// One request of the compared space, in the pair's numbering (kNoIndex: not part of this request).
struct DiffRequest {
  Operation operation = Operation::kWhoami;
  int32_t token = kNoIndex;
  int32_t repo = kNoIndex;   // a repo's operations
  int32_t ns = kNoIndex;     // create_repo's namespace; move_repo's and duplicate_repo's destination
  int32_t org = kNoIndex;    // an org's operations
  int32_t group = kNoIndex;  // created into, moved into, or whose members are managed
  RepoType type = RepoType::kModel;  // create_repo's
};

// What one world answers a request.
struct DiffVerdict {
  enum class Presence : uint8_t {
    kPresent,   // decided
    kNoToken,   // the world has no such token: 401, as the Hub answers an unknown token
    kNoTarget,  // the world has no such repo, namespace, org or group: 404
  };
  Presence presence = Presence::kPresent;
  bool allowed = false;
  int16_t status = 0;
  uint8_t denied = 0;  // the sides that deny, a bit each (1 << Side)
};

// Whether two answers differ: allowed or not, or the Hub's status. (Which sides deny a request denied in
// both is not a change of access; nor is a token added or removed where it is denied in both: that it
// gets 401 where it does not exist says nothing of the access it had or has.)
inline bool Differs(const DiffVerdict& a, const DiffVerdict& b) {
  if (a.allowed != b.allowed) return true;
  if (a.presence == DiffVerdict::Presence::kNoToken || b.presence == DiffVerdict::Presence::kNoToken) return false;
  return a.status != b.status;
}

struct DecisionChange {
  DiffRequest request;
  DiffVerdict before, after;
  // kNoIndex, or the DiffResult::classes entry whose every repo this change stands for (request.repo
  // is its first): the same request, with the same answers, on each.
  int32_t repo_class = kNoIndex;
  // kNoIndex, or the DiffResult::group_classes entry whose every group this change stands for
  // (request.group is its first): the same request into (or on) each group. With repo_class, each repo
  // into each group.
  int32_t group_class = kNoIndex;
  bool gained() const { return !before.allowed && after.allowed; }
  bool lost() const { return before.allowed && !after.allowed; }
};

// Repos of one namespace that a token is outside of in both worlds, of one type, visibility and gating,
// with no fact of their own for the token and none changed: the token's decisions on each are its
// decision on the first. (The pruning's claim, which policy:diff_property_test checks against brute force.)
struct RepoClass {
  int32_t ns = kNoIndex;
  std::vector<int32_t> repos;  // by the pair's order; two or more
};

// Resource groups of one org that both worlds have, for a token whose owner holds no role in any of them
// and that names none: its decisions into (or on) each are its decision on the first.
struct GroupClassRecord {
  int32_t org = kNoIndex;
  std::vector<int32_t> groups;  // by the pair's order; two or more
};

struct DiffOptions {
  // The moment both worlds are asked at (token lifetimes); kAnyMoment checks none.
  absl::Time at = Request::kAnyMoment;
};

struct DiffResult {
  WorldDelta delta;
  // By token (the pair's order, which is by name), then by target (repos, namespaces, orgs, groups, each
  // by name; a class's change where its first repo is) and operation.
  std::vector<DecisionChange> changes;
  std::vector<RepoClass> classes;
  std::vector<GroupClassRecord> group_classes;
  // The decisions that differ (a class's change counts once for each of its repos), and of them: gained,
  // lost, other (denied in both, with another status).
  int64_t changed = 0, gained = 0, lost = 0, other = 0;
  int64_t decisions = 0;  // requests decided, in both worlds together
  // How many decisions a change stands for: 1, or its classes' repos times groups.
  int64_t Count(const DecisionChange& change) const {
    const int64_t repos =
        change.repo_class == kNoIndex ? 1 : static_cast<int64_t>(classes[change.repo_class].repos.size());
    const int64_t groups =
        change.group_class == kNoIndex ? 1 : static_cast<int64_t>(group_classes[change.group_class].groups.size());
    return repos * groups;
  }
  // Each request a change stands for: by repo (the pair's order), then by group.
  template <typename Visit>
  void ForEachRequest(const DecisionChange& change, Visit&& visit) const {
    static const std::vector<int32_t> kNone = {kNoIndex};
    const std::vector<int32_t>& repos = change.repo_class == kNoIndex ? kNone : classes[change.repo_class].repos;
    const std::vector<int32_t>& groups =
        change.group_class == kNoIndex ? kNone : group_classes[change.group_class].groups;
    DiffRequest request = change.request;
    for (int32_t r : repos) {
      if (r != kNoIndex) request.repo = r;
      for (int32_t g : groups) {
        if (g != kNoIndex) request.group = g;
        visit(request);
      }
    }
  }
  // For each change, by index into delta.facts: the changed facts its request reads (FactsOf).
  std::vector<int32_t> FactsOf(const WorldPair& pair, const DecisionChange& change) const;
  void FactsOf(const WorldPair& pair, const DecisionChange& change, std::vector<int32_t>* out) const;
  // Built by Diff for FactsOf: delta.facts by what they touch.
  std::vector<std::vector<int32_t>> facts_by_token, facts_by_user, facts_by_org, facts_by_repo;
  std::vector<int32_t> facts_everywhere;
};

DiffResult Diff(const WorldPair& pair, const DiffOptions& options = DiffOptions());

// The compared space, one token's part: every request of it, in the order of DiffResult::changes
// (for brute force, and for DiffSpaceSize).
void ForEachSpaceRequest(const WorldPair& pair, int32_t token, const std::function<void(const DiffRequest&)>& visit);

// Decides `request` in one world of the pair.
DiffVerdict DecideIn(const WorldPair& pair, WorldSide side, const DiffRequest& request, absl::Time at);

// The request in one world's ids, or nullopt when that world lacks its token or target.
absl::optional<Request> RequestIn(const WorldPair& pair, WorldSide side, const DiffRequest& request, absl::Time at,
                                  DiffVerdict::Presence* presence = nullptr);

// The pair's org a request acts in (a repo's or a namespace's org, the org, a group's org), or kNoIndex.
int32_t OrgOfRequest(const WorldPair& pair, const DiffRequest& request);

// Orders requests as DiffResult::changes is ordered.
bool SpaceOrder(const WorldPair& pair, const DiffRequest& a, const DiffRequest& b);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DIFF_DIFF_H_
