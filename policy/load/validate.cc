// Copyright 2026 The hubperm Authors.

#include "policy/load/validate.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "policy/common/escape.h"
#include "policy/common/suggest.h"
#include "policy/model/names.h"
#include "policy/common/timestamp.h"

namespace hubperm {
namespace {

// The names of one kind, each with the place it was first defined. Keys are views of the world's own
// strings (the world outlives its validation), so indexing a million repos copies no name.
template <typename Key>
class NameIndexOf {
 public:
  NameIndexOf(absl::string_view kind, const SourceFiles& files, Diagnostics* diagnostics)
      : kind_(kind), files_(files), diagnostics_(diagnostics) {}

  // Records a definition; a second definition of the same key is an error naming both places, and so
  // is a name that breaks the Hub's naming rule for it (policy/model/names.h): `problem`, or "".
  void Define(const Key& key, const Name& name, const std::string& problem) {
    if (!problem.empty()) {
      diagnostics_->Error(name.pos, absl::StrCat("invalid ", kind_, kind_ == "repo" ? " id " : " name ",
                                                 QuoteValue(name.text), ": ", problem));
    }
    auto [it, inserted] = first_.emplace(key, name.pos);
    if (inserted) {
      names_.push_back(name.text);
    } else {
      diagnostics_->Error(name.pos, absl::StrCat(kind_, " ", QuoteValue(name.text), " is defined twice; first at ",
                                                 files_.Format(it->second)));
    }
  }
  void Define(const Key& key, const Name& name, NameKind kind) { Define(key, name, NameProblem(kind, name.text)); }

  bool Contains(const Key& key) const { return first_.contains(key); }

  // Reports `ref` unless it names a defined key. Returns whether it does.
  bool Check(const Name& ref, absl::string_view context) const {
    if (Contains(ref.text)) return true;
    // Past the issues kept for the file, the error is only counted: no "did you mean" to compute.
    const std::string suggestion = diagnostics_->Full(ref.pos.file) ? "" : Suggest(ref.text);
    diagnostics_->Error(ref.pos, absl::StrCat(context, "unknown ", kind_, " ", QuoteValue(ref.text), suggestion));
    return false;
  }

  // "; did you mean 'x'?" for the defined names close to `text`, or "".
  std::string Suggest(absl::string_view text) const {
    std::vector<absl::string_view> candidates(names_.begin(), names_.end());
    return DidYouMean(text, candidates);
  }

 private:
  std::string kind_;
  const SourceFiles& files_;
  Diagnostics* diagnostics_;
  absl::flat_hash_map<Key, SourcePos> first_;
  std::vector<absl::string_view> names_;  // as defined, for "did you mean"
};
using NameIndex = NameIndexOf<absl::string_view>;
using RepoKeyView = std::pair<RepoType, absl::string_view>;  // (type, id): a model and a dataset may share an id

class Validator {
 public:
  Validator(const World& world, const SourceFiles& files, Diagnostics* diagnostics)
      : world_(world),
        files_(files),
        d_(diagnostics),
        users_("user", files, diagnostics),
        orgs_("org", files, diagnostics),
        groups_("resource group", files, diagnostics),
        repo_ids_("repo", files, diagnostics),
        tokens_("token", files, diagnostics),
        cases_("case", files, diagnostics),
        repos_("repo", files, diagnostics) {}

  void Run() {
    IndexDefinitions();
    CheckOrgs();
    CheckRepos();
    CheckTokens();
  }

 private:
  void IndexDefinitions() {
    for (const Name& user : world_.users) users_.Define(user.text, user, NameKind::kUser);
    for (const Org& org : world_.orgs) {
      for (const Name& account : org.service_accounts) {
        users_.Define(account.text, account, NameKind::kUser);  // a principal's name, as a user's
        service_account_org_.emplace(account.text, &org);
      }
    }
    for (const Org& org : world_.orgs) {
      orgs_.Define(org.name.text, org.name, NameKind::kOrg);
      org_by_name_.emplace(org.name.text, &org);  // the first definition, as orgs_ keeps
      for (const Member<OrgRole>& m : org.members) members_.emplace(&org, m.user.text);
      if (users_.Contains(org.name.text)) {
        d_->Error(org.name.pos, absl::StrCat("org '", org.name.text,
                                             "' has the name of a user; users and orgs share one namespace"));
      }
      for (const ResourceGroup& group : org.resource_groups) {
        groups_.Define(group.name.text, group.name, NameKind::kResourceGroup);
        group_org_.emplace(group.name.text, &org);
      }
    }
    for (const Repo& repo : world_.repos) {
      repos_.Define(RepoKeyView(repo.type, repo.id.text), repo.id, RepoIdProblem(repo.id.text));
      if (!repo_ids_.Contains(repo.id.text)) {
        repo_ids_.Define(repo.id.text, repo.id, "");
        type_of_id_.emplace(repo.id.text, repo.type);
      }
    }
    for (const Token& token : world_.tokens) {
      tokens_.Define(token.name.text, token.name, NameKind::kToken);
      token_by_name_.emplace(token.name.text, &token);  // the first definition, as tokens_ keeps
    }
    for (const Case& c : world_.cases) cases_.Define(c.name.text, c.name, NameKind::kCase);
  }

  const Org* FindOrg(absl::string_view name) const {
    auto it = org_by_name_.find(name);
    return it == org_by_name_.end() ? nullptr : it->second;
  }

  bool IsMember(const Org& org, absl::string_view user) const { return members_.contains({&org, user}); }

  void CheckOrgs() {
    for (const Org& org : world_.orgs) {
      const std::string in_org = absl::StrCat("in org '", org.name.text, "': ");
      for (const Member<OrgRole>& m : org.members) {
        if (users_.Check(m.user, in_org)) NotAServiceAccount(m.user, "an org member");
      }
      if (!org.service_accounts.empty() && org.plan != OrgPlan::kEnterprise && org.plan_valid) {
        d_->Error(org.service_accounts[0].pos,
                  absl::StrCat("org '", org.name.text, "' is on the ", NameOf(org.plan),
                               " plan; service accounts need plan enterprise"));
      }
      if (org.plan == OrgPlan::kFree && org.plan_valid) {
        if (!org.resource_groups.empty()) {
          d_->Error(org.resource_groups[0].name.pos,
                    absl::StrCat("org '", org.name.text,
                                 "' is on the free plan; resource groups need plan team or enterprise"));
        }
        if (org.token_policy_pos.known()) {
          d_->Error(org.token_policy_pos,
                    absl::StrCat("org '", org.name.text,
                                 "' is on the free plan; token policies need plan team or enterprise"));
        }
      }
      for (const ResourceGroup& group : org.resource_groups) {
        for (const Member<GroupRole>& m : group.members) {
          if (!users_.Check(m.user, absl::StrCat("in resource group '", group.name.text, "': "))) continue;
          if (!NotAServiceAccount(m.user, "a resource group member")) continue;
          if (!IsMember(org, m.user.text)) {
            d_->Error(m.user.pos, absl::StrCat("'", m.user.text, "' is in resource group '", group.name.text,
                                               "' but not a member of org '", org.name.text,
                                               "'; add them to the org's members (no_access is enough)"));
          }
        }
      }
    }
  }

  void CheckRepos() {
    for (const Repo& repo : world_.repos) {
      const std::string in_repo = absl::StrCat("in repo '", repo.id.text, "': ");
      const bool ns_is_user = users_.Contains(repo.ns());
      const Org* ns_org = FindOrg(repo.ns());
      if (!ns_is_user && ns_org == nullptr) {
        d_->Error(repo.id.pos, absl::StrCat("repo '", repo.id.text, "': namespace '", repo.ns(),
                                            "' is neither a declared user nor an org"));
      }
      if (repo.created_by.has_value()) users_.Check(*repo.created_by, in_repo);
      if (repo.created_by_token.has_value() && tokens_.Check(*repo.created_by_token, in_repo)) {
        // A repo a token created was created by the token's owner.
        const Token* token = token_by_name_.at(repo.created_by_token->text);
        if (token->owner.text.empty()) {
          d_->Error(repo.created_by_token->pos, absl::StrCat("token '", token->name.text,
                                                             "' is a repo's trusted publisher token, which creates no repos"));
        } else if (repo.created_by.has_value() && repo.created_by->text != token->owner.text) {
          d_->Error(repo.created_by_token->pos,
                    absl::StrCat("repo '", repo.id.text, "' was created by token '", token->name.text, "' of '",
                                 token->owner.text, "', but its created_by is '", repo.created_by->text, "'"));
        }
      }
      CheckAccessRequests(repo, in_repo);
      if (repo.resource_group.has_value() && groups_.Check(*repo.resource_group, in_repo)) {
        const Org* group_org = group_org_.at(repo.resource_group->text);
        if (group_org != ns_org) {
          d_->Error(repo.resource_group->pos,
                    absl::StrCat("repo '", repo.id.text, "' cannot be in resource group '",
                                 repo.resource_group->text, "': the group belongs to org '",
                                 group_org->name.text, "', the repo to namespace '", repo.ns(), "'"));
        }
      }
    }
  }

  // `access_granted` and `access_requests`: users, one state per user, on gated repos only; an accepted
  // request on a private repo grants nothing (warned).
  void CheckAccessRequests(const Repo& repo, const std::string& in_repo) {
    absl::flat_hash_map<absl::string_view, SourcePos> listed;
    auto check = [&](const Name& user, absl::string_view key, bool accepted) {
      users_.Check(user, in_repo);
      auto [first, inserted] = listed.emplace(user.text, user.pos);
      if (!inserted) {
        d_->Error(user.pos, absl::StrCat("'", user.text, "' has two access requests to repo '", repo.id.text,
                                         "'; first at ", files_.Format(first->second), "; keep one state"));
      }
      if (repo.gated == Gating::kNone) {
        d_->Error(user.pos, absl::StrCat("repo '", repo.id.text, "' is not gated; '", key,
                                         "' is only for gated repos (gated: auto or manual)"));
      } else if (accepted && repo.is_private) {
        d_->Warning(user.pos, absl::StrCat("repo '", repo.id.text, "' is private: the access granted to '", user.text,
                                           "' grants nothing (access grants are no-ops on private repos; only a "
                                           "role lets a user see a private repo)"));
      }
    };
    for (const Name& user : repo.access_granted) check(user, "access_granted", true);
    for (const Member<AccessRequestState>& r : repo.access_requests) {
      check(r.user, "access_requests", r.role == AccessRequestState::kAccepted);
    }
  }

  // Reports `name` when it is a service account, which cannot be `what`. Returns whether it is not one.
  bool NotAServiceAccount(const Name& name, absl::string_view what) {
    auto it = service_account_org_.find(name.text);
    if (it == service_account_org_.end()) return true;
    d_->Error(name.pos, absl::StrCat("'", name.text, "' is a service account of org '", it->second->name.text,
                                     "', which cannot be ", what, ": service accounts are not members"));
    return false;
  }

  void CheckTokens() {
    for (const Token& token : world_.tokens) {
      const std::string in_token = absl::StrCat("in token '", token.name.text, "': ");
      if (!token.owner.text.empty()) users_.Check(token.owner, in_token);
      CheckServiceAccountToken(token);
      CheckMintedToken(token, in_token);
      if (token.created_at.has_value() && token.expires_at.has_value() && *token.expires_at <= *token.created_at) {
        d_->Error(token.expires_at_pos, absl::StrCat("token '", token.name.text, "' expires at ",
                                                     FormatTimestamp(*token.expires_at), ", not after it was created (",
                                                     FormatTimestamp(*token.created_at), ")"));
      }
      for (const Scope& scope : token.scoped) CheckScope(token, scope, in_token);
      CheckScopesAreDistinct(token);
      for (const OrgApproval& approval : token.org_status) {
        if (!orgs_.Check(approval.org, in_token)) continue;
        const Org* org = FindOrg(approval.org.text);
        if (org->plan == OrgPlan::kFree && org->plan_valid) {
          d_->Error(approval.org.pos, absl::StrCat("org '", org->name.text, "' is on the free plan; approval statuses "
                                                   "(token management) need plan team or enterprise"));
        }
      }
    }
  }

  // A trusted publisher's token: its repo exists, and it lasts 60 minutes [doc: trusted-publishers.md]. An
  // OAuth app's: its user is a member of the orgs it reaches, and it lasts at most 30 days [doc: oauth.md].
  void CheckMintedToken(const Token& token, const std::string& in_token) {
    if (token.kind == TokenKind::kUser) return;
    if (!token.owner.text.empty() && service_account_org_.contains(token.owner.text)) {
      d_->Error(token.owner.pos, absl::StrCat("'", token.owner.text, "' is a service account, which holds fine-grained "
                                              "user access tokens only, not ", NameOf(token.kind), " tokens"));
    }
    const absl::Duration lifetime =
        token.kind == TokenKind::kTrustedPublisher ? absl::Minutes(60) : absl::Hours(24 * 30);
    if (token.created_at.has_value() && token.expires_at.has_value()) {
      const absl::Duration lasts = *token.expires_at - *token.created_at;
      if (token.kind == TokenKind::kTrustedPublisher ? lasts != lifetime : lasts > lifetime) {
        d_->Error(token.expires_at_pos,
                  absl::StrCat("token '", token.name.text, "' lasts ",
                               lasts >= absl::Hours(48) ? absl::StrCat(absl::ToInt64Hours(lasts) / 24, " days")
                                                        : absl::FormatDuration(lasts),
                               "; ",
                               token.kind == TokenKind::kTrustedPublisher ? "a trusted publisher's token lasts 60 minutes"
                                                                          : "an OAuth token lasts at most 30 days"));
      }
    }
    if (token.kind == TokenKind::kTrustedPublisher) {
      if (token.publisher_repo.has_value()) CheckRepoOfType(token.publisher_repo_type, *token.publisher_repo, in_token);
      return;
    }
    for (const Name& org : token.oauth_orgs) {
      if (!orgs_.Check(org, in_token)) continue;
      if (!token.owner.text.empty() && !IsMember(*FindOrg(org.text), token.owner.text)) {
        d_->Error(org.pos, absl::StrCat("'", token.owner.text, "' is not a member of org '", org.text,
                                        "': an OAuth app reaches only orgs its user belongs to"));
      }
    }
  }

  // A service account holds fine-grained tokens only, scoped within its org [doc:
  // enterprise-service-accounts.md].
  void CheckServiceAccountToken(const Token& token) {
    auto it = service_account_org_.find(token.owner.text);
    if (it == service_account_org_.end()) return;
    const Org& org = *it->second;
    if (token.role != TokenRole::kFineGrained && token.role_pos.known()) {
      d_->Error(token.role_pos, absl::StrCat("token '", token.name.text, "' belongs to service account '",
                                             token.owner.text, "', which holds fine-grained tokens only"));
    }
    for (const Scope& scope : token.scoped) {
      bool inside = false;
      switch (scope.type) {
        case EntityType::kOrg:
          inside = scope.entity.text == org.name.text;
          break;
        case EntityType::kResourceGroup:
          inside = group_org_.contains(scope.entity.text) && group_org_.at(scope.entity.text) == &org;
          break;
        case EntityType::kModel:
        case EntityType::kDataset:
        case EntityType::kSpace:
          inside = absl::StartsWith(scope.entity.text, absl::StrCat(org.name.text, "/"));
          break;
        default:
          inside = !IsModeledEntity(scope.type);  // warned about when loaded
      }
      if (!inside) {
        d_->Error(scope.entity.pos, absl::StrCat("token '", token.name.text, "' of service account '", token.owner.text,
                                                 "' scopes ", NameOf(scope.type), " '", scope.entity.text,
                                                 "': a service account's tokens act within its org '", org.name.text,
                                                 "' only"));
      }
    }
  }

  // Two scopes on one entity would leave the engine to pick one: the Hub keeps one entry per entity.
  void CheckScopesAreDistinct(const Token& token) {
    absl::flat_hash_map<std::string, SourcePos> seen;
    for (const Scope& scope : token.scoped) {
      const std::string key = absl::StrCat(NameOf(scope.type), ":", scope.entity.text);
      auto [first, inserted] = seen.emplace(key, scope.entity.pos);
      if (inserted) continue;
      d_->Error(scope.entity.pos, absl::StrCat("token '", token.name.text, "' scopes ", NameOf(scope.type), " '",
                                               scope.entity.text, "' twice; first at ", files_.Format(first->second),
                                               "; list all its permissions in one entry"));
    }
  }

  void CheckScope(const Token& token, const Scope& scope, const std::string& in_token) {
    switch (scope.type) {
      case EntityType::kUser:
        if (users_.Check(scope.entity, in_token) && scope.entity.text != token.owner.text) {
          d_->Error(scope.entity.pos, absl::StrCat("a token can scope only its owner's namespace: '",
                                                   scope.entity.text, "' is not '", token.owner.text, "'"));
        }
        break;
      case EntityType::kOrg:
        orgs_.Check(scope.entity, in_token);
        break;
      case EntityType::kResourceGroup:
        groups_.Check(scope.entity, in_token);
        break;
      case EntityType::kModel:
      case EntityType::kDataset:
      case EntityType::kSpace:
        CheckRepoOfType(*RepoTypeOfEntity(scope.type), scope.entity, in_token);
        break;
      default:
        return;  // not modeled: warned about when loaded
    }
    const PermissionSet accepted = PermissionsAcceptedAt(PlacementOf(scope.type));
    for (const PermissionEntry& entry : scope.permissions) {
      if (entry.permission.has_value() && !accepted.Contains(*entry.permission)) {
        d_->Warning(entry.text.pos, absl::StrCat("'", entry.text.text, "' is not known to apply when scoped to ",
                                                 NameOf(scope.type), " '", scope.entity.text,
                                                 "'; it grants nothing there"));
      }
    }
  }

  // Reports `id` unless a repo of `type` has it.
  void CheckRepoOfType(RepoType type, const Name& id, const std::string& context) {
    if (repos_.Contains(RepoKeyView(type, id.text))) return;
    auto other = type_of_id_.find(id.text);
    d_->Error(id.pos, absl::StrCat(context, "unknown ", NameOf(type), " '", id.text, "'",
                                   other != type_of_id_.end()
                                       ? absl::StrCat("; '", id.text, "' is a ", NameOf(other->second))
                                       : repo_ids_.Suggest(id.text)));
  }

  const World& world_;
  const SourceFiles& files_;
  Diagnostics* d_;
  NameIndex users_, orgs_, groups_, repo_ids_, tokens_, cases_;
  NameIndexOf<RepoKeyView> repos_;
  absl::flat_hash_map<absl::string_view, const Org*> group_org_;
  absl::flat_hash_map<absl::string_view, RepoType> type_of_id_;  // the first repo of each id
  absl::flat_hash_map<absl::string_view, const Org*> org_by_name_;            // the first org of each name
  absl::flat_hash_map<absl::string_view, const Token*> token_by_name_;        // the first token of each name
  absl::flat_hash_map<absl::string_view, const Org*> service_account_org_;    // service account -> its org
  absl::flat_hash_set<std::pair<const Org*, absl::string_view>> members_;  // (org, member name)
};

}  // namespace

void ValidateWorld(const World& world, const SourceFiles& files, Diagnostics* diagnostics) {
  Validator(world, files, diagnostics).Run();
}

size_t CheckCount(const Case& c) {
  if (c.matrix.has_value()) {
    size_t cells = 0;
    for (const CaseMatrix::Row& row : c.matrix->rows) cells += std::min(row.cells.size(), c.matrix->columns.size());
    return cells;
  }
  return c.tokens.size() * std::max<size_t>(1, c.repos.size());
}

void CheckCaseExpansion(const World& world, int max_checks, Diagnostics* diagnostics) {
  size_t total = 0;
  const Case* largest = nullptr;
  size_t largest_count = 0;
  for (const Case& c : world.cases) {
    const size_t count = CheckCount(c);
    total += count;
    if (largest == nullptr || count > largest_count) {
      largest = &c;
      largest_count = count;
    }
  }
  if (total <= static_cast<size_t>(max_checks)) return;
  diagnostics->Error(largest->name.pos,
                     absl::StrCat("the cases expand to ", total, " checks, more than the limit of ", max_checks,
                                  " (--max-checks N raises it; docs/limits.md); the largest, case ",
                                  QuoteValue(largest->name.text), ", expands to ", largest_count,
                                  largest->matrix.has_value() ? " matrix cells" : " checks (tokens x repos)"));
}

}  // namespace hubperm
