// Copyright 2026 The hubperm Authors.

#include "policy/explain/fix.h"

#include <algorithm>

#include "policy/decide/check.h"
#include "policy/model/oauth.h"
#include "policy/model/operation.h"

namespace hubperm {
namespace {

UserChange OrgRole(RepoAccess role, OrgId org) {
  UserChange c;
  c.kind = UserChangeKind::kOrgRole;
  c.role = role;
  c.org = org;
  return c;
}

UserChange GroupRole(const Snapshot& s, UserId user, RepoAccess role, GroupId group) {
  UserChange c;
  c.kind = UserChangeKind::kGroupRole;
  c.role = role;
  c.group = group;
  c.org = s.group(group).org;
  c.join_org = s.OrgRoleOf(user, c.org) == nullptr;
  return c;
}

UserChange FixUser(const Snapshot& s, const Request& r, const PartDecision& d, const OperationInfo& op) {
  const UserId user = s.token(r.token).owner;
  if (d.user.reason == UserReason::kGateNotGranted || d.user.reason == UserReason::kGatePending ||
      d.user.reason == UserReason::kGateRejected) {
    UserChange c;
    c.kind = UserChangeKind::kAcceptAccessRequest;
    c.repo = r.repo;
    return c;
  }
  // A service account has no roles: outside its org, nothing lets it (§2a); a repo's trusted publisher
  // reaches its repo only (§4c).
  if (s.user(user).service_account_of != kNoId || s.user(user).oidc()) return UserChange();
  const RepoAccess level = AccessNeeded(op.user_need);
  switch (op.target) {
    case TargetKind::kNone:
      break;
    case TargetKind::kNamespace:
      if (r.ns_user != kNoId) break;  // another user's namespace
      // Into a named group, its role suffices; otherwise the org role [assumed, hub-access-model §3].
      return r.group != kNoId ? GroupRole(s, user, level, r.group) : OrgRole(level, r.ns_org);
    case TargetKind::kRepo: {
      const Snapshot::RepoRecord& repo = s.repo(r.repo);
      if (repo.ns_user != kNoId) break;  // only the owner acts in a user's namespace
      // Moving into a group: org admin, one change, rather than admin of both groups.
      if (op.user_need == UserNeed::kGroupAdmin) return OrgRole(RepoAccess::kAdmin, repo.ns_org);
      // Moving a repo out of its org: org admin [doc].
      if (op.user_need == UserNeed::kMoveRepo && r.ns_org != repo.ns_org) return OrgRole(RepoAccess::kAdmin, repo.ns_org);
      // A group's repos follow the group role [assumed, open question 1].
      return repo.group != kNoId ? GroupRole(s, user, level, repo.group) : OrgRole(level, repo.ns_org);
    }
    case TargetKind::kOrg:
      return OrgRole(level, r.org);
    case TargetKind::kGroup:
      return GroupRole(s, user, RepoAccess::kAdmin, r.group);
  }
  return UserChange();
}

// What the token's namespace-wide scopes give a repo (a new scope on the repo would override it).
PermissionSet NamespaceGrants(const Snapshot& s, const Snapshot::TokenRecord& t, const Snapshot::RepoRecord& repo) {
  PermissionSet out;
  ForEachNamespaceScope(s, t, repo, [&](const Snapshot::ScopeRecord& scope, GrantSource) { out = out | scope.permissions; });
  return out;
}

// The scopes a fine-grained token needs for `missing` on the request's target: the narrowest entity that
// covers it and accepts each permission.
std::vector<ScopeAddition> Additions(const Snapshot& s, const Request& r, const OperationInfo& op,
                                     PermissionSet missing) {
  const Snapshot::TokenRecord& t = s.token(r.token);
  std::vector<ScopeAddition> out;
  auto add = [&](EntityType type, auto entity, PermissionSet permissions) {
    if (permissions.empty() || entity == kNoId) return;
    ScopeAddition a;
    a.type = type;
    a.entity = entity.index();
    a.add = permissions;
    out.push_back(a);
  };
  switch (op.target) {
    case TargetKind::kNone:
      break;
    case TargetKind::kRepo: {
      const Snapshot::RepoRecord& repo = s.repo(r.repo);
      const EntityType type = EntityOfRepoType(repo.type);
      const PermissionSet on_repo = missing & PermissionsAcceptedAt(kPlacementRepo);
      add(type, r.repo, on_repo);
      if (!out.empty() && s.FindScope(t, type, r.repo) == nullptr &&
          s.assumptions().repo_scope_overrides_namespace_scope) {
        out.back().keep = (NamespaceGrants(s, t, repo) & PermissionsAcceptedAt(kPlacementRepo)) - on_repo;
      }
      // What a repo scope cannot hold (resourceGroup.write, to move the repo) goes on the destination
      // group, or else on the repo's org.
      const PermissionSet rest = missing - on_repo;
      if (r.group != kNoId) {
        add(EntityType::kResourceGroup, r.group, rest);
      } else {
        add(EntityType::kOrg, repo.ns_org, rest);
      }
      break;
    }
    case TargetKind::kNamespace:
      if (r.group != kNoId) {
        add(EntityType::kResourceGroup, r.group, missing);
      } else if (r.ns_org != kNoId) {
        add(EntityType::kOrg, r.ns_org, missing);
      } else {
        add(EntityType::kUser, r.ns_user, missing);
      }
      break;
    case TargetKind::kOrg:
      add(EntityType::kOrg, r.org, missing);
      break;
    case TargetKind::kGroup:
      add(EntityType::kResourceGroup, r.group, missing);
      break;
  }
  return out;
}

// The OAuth scopes that grant `missing` for the request, and the org the app must be let into (§4c); none
// (kImpossible) when no scope can.
TokenChange FixOAuth(const Snapshot& s, const Request& r, const PartDecision& d, const OperationInfo& op,
                     PermissionSet missing) {
  const Snapshot::TokenRecord& t = s.token(r.token);
  TokenChange c;
  // Creating, deleting and moving repos needs manage-repos, not write-repos.
  const bool manages = d.token.oauth_needs_manage || op.operation == Operation::kCreateRepo ||
                       op.operation == Operation::kDeleteRepo || op.operation == Operation::kMoveRepo;
  // The weakest scope first.
  constexpr OAuthScope kOrder[] = {OAuthScope::kReadRepos, OAuthScope::kWriteRepos, OAuthScope::kManageRepos,
                                   OAuthScope::kInferenceApi, OAuthScope::kJobs, OAuthScope::kWebhooks};
  const OrgId org = TargetOrg(s, r);
  const UserId ns_user = op.target == TargetKind::kRepo ? s.repo(r.repo).ns_user : r.ns_user;
  // The app reaches the user's own namespace and the user's orgs it is let into.
  const bool reachable = org != kNoId ? s.OrgRoleOf(t.owner, org) != nullptr : ns_user == t.owner && ns_user != kNoId;
  const PermissionSet placed = PermissionsAcceptedAt(org != kNoId ? kPlacementOrg : kPlacementUser);
  bool needs_org = false;
  bool possible = true;
  missing.ForEach([&](Permission p) {
    if (p == Permission::kDiscussionWrite) {  // global
      c.oauth_scopes |= OAuthScopeBit(OAuthScope::kWriteDiscussions);
      return;
    }
    bool found = false;
    for (OAuthScope scope : kOrder) {
      if (p == Permission::kRepoWrite && manages && scope != OAuthScope::kManageRepos) continue;
      if ((OAuthScopePermissions(scope) & placed).Contains(p)) {
        c.oauth_scopes |= OAuthScopeBit(scope);
        found = true;
        break;
      }
    }
    possible = possible && found && reachable;
    needs_org = true;
  });
  if (d.token.oauth_needs_manage && missing.empty()) c.oauth_scopes |= OAuthScopeBit(OAuthScope::kManageRepos);
  if (!possible || c.oauth_scopes == 0) return TokenChange();
  c.kind = TokenChangeKind::kOAuthScope;
  if (needs_org && org != kNoId && s.FindScope(t, EntityType::kOrg, org) == nullptr) c.oauth_orgs.push_back(org);
  return c;
}

TokenChange FixToken(const Snapshot& s, const Request& r, const PartDecision& d, const OperationInfo& op) {
  TokenChange c;
  const Snapshot::TokenRecord& t = s.token(r.token);
  if (d.token.basis == TokenBasis::kExpired || d.token.basis == TokenBasis::kNotCreated) {
    // A new token, and whatever this one would lack at any moment.
    Request any = r;
    any.at = Request::kAnyMoment;
    PartDecision again = d;
    again.token = Check(s, any).part(Part::kTarget).token;
    if (!again.token.allowed) {
      c = FixToken(s, any, again, op);
      if (c.kind == TokenChangeKind::kImpossible) return c;
    } else {
      c.kind = TokenChangeKind::kRenewToken;
    }
    c.renew = true;
    return c;
  }
  if (op.target == TargetKind::kNamespace && r.ns_user != kNoId && r.ns_user != t.owner) return c;
  if (d.token.gate_blocked) {
    c.kind = TokenChangeKind::kAllowGatedRepos;
    return c;
  }
  const PermissionSet missing = d.token.needed - d.token.granted;
  // A trusted publisher's token gets no permission; an OAuth app's, by asking for a scope (§4c).
  if (t.kind == TokenKind::kTrustedPublisher) return c;
  if (t.kind == TokenKind::kOAuth) return FixOAuth(s, r, d, op, missing);
  c.kind = d.token.basis == TokenBasis::kClassicRead ? TokenChangeKind::kUseWriteToken : TokenChangeKind::kAddPermissions;
  // A classic read token's alternative is a fine-grained token with what the request needs.
  c.additions = Additions(s, r, op, d.token.basis == TokenBasis::kClassicRead ? d.token.needed : missing);
  return c;
}

PolicyChange FixPolicy(const Snapshot& s, const Request& r, const PartDecision& d) {
  PolicyChange c;
  c.org = d.policy.org;
  switch (d.policy.rule) {
    case PolicyRule::kRevoked: {
      // A revocation hides the rest of the policy: a new token must also pass it.
      const bool classic = s.token(r.token).role != TokenRole::kFineGrained;
      c.kind = classic && s.org(c.org).token_policy == TokenPolicy::kFineGrainedOnly ? PolicyChangeKind::kUseFineGrainedToken
                                                                                    : PolicyChangeKind::kNewToken;
      break;
    }
    case PolicyRule::kRevokedUnderApproval:
      c.kind = PolicyChangeKind::kNewToken;  // a new one, approved
      break;
    case PolicyRule::kClassicBlocked:
      c.kind = PolicyChangeKind::kUseFineGrainedToken;
      break;
    default:
      c.kind = PolicyChangeKind::kApprove;
  }
  return c;
}

Fixes FindPartFixes(const Snapshot& snapshot, const Request& request, const PartDecision& decision) {
  const OperationInfo& op = GetOperationInfo(request.operation);
  Fixes fixes;
  if (!decision.user.allowed) fixes.user.push_back(FixUser(snapshot, request, decision, op));
  if (!decision.token.allowed) fixes.token = FixToken(snapshot, request, decision, op);
  if (!decision.policy.allowed) fixes.policy.push_back(FixPolicy(snapshot, request, decision));
  return fixes;
}

// move_repo: what each part needs, merged so that applying all of it allows both parts.
Fixes FindTwoPartFixes(const Snapshot& s, const Request& r, const Decision& d) {
  Fixes fixes = FindPartFixes(s, r, d.part(Part::kTarget));
  Fixes dest = FindPartFixes(s, PartRequest(r, Part::kDestination), d.part(Part::kDestination));
  for (UserChange c : dest.user) {
    c.part = Part::kDestination;
    // One org role covers both parts when it is the same org: keep the higher.
    bool merged = false;
    for (UserChange& mine : fixes.user) {
      if (mine.kind == UserChangeKind::kOrgRole && c.kind == UserChangeKind::kOrgRole && mine.org == c.org) {
        if (c.role > mine.role) mine = c;
        merged = true;
      }
    }
    if (!merged) fixes.user.push_back(c);
  }
  if (dest.token.has_value()) {
    if (!fixes.token.has_value()) {
      fixes.token = dest.token;
    } else if (dest.token->kind == TokenChangeKind::kImpossible) {
      fixes.token = dest.token;
    } else if (fixes.token->kind != TokenChangeKind::kImpossible) {
      fixes.token->renew = fixes.token->renew || dest.token->renew;
      // An OAuth app asks for the scopes of both parts at once.
      fixes.token->oauth_scopes |= dest.token->oauth_scopes;
      for (OrgId org : dest.token->oauth_orgs) {
        auto& orgs = fixes.token->oauth_orgs;
        if (std::find(orgs.begin(), orgs.end(), org) == orgs.end()) orgs.push_back(org);
      }
      if (fixes.token->kind == TokenChangeKind::kRenewToken) fixes.token->kind = dest.token->kind;
      // The same token on both parts: the same kind of change (add permissions, or use a write token).
      for (const ScopeAddition& a : dest.token->additions) {
        auto same = std::find_if(fixes.token->additions.begin(), fixes.token->additions.end(),
                                 [&](const ScopeAddition& mine) { return mine.type == a.type && mine.entity == a.entity; });
        if (same == fixes.token->additions.end()) {
          fixes.token->additions.push_back(a);
        } else {
          same->add = same->add | a.add;
          same->keep = same->keep | a.keep;
        }
      }
    }
  }
  for (const PolicyChange& c : dest.policy) {
    const bool same = std::any_of(fixes.policy.begin(), fixes.policy.end(),
                                  [&](const PolicyChange& mine) { return mine.org == c.org && mine.kind == c.kind; });
    if (!same) fixes.policy.push_back(c);
  }
  return fixes;
}

}  // namespace

Fixes FindFixes(const Snapshot& snapshot, const Request& request, const Decision& decision) {
  if (decision.two_parts()) return FindTwoPartFixes(snapshot, request, decision);
  return FindPartFixes(snapshot, request, decision);
}

}  // namespace hubperm
