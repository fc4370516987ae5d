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

// The number of repo classes of a namespace, before groups: type (3) x gating (3) x private x in a group.
constexpr int kRepoClassCount = 3 * 3 * 2 * 2;

uint8_t RepoClassOf(const Snapshot::RepoRecord& repo) {
  return static_cast<uint8_t>(((static_cast<int>(repo.type) * 3 + static_cast<int>(repo.gated)) * 2 + repo.is_private) * 2 +
                              (repo.group != kNoId));
}

// Whether `level` on `repo` is more than any token has: a write, or any access to a private or gated
// repo (reading a public one is anyone's).
bool MarksUseful(const Snapshot& s, RepoId repo, RepoLevel level) {
  const Snapshot::RepoFacts& facts = s.facts(repo);
  return level == RepoLevel::kWrite ||
         (level != RepoLevel::kNone && (facts.is_private || facts.gated != Gating::kNone));
}

// Decides the repos of `classes` for one token: each class once, on its first repo (the class shares
// visibility and gating, so its first repo also says whether the class makes the token useful).
void DecideNamespace(const Snapshot& s, TokenId token, const RepoClasses& classes, NamespaceAccess* ns, bool* useful) {
  std::vector<RepoLevel> level_of(classes.representatives().size());
  for (size_t c = 0; c < level_of.size(); ++c) {
    const RepoId r = classes.representatives()[c];
    level_of[c] = LevelOn(s, token, r);
    if (MarksUseful(s, r, level_of[c])) *useful = true;
  }
  const std::vector<RepoId>& repos = classes.repos();
  for (size_t j = 0; j < repos.size(); ++j) ns->repos[static_cast<int>(level_of[classes.class_of(j)])].push_back(repos[j]);
  ns->repos_decided += static_cast<int>(repos.size());
}

// One repo alone (a scoped repo outside the namespaces decided whole).
void DecideRepo(const Snapshot& s, TokenId token, RepoId repo, NamespaceAccess* ns, bool* useful) {
  const RepoLevel level = LevelOn(s, token, repo);
  ns->repos[static_cast<int>(level)].push_back(repo);
  ++ns->repos_decided;
  if (MarksUseful(s, repo, level)) *useful = true;
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
  user_classes_ = IdVector<UserId, std::vector<uint8_t>>(s.user_count());
  org_classes_ = IdVector<OrgId, std::vector<uint8_t>>(s.org_count());
  org_repo_groups_ = IdVector<OrgId, std::vector<GroupId>>(s.org_count());
  own_repos_of_user_ = IdVector<UserId, std::vector<RepoId>>(s.user_count());
  created_by_token_ = IdVector<TokenId, std::vector<RepoId>>(s.token_count());
  for (RepoId r : IdsUpTo<RepoId>(s.repo_count())) {
    const Snapshot::RepoRecord& repo = s.repo(r);
    if (repo.ns_user != kNoId) {
      by_user_[repo.ns_user].push_back(r);
      user_classes_[repo.ns_user].push_back(RepoClassOf(repo));
    }
    if (repo.ns_org != kNoId) {
      by_org_[repo.ns_org].push_back(r);
      org_classes_[repo.ns_org].push_back(RepoClassOf(repo));
      org_repo_groups_[repo.ns_org].push_back(repo.group);
    }
    if (repo.group != kNoId) by_group_[repo.group].push_back(r);
    if (repo.created_by != kNoId) own_repos_of_user_[repo.created_by].push_back(r);
    if (repo.created_by_token != kNoId) created_by_token_[repo.created_by_token].push_back(r);
  }
  s.ForEachAccessRequest([&](RepoId repo, UserId user, const Snapshot::AccessRequest&) {
    own_repos_of_user_[user].push_back(repo);
  });
  for (GroupId g : IdsUpTo<GroupId>(s.group_count())) groups_of_org_[s.group(g).org].push_back(g);
  for (OrgId o : IdsUpTo<OrgId>(s.org_count())) orgs_by_policy_[static_cast<int>(s.org(o).token_policy)].push_back(o);
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

RepoClasses::RepoClasses(const std::vector<RepoId>& repos, const std::vector<uint8_t>& classes,
                         const std::vector<GroupId>* groups, const std::vector<GroupId>& involved,
                         const std::vector<RepoId>& own)
    : repos_(&repos), class_of_(repos.size()) {
  constexpr uint32_t kNone = ~0u;
  uint32_t uninvolved[kRepoClassCount];
  std::fill(std::begin(uninvolved), std::end(uninvolved), kNone);
  std::vector<std::pair<std::pair<GroupId, uint8_t>, uint32_t>> with_group;  // few: the involved groups'
  auto add = [&](RepoId r) {
    representatives_.push_back(r);
    return static_cast<uint32_t>(representatives_.size() - 1);
  };
  auto next_own = std::lower_bound(own.begin(), own.end(), repos.empty() ? RepoId() : repos.front());
  for (size_t j = 0; j < repos.size(); ++j) {
    const RepoId r = repos[j];
    while (next_own != own.end() && *next_own < r) ++next_own;
    if (next_own != own.end() && *next_own == r) {
      class_of_[j] = add(r);
      continue;
    }
    const GroupId group = groups != nullptr ? (*groups)[j] : GroupId();
    uint32_t* c = &uninvolved[classes[j]];
    if (group != kNoId && std::binary_search(involved.begin(), involved.end(), group)) {
      c = nullptr;
      for (auto& [key, id] : with_group) {
        if (key.first == group && key.second == classes[j]) c = &id;
      }
      if (c == nullptr) {
        with_group.push_back({{group, classes[j]}, kNone});
        c = &with_group.back().second;
      }
    }
    if (*c == kNone) *c = add(r);
    class_of_[j] = *c;
  }
}

RepoClasses RepoClasses::OfOrg(const Snapshot& s, const AuditIndex& index, TokenId token, OrgId org,
                               const std::vector<RepoId>& own) {
  // The org's groups the owner holds a role in or the token is scoped to: their repos are classes apart.
  const Snapshot::TokenRecord& t = s.token(token);
  std::vector<GroupId> involved;
  for (GroupId g : index.groups_of_org(org)) {
    if (s.GroupRoleOf(t.owner, g) != nullptr || s.FindScope(t, EntityType::kResourceGroup, g) != nullptr) {
      involved.push_back(g);
    }
  }
  std::sort(involved.begin(), involved.end());
  return RepoClasses(index.repos_of_org(org), index.classes_of_org(org), &index.groups_of_org_repos(org), involved, own);
}

RepoClasses RepoClasses::OfUser(const AuditIndex& index, UserId user, const std::vector<RepoId>& own) {
  return RepoClasses(index.repos_of_user(user), index.classes_of_user(user), nullptr, {}, own);
}

std::vector<RepoId> AuditIndex::OwnFactRepos(const Snapshot& s, TokenId token) const {
  const Snapshot::TokenRecord& t = s.token(token);
  std::vector<RepoId> own = own_repos_of_user_[t.owner];
  own.insert(own.end(), created_by_token_[token].begin(), created_by_token_[token].end());
  for (const Snapshot::ScopeRecord& scope : s.scopes(t)) {
    if (scope.type == EntityType::kModel || scope.type == EntityType::kDataset || scope.type == EntityType::kSpace) {
      own.push_back(RepoId(scope.entity));
    }
  }
  if (t.publisher_repo != kNoId) own.push_back(t.publisher_repo);
  if (s.user(t.owner).publisher_of != kNoId) own.push_back(s.user(t.owner).publisher_of);
  std::sort(own.begin(), own.end());
  own.erase(std::unique(own.begin(), own.end()), own.end());
  return own;
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
  const std::vector<RepoId> own_facts = index.OwnFactRepos(s, token);
  NamespaceAccess* own = add(false, t.owner.index(), true);
  DecideNamespace(s, token, RepoClasses::OfUser(index, t.owner, own_facts), own, &access.useful);
  create(own);

  // The owner's orgs: every repo, creation, membership listing and administration.
  for (OrgId org : index.orgs_of_user(t.owner)) {
    NamespaceAccess* ns = add(true, org.index(), true);
    DecideNamespace(s, token, RepoClasses::OfOrg(s, index, token, org, own_facts), ns, &access.useful);
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
  // Public repos elsewhere: readable, unless the org's token policy blocks the token. In an org that
  // recorded no status for it (and whose service account its owner is not: that org is decided whole),
  // the policy's answer depends on the org's policy and the token's kind and role alone (decide/check.cc,
  // DecidePolicy), so one org of each policy answers for all of them; the orgs with a status are asked
  // one by one.
  auto decided_whole = [&](OrgId org) {
    const NamespaceAccess* ns = find(true, org.index());
    return ns != nullptr && ns->whole;
  };
  const std::vector<OrgId>& with_status = index.orgs_with_status(token);
  auto has_status = [&](OrgId org) { return std::binary_search(with_status.begin(), with_status.end(), org); };
  auto policy_allows = [&](OrgId org) { return Check(s, OrgRequest(token, Operation::kListOrgMembers, org)).policy.allowed; };
  for (TokenPolicy policy : {TokenPolicy::kFineGrainedOnly, TokenPolicy::kRequireApproval}) {
    for (OrgId org : index.orgs_with_policy(policy)) {
      if (decided_whole(org) || has_status(org)) continue;
      if (!policy_allows(org)) access.public_blocked_by.push_back(policy);
      break;  // one stands for all
    }
  }
  for (OrgId org : with_status) {
    if (decided_whole(org)) continue;
    const bool allowed = policy_allows(org);
    const TokenPolicy policy = s.org(org).token_policy;
    const bool by_rule = std::find(access.public_blocked_by.begin(), access.public_blocked_by.end(), policy) !=
                         access.public_blocked_by.end();
    if (!allowed) access.public_blocked_in.push_back(org);
    if (allowed && by_rule) access.public_allowed_in.push_back(org);
  }
  auto by_name = [&](OrgId a, OrgId b) { return s.org(a).name < s.org(b).name; };
  std::sort(access.public_blocked_in.begin(), access.public_blocked_in.end(), by_name);
  std::sort(access.public_allowed_in.begin(), access.public_allowed_in.end(), by_name);
  return access;
}

bool ReadsPublicIn(const Snapshot& s, const TokenAccess& access, OrgId org) {
  if (!access.reads_public) return false;
  auto has = [](const std::vector<OrgId>& orgs, OrgId o) { return std::find(orgs.begin(), orgs.end(), o) != orgs.end(); };
  if (has(access.public_blocked_in, org)) return false;
  if (has(access.public_allowed_in, org)) return true;
  const TokenPolicy policy = s.org(org).token_policy;
  return std::find(access.public_blocked_by.begin(), access.public_blocked_by.end(), policy) ==
         access.public_blocked_by.end();
}

}  // namespace hubperm
