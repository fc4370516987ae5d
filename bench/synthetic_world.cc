// Copyright 2026 The hubperm Authors.

#include "bench/synthetic_world.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "policy/model/permission.h"
#include "policy/testing/random_choice.h"

namespace hubperm {
namespace {

// A fixed table of the tiers, read at a glance. Everything not listed keeps WorldSize's defaults.
struct TierRow {
  const char* name;
  int users, orgs, groups, repos, tokens;
};
constexpr TierRow kTiers[] = {
    {"S", 200, 5, 20, 1'000, 200},
    {"M", 20'000, 500, 2'000, 100'000, 20'000},
    {"L", 200'000, 5'000, 20'000, 1'000'000, 200'000},
};

// The permission sets a scope or a token's global list is drawn from, as people configure tokens: read
// only, read and write, and write with discussions and org management. Each is filtered by what the Hub
// accepts where it is placed (PermissionsAcceptedAt), so a generated world loads without warnings.
const std::vector<std::vector<Permission>>& PermissionProfiles() {
  static const auto* profiles = new std::vector<std::vector<Permission>>{
      {Permission::kRepoContentRead},
      {Permission::kRepoContentRead, Permission::kRepoWrite},
      {Permission::kRepoContentRead, Permission::kRepoWrite, Permission::kDiscussionWrite},
      {Permission::kRepoContentRead, Permission::kOrgRead},
      {Permission::kRepoContentRead, Permission::kRepoWrite, Permission::kOrgRead, Permission::kOrgWrite,
       Permission::kResourceGroupWrite},
      {Permission::kDiscussionWrite, Permission::kPostWrite},
      {Permission::kRepoAccessRead, Permission::kCollectionRead},
  };
  return *profiles;
}

class Generator {
 public:
  Generator(const WorldSize& size, uint32_t seed) : size_(size), random_(seed) {}

  World Run() {
    World w;
    w.users.reserve(size_.users);
    for (int i = 0; i < size_.users; ++i) w.users.push_back(Named(absl::StrCat("user", i)));
    MakeOrgs(&w);
    AddMembers(&w);
    AddGroups(&w);
    AddRepos(&w);
    AddTokens(&w);
    return w;
  }

 private:
  struct OrgFacts {
    std::vector<int> members;             // user indices
    std::vector<int> groups;              // indices into the org's resource_groups
    std::vector<int> repos;               // indices into World::repos
  };
  struct UserFacts {
    std::vector<std::pair<int, int>> orgs_and_roles;  // (org index, OrgRole)
    std::vector<std::pair<int, int>> groups;          // (org index, group index in that org)
    std::vector<int> repos;
  };

  static Name Named(std::string text) { return Name{std::move(text), SourcePos()}; }

  // An index drawn by the cumulative weights `cumulative` (non-decreasing, last = total).
  int Weighted(const std::vector<double>& cumulative) {
    const double x = random_.Uniform(cumulative.back());
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    return std::min(static_cast<int>(it - cumulative.begin()), static_cast<int>(cumulative.size()) - 1);
  }

  double Weight(int org) const {
    return 1.0 / std::pow(org % std::max(1, size_.org_size_classes) + 1, size_.org_skew);
  }

  void MakeOrgs(World* w) {
    orgs_.resize(size_.orgs);
    double total = 0;
    for (int i = 0; i < size_.orgs; ++i) {
      Org org;
      org.name = Named(absl::StrCat("org", i));
      const int size_class = i % std::max(1, size_.org_size_classes);
      // The largest orgs are paid; below them, a share of paid_orgs.
      const bool paid = size_class < 3 || random_.Chance(size_.paid_orgs);
      org.plan = paid ? random_.Pick({OrgPlan::kTeam, OrgPlan::kEnterprise}) : OrgPlan::kFree;
      if (paid) {
        org.token_policy = random_.Pick({TokenPolicy::kAllowAll, TokenPolicy::kAllowAll, TokenPolicy::kFineGrainedOnly,
                                 TokenPolicy::kRequireApproval});
        paid_orgs_.push_back(i);
      }
      w->orgs.push_back(std::move(org));
      total += Weight(i);
      org_weights_.push_back(total);
    }
    double paid_total = 0;
    for (int i : paid_orgs_) {
      paid_total += Weight(i);
      paid_weights_.push_back(paid_total);
    }
  }

  void AddMembers(World* w) {
    users_.resize(size_.users);
    if (size_.orgs == 0) return;
    for (int u = 0; u < size_.users; ++u) {
      if (!random_.Chance(size_.users_in_orgs)) continue;
      const int count = 1 + random_.Below(size_.max_orgs_per_user);
      for (int k = 0; k < count; ++k) {
        const int o = Weighted(org_weights_);
        bool already = false;
        for (const auto& [org, role] : users_[u].orgs_and_roles) already |= org == o;
        if (already) continue;
        Member<OrgRole> m;
        m.user = w->users[u];
        m.role = random_.Pick({OrgRole::kNoAccess, OrgRole::kRead, OrgRole::kRead, OrgRole::kRead, OrgRole::kContributor,
                       OrgRole::kContributor, OrgRole::kWrite, OrgRole::kWrite, OrgRole::kWrite, OrgRole::kAdmin});
        w->orgs[o].members.push_back(m);
        orgs_[o].members.push_back(u);
        users_[u].orgs_and_roles.emplace_back(o, static_cast<int>(m.role));
      }
    }
  }

  void AddGroups(World* w) {
    if (paid_orgs_.empty()) return;
    for (int g = 0; g < size_.groups; ++g) {
      const int o = paid_orgs_[Weighted(paid_weights_)];
      Org& org = w->orgs[o];
      ResourceGroup group;
      group.name = Named(absl::StrCat(org.name.text, "-group", org.resource_groups.size()));
      if (random_.Chance(0.1)) {
        group.auto_join = AutoJoin{random_.Pick({GroupRole::kRead, GroupRole::kContributor, GroupRole::kWrite}),
                                   random_.Pick({AutoJoinScope::kAll, AutoJoinScope::kReadPlus}), SourcePos()};
      }
      orgs_[o].groups.push_back(static_cast<int>(org.resource_groups.size()));
      org.resource_groups.push_back(std::move(group));
    }
    // Each member of an org with groups is listed in up to two of them.
    for (int o : paid_orgs_) {
      Org& org = w->orgs[o];
      if (org.resource_groups.empty()) continue;
      for (int u : orgs_[o].members) {
        const int count = random_.Below(3);
        int last = -1;
        for (int k = 0; k < count; ++k) {
          const int g = random_.Below(static_cast<int>(org.resource_groups.size()));
          if (g == last) continue;
          last = g;
          Member<GroupRole> m;
          m.user = w->users[u];
          m.role = random_.Pick({GroupRole::kRead, GroupRole::kContributor, GroupRole::kWrite, GroupRole::kWrite,
                         GroupRole::kAdmin});
          org.resource_groups[g].members.push_back(m);
          users_[u].groups.emplace_back(o, g);
        }
      }
    }
  }

  void AddRepos(World* w) {
    std::vector<int> next_in_user(size_.users, 0), next_in_org(size_.orgs, 0);
    for (int r = 0; r < size_.repos; ++r) {
      const bool in_org = (size_.orgs > 0 && random_.Chance(size_.repos_in_orgs)) || size_.users == 0;
      Repo repo;
      int org = -1;
      if (in_org) {
        org = Weighted(org_weights_);
        repo.id = Named(absl::StrCat(w->orgs[org].name.text, "/repo", next_in_org[org]++));
        orgs_[org].repos.push_back(r);
      } else {
        const int user = random_.Below(size_.users);
        repo.id = Named(absl::StrCat(w->users[user].text, "/repo", next_in_user[user]++));
        repo.created_by = w->users[user];
        users_[user].repos.push_back(r);
      }
      repo.type = random_.Pick({RepoType::kModel, RepoType::kModel, RepoType::kModel, RepoType::kModel, RepoType::kDataset,
                        RepoType::kDataset, RepoType::kSpace});
      repo.is_private = random_.Chance(size_.private_repos);
      if (!repo.is_private && random_.Chance(size_.gated_repos)) {
        repo.gated = random_.Pick({Gating::kAuto, Gating::kManual});
        const int granted = random_.Below(4);
        for (int k = 0; k < granted && size_.users > 0; ++k) {
          Name user = w->users[random_.Below(size_.users)];
          bool listed = false;
          for (const Name& other : repo.access_granted) listed |= other.text == user.text;
          if (!listed) repo.access_granted.push_back(std::move(user));
        }
      }
      if (org >= 0) {
        const OrgFacts& facts = orgs_[org];
        if (!facts.members.empty() && random_.Chance(0.7)) {
          repo.created_by = w->users[facts.members[random_.Below(static_cast<int>(facts.members.size()))]];
        }
        if (!facts.groups.empty() && random_.Chance(size_.repos_in_groups)) {
          repo.resource_group = w->orgs[org].resource_groups[random_.Below(static_cast<int>(facts.groups.size()))].name;
        }
      }
      w->repos.push_back(std::move(repo));
    }
  }

  std::vector<PermissionEntry> Permissions(uint8_t placement) {
    const PermissionSet accepted = PermissionsAcceptedAt(placement);
    const auto& profiles = PermissionProfiles();
    std::vector<PermissionEntry> out;
    for (Permission p : profiles[random_.Below(static_cast<int>(profiles.size()))]) {
      if (accepted.Contains(p)) out.push_back(PermissionEntry{Named(std::string(PermissionName(p))), p});
    }
    // A profile with nothing accepted here falls back to the first permission that is.
    for (Permission p : {Permission::kRepoContentRead, Permission::kDiscussionWrite}) {
      if (out.empty() && accepted.Contains(p)) out.push_back(PermissionEntry{Named(std::string(PermissionName(p))), p});
    }
    return out;
  }

  // A scope of one of four kinds on something the owner can reach, or (dead_scopes) on anything.
  absl::optional<Scope> MakeScope(int owner, const World& w) {
    const UserFacts& facts = users_[owner];
    const bool dead = random_.Chance(size_.dead_scopes);
    Scope scope;
    switch (random_.Below(4)) {
      case 0:
        scope.type = EntityType::kUser;
        scope.entity = w.users[owner];
        break;
      case 1:
        if (w.orgs.empty()) return absl::nullopt;
        scope.type = EntityType::kOrg;
        if (dead || facts.orgs_and_roles.empty()) {
          scope.entity = w.orgs[random_.Below(static_cast<int>(w.orgs.size()))].name;
        } else {
          scope.entity = w.orgs[facts.orgs_and_roles[random_.Below(static_cast<int>(facts.orgs_and_roles.size()))].first].name;
        }
        break;
      case 2: {
        scope.type = EntityType::kResourceGroup;
        if (!dead && !facts.groups.empty()) {
          const auto& [o, g] = facts.groups[random_.Below(static_cast<int>(facts.groups.size()))];
          scope.entity = w.orgs[o].resource_groups[g].name;
        } else {
          if (paid_orgs_.empty()) return absl::nullopt;
          const Org& org = w.orgs[paid_orgs_[Weighted(paid_weights_)]];
          if (org.resource_groups.empty()) return absl::nullopt;
          scope.entity = org.resource_groups[random_.Below(static_cast<int>(org.resource_groups.size()))].name;
        }
        break;
      }
      default: {
        // A repo of the owner's or of one of their orgs.
        const std::vector<int>* repos = &facts.repos;
        if (!facts.orgs_and_roles.empty() && (repos->empty() || random_.Chance(0.5))) {
          repos = &orgs_[facts.orgs_and_roles[random_.Below(static_cast<int>(facts.orgs_and_roles.size()))].first].repos;
        }
        if (w.repos.empty()) return absl::nullopt;
        const Repo& repo = dead || repos->empty() ? w.repos[random_.Below(static_cast<int>(w.repos.size()))]
                                                  : w.repos[(*repos)[random_.Below(static_cast<int>(repos->size()))]];
        scope.type = EntityOfRepoType(repo.type);
        scope.entity = repo.id;
      }
    }
    scope.permissions = Permissions(PlacementOf(scope.type));
    return scope;
  }

  void AddTokens(World* w) {
    if (size_.users == 0) return;
    for (int i = 0; i < size_.tokens; ++i) {
      const int owner = random_.Below(size_.users);
      Token t;
      t.name = Named(absl::StrCat("token", i));
      t.owner = w->users[owner];
      const double kind = random_.Uniform(1.0);
      t.role = kind < size_.classic_read_tokens                               ? TokenRole::kRead
               : kind < size_.classic_read_tokens + size_.classic_write_tokens ? TokenRole::kWrite
                                                                              : TokenRole::kFineGrained;
      if (t.role == TokenRole::kFineGrained) {
        t.can_read_gated_repos = random_.Chance(0.3);
        if (random_.Chance(0.2)) t.global = Permissions(kPlacementGlobal);
        const int scopes = 1 + random_.Below(size_.max_scopes_per_token);
        for (int s = 0; s < scopes; ++s) {
          absl::optional<Scope> scope = MakeScope(owner, *w);
          if (!scope.has_value()) continue;
          bool taken = false;  // one scope per entity, as the Hub keeps them
          for (const Scope& other : t.scoped) taken |= other.type == scope->type && other.entity.text == scope->entity.text;
          if (!taken) t.scoped.push_back(std::move(*scope));
        }
      }
      // Orgs with a token policy record the token's standing with them.
      for (const auto& [o, role] : users_[owner].orgs_and_roles) {
        const Org& org = w->orgs[o];
        if (org.token_policy == TokenPolicy::kRequireApproval && t.role == TokenRole::kFineGrained) {
          t.org_status.push_back(OrgApproval{org.name, random_.Pick({ApprovalStatus::kApproved, ApprovalStatus::kApproved,
                                                             ApprovalStatus::kApproved, ApprovalStatus::kPending,
                                                             ApprovalStatus::kDenied}),
                                             SourcePos()});
        } else if (org.token_policy != TokenPolicy::kAllowAll && random_.Chance(0.05)) {
          t.org_status.push_back(OrgApproval{org.name, ApprovalStatus::kRevoked, SourcePos()});
        }
      }
      w->tokens.push_back(std::move(t));
    }
  }

  const WorldSize size_;
  RandomChoice random_;
  std::vector<OrgFacts> orgs_;
  std::vector<UserFacts> users_;
  std::vector<double> org_weights_;   // cumulative, over all orgs
  std::vector<int> paid_orgs_;
  std::vector<double> paid_weights_;  // cumulative, over paid_orgs_
};

}  // namespace

absl::optional<WorldSize> TierSize(absl::string_view tier) {
  for (const TierRow& row : kTiers) {
    if (tier != row.name) continue;
    WorldSize size;
    size.users = row.users;
    size.orgs = row.orgs;
    size.groups = row.groups;
    size.repos = row.repos;
    size.tokens = row.tokens;
    return size;
  }
  return absl::nullopt;
}

std::vector<std::string> TierNames() {
  std::vector<std::string> names;
  for (const TierRow& row : kTiers) names.emplace_back(row.name);
  return names;
}

World SyntheticWorld(const WorldSize& size, uint32_t seed) { return Generator(size, seed).Run(); }

}  // namespace hubperm
