// Copyright 2026 The hubperm Authors.

#include "policy/decide/check.h"

#include <algorithm>

#include "policy/model/operation.h"

namespace hubperm {
namespace {

// TargetOrg, with the request's operation row at hand.
OrgId TargetOrgOf(const Snapshot& s, const Request& r, const OperationInfo& op) {
  switch (op.target) {
    case TargetKind::kRepo:
      return s.facts(r.repo).ns_org;
    case TargetKind::kNamespace:
      return r.ns_org;
    case TargetKind::kOrg:
      return r.org;
    case TargetKind::kGroup:
      return s.group(r.group).org;
    case TargetKind::kNone:
      return kNoId;
  }
  return kNoId;
}

// Each side is decided into a default-constructed side the caller passes (*side), written field by field.

// The token's owner, whose roles the user side reads through the token's facts (which say where they are
// in the snapshot's runs).
struct Owner {
  const Snapshot& s;
  UserId id;
  const Snapshot::TokenFacts& token;
  const RoleGrant<OrgRole>* OrgRoleIn(OrgId org) const { return s.OwnerOrgRole(token, org); }
  const RoleGrant<GroupRole>* GroupRoleIn(GroupId group) const { return s.OwnerGroupRole(token, group); }
};

// ---------------------------------------------------------------------------------------------------
// User side.

// The user's standing toward an existing repo (hub-access-model §2-3).
void RepoStanding(const Snapshot& s, const Owner& user, const Snapshot::RepoFacts& repo, UserSide* side) {
  if (repo.ns_user != kNoId) {
    if (repo.ns_user == user.id) {
      side->access = RepoAccess::kAdmin;
      side->basis = UserBasis::kOwnNamespace;
      side->subject = user.id.index();
    } else {
      side->basis = UserBasis::kOtherNamespace;
    }
  } else {
    const RoleGrant<OrgRole>* org_role = user.OrgRoleIn(repo.ns_org);
    if (org_role != nullptr && org_role->role == OrgRole::kAdmin) {
      side->access = RepoAccess::kAdmin;
      side->basis = UserBasis::kOrgAdmin;
      side->subject = repo.ns_org.index();
      side->pos = org_role->pos;
    } else if (repo.group != kNoId) {
      // [assumed] The group role governs a group's repos; the org role adds nothing (open question 1).
      side->assumed = true;
      if (const RoleGrant<GroupRole>* group_role = user.GroupRoleIn(repo.group)) {
        side->access = GroupRoleAccess(group_role->role);
        side->basis = UserBasis::kGroupRole;
        side->subject = repo.group.index();
        side->pos = group_role->pos;
      }
      if (s.assumptions().org_role_applies_in_groups && org_role != nullptr &&
          OrgRoleAccess(org_role->role) > side->access) {
        side->access = OrgRoleAccess(org_role->role);
        side->basis = UserBasis::kOrgRole;
        side->subject = repo.ns_org.index();
        side->pos = org_role->pos;
      }
    } else if (org_role != nullptr) {
      side->access = OrgRoleAccess(org_role->role);
      side->basis = UserBasis::kOrgRole;
      side->subject = repo.ns_org.index();
      side->pos = org_role->pos;
    }
  }
  if (side->access < RepoAccess::kRead && !repo.is_private) {
    side->access = RepoAccess::kRead;
    side->basis = UserBasis::kPublicRepo;
    side->pos = repo.private_pos;
  }
}

// Whether the user passes a gated repo's gate: the owner, org members (the Hub does not gate them by
// default), writers, and users whose access request was accepted [doc].
void ApplyGate(const Snapshot& s, const Owner& user, RepoId repo_id, const Snapshot::RepoFacts& repo, UserSide* side) {
  if (repo.gated == Gating::kNone) return;
  const bool member = repo.ns_user == user.id || (repo.ns_org != kNoId && user.OrgRoleIn(repo.ns_org) != nullptr) ||
                      side->access >= RepoAccess::kWrite;
  const Snapshot::AccessRequest* request = member ? nullptr : s.AccessRequestOf(repo_id, user.id);
  if (member) {
    side->reason = UserReason::kGateMember;
  } else if (request != nullptr) {
    // Only an accepted request grants; a pending one awaits review, a rejected one never grants [doc].
    side->allowed = request->state == AccessRequestState::kAccepted;
    side->reason = request->state == AccessRequestState::kAccepted  ? UserReason::kGateGranted
                   : request->state == AccessRequestState::kPending ? UserReason::kGatePending
                                                                    : UserReason::kGateRejected;
    side->pos = request->pos;
  } else {
    side->allowed = false;
    side->reason = UserReason::kGateNotGranted;
    side->pos = s.repo(repo_id).gated_pos;  // the record's: a gate's position is rarely needed
  }
}

void UserForRepo(const Snapshot& s, const Owner& user, const Request& r, UserNeed need, UserSide* side) {
  const Snapshot::RepoFacts& repo = s.facts(r.repo);
  RepoStanding(s, user, repo, side);
  switch (need) {
    case UserNeed::kSeeRepo:
      side->allowed = side->access >= RepoAccess::kRead;
      side->reason = side->allowed ? UserReason::kEnough : UserReason::kTooLow;
      break;
    case UserNeed::kReadRepoFiles:
      side->allowed = side->access >= RepoAccess::kRead;
      side->reason = side->allowed ? UserReason::kEnough : UserReason::kTooLow;
      if (side->allowed) ApplyGate(s, user, r.repo, repo, side);
      break;
    case UserNeed::kWriteRepo:
      if (side->access >= RepoAccess::kWrite) {
        side->allowed = true;
        side->reason = UserReason::kEnough;
      } else if (side->access == RepoAccess::kContributor) {
        side->allowed = repo.created_by == user.id;
        side->reason = side->allowed ? UserReason::kCreator : UserReason::kNotCreator;
      } else {
        side->reason = UserReason::kTooLow;
      }
      break;
    case UserNeed::kMoveRepo:
      // [doc: repositories-settings.md] In a user's namespace, its owner. In an org: renaming inside it
      // needs write (org write or admin, or write in the repo's group; a contributor may not, even
      // their own repo); moving it out, to a user or another org, needs org admin. The destination's
      // own rule is the create_repo of the destination part.
      if (repo.ns_org != kNoId && r.ns_org != repo.ns_org) {
        side->allowed = side->basis == UserBasis::kOrgAdmin;
        side->reason = side->allowed                             ? UserReason::kEnough
                      : side->access < RepoAccess::kContributor ? UserReason::kTooLow
                                                               : UserReason::kMoveOutNeedsAdmin;
      } else {
        side->allowed = side->access >= RepoAccess::kWrite;
        side->reason = side->allowed                             ? UserReason::kEnough
                      : side->access == RepoAccess::kContributor ? UserReason::kContributorCannotRename
                                                                : UserReason::kTooLow;
      }
      break;
    case UserNeed::kGroupAdmin: {
      // Moving a repo into a group: org admins, or admins of the group(s) involved [doc; precise rule
      // assumed]: admin of the destination group, and of the repo's current group if it has one.
      side->assumed = true;
      if (side->basis == UserBasis::kOrgAdmin) {
        side->allowed = true;
        side->reason = UserReason::kEnough;
        break;
      }
      const RoleGrant<GroupRole>* dest = r.group == kNoId ? nullptr : user.GroupRoleIn(r.group);
      const bool dest_admin = dest != nullptr && dest->role == GroupRole::kAdmin;
      const bool source_ok = repo.group == kNoId || (side->basis == UserBasis::kGroupRole && side->access == RepoAccess::kAdmin);
      side->allowed = dest_admin && source_ok;
      side->reason = side->allowed ? UserReason::kEnough : UserReason::kTooLow;
      if (dest != nullptr && !dest_admin) {
        side->basis = UserBasis::kGroupRole;
        side->subject = r.group.index();
        side->pos = dest->pos;
        side->access = GroupRoleAccess(dest->role);
      }
      break;
    }
    default:
      break;
  }
}

// Creating a repo in a namespace (hub-access-model §3, [assumed] for orgs).
void UserForCreate(const Snapshot& s, const Owner& user, const Request& r, UserSide* side) {
  if (r.ns_user != kNoId) {
    side->allowed = r.ns_user == user.id;
    side->basis = side->allowed ? UserBasis::kOwnNamespace : UserBasis::kOtherNamespace;
    side->access = side->allowed ? RepoAccess::kAdmin : RepoAccess::kNone;
    side->reason = side->allowed ? UserReason::kEnough : UserReason::kTooLow;
    return;
  }
  side->assumed = true;
  const RoleGrant<OrgRole>* org_role = user.OrgRoleIn(r.ns_org);
  if (org_role != nullptr) {
    side->access = OrgRoleAccess(org_role->role);
    side->basis = org_role->role == OrgRole::kAdmin ? UserBasis::kOrgAdmin : UserBasis::kOrgRole;
    side->subject = r.ns_org.index();
    side->pos = org_role->pos;
  }
  if (side->access < RepoAccess::kContributor) {
    // Into the named group, or, when the request names none, into the group where the user's role is
    // strongest: the Hub's form lets a group member create there [assumed].
    if (r.group != kNoId) {
      if (const RoleGrant<GroupRole>* g = user.GroupRoleIn(r.group)) {
        if (GroupRoleAccess(g->role) > side->access || side->basis == UserBasis::kNoRole) {
          side->access = GroupRoleAccess(g->role);
          side->basis = UserBasis::kGroupRole;
          side->subject = r.group.index();
          side->pos = g->pos;
        }
      }
    } else if (const Snapshot::GroupGrant* best = s.BestGroupRoleIn(user.id, r.ns_org)) {
      if (GroupRoleAccess(best->grant.role) > side->access) {
        side->access = GroupRoleAccess(best->grant.role);
        side->basis = UserBasis::kBestGroupRole;
        side->subject = best->group.index();
        side->pos = best->grant.pos;
      }
    }
  }
  side->allowed = side->access >= RepoAccess::kContributor;
  side->reason = side->allowed ? UserReason::kEnough : UserReason::kTooLow;
}

void UserForOrg(const Owner& user, OrgId org, UserNeed need, UserSide* side) {
  side->subject = org.index();
  const RepoAccess needed = AccessNeeded(need);
  if (const RoleGrant<OrgRole>* role = user.OrgRoleIn(org)) {
    side->access = OrgRoleAccess(role->role);
    side->basis = role->role == OrgRole::kAdmin ? UserBasis::kOrgAdmin : UserBasis::kOrgRole;
    side->pos = role->pos;
  }
  side->allowed = side->access >= needed;
  side->reason = side->allowed ? UserReason::kEnough : UserReason::kTooLow;
}

void UserForGroup(const Snapshot& s, const Owner& user, GroupId group, UserSide* side) {
  const OrgId org = s.group(group).org;
  const RoleGrant<OrgRole>* org_role = user.OrgRoleIn(org);
  if (org_role != nullptr && org_role->role == OrgRole::kAdmin) {
    side->allowed = true;
    side->access = RepoAccess::kAdmin;
    side->basis = UserBasis::kOrgAdmin;
    side->subject = org.index();
    side->pos = org_role->pos;
    side->reason = UserReason::kEnough;
    return;
  }
  if (const RoleGrant<GroupRole>* role = user.GroupRoleIn(group)) {
    side->access = GroupRoleAccess(role->role);
    side->basis = UserBasis::kGroupRole;
    side->subject = group.index();
    side->pos = role->pos;
  }
  side->allowed = side->access == RepoAccess::kAdmin;
  side->reason = side->allowed ? UserReason::kEnough : UserReason::kTooLow;
}

// The user side of an ordinary user (or a service account outside its org): their roles.
void OrdinaryUser(const Snapshot& s, const Request& r, const OperationInfo& op, const Owner& user, UserSide* side) {
  switch (op.target) {
    case TargetKind::kNone: {
      side->allowed = true;
      side->basis = UserBasis::kAnyUser;
      side->reason = UserReason::kEnough;
      return;
    }
    case TargetKind::kRepo:
      return UserForRepo(s, user, r, op.user_need, side);
    case TargetKind::kNamespace:
      return UserForCreate(s, user, r, side);
    case TargetKind::kOrg:
      return UserForOrg(user, r.org, op.user_need, side);
    case TargetKind::kGroup:
      return UserForGroup(s, user, r.group, side);
  }
}

// The user side of a service account (§2a) or of a repo's [OIDC] publisher (§4c).
void SpecialOwner(const Snapshot& s, const Request& r, const OperationInfo& op, const Owner& user, UserSide* side) {
  const Snapshot::UserRecord& owner = s.user(user.id);
  // A repo's trusted publisher (the Hub's [OIDC] user) writes exactly its repo, and nothing else
  // [doc: trusted-publishers.md].
  if (owner.oidc() && op.target != TargetKind::kNone) {
    side->basis = UserBasis::kTrustedPublisher;
    side->allowed = op.target == TargetKind::kRepo && r.repo == owner.publisher_of;
    side->access = side->allowed ? RepoAccess::kWrite : RepoAccess::kNone;
    side->reason = side->allowed ? UserReason::kEnough : UserReason::kTooLow;
    side->pos = s.token(r.token).kind_pos;
    return;
  }
  // A service account's access within its org is its token's [doc: enterprise-service-accounts.md]: the
  // user side allows there; elsewhere it is a principal without roles.
  if (owner.service_account_of != kNoId && op.target != TargetKind::kNone && TargetOrgOf(s, r, op) == owner.service_account_of) {
    side->allowed = true;
    side->access = RepoAccess::kAdmin;
    side->basis = UserBasis::kServiceAccount;
    side->reason = UserReason::kEnough;
    side->subject = owner.service_account_of.index();
    side->pos = owner.pos;
    return;
  }
  return OrdinaryUser(s, r, op, user, side);
}

void DecideUser(const Snapshot& s, const Request& r, const OperationInfo& op, UserSide* side) {
  const Snapshot::TokenFacts& token = s.facts(r.token);
  const Owner owner{s, token.owner, token};
  if (token.special_owner) return SpecialOwner(s, r, op, owner, side);
  return OrdinaryUser(s, r, op, owner, side);
}


// ---------------------------------------------------------------------------------------------------
// Token side.

// A permission a classic read token carries: those that only read [doc: "read" tokens]. Not
// repo.access.read: the access requests of a gated repo are managed with write, and a read token gets
// 403 listing them [doc: huggingface_hub list_pending_access_requests, "if you passed a `read` token"].
constexpr PermissionSet kReadPermissions = {
    Permission::kRepoContentRead, Permission::kOrgRead,
    Permission::kCollectionRead, Permission::kOrgServiceAccountsRead, Permission::kUserWebhooksRead,
    Permission::kUserBillingRead, Permission::kUserNotificationsRead};

// What the contributor permission gives on a repo the token created: full write access [doc], and the
// reading that comes with it [assumed].
constexpr PermissionSet kContributorWrites = {Permission::kRepoWrite, Permission::kRepoContentRead};

// The permissions that act on a resource group rather than on a repo.
constexpr PermissionSet kGroupPermissions = {Permission::kResourceGroupWrite};

// Accumulates the permissions of the scopes that cover a target, remembering the first contributing one.
struct Coverage {
  PermissionSet granted;
  GrantSource source = GrantSource::kNone;
  SourcePos pos;
  bool found_needed = false;

  void Add(PermissionSet permissions, GrantSource from, const SourcePos& at, PermissionSet needed) {
    granted = granted | permissions;
    const bool contributes = !(permissions & needed).empty();
    if (source == GrantSource::kNone || (contributes && !found_needed)) {
      source = from;
      pos = at;
      found_needed = contributes;
    }
  }
};

void DecideFineGrained(const Snapshot& s, const Request& r, const OperationInfo& op,
                            const Snapshot::TokenFacts& t, TokenSide* side) {
  side->basis = TokenBasis::kFineGrained;
  side->needed = op.permissions;
  Coverage cover;
  const PermissionSet needed = op.permissions;
  auto add_scope = [&](Coverage& into, EntityType type, auto entity, GrantSource from) {
    if (entity == kNoId) return;
    if (const Snapshot::ScopeRecord* scope = s.FindScope(t, type, entity)) {
      into.Add(scope->permissions, from, scope->pos, needed);
    }
  };
  // [assumed] Scope coverage (hub-access-model §4): a user scope covers the owner's namespace, an org scope the
  // org's namespace and settings, a group scope the group's repos and membership.
  side->assumed = true;
  switch (op.target) {
    case TargetKind::kRepo: {
      const Snapshot::RepoFacts& repo = s.facts(r.repo);
      const RepoScopes scopes = FindRepoScopes(s, t, r.repo, repo);
      const Snapshot::ScopeRecord* repo_scope = scopes.repo;
      Coverage ns;
      scopes.ForEachNamespaceScope([&](const Snapshot::ScopeRecord& scope, GrantSource source) {
        ns.Add(scope.permissions, source, scope.pos, needed);
      });
      if (repo_scope != nullptr) {
        cover.Add(repo_scope->permissions, GrantSource::kRepoScope, repo_scope->pos, needed);
        // Repo entries override namespace-wide ones [doc for org tokens; assumed for user tokens].
        if (s.assumptions().repo_scope_overrides_namespace_scope) {
          side->repo_scope_overrode = ns.source != GrantSource::kNone && !(ns.granted - repo_scope->permissions).empty();
        } else {
          cover.Add(ns.granted, ns.source, ns.pos, needed);
        }
      } else if (ns.source != GrantSource::kNone) {
        cover.Add(ns.granted, ns.source, ns.pos, needed);
      }
      if (!t.global.empty() && (t.global & needed) != PermissionSet()) {
        cover.Add(t.global, GrantSource::kGlobal, s.token(r.token).global_pos, needed);
      }
      if (r.group != kNoId) {
        // Moving the repo into a group [assumed]: resourceGroup.write is a permission on the destination
        // group, not on the repo. The group's scope or its org's scope grants it; a repo scope can
        // neither hold it nor override it, and the repo's current group's scope does not count.
        cover.granted = cover.granted - kGroupPermissions;
        Coverage group;
        add_scope(group, EntityType::kResourceGroup, r.group, GrantSource::kGroupScope);
        add_scope(group, EntityType::kOrg, s.group(r.group).org, GrantSource::kOrgScope);
        if (!(group.granted & kGroupPermissions).empty()) {
          cover.Add(group.granted & kGroupPermissions, group.source, group.pos, needed);
        }
      }
      if (s.assumptions().repo_write_implies_read && cover.granted.Contains(Permission::kRepoWrite) &&
          !cover.granted.Contains(Permission::kRepoContentRead)) {
        cover.granted.Add(Permission::kRepoContentRead);
        side->read_implied_by_write = needed.Contains(Permission::kRepoContentRead);
      }
      // The contributor permission on the repo's namespace writes (and reads) the repos this token created,
      // and no other [doc: changelog 12 Oct 2026; where it counts assumed] (§4b).
      if (!(needed & kContributorWrites).empty() && !cover.granted.ContainsAll(needed & kContributorWrites)) {
        scopes.ForEachNamespaceScope([&](const Snapshot::ScopeRecord& scope, GrantSource source) {
          if (!scope.permissions.Contains(Permission::kRepoContribute) || side->contributor == ContributorUse::kCreatedRepo) {
            return;
          }
          if (s.repo(r.repo).created_by_token == r.token) {
            cover.granted = cover.granted | kContributorWrites;
            cover.source = source;
            cover.pos = scope.pos;
            side->contributor = ContributorUse::kCreatedRepo;
          } else {
            side->contributor = ContributorUse::kNotCreatedRepo;
          }
        });
      }
      // An OAuth app deletes and moves repos only with the scope manage-repos [doc: oauth.md] (§4c).
      if (t.kind == TokenKind::kOAuth && !t.HasOAuthScope(OAuthScope::kManageRepos) &&
          (op.operation == Operation::kDeleteRepo || op.operation == Operation::kMoveRepo) &&
          side->contributor != ContributorUse::kCreatedRepo) {
        cover.granted = cover.granted - PermissionSet{Permission::kRepoWrite};
        side->oauth_needs_manage = true;
      }
      // A repo publisher's token reads nothing but its repo [doc: trusted-publishers.md, "cannot read or
      // write acme/anything-else"].
      if (op.implicit_public_read && !repo.is_private && !cover.granted.Contains(Permission::kRepoContentRead) &&
          !(t.kind == TokenKind::kTrustedPublisher && t.publisher_repo != kNoId)) {
        if (repo.gated == Gating::kNone) {
          cover.granted.Add(Permission::kRepoContentRead);
          cover.source = GrantSource::kImplicitPublicRead;
          cover.pos = SourcePos();
        } else if (t.can_read_gated_repos) {
          cover.granted.Add(Permission::kRepoContentRead);
          cover.source = GrantSource::kGatedFlag;
          cover.pos = s.token(r.token).can_read_gated_repos_pos;
        } else if (op.operation == Operation::kDownloadFile) {
          side->gate_blocked = true;
        } else {
          cover.granted.Add(Permission::kRepoContentRead);  // a gated repo's page is public
          cover.source = GrantSource::kImplicitPublicRead;
        }
      }
      break;
    }
    case TargetKind::kNamespace:
      if (r.ns_user == t.owner) add_scope(cover, EntityType::kUser, r.ns_user, GrantSource::kUserScope);
      add_scope(cover, EntityType::kOrg, r.ns_org, GrantSource::kOrgScope);
      add_scope(cover, EntityType::kResourceGroup, r.group, GrantSource::kGroupScope);
      // An OAuth app creates repos only with the scope manage-repos, or contribute-repos [doc: oauth.md].
      if (t.kind == TokenKind::kOAuth && !t.HasOAuthScope(OAuthScope::kManageRepos) &&
          cover.granted.Contains(Permission::kRepoWrite)) {
        cover.granted = cover.granted - PermissionSet{Permission::kRepoWrite};
        side->oauth_needs_manage = true;
      }
      // The contributor permission creates repos where it is scoped (§4b).
      if (op.operation == Operation::kCreateRepo && !cover.granted.Contains(Permission::kRepoWrite)) {
        const Snapshot::ScopeRecord* scope =
            r.ns_org != kNoId ? s.FindScope(t, EntityType::kOrg, r.ns_org)
                              : (r.ns_user == t.owner ? s.FindScope(t, EntityType::kUser, r.ns_user) : nullptr);
        if (scope != nullptr && scope->permissions.Contains(Permission::kRepoContribute)) {
          cover.granted.Add(Permission::kRepoWrite);
          cover.source = r.ns_org != kNoId ? GrantSource::kOrgScope : GrantSource::kUserScope;
          cover.pos = scope->pos;
          side->contributor = ContributorUse::kCreates;
        }
      }
      break;
    case TargetKind::kOrg:
      add_scope(cover, EntityType::kOrg, r.org, GrantSource::kOrgScope);
      break;
    case TargetKind::kGroup:
      add_scope(cover, EntityType::kResourceGroup, r.group, GrantSource::kGroupScope);
      add_scope(cover, EntityType::kOrg, s.group(r.group).org, GrantSource::kOrgScope);
      break;
    case TargetKind::kNone:
      side->assumed = false;
      break;
  }
  side->granted = cover.granted;
  side->source = cover.source;
  side->pos = cover.pos;
  side->allowed = cover.granted.ContainsAll(needed);
}

void DecideToken(const Snapshot& s, const Request& r, const OperationInfo& op, TokenSide* side) {
  const Snapshot::TokenFacts& t = s.facts(r.token);
  // A token the Hub does not take at that moment gets 401 on every route (§4a) [assumed for expiry].
  if (r.at != Request::kAnyMoment) {
    const Snapshot::TokenRecord& record = s.token(r.token);
    if (r.at >= record.expires_at || r.at < record.created_at) {
      side->needed = op.permissions;
      side->basis = r.at >= record.expires_at ? TokenBasis::kExpired : TokenBasis::kNotCreated;
      side->pos = side->basis == TokenBasis::kExpired ? record.expires_at_pos : record.created_at_pos;
      side->assumed = true;
      return;
    }
  }
  if (op.permissions.empty()) {
    side->allowed = true;
    side->basis = TokenBasis::kAnyToken;
    side->pos = s.token(r.token).pos;
    return;
  }
  if (t.role == TokenRole::kFineGrained) return DecideFineGrained(s, r, op, t, side);
  side->needed = op.permissions;
  side->source = GrantSource::kClassicRole;
  side->pos = t.role_pos;
  if (t.role == TokenRole::kWrite) {
    side->basis = TokenBasis::kClassicWrite;
    side->granted = PermissionSet::All();
  } else {
    side->basis = TokenBasis::kClassicRead;
    side->granted = kReadPermissions;
  }
  side->allowed = side->granted.ContainsAll(op.permissions);
}

// ---------------------------------------------------------------------------------------------------
// Organization token policy (hub-access-model §5).

void DecidePolicy(const Snapshot& s, const Request& r, OrgId target_org, PolicySide* side) {
  side->org = target_org;
  if (side->org == kNoId) return;
  const Snapshot::OrgFacts& org = s.facts(side->org);
  const Snapshot::TokenFacts& t = s.facts(r.token);
  const Snapshot::Approval* approval = s.ApprovalOf(t, side->org);
  side->pos = org.token_policy_pos;
  // Token policies concern user access tokens [doc]; a trusted publisher's or an OAuth app's token is
  // not one, and passes [assumed] (§4c).
  if (t.kind != TokenKind::kUser) {
    side->rule = PolicyRule::kNotUserAccessToken;
    side->assumed = true;
    return;
  }
  const bool fine_grained = t.role == TokenRole::kFineGrained;
  const bool revoked = approval != nullptr && approval->status == ApprovalStatus::kRevoked;
  // Revocation cuts a token off under every policy [doc]; under require_approval the approval check
  // catches it first (a classic token fails it as such), and the Hub answers the approval message [doc,
  // November 2026].
  if (revoked && org.token_policy != TokenPolicy::kRequireApproval) {
    side->allowed = false;
    side->rule = PolicyRule::kRevoked;
    side->pos = approval->pos;
    return;
  }
  switch (org.token_policy) {
    case TokenPolicy::kAllowAll:
      side->rule = PolicyRule::kAllowAll;
      return;
    case TokenPolicy::kFineGrainedOnly:
    case TokenPolicy::kRequireApproval:
      // Classic (read/write) tokens are "Unauthorized" under both policies [doc: the policy table].
      if (!fine_grained) {
        side->allowed = false;
        side->rule = PolicyRule::kClassicBlocked;
        return;
      }
      if (org.token_policy == TokenPolicy::kFineGrainedOnly) {
        side->rule = PolicyRule::kFineGrainedAllowed;
        return;
      }
      break;
  }
  if (revoked) {
    side->allowed = false;
    side->rule = PolicyRule::kRevokedUnderApproval;
    side->pos = approval->pos;
    return;
  }
  if (approval == nullptr && t.special_owner && s.user(t.owner).service_account_of == side->org) {
    // The org's own service accounts get their tokens from its admins: approved automatically [assumed].
    side->rule = PolicyRule::kServiceAccountToken;
    side->assumed = true;
    return;
  }
  if (approval == nullptr) {
    // No status recorded: as pending [assumed]. Auto-approval follows the role of whoever created or last
    // changed the token, then, not the owner's role today [doc]: it is recorded (auto_approved).
    side->allowed = false;
    side->rule = PolicyRule::kNotRequested;
    side->assumed = true;
    return;
  }
  side->pos = approval->pos;
  switch (approval->status) {
    case ApprovalStatus::kApproved:
      side->rule = PolicyRule::kApproved;
      break;
    case ApprovalStatus::kAutoApproved:
      side->rule = PolicyRule::kAdminAutoApproved;
      break;
    case ApprovalStatus::kPending:
      side->rule = PolicyRule::kPending;
      break;
    case ApprovalStatus::kDenied:
    case ApprovalStatus::kRevoked:  // handled above
      side->rule = PolicyRule::kDenied;
      break;
  }
  side->allowed = side->rule == PolicyRule::kApproved || side->rule == PolicyRule::kAdminAutoApproved;
}

// ---------------------------------------------------------------------------------------------------
// What the Hub answers (docs/hub-access-model.md §7).

// Which reply's condition holds (policy/model/reply.h), and whether choosing it rests on an assumption.
Reply ChooseReply(const Snapshot& s, const Request& r, const OperationInfo& op, PartDecision* d) {
  if (d->allowed) return Reply::kOk;
  // The Hub authenticates before anything else.
  if (d->token.basis == TokenBasis::kExpired || d->token.basis == TokenBasis::kNotCreated) {
    d->reply_assumed = true;
    return Reply::kTokenExpired;
  }
  const bool repo_target = op.target == TargetKind::kRepo;
  const bool is_private = repo_target && s.facts(r.repo).is_private;
  // The Hub hides private repos from users who cannot see them [doc, seen].
  if (repo_target && d->user.access < RepoAccess::kRead) return Reply::kRepoNotFound;
  // ... and, [assumed] (open question 3), from tokens that cannot read them.
  if (is_private && !d->token.allowed && !d->token.granted.Contains(Permission::kRepoContentRead)) {
    if (s.assumptions().hide_private_repo_from_token) {
      d->reply_assumed = true;
      return Reply::kRepoNotFound;
    }
    d->private_repo_shown = true;  // the switch is off: the token's denial is answered as any other
  }
  if (!d->policy.allowed) {
    if (d->policy.rule == PolicyRule::kRevoked) return Reply::kPolicyRevoked;
    if (d->policy.rule == PolicyRule::kRevokedUnderApproval) return Reply::kPolicyApproval;
    if (d->policy.rule == PolicyRule::kClassicBlocked) {
      d->reply_assumed = true;  // the message is not documented
      return Reply::kPolicyClassic;
    }
    return Reply::kPolicyApproval;
  }
  if (d->user.reason == UserReason::kGatePending) return Reply::kGatedPending;
  if (d->user.reason == UserReason::kGateNotGranted || d->user.reason == UserReason::kGateRejected ||
      (d->user.allowed && d->token.gate_blocked)) {
    return Reply::kGatedNotGranted;
  }
  if (op.target == TargetKind::kNamespace) {
    d->reply_assumed = d->user.allowed;  // [seen] for users; for tokens the status is seen, the text assumed
    return Reply::kCreateNoRights;
  }
  if (d->user.reason == UserReason::kMoveOutNeedsAdmin || d->user.reason == UserReason::kContributorCannotRename) {
    d->reply_assumed = true;  // the Hub's message for a refused move is not documented
    return Reply::kForbidden;
  }
  if (!d->user.allowed && d->user.access >= RepoAccess::kRead) {
    return op.operation == Operation::kCreateCommit ? Reply::kReadAccessCommit : Reply::kReadAccessOnly;
  }
  if (d->user.allowed && !d->token.allowed) {
    d->reply_assumed = d->token.basis != TokenBasis::kFineGrained;
    return Reply::kMissingPermissions;
  }
  d->reply_assumed = true;
  return Reply::kForbidden;
}

void DecideReply(const Snapshot& s, const Request& r, const OperationInfo& op, PartDecision* d) {
  d->reply = ChooseReply(s, r, op, d);
  d->status = GetReplyInfo(d->reply).status;
}

}  // namespace

OrgId TargetOrg(const Snapshot& s, const Request& r) { return TargetOrgOf(s, r, GetOperationInfo(r.operation)); }


Request PartRequest(const Request& request, Part part) {
  Request r = request;
  if (part == Part::kDestination) {
    r.operation = Operation::kCreateRepo;
    r.repo = kNoId;
  }
  return r;
}

namespace {

// Decides one part into `*d`, a default-constructed PartDecision (in place: a Decision is a few hundred
// bytes, and Check is hot). `r` is the part's request (PartRequest) and `op` its operation's row.
void CheckPart(const Snapshot& snapshot, const Request& r, const OperationInfo& op, PartDecision* d) {
  // Each side is written in place: a side built apart and copied in stalls on reading back its fields
  // as wider words than they were written (store forwarding), which cost a third of a check in cache.
  DecideUser(snapshot, r, op, &d->user);
  DecideToken(snapshot, r, op, &d->token);
  DecidePolicy(snapshot, r, TargetOrgOf(snapshot, r, op), &d->policy);
  d->allowed = d->user.allowed && d->token.allowed && d->policy.allowed;
  d->operation_assumed = op.user_evidence == Evidence::kAssumed || op.token_evidence == Evidence::kAssumed;
  DecideReply(snapshot, r, op, d);
}

// `*side` becomes `other` when only `other` denies.
template <typename Side>
void TakeDenial(const Side& other, Side* side) {
  if (side->allowed && !other.allowed) *side = other;
}

// The decision of a two-part operation from its parts' decisions.
void MergeParts(Decision* d) {
  const PartDecision& target = d->part(Part::kTarget);
  const PartDecision& dest = d->part(Part::kDestination);
  static_cast<PartDecision&>(*d) = target;
  // Each side must allow both parts; a side reports the first part where it denies.
  TakeDenial(dest.user, &d->user);
  TakeDenial(dest.token, &d->token);
  TakeDenial(dest.policy, &d->policy);
  // [assumed] The Hub answers for the source first (it must find the repo before it looks at the
  // destination).
  d->reply_part = Part::kTarget;
  if (d->status == 200 && dest.status != 200) {
    d->status = dest.status;
    d->reply = dest.reply;
    d->reply_assumed = dest.reply_assumed;
    d->reply_part = Part::kDestination;
  }
  d->allowed = d->user.allowed && d->token.allowed && d->policy.allowed;
  d->operation_assumed = d->operation_assumed || dest.operation_assumed;
}

}  // namespace

Decision Check(const Snapshot& snapshot, const Request& request) {
  Decision d;
  const OperationInfo& op = GetOperationInfo(request.operation);
  if (!op.creates_at_destination) {
    CheckPart(snapshot, request, op, &d);
    return d;
  }
  DecisionParts* parts = d.SetTwoParts();
  CheckPart(snapshot, request, op, &parts->target);
  const Request destination = PartRequest(request, Part::kDestination);
  CheckPart(snapshot, destination, GetOperationInfo(destination.operation), &parts->destination);
  MergeParts(&d);
  return d;
}

}  // namespace hubperm
