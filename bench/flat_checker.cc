// Copyright 2026 The hubperm Authors.

#include "bench/flat_checker.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <tuple>
#include <utility>

#include "policy/model/access.h"

namespace hubperm {
namespace {

constexpr PermissionSet kClassicRead = {Permission::kRepoContentRead,         Permission::kOrgRead,
                                        Permission::kCollectionRead,          Permission::kOrgServiceAccountsRead,
                                        Permission::kUserWebhooksRead,        Permission::kUserBillingRead,
                                        Permission::kUserNotificationsRead};
constexpr PermissionSet kContributorWrites = {Permission::kRepoWrite, Permission::kRepoContentRead};

[[noreturn]] void Unsupported(const char* what) {
  std::fprintf(stderr, "FlatChecker: the world has %s, which the baseline does not decide\n", what);
  std::abort();
}

}  // namespace

bool FlatCheckerDecides(Operation operation) {
  return operation == Operation::kRepoInfo || operation == Operation::kDownloadFile ||
         operation == Operation::kCreateCommit || operation == Operation::kCreateRepo ||
         operation == Operation::kListOrgMembers;
}

FlatChecker::FlatChecker(const Snapshot& s) {
  const Assumptions defaults;
  const Assumptions& a = s.assumptions();
  if (a.org_role_applies_in_groups != defaults.org_role_applies_in_groups ||
      a.repo_write_implies_read != defaults.repo_write_implies_read ||
      a.repo_scope_overrides_namespace_scope != defaults.repo_scope_overrides_namespace_scope) {
    Unsupported("assumptions other than the defaults");
  }
  repos_.reserve(s.repo_count());
  for (RepoId r : IdsUpTo<RepoId>(s.repo_count())) {
    const Snapshot::RepoRecord& repo = s.repo(r);
    repos_.push_back(Repo{repo.ns_user.index(), repo.ns_org.index(), repo.group.index(), repo.created_by.index(),
                          repo.created_by_token.index(), static_cast<uint8_t>(repo.type), static_cast<uint8_t>(repo.gated),
                          repo.is_private});
  }
  for (OrgId o : IdsUpTo<OrgId>(s.org_count())) org_policy_.push_back(static_cast<uint8_t>(s.org(o).token_policy));
  for (GroupId g : IdsUpTo<GroupId>(s.group_count())) group_org_.push_back(s.group(g).org.index());

  // Each user's roles and access requests, and each token's approvals, in one sorted run.
  using Entry = std::tuple<int32_t, int32_t, uint8_t>;  // (owner, of, value)
  auto csr = [](int owners, std::vector<Entry> entries, std::vector<uint32_t>* begin, std::vector<Role>* out) {
    std::sort(entries.begin(), entries.end());
    begin->assign(owners + 1, 0);
    for (const Entry& e : entries) ++(*begin)[std::get<0>(e) + 1];
    for (int i = 0; i < owners; ++i) (*begin)[i + 1] += (*begin)[i];
    for (const Entry& e : entries) out->push_back(Role{std::get<1>(e), std::get<2>(e)});
  };
  std::vector<Entry> org_roles, group_roles, requests, approvals;
  s.ForEachOrgMembership([&](UserId u, OrgId o, const RoleGrant<OrgRole>& g) {
    org_roles.emplace_back(u.index(), o.index(), static_cast<uint8_t>(g.role));
  });
  s.ForEachGroupRole([&](UserId u, GroupId g, const RoleGrant<GroupRole>& grant) {
    group_roles.emplace_back(u.index(), g.index(), static_cast<uint8_t>(grant.role));
  });
  s.ForEachAccessRequest([&](RepoId r, UserId u, const Snapshot::AccessRequest& request) {
    requests.emplace_back(u.index(), r.index(), static_cast<uint8_t>(request.state));
  });
  s.ForEachApproval([&](TokenId t, OrgId o, const Snapshot::Approval& approval) {
    approvals.emplace_back(t.index(), o.index(), static_cast<uint8_t>(approval.status));
  });
  csr(s.user_count(), std::move(org_roles), &org_roles_begin_, &org_roles_);
  csr(s.user_count(), std::move(group_roles), &group_roles_begin_, &group_roles_);
  csr(s.user_count(), std::move(requests), &requests_begin_, &requests_);
  std::vector<uint32_t> approvals_begin;
  csr(s.token_count(), std::move(approvals), &approvals_begin, &approvals_);

  for (UserId u : IdsUpTo<UserId>(s.user_count())) {
    if (s.user(u).service_account_of != kNoId || s.user(u).oidc()) Unsupported("a service account or a trusted publisher");
  }
  for (TokenId id : IdsUpTo<TokenId>(s.token_count())) {
    const Snapshot::TokenRecord& t = s.token(id);
    if (t.kind != TokenKind::kUser || t.created_at != absl::InfinitePast() || t.expires_at != absl::InfiniteFuture()) {
      Unsupported("a token that is not a user token without a lifetime");
    }
    Token flat;
    flat.owner = t.owner.index();
    flat.role = static_cast<uint8_t>(t.role);
    flat.can_read_gated = t.can_read_gated_repos;
    flat.global = t.global;
    flat.scopes_begin = static_cast<uint32_t>(scopes_.size());
    for (const Snapshot::ScopeRecord& scope : s.scopes(t)) {
      scopes_.push_back(Scope{scope.entity, static_cast<uint8_t>(scope.type), scope.permissions});
    }
    flat.scopes_end = static_cast<uint32_t>(scopes_.size());
    flat.approvals_begin = approvals_begin[id.index()];
    flat.approvals_end = approvals_begin[id.index() + 1];
    tokens_.push_back(flat);
  }
}

int FlatChecker::Find(const std::vector<uint32_t>& begin, const std::vector<Role>& roles, int32_t user, int32_t of) {
  if (user < 0 || of < 0) return -1;
  for (uint32_t i = begin[user]; i < begin[user + 1]; ++i) {
    if (roles[i].of == of) return roles[i].value;
  }
  return -1;
}

PermissionSet FlatChecker::ScopeOn(const Token& t, EntityType type, int32_t entity) const {
  if (entity < 0) return PermissionSet();
  for (uint32_t i = t.scopes_begin; i < t.scopes_end; ++i) {
    if (scopes_[i].entity == entity && scopes_[i].type == static_cast<uint8_t>(type)) return scopes_[i].permissions;
  }
  return PermissionSet();
}

bool FlatChecker::UserAllows(const Request& r, const Token& t) const {
  const int32_t user = t.owner;
  switch (r.operation) {
    case Operation::kRepoInfo:
    case Operation::kDownloadFile:
    case Operation::kCreateCommit: {
      const Repo& repo = repos_[r.repo.index()];
      RepoAccess access = RepoAccess::kNone;
      const int org_role = Find(org_roles_begin_, org_roles_, user, repo.ns_org);
      if (repo.ns_user >= 0) {
        if (repo.ns_user == user) access = RepoAccess::kAdmin;
      } else if (org_role == static_cast<int>(OrgRole::kAdmin)) {
        access = RepoAccess::kAdmin;
      } else if (repo.group >= 0) {
        const int group_role = Find(group_roles_begin_, group_roles_, user, repo.group);
        if (group_role >= 0) access = GroupRoleAccess(static_cast<GroupRole>(group_role));
      } else if (org_role >= 0) {
        access = OrgRoleAccess(static_cast<OrgRole>(org_role));
      }
      if (access < RepoAccess::kRead && !repo.is_private) access = RepoAccess::kRead;
      if (r.operation == Operation::kCreateCommit) {
        return access >= RepoAccess::kWrite || (access == RepoAccess::kContributor && repo.created_by == user);
      }
      if (access < RepoAccess::kRead) return false;
      if (r.operation == Operation::kRepoInfo || repo.gated == static_cast<uint8_t>(Gating::kNone)) return true;
      // The gate: members and writers pass; others need an accepted access request.
      if (repo.ns_user == user || org_role >= 0 || access >= RepoAccess::kWrite) return true;
      return Find(requests_begin_, requests_, user, r.repo.index()) == static_cast<int>(AccessRequestState::kAccepted);
    }
    case Operation::kCreateRepo: {
      if (r.ns_user != kNoId) return r.ns_user.index() == user;
      const int org_role = Find(org_roles_begin_, org_roles_, user, r.ns_org.index());
      RepoAccess access = org_role >= 0 ? OrgRoleAccess(static_cast<OrgRole>(org_role)) : RepoAccess::kNone;
      if (access < RepoAccess::kContributor) {
        // No group named: the strongest of the user's groups in the org.
        for (uint32_t i = group_roles_begin_[user]; i < group_roles_begin_[user + 1]; ++i) {
          if (group_org_[group_roles_[i].of] != r.ns_org.index()) continue;
          access = std::max(access, GroupRoleAccess(static_cast<GroupRole>(group_roles_[i].value)));
        }
      }
      return access >= RepoAccess::kContributor;
    }
    case Operation::kListOrgMembers: {
      const int org_role = Find(org_roles_begin_, org_roles_, user, r.org.index());
      return org_role >= 0 && OrgRoleAccess(static_cast<OrgRole>(org_role)) >= RepoAccess::kRead;
    }
    default:
      std::abort();
  }
}

bool FlatChecker::TokenAllows(const Request& r, const Token& t) const {
  const PermissionSet needed = r.operation == Operation::kCreateCommit || r.operation == Operation::kCreateRepo
                                   ? PermissionSet{Permission::kRepoWrite}
                               : r.operation == Operation::kListOrgMembers ? PermissionSet{Permission::kOrgRead}
                                                                           : PermissionSet{Permission::kRepoContentRead};
  if (t.role == static_cast<uint8_t>(TokenRole::kWrite)) return true;
  if (t.role == static_cast<uint8_t>(TokenRole::kRead)) return kClassicRead.ContainsAll(needed);
  PermissionSet granted = t.global;
  switch (r.operation) {
    case Operation::kRepoInfo:
    case Operation::kDownloadFile:
    case Operation::kCreateCommit: {
      const Repo& repo = repos_[r.repo.index()];
      bool repo_scoped = false;
      PermissionSet ns;
      for (uint32_t i = t.scopes_begin; i < t.scopes_end; ++i) {
        const Scope& scope = scopes_[i];
        const EntityType type = static_cast<EntityType>(scope.type);
        if (type == EntityOfRepoType(static_cast<RepoType>(repo.type)) && scope.entity == r.repo.index()) {
          granted = granted | scope.permissions;
          repo_scoped = true;
        } else if ((type == EntityType::kUser && scope.entity == repo.ns_user && repo.ns_user == t.owner) ||
                   (type == EntityType::kOrg && scope.entity == repo.ns_org) ||
                   (type == EntityType::kResourceGroup && scope.entity == repo.group)) {
          ns = ns | scope.permissions;
        }
      }
      if (!repo_scoped) granted = granted | ns;  // a repo scope overrides the namespace's
      if (!(needed & kContributorWrites).empty() && !granted.ContainsAll(needed & kContributorWrites) &&
          ns.Contains(Permission::kRepoContribute) && repo.created_by_token == r.token.index()) {
        granted = granted | kContributorWrites;
      }
      if (r.operation != Operation::kCreateCommit && !repo.is_private && !granted.Contains(Permission::kRepoContentRead)) {
        if (repo.gated == static_cast<uint8_t>(Gating::kNone) || t.can_read_gated || r.operation == Operation::kRepoInfo) {
          granted.Add(Permission::kRepoContentRead);
        }
      }
      break;
    }
    case Operation::kCreateRepo: {
      const PermissionSet scope = r.ns_org != kNoId ? ScopeOn(t, EntityType::kOrg, r.ns_org.index())
                                  : r.ns_user.index() == t.owner ? ScopeOn(t, EntityType::kUser, r.ns_user.index())
                                                                 : PermissionSet();
      granted = granted | scope;
      if (scope.Contains(Permission::kRepoContribute)) granted.Add(Permission::kRepoWrite);
      break;
    }
    case Operation::kListOrgMembers:
      granted = granted | ScopeOn(t, EntityType::kOrg, r.org.index());
      break;
    default:
      std::abort();
  }
  return granted.ContainsAll(needed);
}

bool FlatChecker::PolicyAllows(int32_t org, const Token& t) const {
  if (org < 0) return true;
  int status = -1;
  for (uint32_t i = t.approvals_begin; i < t.approvals_end; ++i) {
    if (approvals_[i].of == org) status = approvals_[i].value;
  }
  const auto policy = static_cast<TokenPolicy>(org_policy_[org]);
  if (status == static_cast<int>(ApprovalStatus::kRevoked)) return false;
  if (policy == TokenPolicy::kAllowAll) return true;
  if (t.role != static_cast<uint8_t>(TokenRole::kFineGrained)) return false;
  if (policy == TokenPolicy::kFineGrainedOnly) return true;
  return status == static_cast<int>(ApprovalStatus::kApproved) || status == static_cast<int>(ApprovalStatus::kAutoApproved);
}

int32_t FlatChecker::TargetOrg(const Request& r) const {
  return r.operation == Operation::kCreateRepo       ? r.ns_org.index()
         : r.operation == Operation::kListOrgMembers ? r.org.index()
                                                     : repos_[r.repo.index()].ns_org;
}

bool FlatChecker::Allowed(const Request& r) const {
  const Token& t = tokens_[r.token.index()];
  return UserAllows(r, t) && TokenAllows(r, t) && PolicyAllows(TargetOrg(r), t);
}

uint8_t FlatChecker::Sides(const Request& r) const {
  const Token& t = tokens_[r.token.index()];
  return static_cast<uint8_t>((UserAllows(r, t) ? kUserAllows : 0) | (TokenAllows(r, t) ? kTokenAllows : 0) |
                              (PolicyAllows(TargetOrg(r), t) ? kPolicyAllows : 0));
}

}  // namespace hubperm
