// Copyright 2026 The hubperm Authors.

#include "policy/compile/snapshot.h"

#include <deque>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "policy/model/oauth.h"

namespace hubperm {

namespace {

// The order repos get their ids in: by namespace, the namespaces in the order they first appear, and
// within one the fixture's order. A token reaches repos namespace by namespace (the audit decides a
// namespace's repos together), so a namespace's facts lie together in the dense arrays however the
// fixture interleaves them; a fixture that lists each namespace's repos together keeps its order.
std::vector<uint32_t> ReposByNamespace(const std::deque<Repo>& repos) {
  absl::flat_hash_map<absl::string_view, uint32_t> first;  // namespace -> its rank by first appearance
  std::vector<uint32_t> rank(repos.size());
  for (size_t k = 0; k < repos.size(); ++k) {
    rank[k] = first.try_emplace(repos[k].ns(), static_cast<uint32_t>(first.size())).first->second;
  }
  // A counting sort by rank: stable, linear.
  std::vector<uint32_t> start(first.size() + 1, 0);
  for (uint32_t r : rank) ++start[r + 1];
  for (size_t r = 1; r < start.size(); ++r) start[r] += start[r - 1];
  std::vector<uint32_t> order(repos.size());
  for (size_t k = 0; k < repos.size(); ++k) order[start[rank[k]]++] = static_cast<uint32_t>(k);
  return order;
}

template <typename Record>
std::vector<absl::string_view> Names(const std::vector<Record>& records) {
  std::vector<absl::string_view> names;
  names.reserve(records.size());
  for (const Record& record : records) names.push_back(record.name);
  return names;
}

}  // namespace

std::vector<absl::string_view> Snapshot::UserNames() const { return Names(users_); }
std::vector<absl::string_view> Snapshot::OrgNames() const { return Names(orgs_); }
std::vector<absl::string_view> Snapshot::GroupNames() const { return Names(groups_); }
std::vector<absl::string_view> Snapshot::TokenNames() const { return Names(tokens_); }

std::vector<absl::string_view> Snapshot::RepoIds(RepoType type) const {
  std::vector<absl::string_view> ids;
  for (const RepoRecord& repo : repos_) {
    if (repo.type == type) ids.push_back(repo.id);
  }
  return ids;
}

namespace {

// The scopes a trusted publisher's or an OAuth app's token holds, as a fine-grained token's would be
// written: a repo publisher's, read and write on its repo; an OAuth app's, what its scopes grant on the
// user's namespace and its orgs.
std::vector<Scope> MintedScopes(const Token& token) {
  std::vector<Scope> out;
  auto entries = [](PermissionSet set, const SourcePos& pos) {
    std::vector<PermissionEntry> list;
    set.ForEach([&](Permission p) { list.push_back(PermissionEntry{Name{std::string(PermissionName(p)), pos}, p}); });
    return list;
  };
  if (token.kind == TokenKind::kTrustedPublisher && token.publisher_repo.has_value()) {
    out.push_back(Scope{EntityOfRepoType(token.publisher_repo_type), *token.publisher_repo, token.publisher_repo->pos,
                        entries({Permission::kRepoContentRead, Permission::kRepoWrite}, token.publisher_repo->pos)});
  }
  if (token.kind == TokenKind::kOAuth) {
    PermissionSet granted;
    for (const OAuthScopeEntry& e : token.oauth_scopes) granted = granted | OAuthScopePermissions(e.scope);
    const SourcePos pos = token.oauth_scopes.empty() ? token.kind_pos : token.oauth_scopes[0].text.pos;
    out.push_back(Scope{EntityType::kUser, token.owner, pos, entries(granted & PermissionsAcceptedAt(kPlacementUser), pos)});
    for (const Name& org : token.oauth_orgs) {
      out.push_back(Scope{EntityType::kOrg, org, org.pos, entries(granted & PermissionsAcceptedAt(kPlacementOrg), org.pos)});
    }
  }
  return out;
}

}  // namespace

std::shared_ptr<const Snapshot> Snapshot::Compile(const World& world, SourceFiles files) {
  std::shared_ptr<Snapshot> s(new Snapshot());
  s->files_ = std::move(files);
  s->assumptions_ = world.assumptions;
  // The relations, gathered in order (of entries with the same key, Runs::Build keeps the first), then
  // laid out as runs (runs.h).
  std::vector<Runs<RoleGrant<OrgRole>>::Entry> org_roles;      // (user, org)
  std::vector<Runs<RoleGrant<GroupRole>>::Entry> group_roles;  // (user, group)
  std::vector<Runs<AccessRequest>::Entry> access_requests;     // (user, repo)
  std::vector<Runs<Approval>::Entry> approvals;                // (token, org)

  // A name already taken (validation reported it) is skipped, so ids stay dense; otherwise the record is
  // added, then indexed by the name it holds.
  s->users_.reserve(world.users.size());
  for (const Name& user : world.users) {
    if (s->FindUser(user.text).has_value()) continue;
    s->users_.push_back(UserRecord{user.text, user.pos});
    s->user_ids_.Insert(static_cast<int32_t>(s->users_.size() - 1));
  }
  for (const Org& org : world.orgs) {
    const OrgId org_id(static_cast<int32_t>(s->orgs_.size()));
    if (s->FindOrg(org.name.text).has_value()) continue;
    OrgRecord record;
    record.token_policy = org.token_policy;
    record.token_policy_pos = org.token_policy_pos;
    record.name = org.name.text;
    record.pos = org.name.pos;
    record.plan = org.plan;
    s->orgs_.push_back(std::move(record));
    s->org_ids_.Insert(org_id.index());
    // Service accounts are principals like users (a token's owner), of their org.
    for (const Name& account : org.service_accounts) {
      if (s->FindUser(account.text).has_value()) continue;
      s->users_.push_back(UserRecord{account.text, account.pos, org_id});
      s->user_ids_.Insert(static_cast<int32_t>(s->users_.size() - 1));
    }
    for (const Member<OrgRole>& m : org.members) {
      if (auto user = s->FindUser(m.user.text)) {
        org_roles.push_back({user->index(), org_id.index(), RoleGrant<OrgRole>{m.role, m.role_pos}});
      }
    }
    for (const ResourceGroup& group : org.resource_groups) {
      const GroupId group_id(static_cast<int32_t>(s->groups_.size()));
      if (s->FindGroup(group.name.text).has_value()) continue;
      GroupRecord record{group.name.text, group.name.pos, org_id};
      if (group.auto_join.has_value()) {
        record.auto_join = true;
        record.auto_join_role = group.auto_join->role;
        record.auto_join_scope = group.auto_join->scope;
      }
      s->groups_.push_back(std::move(record));
      s->group_ids_.Insert(group_id.index());
      for (const Member<GroupRole>& m : group.members) {
        if (auto user = s->FindUser(m.user.text)) {
          group_roles.push_back({user->index(), group_id.index(), RoleGrant<GroupRole>{m.role, m.role_pos}});
        }
      }
      // Auto-join adds org members who are not listed, with the set role: all members, or those whose
      // org role is read or higher [doc: §3]. A listed role takes precedence [assumed].
      if (group.auto_join.has_value()) {
        for (const Member<OrgRole>& m : org.members) {
          if (!AutoJoinApplies(group.auto_join->scope, m.role)) continue;
          if (auto user = s->FindUser(m.user.text)) {
            group_roles.push_back(
                {user->index(), group_id.index(), RoleGrant<GroupRole>{group.auto_join->role, group.auto_join->pos, true}});
          }
        }
      }
    }
  }
  s->org_roles_.Build(s->user_count(), std::move(org_roles));
  s->group_roles_.Build(s->user_count(), std::move(group_roles));
  // Each user's strongest group role in each org (ties: the group first in the world).
  std::vector<Runs<GroupGrant>::Entry> best;  // (user, org), one per user and org: runs are by user
  s->group_roles_.ForEach([&](int32_t user, int32_t group, const RoleGrant<GroupRole>& grant) {
    const OrgId org = s->group(GroupId(group)).org;
    for (auto it = best.rbegin(); it != best.rend() && it->owner == user; ++it) {
      if (it->key != org.index()) continue;
      if (grant.role > it->value.grant.role) it->value = GroupGrant{GroupId(group), grant};
      return;
    }
    best.push_back({user, org.index(), GroupGrant{GroupId(group), grant}});
  });
  s->best_group_roles_.Build(s->user_count(), std::move(best));
  size_t id_text_size = 0;
  for (const Repo& repo : world.repos) id_text_size += repo.id.text.size();
  s->repo_id_text_.reserve(id_text_size);  // never reallocated below, so the ids' views stay valid
  s->repos_.reserve(world.repos.size());
  for (uint32_t k : ReposByNamespace(world.repos)) {
    const Repo& repo = world.repos[k];
    const RepoId repo_id(static_cast<int32_t>(s->repos_.size()));
    if (s->FindRepo(repo.type, repo.id.text).has_value()) continue;
    RepoRecord r;
    const size_t id_begin = s->repo_id_text_.size();
    s->repo_id_text_.append(repo.id.text);
    r.id = absl::string_view(s->repo_id_text_).substr(id_begin);
    r.pos = repo.id.pos;
    r.type = repo.type;
    r.ns_user = s->FindUser(repo.ns()).value_or(kNoId);
    r.ns_org = s->FindOrg(repo.ns()).value_or(kNoId);
    if (repo.resource_group.has_value()) {
      r.group = s->FindGroup(repo.resource_group->text).value_or(kNoId);
      r.group_pos = repo.resource_group->pos;
    }
    r.is_private = repo.is_private;
    r.private_pos = repo.private_pos;
    r.gated = repo.gated;
    r.gated_pos = repo.gated_pos;
    if (repo.created_by.has_value()) {
      r.created_by = s->FindUser(repo.created_by->text).value_or(kNoId);
      r.created_by_pos = repo.created_by->pos;
    }
    for (const Name& user : repo.access_granted) {
      if (auto user_id = s->FindUser(user.text)) {
        access_requests.push_back({user_id->index(), repo_id.index(), AccessRequest{AccessRequestState::kAccepted, user.pos}});
      }
    }
    for (const Member<AccessRequestState>& request : repo.access_requests) {
      if (auto user_id = s->FindUser(request.user.text)) {
        access_requests.push_back({user_id->index(), repo_id.index(), AccessRequest{request.role, request.role_pos}});
      }
    }
    s->repos_.push_back(r);
    s->repo_ids_.Insert(repo_id.index());
  }
  s->tokens_.reserve(world.tokens.size());
  for (const Token& token : world.tokens) {
    const TokenId token_id(static_cast<int32_t>(s->tokens_.size()));
    if (s->FindToken(token.name.text).has_value()) continue;
    TokenRecord t;
    t.name = token.name.text;
    t.pos = token.name.pos;
    t.owner = s->FindUser(token.owner.text).value_or(kNoId);
    t.kind = token.kind;
    t.kind_pos = token.kind_pos;
    t.special_owner = t.owner != kNoId && s->users_[t.owner.index()].service_account_of != kNoId;
    if (token.kind == TokenKind::kTrustedPublisher && token.publisher_repo.has_value()) {
      // Bound to the Hub's synthetic [OIDC] user [doc: trusted-publishers.md], as the repo's publisher.
      t.publisher_repo = s->FindRepo(token.publisher_repo_type, token.publisher_repo->text).value_or(kNoId);
      const std::string oidc_name =
          absl::StrCat(kOidcUser, " ", hubperm::NameOf(token.publisher_repo_type), " ", token.publisher_repo->text);
      absl::optional<UserId> oidc = s->FindUser(oidc_name);
      if (!oidc.has_value() && t.publisher_repo != kNoId) {
        s->users_.push_back(UserRecord{oidc_name, token.kind_pos, kNoId, t.publisher_repo});
        s->user_ids_.Insert(static_cast<int32_t>(s->users_.size() - 1));
        oidc = UserId(static_cast<int32_t>(s->users_.size() - 1));
      }
      t.owner = oidc.value_or(kNoId);
      t.special_owner = t.owner != kNoId;
    }
    for (const OAuthScopeEntry& e : token.oauth_scopes) {
      t.oauth_scopes |= OAuthScopeBit(e.scope);
      // Opening discussions and pull requests on behalf of the user, on any repo they may see [doc:
      // oauth.md]: as a global discussion.write.
      if (e.scope == OAuthScope::kWriteDiscussions && t.global.empty()) {
        t.global.Add(Permission::kDiscussionWrite);
        t.global_pos = e.text.pos;
      }
      if (e.scope == OAuthScope::kGatedRepos) {
        t.can_read_gated_repos = true;
        t.can_read_gated_repos_pos = e.text.pos;
      }
    }
    // A trusted publisher's token lasts 60 minutes [doc]: from created_at, or until expires_at.
    if (token.kind == TokenKind::kTrustedPublisher && token.created_at.has_value() != token.expires_at.has_value()) {
      if (token.created_at.has_value()) {
        t.expires_at = *token.created_at + absl::Minutes(60);
        t.expires_at_pos = token.created_at_pos;
      } else {
        t.created_at = *token.expires_at - absl::Minutes(60);
        t.created_at_pos = token.expires_at_pos;
      }
    }
    t.role = token.role;
    t.role_pos = token.role_pos;
    t.can_read_gated_repos = token.can_read_gated_repos;
    t.can_read_gated_repos_pos = token.can_read_gated_repos_pos;
    if (token.created_at.has_value()) {
      t.created_at = *token.created_at;
      t.created_at_pos = token.created_at_pos;
    }
    if (token.expires_at.has_value()) {
      t.expires_at = *token.expires_at;
      t.expires_at_pos = token.expires_at_pos;
    }
    for (const PermissionEntry& entry : token.global) {
      if (!entry.permission.has_value()) continue;
      if (t.global.empty()) t.global_pos = entry.text.pos;
      t.global.Add(*entry.permission);
    }
    t.scopes_begin = static_cast<uint32_t>(s->scopes_.size());
    const std::vector<Scope> minted = MintedScopes(token);
    for (const Scope& scope : token.kind == TokenKind::kUser ? token.scoped : minted) {
      absl::optional<int32_t> entity;
      switch (scope.type) {
        case EntityType::kUser:
          entity = s->user_ids_.Find(scope.entity.text);
          break;
        case EntityType::kOrg:
          entity = s->org_ids_.Find(scope.entity.text);
          break;
        case EntityType::kResourceGroup:
          entity = s->group_ids_.Find(scope.entity.text);
          break;
        case EntityType::kModel:
        case EntityType::kDataset:
        case EntityType::kSpace:
          entity = s->repo_ids_.Find({*RepoTypeOfEntity(scope.type), scope.entity.text});
          break;
        default:
          break;  // not modeled: grants nothing
      }
      if (!entity.has_value()) continue;
      ScopeRecord record{scope.type, *entity, {}, scope.pos};
      // A permission the Hub does not accept on this kind of entity grants nothing there (validation
      // warns about it): drop it, so the decision agrees with the warning.
      const PermissionSet accepted = PermissionsAcceptedAt(PlacementOf(scope.type));
      for (const PermissionEntry& entry : scope.permissions) {
        if (entry.permission.has_value() && accepted.Contains(*entry.permission)) {
          record.permissions.Add(*entry.permission);
        }
      }
      s->scopes_.push_back(record);
    }
    t.scopes_end = static_cast<uint32_t>(s->scopes_.size());
    for (const OrgApproval& approval : token.org_status) {
      if (auto org = s->FindOrg(approval.org.text)) {
        approvals.push_back({token_id.index(), org->index(), Approval{approval.status, approval.status_pos}});
      }
    }
    s->tokens_.push_back(std::move(t));
    s->token_ids_.Insert(token_id.index());
  }
  // The token that created a repo, once tokens have ids; its owner created the repo.
  for (const Repo& repo : world.repos) {
    if (!repo.created_by_token.has_value()) continue;
    const absl::optional<RepoId> id = s->FindRepo(repo.type, repo.id.text);
    if (!id.has_value()) continue;
    RepoRecord& r = s->repos_[id->index()];
    r.created_by_token = s->FindToken(repo.created_by_token->text).value_or(kNoId);
    r.created_by_token_pos = repo.created_by_token->pos;
    if (r.created_by == kNoId && r.created_by_token != kNoId) {
      r.created_by = s->token(r.created_by_token).owner;
      r.created_by_pos = repo.created_by_token->pos;
    }
  }
  s->access_requests_.Build(s->user_count(), std::move(access_requests));
  s->approvals_.Build(s->token_count(), std::move(approvals));
  for (size_t i = 0; i < s->tokens_.size(); ++i) {
    TokenRecord& t = s->tokens_[i];
    t.owner_org_roles = s->org_roles_.RangeOf(t.owner.index());
    t.owner_group_roles = s->group_roles_.RangeOf(t.owner.index());
    t.approvals = s->approvals_.RangeOf(static_cast<int32_t>(i));
  }
  // The facts of every record, packed (facts()).
  s->token_facts_.assign(s->tokens_.begin(), s->tokens_.end());
  s->org_facts_.assign(s->orgs_.begin(), s->orgs_.end());
  s->repo_facts_.assign(s->repos_.begin(), s->repos_.end());
  return s;
}

absl::string_view Snapshot::EntityName(EntityType type, int32_t entity) const {
  switch (type) {
    case EntityType::kUser:
      return user(UserId(entity)).name;
    case EntityType::kOrg:
      return org(OrgId(entity)).name;
    case EntityType::kResourceGroup:
      return group(GroupId(entity)).name;
    default:
      return repo(RepoId(entity)).id;
  }
}

}  // namespace hubperm
