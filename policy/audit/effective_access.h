// Copyright 2026 The hubperm Authors.
//
// policy/audit/effective_access.h: what each token can actually do (user side ∩ token side ∩ org
// policy), grouped by namespace and level, for `hubperm audit`.
//
// It is computed from the token's reach, not by asking about every repo of the world: the owner's
// namespace, the orgs they belong to (their resource groups are in them), and the entities the token is
// scoped to. Only the repos of those namespaces (for a scope outside them, the scoped repo alone) are
// decided; everything else the token can do is reading public repos, reported as one line: the token
// policies that block even that, and the orgs that recorded an approval status for the token. So the cost
// grows with a token's reach, not with the world.
//
// Within a namespace, repos that agree on every fact a decision reads get one decision per such class:
// their type, visibility and gating, and their resource group when the token's owner is listed in it
// or the token holds a scope on it (the repos of every other group are alike for this token: the same
// role, given by auto-join or none, and no scope), provided they have no fact of their own for this token (a scope on the repo, created by its
// owner or by it, an access request of its owner's, a trusted publisher's repo). The index lays every
// namespace's repos out once, by class, group and id, so a class is a few ranges of that layout and a
// token's repos at a level are ranges too (RepoRanges): a member of a large org costs a few decisions
// and a few ranges, not a pass over the org's repos. policy/audit:audit_test checks every level against
// a decision of its own on random worlds.
//
// Every level is a real decision (policy/decide's Check) of the operation that defines it, so the audit
// can never disagree with `hubperm check`:
//   see   model_info (repo info)         read  hf_hub_download (files)      write  create_commit
//   create  create_repo in the namespace (no group named, or into a group)
//   admin   change_member_role in an org; manage the members of a resource group
//
//   AuditIndex index(*snapshot);
//   TokenAccess access = EffectiveAccess(*snapshot, index, token);

#ifndef HUBPERM_POLICY_AUDIT_EFFECTIVE_ACCESS_H_
#define HUBPERM_POLICY_AUDIT_EFFECTIVE_ACCESS_H_

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/decision.h"
#include "policy/decide/request.h"

namespace hubperm {

// A token's effective level on one repo: the strongest of the defining operations that is allowed.
enum class RepoLevel : uint8_t { kNone, kSee, kRead, kWrite };
absl::string_view RepoLevelName(RepoLevel level);
inline constexpr int kRepoLevelCount = 4;

// The request that defines `level` on `repo` (kNone: none; its see request is returned).
Request LevelRequest(TokenId token, RepoId repo, RepoLevel level);

// The effective level of `token` on `repo`.
RepoLevel LevelOn(const Snapshot& snapshot, TokenId token, RepoId repo);

// A set of repos held as ranges of the AuditIndex's layout (each range sorted by repo id): a token's repos
// at one level in one namespace. Its size is known without walking it; Sorted() lists it by repo id.
class RepoRanges {
 public:
  // `range` points into the same array as every range added before it (the AuditIndex's layout).
  void Add(absl::Span<const RepoId> range) {
    if (range.empty()) return;
    if (base_ == nullptr) base_ = range.data();
    ranges_.push_back(Range{static_cast<int32_t>(range.data() - base_), static_cast<uint32_t>(range.size())});
    size_ += static_cast<uint32_t>(range.size());
  }
  // Room for `ranges` ranges, so that adding them allocates once.
  void Reserve(size_t ranges) { ranges_.reserve(ranges); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // The ranges it is held in.
  size_t range_count() const { return ranges_.size(); }
  // Calls `visit(repo)` for each repo, range by range.
  template <typename Visit>
  void ForEach(Visit visit) const {
    for (const Range& range : ranges_) {
      for (const RepoId* r = base_ + range.offset; r != base_ + range.offset + range.size; ++r) visit(*r);
    }
  }
  // Every repo, by id.
  std::vector<RepoId> Sorted() const;
  // The `n` repos of smallest id (all of them when there are fewer), by id.
  std::vector<RepoId> First(size_t n) const;

 private:
  // A range as 8 bytes, from the first range's start (a token's audit holds tens of ranges per namespace
  // and level: the report's memory is what the audit of a large world spends most on).
  struct Range {
    int32_t offset;
    uint32_t size;
  };
  const RepoId* base_ = nullptr;
  std::vector<Range> ranges_;
  uint32_t size_ = 0;
};

// The repos of each namespace and group, and the orgs with a token policy, indexed once per snapshot.
class AuditIndex {
 public:
  explicit AuditIndex(const Snapshot& snapshot);
  AuditIndex(const AuditIndex&) = delete;  // RepoRanges and RepoClasses point into its layout
  AuditIndex& operator=(const AuditIndex&) = delete;

  const std::vector<RepoId>& repos_of_user(UserId user) const { return by_user_[user]; }
  const std::vector<RepoId>& repos_of_org(OrgId org) const { return by_org_[org]; }
  // Every repo once, laid out by namespace, then class (type, visibility, gating, whether in a resource
  // group), then block (block_of its group), then resource group, then id; and where each repo is in it.
  const std::vector<RepoId>& layout() const { return layout_; }
  uint32_t position(RepoId repo) const { return position_[repo]; }
  // Calls `visit(range)` for each range of the layout's positions [begin, end) between the positions
  // `skip` (sorted), which are left out: a run of alike repos without its repos that have facts of their own.
  template <typename Visit>
  void ForEachRangeAround(uint32_t begin, uint32_t end, absl::Span<const uint32_t> skip, Visit visit) const {
    auto next = std::lower_bound(skip.begin(), skip.end(), begin);
    while (begin < end) {
      const uint32_t stop = next != skip.end() && *next < end ? *next : end;
      if (stop > begin) visit(absl::MakeConstSpan(layout_.data() + begin, stop - begin));
      begin = stop + 1;
      if (next != skip.end()) ++next;
    }
  }
  // A run of the layout holding the repos of one class and block (and, for a group, of that group).
  struct ClassRun {
    uint8_t repo_class;
    uint8_t block;
    uint32_t begin, end;  // positions in layout()
  };
  // The block of a group: 0 without auto-join, else its auto-join role and scope (1 + role * 2 + scope).
  // Within a class, an org's grouped repos are laid out by block, then group: an org member holds the
  // same role in every group of a block it has no listed role in, so those groups are alike for it.
  static constexpr int kBlockCount = 1 + kGroupRoleCount * 2;
  uint8_t block_of(GroupId group) const { return group_block_[group]; }
  // The runs of a namespace's classes, and of a group's repos (within its org's), by class.
  absl::Span<const ClassRun> runs_of_user(UserId user) const { return RunsOf(user.index()); }
  absl::Span<const ClassRun> runs_of_org(OrgId org) const { return RunsOf(user_count_ + org.index()); }
  absl::Span<const ClassRun> runs_of_group(GroupId group) const {
    return absl::MakeConstSpan(group_runs_).subspan(group_runs_begin_[group.index()],
                                                    group_runs_begin_[group.index() + 1] - group_runs_begin_[group.index()]);
  }
  // The repos whose decision for this token reads a fact of their own, not their class's: those the token
  // is scoped to or created, those its owner created or asked access to, a trusted publisher's; sorted.
  std::vector<RepoId> OwnFactRepos(const Snapshot& snapshot, TokenId token) const;
  const std::vector<RepoId>& repos_of_group(GroupId group) const { return by_group_[group]; }
  const std::vector<GroupId>& groups_of_org(OrgId org) const { return groups_of_org_[org]; }
  // The orgs whose token policy is `policy`, by id.
  const std::vector<OrgId>& orgs_with_policy(TokenPolicy policy) const {
    return orgs_by_policy_[static_cast<int>(policy)];
  }
  // The orgs the user belongs to, by name.
  const std::vector<OrgId>& orgs_of_user(UserId user) const { return orgs_of_user_[user]; }
  // The orgs that recorded an approval status for the token.
  const std::vector<OrgId>& orgs_with_status(TokenId token) const { return orgs_with_status_[token]; }

 private:
  // The runs of namespace `n`: a user's index, or user_count_ plus an org's.
  absl::Span<const ClassRun> RunsOf(int n) const {
    return absl::MakeConstSpan(ns_runs_).subspan(ns_runs_begin_[n], ns_runs_begin_[n + 1] - ns_runs_begin_[n]);
  }

  int user_count_ = 0;
  IdVector<UserId, std::vector<RepoId>> by_user_;
  IdVector<OrgId, std::vector<RepoId>> by_org_;
  std::vector<RepoId> layout_;
  IdVector<RepoId, uint32_t> position_;
  IdVector<GroupId, uint8_t> group_block_;
  std::vector<ClassRun> ns_runs_, group_runs_;
  std::vector<uint32_t> ns_runs_begin_, group_runs_begin_;  // by namespace / group, and one past the last
  IdVector<UserId, std::vector<RepoId>> own_repos_of_user_;  // the repos a user created or asked access to
  IdVector<TokenId, std::vector<RepoId>> created_by_token_;
  IdVector<GroupId, std::vector<RepoId>> by_group_;
  IdVector<OrgId, std::vector<GroupId>> groups_of_org_;
  IdVector<UserId, std::vector<OrgId>> orgs_of_user_;
  IdVector<TokenId, std::vector<OrgId>> orgs_with_status_;
  std::vector<OrgId> orgs_by_policy_[kTokenPolicyCount];
};

// The repos of one namespace in the classes one token's decisions treat alike (above): each class's
// first repo, whose decisions stand for the whole class, and its repos, as ranges of the index's layout.
// A repo with a fact of its own for the token is a class alone. The classes partition the namespace's
// repos. The ranges point into `index`, which must outlive them.
//
//   RepoClasses classes = RepoClasses::OfOrg(snapshot, index, token, org, index.OwnFactRepos(snapshot, token));
//   for (size_t c = 0; c < classes.size(); ++c) ... classes.representatives()[c] ... classes.members(c)
class RepoClasses {
 public:
  // `own` is AuditIndex::OwnFactRepos(snapshot, token).
  static RepoClasses OfOrg(const Snapshot& snapshot, const AuditIndex& index, TokenId token, OrgId org,
                           const std::vector<RepoId>& own);
  static RepoClasses OfUser(const Snapshot& snapshot, const AuditIndex& index, UserId user, const std::vector<RepoId>& own);

  size_t size() const { return representatives_.size(); }
  // By class: its first repo.
  const std::vector<RepoId>& representatives() const { return representatives_; }
  // The repos of class `c`.
  absl::Span<const absl::Span<const RepoId>> members(size_t c) const {
    return absl::MakeConstSpan(ranges_).subspan(class_begin_[c], class_begin_[c + 1] - class_begin_[c]);
  }
  // The number of repos of every class.
  size_t repo_count() const { return repo_count_; }

 private:
  // `role_in_block`: the role (1 + GroupRole, or 0 for none) the token's owner holds by auto-join in the
  // groups of each block; `involved`: the groups whose repos are classes apart (a listed role, a scope).
  RepoClasses(const AuditIndex& index, absl::Span<const AuditIndex::ClassRun> runs, const std::vector<GroupId>& involved,
              const uint8_t (&role_in_block)[AuditIndex::kBlockCount], std::vector<uint32_t> own);
  // Cuts [begin, end) of the layout around the own-fact repos' positions into the current class.
  void Cut(uint32_t begin, uint32_t end);
  // Closes the current class (dropped if it holds no repo).
  void EndClass();

  const AuditIndex* index_;
  std::vector<uint32_t> own_;  // positions of the namespace's own-fact repos, sorted
  std::vector<RepoId> representatives_;
  std::vector<absl::Span<const RepoId>> ranges_;
  std::vector<uint32_t> class_begin_{0};  // into ranges_, by class, and one past the last
  size_t repo_count_ = 0;
};

// A token's access in one namespace.
struct NamespaceAccess {
  bool is_org = false;
  int32_t id = kNoIndex;  // the index of an OrgId if is_org, else of a UserId
  OrgId org() const { return is_org ? OrgId(id) : OrgId(); }
  UserId user() const { return is_org ? UserId() : UserId(id); }
  // Whether every repo of the namespace was decided (the owner's namespace, an org they belong to), or
  // only the repos the token is scoped to.
  bool whole = true;
  int repos_decided = 0;
  // The decided repos at each level, as ranges of the AuditIndex's layout (Sorted() lists them by id).
  RepoRanges repos[kRepoLevelCount];
  bool create = false;                 // create_repo here, naming no group
  std::vector<GroupId> create_into;    // groups it may create into when `create` is false
  bool list_members = false;           // org: list_organization_members
  bool admin = false;                  // org: change_member_role
  std::vector<GroupId> admin_groups;   // resource groups whose members it may manage
  // The org's token policy blocks the token here (everything above is then none).
  bool policy_blocked = false;
  PolicySide policy;
};

struct TokenAccess {
  TokenId token = kNoId;
  // The owner's namespace first, then the orgs they belong to, then namespaces reached only by scopes.
  std::vector<NamespaceAccess> namespaces;
  // Outside the namespaces decided whole, public repos are readable (any token reads them), except:
  //  - in every org whose token policy is one of `public_blocked_by` (classic tokens under
  //    fine_grained_only and require_approval, fine-grained ones under require_approval), but those of
  //    `public_allowed_in`, which recorded an approval for the token;
  //  - in `public_blocked_in`: orgs that recorded a status for the token that blocks it (revoked,
  //    pending, denied).
  // ReadsPublicIn says it for one org. Each list is bounded by the token's own records, never by the
  // number of orgs in the world.
  std::vector<TokenPolicy> public_blocked_by;
  std::vector<OrgId> public_allowed_in;
  std::vector<OrgId> public_blocked_in;
  // False for a repo's trusted publisher token, which reads nothing beyond its repo (§4c).
  bool reads_public = true;
  // Whether it can do anything beyond reading public repos: write, create, administer, read a private
  // or gated repo, list an org's members, or hold a global permission (discussions, posts).
  bool useful = false;
};

TokenAccess EffectiveAccess(const Snapshot& snapshot, const AuditIndex& index, TokenId token);

// Whether `access`'s token may read the public repos of `org`, an org outside its namespaces decided
// whole, as far as the org's token policy is concerned (gating aside).
bool ReadsPublicIn(const Snapshot& snapshot, const TokenAccess& access, OrgId org);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_AUDIT_EFFECTIVE_ACCESS_H_
