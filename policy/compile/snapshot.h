// Copyright 2026 The hubperm Authors.
//
// policy/compile/snapshot.h: a validated World compiled into an immutable, query-ready form.
//
// Compilation interns every name into a dense id, one distinct type per kind (ids.h: UserId, OrgId,
// GroupId, RepoId, TokenId), and
// precomputes what a decision needs: repo -> namespace, org and group; (user, org) -> org role;
// (user, group) -> group role, auto-join included; (repo, user) -> gated access granted; token -> its
// scopes as permission sets per entity; (token, org) -> approval. A decision (policy/decide) is then a
// handful of hash lookups and bit tests, with no allocation and no string work.
//
//   std::shared_ptr<const Snapshot> snapshot = Snapshot::Compile(world, files);
//   absl::optional<TokenId> token = snapshot->FindToken("limited-test-token");
//
// A Snapshot is immutable after Compile and safe to share between threads.

#ifndef HUBPERM_POLICY_COMPILE_SNAPSHOT_H_
#define HUBPERM_POLICY_COMPILE_SNAPSHOT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "policy/common/source.h"
#include "policy/compile/id_index.h"
#include "policy/compile/ids.h"
#include "policy/compile/runs.h"
#include "policy/model/oauth.h"
#include "policy/model/permission.h"
#include "policy/model/vocabulary.h"
#include "policy/model/world.h"

namespace hubperm {


// A role with the place that granted it.
template <typename Role>
struct RoleGrant {
  Role role;
  SourcePos pos;
  bool auto_join = false;  // given by the group's auto-join, not listed as a member
};

// Whether a resource group's auto-join of `scope` gives its role to an org member of `role`: all members,
// or those whose org role is read or higher [doc: §3].
inline bool AutoJoinApplies(AutoJoinScope scope, OrgRole role) {
  return scope == AutoJoinScope::kAll || role != OrgRole::kNoAccess;
}

// The name of the Hub's synthetic user a repo's trusted publisher tokens are bound to (§4c); the
// snapshot names its record for one repo "[OIDC] model acme/m".
inline constexpr absl::string_view kOidcUser = "[OIDC]";

class Snapshot {
 public:
  struct GroupGrant {
    GroupId group;
    RoleGrant<GroupRole> grant;
  };
  struct UserRecord {
    std::string name;
    SourcePos pos;
    OrgId service_account_of = kNoId;  // a service account of this org (§2a), not a user
    // The Hub's [OIDC] user as the trusted publisher of this repo, whom its publisher's tokens are bound
    // to (§4c): one record per repo, so that the user side is the owner's alone.
    RepoId publisher_of = kNoId;
    bool oidc() const { return publisher_of != kNoId; }
  };
  // What a decision reads of an org (16 bytes), kept in a dense array as RepoFacts are (facts()).
  struct OrgFacts {
    TokenPolicy token_policy = TokenPolicy::kAllowAll;
    SourcePos token_policy_pos;
  };
  struct OrgRecord : OrgFacts {
    std::string name;
    SourcePos pos;
    OrgPlan plan = OrgPlan::kFree;
  };
  struct GroupRecord {
    std::string name;
    SourcePos pos;
    OrgId org;
    // Auto-join: the role it gives the org's members it applies to (AutoJoinApplies), if it has one.
    bool auto_join = false;
    GroupRole auto_join_role = GroupRole::kRead;
    AutoJoinScope auto_join_scope = AutoJoinScope::kAll;
  };
  // What a decision reads of a repo (32 bytes, never across two cache lines). The snapshot also keeps
  // these in a dense array apart from the records (facts()): a cold decision reads one line per repo, and
  // the array of a million repos stays within reach of the caches and the TLB.
  struct RepoFacts {
    RepoType type = RepoType::kModel;
    bool is_private = false;
    Gating gated = Gating::kNone;
    UserId ns_user = kNoId;  // the namespace: exactly one of ns_user and ns_org is set
    OrgId ns_org = kNoId;
    GroupId group = kNoId;
    UserId created_by = kNoId;
    SourcePos private_pos;  // a public repo's read access names it
  };
  static_assert(sizeof(RepoFacts) == 32, "a repo's facts fill half a cache line");
  // The dense array's element: aligned there only, so that the records keep their own size.
  struct alignas(32) PackedRepoFacts : RepoFacts {
    PackedRepoFacts() = default;
    PackedRepoFacts(const RepoFacts& facts) : RepoFacts(facts) {}  // NOLINT: converts as the array is filled
  };
  // A repo: its facts, and what explanations and lookups by name need.
  struct RepoRecord : RepoFacts {
    // The token that created it (contributor permission, §4b): read only where a token holds the
    // contributor permission on the repo's namespace.
    TokenId created_by_token = kNoId;
    SourcePos gated_pos;
    SourcePos group_pos;
    absl::string_view id;  // "ns/name", held by the snapshot
    SourcePos pos;
    SourcePos created_by_pos;
    SourcePos created_by_token_pos;
  };
  // One scope of a fine-grained token, resolved. Entities hubperm does not model are dropped, and so are
  // permissions the Hub does not accept on the scope's kind of entity (warned about when validating).
  struct ScopeRecord {
    EntityType type;
    int32_t entity;  // the index of a UserId, OrgId, GroupId or RepoId, by type
    PermissionSet permissions;
    SourcePos pos;
  };
  // What a decision reads of a token (one cache line), kept in a dense array apart from the records as
  // RepoFacts are (facts()). A lifetime is read from the record, and only for a request made at a given
  // moment.
  struct TokenFacts {
    UserId owner = kNoId;
    TokenRole role = TokenRole::kFineGrained;
    // §4c: a trusted publisher's token (of `publisher_repo`, or a user publisher's when it has none) or an
    // OAuth app's (its scopes as a bit set of OAuthScope; its scopes() are what they grant).
    TokenKind kind = TokenKind::kUser;
    // Its owner is a service account or a repo's [OIDC] publisher, whose user side is their own (§2a, §4c):
    // the decider reads the owner's record only then.
    bool special_owner = false;
    bool can_read_gated_repos = false;
    PermissionSet global;
    uint32_t scopes_begin = 0, scopes_end = 0;  // into scopes()
    RepoId publisher_repo = kNoId;
    uint32_t oauth_scopes = 0;
    SourcePos role_pos;  // a classic token's decision names it
    // Where its owner's org and group roles, and its own approvals, are in the snapshot's runs
    // (OwnerOrgRole, OwnerGroupRole, ApprovalOf): a decision reads them without a lookup by owner.
    RunRange owner_org_roles, owner_group_roles, approvals;
    bool HasOAuthScope(OAuthScope scope) const { return (oauth_scopes & OAuthScopeBit(scope)) != 0; }
  };
  static_assert(sizeof(TokenFacts) == 64, "a token's facts fill one cache line");
  struct alignas(64) PackedTokenFacts : TokenFacts {
    PackedTokenFacts() = default;
    PackedTokenFacts(const TokenFacts& facts) : TokenFacts(facts) {}  // NOLINT: converts as the array is filled
  };
  // A token: its facts, its lifetime, and what explanations need.
  struct TokenRecord : TokenFacts {
    // Its lifetime: valid from `created_at` (InfinitePast when unknown) until `expires_at` (InfiniteFuture
    // when it has no expiry).
    absl::Time created_at = absl::InfinitePast();
    absl::Time expires_at = absl::InfiniteFuture();
    // For explanations.
    std::string name;
    SourcePos pos;
    SourcePos can_read_gated_repos_pos;
    SourcePos global_pos;  // of the first global permission, if any
    SourcePos created_at_pos;
    SourcePos expires_at_pos;
    SourcePos kind_pos;
  };
  struct Approval {
    ApprovalStatus status;
    SourcePos pos;
  };
  struct AccessRequest {
    AccessRequestState state;
    SourcePos pos;
  };

  // Compiles `world`, which must have passed validation without errors (policy/load/validate.h): a
  // reference that does not resolve is then a bug, and is skipped. `files` is kept for explanations.
  static std::shared_ptr<const Snapshot> Compile(const World& world, SourceFiles files);

  Snapshot(const Snapshot&) = delete;  // its name indexes point into its own records
  Snapshot& operator=(const Snapshot&) = delete;

  // Name lookups, for building requests; not for the hot path.
  absl::optional<UserId> FindUser(absl::string_view name) const { return Typed<UserId>(user_ids_.Find(name)); }
  absl::optional<OrgId> FindOrg(absl::string_view name) const { return Typed<OrgId>(org_ids_.Find(name)); }
  absl::optional<GroupId> FindGroup(absl::string_view name) const { return Typed<GroupId>(group_ids_.Find(name)); }
  absl::optional<TokenId> FindToken(absl::string_view name) const { return Typed<TokenId>(token_ids_.Find(name)); }
  absl::optional<RepoId> FindRepo(RepoType type, absl::string_view id) const {
    return Typed<RepoId>(repo_ids_.Find({type, id}));
  }
  // Every name of a kind, for "did you mean".
  std::vector<absl::string_view> UserNames() const;
  std::vector<absl::string_view> OrgNames() const;
  std::vector<absl::string_view> GroupNames() const;
  std::vector<absl::string_view> TokenNames() const;
  std::vector<absl::string_view> RepoIds(RepoType type) const;

  const UserRecord& user(UserId id) const { return users_[id.index()]; }
  const OrgRecord& org(OrgId id) const { return orgs_[id.index()]; }
  const GroupRecord& group(GroupId id) const { return groups_[id.index()]; }
  // Repo ids run namespace by namespace, the namespaces in the order they first appear in the world and
  // each one's repos in the world's order: a token reaches repos by namespace, and a namespace's facts
  // then share cache lines however the fixture interleaves namespaces.
  const RepoRecord& repo(RepoId id) const { return repos_[id.index()]; }
  // What decisions read, packed (RepoFacts, TokenFacts).
  const RepoFacts& facts(RepoId id) const { return repo_facts_[id.index()]; }
  const TokenFacts& facts(TokenId id) const { return token_facts_[id.index()]; }
  const OrgFacts& facts(OrgId id) const { return org_facts_[id.index()]; }
  const TokenRecord& token(TokenId id) const { return tokens_[id.index()]; }
  int user_count() const { return static_cast<int>(users_.size()); }
  int org_count() const { return static_cast<int>(orgs_.size()); }
  int group_count() const { return static_cast<int>(groups_.size()); }
  int repo_count() const { return static_cast<int>(repos_.size()); }
  int token_count() const { return static_cast<int>(tokens_.size()); }

  // A token's scopes (`token`: its TokenRecord or TokenFacts).
  template <typename Token>
  absl::Span<const ScopeRecord> scopes(const Token& token) const {
    return absl::MakeConstSpan(scopes_).subspan(token.scopes_begin, token.scopes_end - token.scopes_begin);
  }
  // The token's scope on the entity (of `type`, at index `entity`), or nullptr (a token has at most one
  // per entity). A linear scan of the token's few scopes: no allocation, no hashing.
  template <typename Token>
  const ScopeRecord* FindScope(const Token& token, EntityType type, int32_t entity) const {
    for (const ScopeRecord& scope : scopes(token)) {
      if (scope.type == type && scope.entity == entity) return &scope;
    }
    return nullptr;
  }
  template <typename Token, typename Tag>
  const ScopeRecord* FindScope(const Token& token, EntityType type, Id<Tag> entity) const {
    return FindScope(token, type, entity.index());
  }
  // The name of a scope's entity (of `type`, at index `entity`): the user, org or group name, or the repo id.
  absl::string_view EntityName(EntityType type, int32_t entity) const;
  template <typename Tag>
  absl::string_view EntityName(EntityType type, Id<Tag> entity) const {
    return EntityName(type, entity.index());
  }

  // The user's role in the org / group, or nullptr if they hold none.
  const RoleGrant<OrgRole>* OrgRoleOf(UserId user, OrgId org) const {
    return org_roles_.Find(user.index(), org.index());
  }
  const RoleGrant<GroupRole>* GroupRoleOf(UserId user, GroupId group) const {
    return group_roles_.Find(user.index(), group.index());
  }
  // The user's strongest resource-group role among the org's groups, or nullptr (for creating a repo in
  // an org "into a group" when the request names none).
  const GroupGrant* BestGroupRoleIn(UserId user, OrgId org) const {
    return best_group_roles_.Find(user.index(), org.index());
  }
  // Calls `visit(user, org, grant)` for every org membership, in no particular order (for the audit,
  // which walks memberships rather than asking every user about every org).
  template <typename Visit>
  void ForEachOrgMembership(Visit visit) const {
    org_roles_.ForEach([&](int32_t user, int32_t org, const RoleGrant<OrgRole>& grant) { visit(UserId(user), OrgId(org), grant); });
  }
  // Calls `visit(user, group, grant)` for every resource-group role (auto-join included), in no
  // particular order.
  template <typename Visit>
  void ForEachGroupRole(Visit visit) const {
    group_roles_.ForEach(
        [&](int32_t user, int32_t group, const RoleGrant<GroupRole>& grant) { visit(UserId(user), GroupId(group), grant); });
  }
  // Calls `visit(group, grant)` for each resource-group role of `user` (auto-join included), by group.
  template <typename Visit>
  void ForEachGroupRoleOf(UserId user, Visit visit) const {
    group_roles_.ForEachOf(user.index(), [&](int32_t group, const RoleGrant<GroupRole>& grant) { visit(GroupId(group), grant); });
  }
  // Calls `visit(token, org, approval)` for every approval status recorded, in no particular order.
  template <typename Visit>
  void ForEachApproval(Visit visit) const {
    approvals_.ForEach([&](int32_t token, int32_t org, const Approval& approval) { visit(TokenId(token), OrgId(org), approval); });
  }
  // Calls `visit(repo, user, request)` for every access request recorded, in no particular order.
  template <typename Visit>
  void ForEachAccessRequest(Visit visit) const {
    access_requests_.ForEach(
        [&](int32_t user, int32_t repo, const AccessRequest& request) { visit(RepoId(repo), UserId(user), request); });
  }
  // The user's access request to a gated repo (its state, and where it is written), or nullptr.
  const AccessRequest* AccessRequestOf(RepoId repo, UserId user) const {
    return access_requests_.Find(user.index(), repo.index());
  }
  // The same for a token's owner, and the token's approval, from the runs its facts point to.
  const RoleGrant<OrgRole>* OwnerOrgRole(const TokenFacts& token, OrgId org) const {
    return org.index() < 0 ? nullptr : org_roles_.FindIn(token.owner_org_roles, org.index());
  }
  const RoleGrant<GroupRole>* OwnerGroupRole(const TokenFacts& token, GroupId group) const {
    return group.index() < 0 ? nullptr : group_roles_.FindIn(token.owner_group_roles, group.index());
  }
  const Approval* ApprovalOf(const TokenFacts& token, OrgId org) const {
    return org.index() < 0 ? nullptr : approvals_.FindIn(token.approvals, org.index());
  }
  // The token's approval by the org, or nullptr if none is recorded.
  const Approval* ApprovalOf(TokenId token, OrgId org) const {
    return approvals_.Find(token.index(), org.index());
  }

  const Assumptions& assumptions() const { return assumptions_; }
  const SourceFiles& files() const { return files_; }

 private:
  Snapshot() = default;

  template <typename TypedId>
  static absl::optional<TypedId> Typed(absl::optional<int32_t> index) {
    if (!index.has_value()) return absl::nullopt;
    return TypedId(*index);
  }

  // The key of a record in the name indexes: its name, or for a repo its type and id.
  template <typename Record>
  struct NameOf {
    const std::vector<Record>* records;
    absl::string_view operator()(int32_t id) const { return (*records)[id].name; }
  };
  using RepoKey = std::pair<RepoType, absl::string_view>;
  struct RepoKeyOf {
    const std::vector<RepoRecord>* repos;
    RepoKey operator()(int32_t id) const { return {(*repos)[id].type, (*repos)[id].id}; }
  };

  std::vector<UserRecord> users_;
  std::vector<OrgRecord> orgs_;
  std::vector<GroupRecord> groups_;
  std::vector<RepoRecord> repos_;
  std::vector<PackedRepoFacts> repo_facts_;    // by repo, as in repos_
  std::vector<PackedTokenFacts> token_facts_;  // by token, as in tokens_
  std::vector<OrgFacts> org_facts_;      // by org, as in orgs_
  std::vector<TokenRecord> tokens_;
  std::vector<ScopeRecord> scopes_;

  std::string repo_id_text_;  // every RepoRecord::id, end to end (reserved once: views into it stay valid)

  IdIndex<absl::string_view, NameOf<UserRecord>> user_ids_{NameOf<UserRecord>{&users_}};
  IdIndex<absl::string_view, NameOf<OrgRecord>> org_ids_{NameOf<OrgRecord>{&orgs_}};
  IdIndex<absl::string_view, NameOf<GroupRecord>> group_ids_{NameOf<GroupRecord>{&groups_}};
  IdIndex<absl::string_view, NameOf<TokenRecord>> token_ids_{NameOf<TokenRecord>{&tokens_}};
  IdIndex<RepoKey, RepoKeyOf> repo_ids_{RepoKeyOf{&repos_}};

  // One run per owner (runs.h): a decision reads its owner's few entries, from one cache line.
  Runs<RoleGrant<OrgRole>> org_roles_;      // user -> (org, role)
  Runs<RoleGrant<GroupRole>> group_roles_;  // user -> (group, role)
  Runs<GroupGrant> best_group_roles_;       // user -> (org, strongest group role there)
  Runs<AccessRequest> access_requests_;     // user -> (repo, request)
  Runs<Approval> approvals_;                // token -> (org, approval)

  Assumptions assumptions_;
  SourceFiles files_;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMPILE_SNAPSHOT_H_
