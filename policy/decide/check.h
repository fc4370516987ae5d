// Copyright 2026 The hubperm Authors.
//
// policy/decide/check.h: would this token be allowed to do this?
//
//   Decision d = Check(*snapshot, request);
//   if (!d.allowed) ... d.user / d.token / d.policy say which side said no, d.status what the Hub answers.
//
// `Check` is a pure function of the snapshot and the request: it cannot fail (every id in the request
// names a record of the snapshot), allocates nothing and computes no text; call it from any thread.
// The rules are docs/hub-access-model.md's; the [assumed] ones are flagged in the Decision. A two-part
// operation (move_repo, duplicate_repo) is decided part by part, and the Decision keeps both parts.

#ifndef HUBPERM_POLICY_DECIDE_CHECK_H_
#define HUBPERM_POLICY_DECIDE_CHECK_H_

#include "policy/compile/snapshot.h"
#include "policy/decide/decision.h"
#include "policy/decide/request.h"

namespace hubperm {

Decision Check(const Snapshot& snapshot, const Request& request);

// One part of a two-part operation (decision.h, Part): `request` itself for the target part (decided
// by its own row), or, for the destination part, the create_repo request at the destination namespace.
// An operation with no destination has only the target part. Check decides each part as this request;
// policy/explain describes the destination part with it.
Request PartRequest(const Request& request, Part part);

// The org whose token policy governs the request's target, or kNoId.
OrgId TargetOrg(const Snapshot& snapshot, const Request& request);

// The token's scopes that cover a repo [assumed, hub-access-model §4], found in one pass over its scopes:
// its scope on the repo itself, and the namespace-wide ones: on the owner when the repo is in the owner's
// namespace, on the repo's org, and on the repo's resource group (a token has at most one scope per
// entity).
struct RepoScopes {
  const Snapshot::ScopeRecord* repo = nullptr;
  const Snapshot::ScopeRecord* user = nullptr;
  const Snapshot::ScopeRecord* org = nullptr;
  const Snapshot::ScopeRecord* group = nullptr;

  // Calls `visit(scope, source)` for each namespace-wide scope the token has, in the order above.
  template <typename Visit>
  void ForEachNamespaceScope(Visit visit) const {
    if (user != nullptr) visit(*user, GrantSource::kUserScope);
    if (org != nullptr) visit(*org, GrantSource::kOrgScope);
    if (group != nullptr) visit(*group, GrantSource::kGroupScope);
  }
};

// The scopes of `token` covering `repo` (whose id is `repo_id`; kNoId finds the namespace-wide ones
// only). `token` and `repo` are the snapshot's facts or records. Inline: every check of a repo by a
// fine-grained token calls it.
inline RepoScopes FindRepoScopes(const Snapshot& s, const Snapshot::TokenFacts& t, RepoId repo_id,
                                 const Snapshot::RepoFacts& repo) {
  const EntityType repo_entity = EntityOfRepoType(repo.type);
  RepoScopes found;
  for (const Snapshot::ScopeRecord& scope : s.scopes(t)) {
    if (scope.type == repo_entity) {
      if (repo_id != kNoId && scope.entity == repo_id.index()) found.repo = &scope;
    } else if (scope.type == EntityType::kUser) {
      if (repo.ns_user == t.owner && scope.entity == repo.ns_user.index()) found.user = &scope;
    } else if (scope.type == EntityType::kOrg) {
      if (repo.ns_org != kNoId && scope.entity == repo.ns_org.index()) found.org = &scope;
    } else if (scope.type == EntityType::kResourceGroup) {
      if (repo.group != kNoId && scope.entity == repo.group.index()) found.group = &scope;
    }
  }
  return found;
}

// The token's namespace-wide scopes that cover `repo` (RepoScopes): calls `visit(scope, source)` for each
// the token has (a scope on the repo itself is not among them).
template <typename Visit>
void ForEachNamespaceScope(const Snapshot& s, const Snapshot::TokenFacts& token, const Snapshot::RepoFacts& repo,
                           Visit visit) {
  FindRepoScopes(s, token, RepoId(), repo).ForEachNamespaceScope(visit);
}

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DECIDE_CHECK_H_
