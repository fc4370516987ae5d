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

// The token's namespace-wide scopes that cover `repo` [assumed, hub-access-model §4]: its scope on the owner when the
// repo is in the owner's namespace, on the repo's org, and on the repo's resource group. Calls
// `visit(scope, source)` for each the token has (a scope on the repo itself is not among them).
// `Token` and `Repo` are the snapshot's records or their facts.
template <typename Token, typename Repo, typename Visit>
void ForEachNamespaceScope(const Snapshot& s, const Token& token, const Repo& repo,
                           Visit visit) {
  auto scope_on = [&](EntityType type, auto entity, GrantSource source) {
    if (entity == kNoId) return;
    if (const Snapshot::ScopeRecord* scope = s.FindScope(token, type, entity)) visit(*scope, source);
  };
  if (repo.ns_user == token.owner) scope_on(EntityType::kUser, repo.ns_user, GrantSource::kUserScope);
  scope_on(EntityType::kOrg, repo.ns_org, GrantSource::kOrgScope);
  scope_on(EntityType::kResourceGroup, repo.group, GrantSource::kGroupScope);
}

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DECIDE_CHECK_H_
