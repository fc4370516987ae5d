// Copyright 2026 The hubperm Authors.

#include "policy/audit/effective_access.h"

#include <algorithm>
#include <tuple>

#include "absl/container/inlined_vector.h"

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

// A repo's class in its namespace, before groups: type (3) x gating (3) x private x in a group (the
// lowest bit).
uint8_t RepoClassOf(const Snapshot::RepoRecord& repo) {
  return static_cast<uint8_t>(((static_cast<int>(repo.type) * 3 + static_cast<int>(repo.gated)) * 2 + repo.is_private) * 2 +
                              (repo.group != kNoId));
}
bool RepoClassInGroup(uint8_t repo_class) { return (repo_class & 1) != 0; }

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
  // Each class's level first, so that each level's ranges are allocated once.
  absl::InlinedVector<RepoLevel, 64> levels(classes.size());
  size_t ranges[kRepoLevelCount] = {};
  // The classes' first repos lie apart in the snapshot: their facts are asked for all at once, so that on
  // a world larger than the caches their reads overlap instead of each decision waiting for its own.
  for (RepoId r : classes.representatives()) __builtin_prefetch(&s.facts(r));
  for (size_t c = 0; c < classes.size(); ++c) {
    const RepoId r = classes.representatives()[c];
    levels[c] = LevelOn(s, token, r);
    if (MarksUseful(s, r, levels[c])) *useful = true;
    ranges[static_cast<int>(levels[c])] += classes.members(c).size();
  }
  for (int level = 0; level < kRepoLevelCount; ++level) ns->repos[level].Reserve(ranges[level]);
  for (size_t c = 0; c < classes.size(); ++c) {
    for (absl::Span<const RepoId> range : classes.members(c)) ns->repos[static_cast<int>(levels[c])].Add(range);
  }
  ns->repos_decided += static_cast<int>(classes.repo_count());
}

// One repo alone (a scoped repo outside the namespaces decided whole).
void DecideRepo(const Snapshot& s, const AuditIndex& index, TokenId token, RepoId repo, NamespaceAccess* ns, bool* useful) {
  const RepoLevel level = LevelOn(s, token, repo);
  ns->repos[static_cast<int>(level)].Add(absl::MakeConstSpan(&index.layout()[index.position(repo)], 1));
  ++ns->repos_decided;
  if (MarksUseful(s, repo, level)) *useful = true;
}

// The org's resource groups the token's owner is listed in or the token is scoped to, sorted: their
// repos (and the groups themselves) are decided apart. Every other group of the org is alike for the
// token with the others of its block (AuditIndex::block_of): the owner holds the same role in them, by
// auto-join or none (RolesInBlocks), and the token no scope.
std::vector<GroupId> InvolvedGroups(const Snapshot& s, TokenId token, OrgId org) {
  const Snapshot::TokenRecord& t = s.token(token);
  std::vector<GroupId> involved;
  s.ForEachGroupRoleOf(t.owner, [&](GroupId g, const RoleGrant<GroupRole>& grant) {
    if (!grant.auto_join && s.group(g).org == org) involved.push_back(g);
  });
  for (const Snapshot::ScopeRecord& scope : s.scopes(t)) {
    if (scope.type == EntityType::kResourceGroup && s.group(GroupId(scope.entity)).org == org) {
      involved.push_back(GroupId(scope.entity));
    }
  }
  std::sort(involved.begin(), involved.end());
  involved.erase(std::unique(involved.begin(), involved.end()), involved.end());
  return involved;
}

// The role (1 + GroupRole, or 0 for none) `user` holds by auto-join in the groups of each block of
// `org` (AuditIndex::block_of) it is not listed in.
void RolesInBlocks(const Snapshot& s, UserId user, OrgId org, uint8_t (&role_in_block)[AuditIndex::kBlockCount]) {
  const RoleGrant<OrgRole>* member = s.OrgRoleOf(user, org);
  role_in_block[0] = 0;
  for (int block = 1; block < AuditIndex::kBlockCount; ++block) {
    const auto scope = static_cast<AutoJoinScope>((block - 1) % 2);
    const int role = (block - 1) / 2;
    role_in_block[block] = member != nullptr && AutoJoinApplies(scope, member->role) ? static_cast<uint8_t>(1 + role) : 0;
  }
}

// Appends to `*allowed` the groups of `org` that `allowed_in(group)` allows, in the org's order. The
// groups the token is not involved with (InvolvedGroups) are alike for it when the owner holds the same
// role there (RolesInBlocks): the first of them is decided, and its answer stands for the rest.
template <typename AllowedIn>
void ForEachGroupAllowed(const Snapshot& s, const AuditIndex& index, TokenId token, OrgId org, AllowedIn allowed_in,
                         std::vector<GroupId>* allowed) {
  const std::vector<GroupId>& groups = index.groups_of_org(org);
  if (groups.empty()) return;
  const std::vector<GroupId> involved = InvolvedGroups(s, token, org);
  uint8_t role_in_block[AuditIndex::kBlockCount];
  RolesInBlocks(s, s.token(token).owner, org, role_in_block);
  int alike[1 + kGroupRoleCount];  // by the role held there: the answer for the groups not involved, once known
  std::fill(std::begin(alike), std::end(alike), -1);
  for (GroupId g : groups) {
    bool yes;
    if (std::binary_search(involved.begin(), involved.end(), g)) {
      yes = allowed_in(g);
    } else {
      int& answer = alike[role_in_block[index.block_of(g)]];
      if (answer < 0) answer = allowed_in(g) ? 1 : 0;
      yes = answer == 1;
    }
    if (yes) allowed->push_back(g);
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

std::vector<RepoId> RepoRanges::Sorted() const {
  std::vector<RepoId> all;
  all.reserve(size_);
  for (const Range& range : ranges_) all.insert(all.end(), base_ + range.offset, base_ + range.offset + range.size);
  std::sort(all.begin(), all.end());
  return all;
}

std::vector<RepoId> RepoRanges::First(size_t n) const {
  // Each range is sorted: the n smallest are among the first n of each.
  std::vector<RepoId> first;
  for (const Range& range : ranges_) {
    first.insert(first.end(), base_ + range.offset, base_ + range.offset + std::min<size_t>(n, range.size));
  }
  std::sort(first.begin(), first.end());
  if (first.size() > n) first.resize(n);
  return first;
}

AuditIndex::AuditIndex(const Snapshot& s)
    : user_count_(s.user_count()),
      by_user_(s.user_count()),
      by_org_(s.org_count()),
      position_(s.repo_count()),
      by_group_(s.group_count()),
      groups_of_org_(s.org_count()),
      orgs_of_user_(s.user_count()),
      orgs_with_status_(s.token_count()) {
  own_repos_of_user_ = IdVector<UserId, std::vector<RepoId>>(s.user_count());
  created_by_token_ = IdVector<TokenId, std::vector<RepoId>>(s.token_count());
  // The namespace of a repo: a user's index, or user_count_ plus an org's.
  auto namespace_of = [&](const Snapshot::RepoFacts& repo) {
    return repo.ns_user != kNoId ? repo.ns_user.index() : user_count_ + repo.ns_org.index();
  };
  for (RepoId r : IdsUpTo<RepoId>(s.repo_count())) {
    const Snapshot::RepoRecord& repo = s.repo(r);
    if (repo.ns_user != kNoId) by_user_[repo.ns_user].push_back(r);
    if (repo.ns_org != kNoId) by_org_[repo.ns_org].push_back(r);
    if (repo.group != kNoId) by_group_[repo.group].push_back(r);
    if (repo.created_by != kNoId) own_repos_of_user_[repo.created_by].push_back(r);
    if (repo.created_by_token != kNoId) created_by_token_[repo.created_by_token].push_back(r);
    layout_.push_back(r);
  }
  group_block_ = IdVector<GroupId, uint8_t>(s.group_count(), 0);
  for (GroupId g : IdsUpTo<GroupId>(s.group_count())) {
    const Snapshot::GroupRecord& group = s.group(g);
    if (group.auto_join) {
      group_block_[g] = static_cast<uint8_t>(1 + static_cast<int>(group.auto_join_role) * 2 + static_cast<int>(group.auto_join_scope));
    }
  }
  auto block_of_repo = [&](const Snapshot::RepoRecord& repo) { return repo.group == kNoId ? uint8_t{0} : group_block_[repo.group]; };
  // The layout: by namespace, class, block, group, id (the keys computed once, not read from the records
  // at each comparison).
  struct LayoutKey {
    int32_t ns;
    uint8_t repo_class, block;
    int32_t group, id;
    bool operator<(const LayoutKey& o) const {
      return std::tie(ns, repo_class, block, group, id) < std::tie(o.ns, o.repo_class, o.block, o.group, o.id);
    }
  };
  std::vector<LayoutKey> keys;
  keys.reserve(layout_.size());
  for (RepoId r : layout_) {
    const Snapshot::RepoRecord& repo = s.repo(r);
    keys.push_back(LayoutKey{namespace_of(repo), RepoClassOf(repo), block_of_repo(repo), repo.group.index(), r.index()});
  }
  std::sort(keys.begin(), keys.end());
  for (size_t i = 0; i < keys.size(); ++i) layout_[i] = RepoId(keys[i].id);
  const int namespaces = user_count_ + s.org_count();
  ns_runs_begin_.assign(static_cast<size_t>(namespaces) + 1, 0);
  std::vector<std::pair<GroupId, ClassRun>> group_runs;
  for (uint32_t i = 0; i < layout_.size(); ++i) {
    const LayoutKey& key = keys[i];
    position_[layout_[i]] = i;
    const int n = key.ns;
    const uint8_t repo_class = key.repo_class;
    const uint8_t block = key.block;
    const GroupId group(key.group);
    const bool same_ns = i > 0 && keys[i - 1].ns == n;
    if (same_ns && ns_runs_.back().repo_class == repo_class && ns_runs_.back().block == block) {
      ++ns_runs_.back().end;
    } else {
      ns_runs_.push_back(ClassRun{repo_class, block, i, i + 1});
      ++ns_runs_begin_[n + 1];
    }
    if (group == kNoId) continue;
    if (!group_runs.empty() && group_runs.back().first == group && group_runs.back().second.repo_class == repo_class &&
        group_runs.back().second.end == i) {
      ++group_runs.back().second.end;
    } else {
      group_runs.push_back({group, ClassRun{repo_class, block, i, i + 1}});
    }
  }
  for (int n = 0; n < namespaces; ++n) ns_runs_begin_[n + 1] += ns_runs_begin_[n];
  // A group's runs, by class (the layout's order, stable).
  std::stable_sort(group_runs.begin(), group_runs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  group_runs_begin_.assign(static_cast<size_t>(s.group_count()) + 1, 0);
  for (const auto& [group, run] : group_runs) {
    ++group_runs_begin_[group.index() + 1];
    group_runs_.push_back(run);
  }
  for (int g = 0; g < s.group_count(); ++g) group_runs_begin_[g + 1] += group_runs_begin_[g];

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

RepoClasses::RepoClasses(const AuditIndex& index, absl::Span<const AuditIndex::ClassRun> runs,
                         const std::vector<GroupId>& involved, const uint8_t (&role_in_block)[AuditIndex::kBlockCount],
                         std::vector<uint32_t> own)
    : index_(&index), own_(std::move(own)) {
  // Room for a class per run and per own-fact repo, and a few ranges each (temporaries: one allocation
  // each rather than a vector's growth).
  representatives_.reserve(own_.size() + runs.size() + involved.size());
  class_begin_.reserve(1 + own_.size() + runs.size() + involved.size());
  ranges_.reserve(own_.size() * 2 + runs.size() * 2 + involved.size());
  // Each own-fact repo is a class alone.
  for (uint32_t p : own_) {
    ranges_.push_back(absl::MakeConstSpan(&index.layout()[p], 1));
    ++repo_count_;
    EndClass();
  }
  // Each class of the namespace (its runs are consecutive, by block): the repos of the involved groups
  // apart, each group a class; the rest one class per role the owner holds by auto-join there.
  std::vector<AuditIndex::ClassRun> apart;
  for (size_t i = 0; i < runs.size();) {
    size_t end = i;
    while (end < runs.size() && runs[end].repo_class == runs[i].repo_class) ++end;
    apart.clear();
    if (RepoClassInGroup(runs[i].repo_class)) {
      for (GroupId g : involved) {
        for (const AuditIndex::ClassRun& group_run : index.runs_of_group(g)) {
          if (group_run.repo_class == runs[i].repo_class) apart.push_back(group_run);
        }
      }
      std::sort(apart.begin(), apart.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
    }
    bool done[1 + kGroupRoleCount] = {};
    for (size_t k = i; k < end; ++k) {
      const uint8_t role = role_in_block[runs[k].block];
      if (done[role]) continue;
      done[role] = true;
      for (size_t r = k; r < end; ++r) {
        if (role_in_block[runs[r].block] != role) continue;
        uint32_t at = runs[r].begin;
        for (const AuditIndex::ClassRun& group_run : apart) {
          if (group_run.begin < runs[r].begin || group_run.end > runs[r].end) continue;
          Cut(at, group_run.begin);
          at = group_run.end;
        }
        Cut(at, runs[r].end);
      }
      EndClass();
    }
    for (const AuditIndex::ClassRun& group_run : apart) {
      Cut(group_run.begin, group_run.end);
      EndClass();
    }
    i = end;
  }
}

void RepoClasses::Cut(uint32_t begin, uint32_t end) {
  index_->ForEachRangeAround(begin, end, own_, [&](absl::Span<const RepoId> range) {
    ranges_.push_back(range);
    repo_count_ += range.size();
  });
}

void RepoClasses::EndClass() {
  if (ranges_.size() == class_begin_.back()) return;
  representatives_.push_back(ranges_[class_begin_.back()].front());
  class_begin_.push_back(static_cast<uint32_t>(ranges_.size()));
}

RepoClasses RepoClasses::OfOrg(const Snapshot& s, const AuditIndex& index, TokenId token, OrgId org,
                               const std::vector<RepoId>& own) {
  std::vector<uint32_t> positions;
  for (RepoId r : own) {
    if (s.facts(r).ns_org == org) positions.push_back(index.position(r));
  }
  std::sort(positions.begin(), positions.end());
  uint8_t role_in_block[AuditIndex::kBlockCount];
  RolesInBlocks(s, s.token(token).owner, org, role_in_block);
  return RepoClasses(index, index.runs_of_org(org), InvolvedGroups(s, token, org), role_in_block, std::move(positions));
}

RepoClasses RepoClasses::OfUser(const Snapshot& s, const AuditIndex& index, UserId user, const std::vector<RepoId>& own) {
  std::vector<uint32_t> positions;
  for (RepoId r : own) {
    if (s.facts(r).ns_user == user) positions.push_back(index.position(r));
  }
  std::sort(positions.begin(), positions.end());
  const uint8_t none[AuditIndex::kBlockCount] = {};
  return RepoClasses(index, index.runs_of_user(user), {}, none, std::move(positions));
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
      ForEachGroupAllowed(s, index, token, ns->org(), [&](GroupId g) {
        r.group = g;
        return Allowed(s, r);
      }, &ns->create_into);
    }
    if (ns->create || !ns->create_into.empty()) access.useful = true;
  };

  // The owner's namespace, their orgs, and at most one namespace per scope.
  access.namespaces.reserve(1 + index.orgs_of_user(t.owner).size() + s.scopes(t).size());
  const std::vector<RepoId> own_facts = index.OwnFactRepos(s, token);
  NamespaceAccess* own = add(false, t.owner.index(), true);
  DecideNamespace(s, token, RepoClasses::OfUser(s, index, t.owner, own_facts), own, &access.useful);
  create(own);

  // The owner's orgs: every repo, creation, membership listing and administration.
  for (OrgId org : index.orgs_of_user(t.owner)) {
    NamespaceAccess* ns = add(true, org.index(), true);
    DecideNamespace(s, token, RepoClasses::OfOrg(s, index, token, org, own_facts), ns, &access.useful);
    create(ns);
    ns->admin = Allowed(s, OrgRequest(token, Operation::kChangeMemberRole, org));
    ForEachGroupAllowed(s, index, token, org, [&](GroupId g) {
      Request r;
      r.operation = Operation::kManageGroupMembers;
      r.token = token;
      r.group = g;
      return Allowed(s, r);
    }, &ns->admin_groups);
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
        if (!ns->whole) DecideRepo(s, index, token, repo_id, ns, &access.useful);
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
