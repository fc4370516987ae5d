// Copyright 2026 The hubperm Authors.

#include "policy/testing/random_world.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "policy/model/operation.h"
#include "policy/model/permission.h"
#include "policy/testing/random_choice.h"

namespace hubperm {
namespace {

class Generator {
 public:
  Generator(uint32_t seed, const RandomWorldShape& shape) : random_(seed), shape_(shape) {}

  World Run() {
    World w;
    for (int i = 0; i < shape_.users; ++i) w.users.push_back(Named(absl::StrCat("user", i)));
    for (int i = 0; i < shape_.orgs; ++i) w.orgs.push_back(MakeOrg(i));
    for (const Name& user : w.users) AddRepos(user.text, nullptr, &w);
    for (const Org& org : w.orgs) AddRepos(org.name.text, &org, &w);
    for (const Name& user : w.users) AddTokens(user.text, &w);
    for (Org& org : w.orgs) AddServiceAccount(&org, &w);
    AddMintedTokens(&w);
    // Some repos were created by a token (its owner is then their creator): the contributor permission's.
    std::vector<const Token*> creators;  // tokens with an owner: a repo publisher's creates nothing
    for (const Token& token : w.tokens) {
      if (!token.owner.text.empty()) creators.push_back(&token);
    }
    for (Repo& repo : w.repos) {
      if (creators.empty() || !random_.Chance(0.25)) continue;
      const Token& token = *creators[random_.Below(static_cast<int>(creators.size()))];
      repo.created_by_token = token.name;
      repo.created_by = token.owner;
    }
    if (shape_.random_assumptions) {
      w.assumptions.org_role_applies_in_groups = random_.Chance(0.5);
      w.assumptions.repo_write_implies_read = random_.Chance(0.5);
      w.assumptions.hide_private_repo_from_token = random_.Chance(0.5);
      w.assumptions.repo_scope_overrides_namespace_scope = random_.Chance(0.5);
    }
    return w;
  }

 private:
  static Name Named(std::string text) { return Name{std::move(text), SourcePos()}; }


  Org MakeOrg(int index) {
    Org org;
    org.name = Named(absl::StrCat("org", index));
    org.plan = random_.Pick({OrgPlan::kFree, OrgPlan::kTeam, OrgPlan::kEnterprise, OrgPlan::kEnterprise});
    for (int u = 0; u < shape_.users; ++u) {
      if (!random_.Chance(0.75)) continue;
      Member<OrgRole> m;
      m.user = Named(absl::StrCat("user", u));
      m.role = random_.Pick({OrgRole::kNoAccess, OrgRole::kRead, OrgRole::kContributor, OrgRole::kWrite, OrgRole::kAdmin});
      org.members.push_back(m);
    }
    if (org.plan == OrgPlan::kFree) return org;  // groups and token policies need a paid plan
    if (random_.Chance(0.6)) {
      org.token_policy = random_.Pick({TokenPolicy::kAllowAll, TokenPolicy::kFineGrainedOnly, TokenPolicy::kRequireApproval});
    }
    const int groups = random_.Below(shape_.max_groups_per_org + 1);
    for (int g = 0; g < groups; ++g) {
      ResourceGroup group;
      group.name = Named(absl::StrCat(org.name.text, "-group", g));
      for (const Member<OrgRole>& om : org.members) {
        if (!random_.Chance(0.6)) continue;
        Member<GroupRole> m;
        m.user = om.user;
        m.role = random_.Pick({GroupRole::kNoAccess, GroupRole::kRead, GroupRole::kContributor, GroupRole::kWrite,
                       GroupRole::kAdmin});
        group.members.push_back(m);
      }
      if (random_.Chance(0.3)) {
        AutoJoin join;
        join.role = random_.Pick({GroupRole::kRead, GroupRole::kContributor, GroupRole::kWrite, GroupRole::kAdmin});
        join.scope = random_.Pick({AutoJoinScope::kAll, AutoJoinScope::kReadPlus});
        group.auto_join = join;
      }
      org.resource_groups.push_back(group);
    }
    return org;
  }

  void AddRepos(const std::string& ns, const Org* org, World* w) {
    const int count = 1 + random_.Below(shape_.max_repos_per_namespace);
    for (int i = 0; i < count; ++i) {
      Repo repo;
      repo.id = Named(absl::StrCat(ns, "/repo", i));
      repo.type = random_.Pick({RepoType::kModel, RepoType::kModel, RepoType::kDataset, RepoType::kSpace});
      repo.is_private = random_.Chance(0.5);
      repo.gated = random_.Pick({Gating::kNone, Gating::kNone, Gating::kAuto, Gating::kManual});
      if (repo.gated != Gating::kNone) {
        for (int u = 0; u < shape_.users; ++u) {
          const double draw = random_.Uniform(1.0);
          if (draw < 0.25) {
            repo.access_granted.push_back(Named(absl::StrCat("user", u)));
          } else if (draw < 0.4) {
            repo.access_requests.push_back(Member<AccessRequestState>{
                Named(absl::StrCat("user", u)),
                random_.Pick({AccessRequestState::kAccepted, AccessRequestState::kPending, AccessRequestState::kRejected}),
                SourcePos()});
          }
        }
      }
      if (random_.Chance(0.5)) repo.created_by = Named(absl::StrCat("user", random_.Below(shape_.users)));
      if (org != nullptr && !org->resource_groups.empty() && random_.Chance(0.6)) {
        repo.resource_group = org->resource_groups[random_.Below(static_cast<int>(org->resource_groups.size()))].name;
      }
      w->repos.push_back(repo);
    }
  }

  // Permissions that operations need, and some that none does, among those the Hub accepts at
  // `placement` (so the world loads without errors); each with probability p.
  std::vector<PermissionEntry> RandomPermissions(double p, uint8_t placement) {
    const PermissionSet accepted = PermissionsAcceptedAt(placement);
    std::vector<PermissionEntry> out;
    for (Permission perm : {Permission::kRepoContentRead, Permission::kRepoWrite, Permission::kRepoAccessRead,
                            Permission::kDiscussionWrite, Permission::kPostWrite, Permission::kOrgRead,
                            Permission::kOrgWrite, Permission::kResourceGroupWrite, Permission::kCollectionRead,
                            Permission::kRepoContribute}) {
      if (accepted.Contains(perm) && random_.Chance(p)) {
        out.push_back(PermissionEntry{Named(std::string(PermissionName(perm))), perm});
      }
    }
    return out;
  }

  void AddTokens(const std::string& owner, World* w) {
    for (TokenRole role : {TokenRole::kRead, TokenRole::kWrite}) {
      Token t;
      t.name = Named(absl::StrCat(owner, "-", role == TokenRole::kRead ? "read" : "write"));
      t.owner = Named(owner);
      t.role = role;
      t.org_status = RandomApprovals(*w);
      RandomLifetime(&t);
      w->tokens.push_back(t);
    }
    for (int i = 0; i < shape_.fine_grained_tokens_per_user; ++i) {
      Token t;
      t.name = Named(absl::StrCat(owner, "-fg", i));
      t.owner = Named(owner);
      t.role = TokenRole::kFineGrained;
      t.can_read_gated_repos = random_.Chance(0.3);
      if (random_.Chance(0.4)) t.global = RandomPermissions(0.5, kPlacementGlobal);
      const int scopes = random_.Below(shape_.max_scopes_per_token + 1);
      for (int s = 0; s < scopes; ++s) {
        Scope scope = RandomScope(owner, *w);
        bool taken = false;  // one scope per entity, as the Hub keeps them
        for (const Scope& other : t.scoped) taken |= other.type == scope.type && other.entity.text == scope.entity.text;
        if (!taken) t.scoped.push_back(scope);
      }
      t.org_status = RandomApprovals(*w);
      w->tokens.push_back(t);
    }
  }

  Scope RandomScope(const std::string& owner, const World& w) {
    Scope scope;
    std::vector<std::string> groups;
    for (const Org& org : w.orgs) {
      for (const ResourceGroup& g : org.resource_groups) groups.push_back(g.name.text);
    }
    switch (random_.Below(4)) {
      case 0:
        scope.type = EntityType::kUser;
        scope.entity = Named(owner);
        break;
      case 1:
        scope.type = EntityType::kOrg;
        scope.entity = w.orgs[random_.Below(static_cast<int>(w.orgs.size()))].name;
        break;
      case 2:
        if (!groups.empty()) {
          scope.type = EntityType::kResourceGroup;
          scope.entity = Named(groups[random_.Below(static_cast<int>(groups.size()))]);
          break;
        }
        [[fallthrough]];
      default: {
        const Repo& repo = w.repos[random_.Below(static_cast<int>(w.repos.size()))];
        scope.type = EntityOfRepoType(repo.type);
        scope.entity = repo.id;
      }
    }
    scope.permissions = RandomPermissions(0.4, PlacementOf(scope.type));
    return scope;
  }

  // Tokens the Hub mints (§4c): a trusted publisher's for some repos, an OAuth app's for some users, with
  // random scopes and some of the orgs the user is in.
  void AddMintedTokens(World* w) {
    const std::deque<Repo> repos = w->repos;
    for (const Repo& repo : repos) {
      if (!random_.Chance(0.15)) continue;
      Token t;
      t.name = Named(absl::StrCat("tp-", repo.id.text, "-", NameOf(repo.type)));
      t.kind = TokenKind::kTrustedPublisher;
      t.publisher_repo = repo.id;
      t.publisher_repo_type = repo.type;
      w->tokens.push_back(std::move(t));
    }
    for (const Name& user : std::vector<Name>(w->users)) {
      if (!random_.Chance(0.5)) continue;
      Token t;
      t.name = Named(absl::StrCat(user.text, "-oauth"));
      t.kind = TokenKind::kOAuth;
      t.owner = user;
      for (absl::string_view name : NamesOf<OAuthScope>()) {
        if (random_.Chance(0.35)) t.oauth_scopes.push_back(OAuthScopeEntry{Named(std::string(name)), *ParseName<OAuthScope>(name)});
      }
      for (const Org& org : w->orgs) {
        const bool member = std::any_of(org.members.begin(), org.members.end(),
                                        [&](const Member<OrgRole>& m) { return m.user.text == user.text; });
        if (member && random_.Chance(0.6)) t.oauth_orgs.push_back(org.name);
      }
      w->tokens.push_back(std::move(t));
    }
    if (random_.Chance(0.5)) {  // a user's trusted publisher
      Token t;
      t.name = Named("tp-user0");
      t.kind = TokenKind::kTrustedPublisher;
      t.owner = Named("user0");
      t.role = TokenRole::kRead;
      w->tokens.push_back(std::move(t));
    }
  }

  // An Enterprise org may have a service account, with fine-grained tokens scoped within the org: to
  // the org, and perhaps to one of its repos (§2a).
  void AddServiceAccount(Org* org, World* w) {
    if (org->plan != OrgPlan::kEnterprise || !random_.Chance(0.6)) return;
    const std::string account = absl::StrCat(org->name.text, "-bot");
    org->service_accounts.push_back(Named(account));
    std::vector<const Repo*> repos;
    for (const Repo& repo : w->repos) {
      if (repo.ns() == org->name.text) repos.push_back(&repo);
    }
    for (int i = 0; i < 2; ++i) {
      Token t;
      t.name = Named(absl::StrCat(account, "-fg", i));
      t.owner = Named(account);
      t.role = TokenRole::kFineGrained;
      if (random_.Chance(0.8)) {
        t.scoped.push_back(Scope{EntityType::kOrg, org->name, SourcePos(), RandomPermissions(0.5, kPlacementOrg)});
      }
      if (!repos.empty() && random_.Chance(0.5)) {
        const Repo& repo = *repos[random_.Below(static_cast<int>(repos.size()))];
        t.scoped.push_back(Scope{EntityOfRepoType(repo.type), repo.id, SourcePos(), RandomPermissions(0.5, kPlacementRepo)});
      }
      if (random_.Chance(0.3)) {
        t.org_status.push_back(OrgApproval{org->name, random_.Pick({ApprovalStatus::kApproved, ApprovalStatus::kRevoked}),
                                           SourcePos()});
      }
      w->tokens.push_back(std::move(t));
    }
  }

  // Some tokens record when they were created (2026), and some of those an expiry (7 to 400 days on).
  void RandomLifetime(Token* t) {
    if (!random_.Chance(0.4)) return;
    t->created_at = kLifetimeEpoch + absl::Hours(24) * random_.Below(300);
    if (random_.Chance(0.6)) t->expires_at = *t->created_at + absl::Hours(24) * (7 + random_.Below(394));
  }

  std::vector<OrgApproval> RandomApprovals(const World& w) {
    std::vector<OrgApproval> out;
    for (const Org& org : w.orgs) {
      if (org.plan == OrgPlan::kFree || !random_.Chance(0.4)) continue;  // token management is a paid feature
      out.push_back(OrgApproval{org.name, random_.Pick({ApprovalStatus::kApproved, ApprovalStatus::kPending,
                                                ApprovalStatus::kDenied, ApprovalStatus::kRevoked,
                                                ApprovalStatus::kAutoApproved}),
                                SourcePos()});
    }
    return out;
  }

  RandomChoice random_;
  const RandomWorldShape shape_;
};

// `r` with each namespace as its namespace: every user's, then every org's (and, `with_groups`, each
// org's once more per resource group of that org, created into).
void AddPerNamespace(const Snapshot& s, Request r, bool with_groups, std::vector<Request>* out) {
  for (UserId user : IdsUpTo<UserId>(s.user_count())) {
    r.ns_user = user;
    out->push_back(r);
  }
  r.ns_user = kNoId;
  for (OrgId org : IdsUpTo<OrgId>(s.org_count())) {
    r.ns_org = org;
    r.group = kNoId;
    out->push_back(r);
    if (!with_groups) continue;
    for (GroupId group : IdsUpTo<GroupId>(s.group_count())) {
      if (s.group(group).org != org) continue;
      r.group = group;
      out->push_back(r);
    }
  }
}

}  // namespace

World RandomWorld(uint32_t seed, const RandomWorldShape& shape) { return Generator(seed, shape).Run(); }

std::vector<Request> AllRequests(const Snapshot& s) {
  std::vector<Request> out;
  for (TokenId token : IdsUpTo<TokenId>(s.token_count())) {
    for (const OperationInfo& op : AllOperations()) {
      Request r;
      r.operation = op.operation;
      r.token = token;
      switch (op.target) {
        case TargetKind::kNone:
          out.push_back(r);
          break;
        case TargetKind::kRepo:
          for (RepoId repo : IdsUpTo<RepoId>(s.repo_count())) {
            r.repo = repo;
            if (op.creates_at_destination) {  // move_repo: to every namespace
              r.create_type = s.repo(repo).type;
              AddPerNamespace(s, r, /*with_groups=*/false, &out);
              continue;
            }
            if (op.operation != Operation::kMoveRepoToGroup) {
              out.push_back(r);
              continue;
            }
            for (GroupId group : IdsUpTo<GroupId>(s.group_count())) {
              if (s.group(group).org != s.repo(repo).ns_org) continue;  // a group holds its org's repos only
              r.group = group;
              out.push_back(r);
            }
            r.group = kNoId;
          }
          break;
        case TargetKind::kNamespace:
          for (RepoType type : {RepoType::kModel, RepoType::kDataset, RepoType::kSpace}) {
            r.create_type = type;
            AddPerNamespace(s, r, /*with_groups=*/true, &out);
          }
          break;
        case TargetKind::kOrg:
          for (OrgId org : IdsUpTo<OrgId>(s.org_count())) {
            r.org = org;
            out.push_back(r);
          }
          break;
        case TargetKind::kGroup:
          for (GroupId group : IdsUpTo<GroupId>(s.group_count())) {
            r.group = group;
            out.push_back(r);
          }
          break;
      }
    }
  }
  return out;
}

}  // namespace hubperm
