// Copyright 2026 The hubperm Authors.
//
// policy/audit/effective_access.h: what each token can actually do (user side ∩ token side ∩ org
// policy), grouped by namespace and level, for `hubperm audit`.
//
// It is computed from the token's reach, not by asking about every repo of the world: the owner's
// namespace, the orgs they belong to (their resource groups are in them), and the entities the token is
// scoped to. Only the repos of those namespaces (for a scope outside them, the scoped repo alone) are
// decided; everything else the token can do is reading public repos, reported as one line with the orgs
// whose token policy blocks even that. So the cost grows with a token's reach, not with the world.
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

#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
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

// The repos of each namespace and group, and the orgs with a token policy, indexed once per snapshot.
class AuditIndex {
 public:
  explicit AuditIndex(const Snapshot& snapshot);
  const std::vector<RepoId>& repos_of_user(UserId user) const { return by_user_[user]; }
  const std::vector<RepoId>& repos_of_org(OrgId org) const { return by_org_[org]; }
  const std::vector<RepoId>& repos_of_group(GroupId group) const { return by_group_[group]; }
  const std::vector<GroupId>& groups_of_org(OrgId org) const { return groups_of_org_[org]; }
  // The orgs whose token policy is not allow_all: the only ones that can block a token it is not
  // scoped to (besides a recorded approval, which audit looks up per token).
  const std::vector<OrgId>& orgs_with_policy() const { return orgs_with_policy_; }
  // The orgs the user belongs to, by name.
  const std::vector<OrgId>& orgs_of_user(UserId user) const { return orgs_of_user_[user]; }
  // The orgs that recorded an approval status for the token.
  const std::vector<OrgId>& orgs_with_status(TokenId token) const { return orgs_with_status_[token]; }

 private:
  IdVector<UserId, std::vector<RepoId>> by_user_;
  IdVector<OrgId, std::vector<RepoId>> by_org_;
  IdVector<GroupId, std::vector<RepoId>> by_group_;
  IdVector<OrgId, std::vector<GroupId>> groups_of_org_;
  IdVector<UserId, std::vector<OrgId>> orgs_of_user_;
  IdVector<TokenId, std::vector<OrgId>> orgs_with_status_;
  std::vector<OrgId> orgs_with_policy_;
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
  // The decided repos at each level, by repo id.
  std::vector<RepoId> repos[kRepoLevelCount];
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
  // Outside the namespaces decided whole, public repos are readable (any token reads them), except in
  // these orgs, whose token policy blocks the token.
  std::vector<OrgId> public_blocked_in;
  // False for a repo's trusted publisher token, which reads nothing beyond its repo (§4c).
  bool reads_public = true;
  // Whether it can do anything beyond reading public repos: write, create, administer, read a private
  // or gated repo, list an org's members, or hold a global permission (discussions, posts).
  bool useful = false;
};

TokenAccess EffectiveAccess(const Snapshot& snapshot, const AuditIndex& index, TokenId token);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_AUDIT_EFFECTIVE_ACCESS_H_
