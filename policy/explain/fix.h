// Copyright 2026 The hubperm Authors.
//
// policy/explain/fix.h: for a denial, the smallest change to each denying side that would allow it.
//
// A fix is data: which role a user needs where, which permissions a token needs on which entity, what
// the org must approve. explain.h renders it in words, explain_json.h as data, and the property test
// applies it to the world and checks that the request then goes through. Like the explanation, it is
// computed only when asked for, never on the check path.
//
//   Fixes fixes = FindFixes(*snapshot, request, decision);
//   if (fixes.token && fixes.token->kind == TokenChangeKind::kAddPermissions) ...

#ifndef HUBPERM_POLICY_EXPLAIN_FIX_H_
#define HUBPERM_POLICY_EXPLAIN_FIX_H_

#include <cstdint>
#include <vector>

#include "absl/types/optional.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/decision.h"
#include "policy/decide/request.h"
#include "policy/model/access.h"
#include "policy/model/permission.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

enum class UserChangeKind : uint8_t {
  kImpossible,           // no role anywhere allows it: another user's namespace
  kOrgRole,              // the user needs `role` (or more) in `org`
  kGroupRole,            // the user needs `role` (or more) in `group`, joining `org` first if `join_org`
  kAcceptAccessRequest,  // the gated `repo` must accept the user's access request
};

struct UserChange {
  UserChangeKind kind = UserChangeKind::kImpossible;
  RepoAccess role = RepoAccess::kNone;  // kOrgRole, kGroupRole: the level needed (read .. admin)
  OrgId org = kNoId;                    // kOrgRole; kGroupRole: the group's org
  GroupId group = kNoId;                // kGroupRole
  RepoId repo = kNoId;                  // kAcceptAccessRequest
  bool join_org = false;                // kGroupRole: the user is not yet a member of the group's org
  Part part = Part::kTarget;            // the part of a two-part operation (move_repo) that needs it
};

// Permissions to add to the token's scope on one entity (a new scope if it has none there).
struct ScopeAddition {
  EntityType type = EntityType::kOrg;  // user, org, resource-group, model, dataset or space
  int32_t entity = kNoIndex;           // the index of a UserId, OrgId, GroupId or RepoId, by type
  PermissionSet add;                   // the missing permissions
  // For a new repo scope: the permissions the token's namespace scopes give the repo today, which the
  // repo scope would override [assumptions.repo_scope_overrides_namespace_scope]; list them too.
  PermissionSet keep;
};

enum class TokenChangeKind : uint8_t {
  kImpossible,       // no token can: creating repos in another user's namespace
  kAddPermissions,   // add `additions`
  kAllowGatedRepos,  // set can_read_gated_repos (or scope repo.content.read to the repo)
  kUseWriteToken,    // a classic read token: use a write token, or a fine-grained one with `additions`
  kRenewToken,       // the token expired (or did not exist yet): a new one, with the same permissions
  kOAuthScope,       // an OAuth app's token: authorize the app again with `oauth_scopes` (and `oauth_orgs`)
};

struct TokenChange {
  TokenChangeKind kind = TokenChangeKind::kImpossible;
  std::vector<ScopeAddition> additions;
  // The token expired, or did not exist yet, at the moment asked: a new token is needed, and `kind` says
  // what else it needs (kRenewToken: nothing else).
  bool renew = false;
  // kOAuthScope: the scopes to request (bits of OAuthScope), and the orgs to let the app into.
  uint32_t oauth_scopes = 0;
  std::vector<OrgId> oauth_orgs;
};

enum class PolicyChangeKind : uint8_t {
  kApprove,              // an admin of `org` approves the token
  kNewToken,             // `org` revoked the token: a new one (approved, if `org` requires it)
  kUseFineGrainedToken,  // `org` accepts fine-grained tokens only
};

struct PolicyChange {
  PolicyChangeKind kind = PolicyChangeKind::kApprove;
  OrgId org = kNoId;
};

// The changes for each denying side; a side that allows has none. A side has one change, except for a
// two-part operation (move_repo), where the user may need a role at the source and another at the
// destination, and two orgs' policies may deny; the token's additions for both parts are one change.
struct Fixes {
  std::vector<UserChange> user;
  absl::optional<TokenChange> token;
  std::vector<PolicyChange> policy;
};

Fixes FindFixes(const Snapshot& snapshot, const Request& request, const Decision& decision);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_EXPLAIN_FIX_H_
