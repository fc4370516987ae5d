// Copyright 2026 The hubperm Authors.

#include "policy/audit/effective_access.h"

#include <algorithm>

#include "policy/decide/check.h"
#include "policy/model/operation.h"

namespace hubperm {
namespace {

// The operation that defines each level (kNone has none; its row is never asked).
constexpr Operation kLevelOperation[kRepoLevelCount] = {Operation::kRepoInfo, Operation::kRepoInfo,
                                                        Operation::kDownloadFile, Operation::kCreateCommit};

bool Allowed(const Snapshot& s, const Request& r) { return Check(s, r).allowed; }

Request OrgRequest(TokenId token, Operation op, OrgId org) {
  Request r;
  r.operation = op;
  r.token = token;
  r.org = org;
  return r;
}

void DecideRepo(const Snapshot& s, TokenId token, RepoId repo, NamespaceAccess* ns, bool* useful) {
  const RepoLevel level = LevelOn(s, token, repo);
  ns->repos[static_cast<int>(level)].push_back(repo);
  ++ns->repos_decided;
  const Snapshot::RepoRecord& record = s.repo(repo);
  if (level == RepoLevel::kWrite || (level != RepoLevel::kNone && (record.is_private || record.gated != Gating::kNone))) {
    *useful = true;
  }
}

}  // namespace

absl::string_view RepoLevelName(RepoLevel level) {
  static constexpr absl::string_view kNames[kRepoLevelCount] = {"none", "see", "read", "write"};
  return kNames[static_cast<int>(level)];
}

Request LevelRequest(TokenId token, RepoId repo, RepoLevel level) {
  Request r;
  r.operation = kLevelOperation[static_cast<int>(level)];
  r.token = token;
  r.repo = repo;
  return r;
}

RepoLevel LevelOn(const Snapshot& s, TokenId token, RepoId repo) {
  for (RepoLevel level : {RepoLevel::kWrite, RepoLevel::kRead, RepoLevel::kSee}) {
    if (Allowed(s, LevelRequest(token, repo, level))) return level;
  }
  return RepoLevel::kNone;
}

AuditIndex::AuditIndex(const Snapshot& s)
    : by_user_(s.user_count()),
      by_org_(s.org_count()),
      by_group_(s.group_count()),
      groups_of_org_(s.org_count()),
      orgs_of_user_(s.user_count()),
      orgs_with_status_(s.token_count()) {
  for (RepoId r : IdsUpTo<RepoId>(s.repo_count())) {
    const Snapshot::RepoRecord& repo = s.repo(r);
    if (repo.ns_user != kNoId) by_user_[repo.ns_user].push_back(r);
    if (repo.ns_org != kNoId) by_org_[repo.ns_org].push_back(r);
    if (repo.group != kNoId) by_group_[repo.group].push_back(r);
  }
  for (GroupId g : IdsUpTo<GroupId>(s.group_count())) groups_of_org_[s.group(g).org].push_back(g);
  for (OrgId o : IdsUpTo<OrgId>(s.org_count())) {
    if (s.org(o).token_policy != TokenPolicy::kAllowAll) orgs_with_policy_.push_back(o);
  }
  s.ForEachOrgMembership([&](UserId user, OrgId org, const RoleGrant<OrgRole>&) { orgs_of_user_[user].push_back(org); });
  // A service account acts in its org as a member would (docs/hub-access-model.md §2a).
  for (UserId user : IdsUpTo<UserId>(s.user_count())) {
    if (s.user(user).service_account_of != kNoId) orgs_of_user_[user].push_back(s.user(user).service_account_of);
  }
  s.ForEachApproval([&](TokenId token, OrgId org, const Snapshot::Approval&) { orgs_with_status_[token].push_back(org); });
  for (std::vector<OrgId>& orgs : orgs_with_status_) std::sort(orgs.begin(), orgs.end());
  for (std::vector<OrgId>& orgs : orgs_of_user_) {
    std::sort(orgs.begin(), orgs.end(), [&](OrgId a, OrgId b) { return s.org(a).name < s.org(b).name; });
  }
}

TokenAccess EffectiveAccess(const Snapshot& s, const AuditIndex& index, TokenId token) {
  const Snapshot::TokenRecord& t = s.token(token);
  TokenAccess access;
  access.token = token;
  access.useful = !t.global.empty();

  auto find = [&](bool is_org, int32_t id) -> NamespaceAccess* {
    for (NamespaceAccess& ns : access.namespaces) {
      if (ns.is_org == is_org && ns.id == id) return &ns;
    }
    return nullptr;
  };
  auto add = [&](bool is_org, int32_t id, bool whole) -> NamespaceAccess* {
    NamespaceAccess ns;
    ns.is_org = is_org;
    ns.id = id;
    ns.whole = whole;
    if (is_org) {
      // list_organization_members: whether the token may list the members, and the org's policy on it.
      const Decision members = Check(s, OrgRequest(token, Operation::kListOrgMembers, OrgId(id)));
      ns.list_members = members.allowed;
      ns.policy = members.policy;
      ns.policy_blocked = !ns.policy.allowed;
    }
    access.namespaces.push_back(std::move(ns));
    return &access.namespaces.back();
  };
  auto create = [&](NamespaceAccess* ns) {
    Request r;
    r.operation = Operation::kCreateRepo;
    r.token = token;
    if (ns->is_org) {
      r.ns_org = ns->org();
    } else {
      r.ns_user = ns->user();
    }
    ns->create = Allowed(s, r);
    if (!ns->create && ns->is_org) {
      for (GroupId g : index.groups_of_org(ns->org())) {
        r.group = g;
        if (Allowed(s, r)) ns->create_into.push_back(g);
      }
    }
    if (ns->create || !ns->create_into.empty()) access.useful = true;
  };

  // The owner's namespace.
  NamespaceAccess* own = add(false, t.owner.index(), true);
  for (RepoId r : index.repos_of_user(t.owner)) DecideRepo(s, token, r, own, &access.useful);
  create(own);

  // The owner's orgs: every repo, creation, membership listing and administration.
  for (OrgId org : index.orgs_of_user(t.owner)) {
    NamespaceAccess* ns = add(true, org.index(), true);
    for (RepoId r : index.repos_of_org(org)) DecideRepo(s, token, r, ns, &access.useful);
    create(ns);
    ns->admin = Allowed(s, OrgRequest(token, Operation::kChangeMemberRole, org));
    for (GroupId g : index.groups_of_org(org)) {
      Request r;
      r.operation = Operation::kManageGroupMembers;
      r.token = token;
      r.group = g;
      if (Allowed(s, r)) ns->admin_groups.push_back(g);
    }
    if (ns->list_members || ns->admin || !ns->admin_groups.empty()) access.useful = true;
  }

  // What the scopes reach beyond those: the scoped repo, or (for an org or a group of an org the owner
  // is not in) the namespace, with nothing decided in it but creation.
  for (const Snapshot::ScopeRecord& scope : s.scopes(t)) {
    switch (scope.type) {
      case EntityType::kOrg:
      case EntityType::kResourceGroup: {
        const OrgId org = scope.type == EntityType::kOrg ? OrgId(scope.entity) : s.group(GroupId(scope.entity)).org;
        if (find(true, org.index()) == nullptr) create(add(true, org.index(), false));
        break;
      }
      case EntityType::kModel:
      case EntityType::kDataset:
      case EntityType::kSpace: {
        const RepoId repo_id(scope.entity);
        const Snapshot::RepoRecord& repo = s.repo(repo_id);
        const bool is_org = repo.ns_org != kNoId;
        const int32_t id = is_org ? repo.ns_org.index() : repo.ns_user.index();
        NamespaceAccess* ns = find(is_org, id);
        if (ns == nullptr) {
          ns = add(is_org, id, false);
          if (is_org) create(ns);
        }
        if (!ns->whole) DecideRepo(s, token, repo_id, ns, &access.useful);
        break;
      }
      default:
        break;
    }
  }

  // A repo's trusted publisher token reads nothing beyond its repo (§4c).
  access.reads_public = !(t.kind == TokenKind::kTrustedPublisher && t.publisher_repo != kNoId);
  // Public repos elsewhere: readable, unless the org's policy blocks the token (a policy, or an
  // approval recorded for this token, such as a revocation).
  auto check_public = [&](OrgId org) {
    const NamespaceAccess* ns = find(true, org.index());
    if ((ns != nullptr && ns->whole) ||
        std::find(access.public_blocked_in.begin(), access.public_blocked_in.end(), org) != access.public_blocked_in.end()) {
      return;
    }
    if (!Check(s, OrgRequest(token, Operation::kListOrgMembers, org)).policy.allowed) {
      access.public_blocked_in.push_back(org);
    }
  };
  for (OrgId org : index.orgs_with_policy()) check_public(org);
  for (OrgId org : index.orgs_with_status(token)) check_public(org);
  std::sort(access.public_blocked_in.begin(), access.public_blocked_in.end(),
            [&](OrgId a, OrgId b) { return s.org(a).name < s.org(b).name; });
  return access;
}

}  // namespace hubperm
