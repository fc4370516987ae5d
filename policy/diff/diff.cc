// Copyright 2026 The hubperm Authors.

#include "policy/diff/diff.h"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <tuple>
#include <utility>

#include "policy/audit/effective_access.h"
#include "policy/decide/check.h"

namespace hubperm {
namespace {

constexpr RepoType kRepoTypes[] = {RepoType::kModel, RepoType::kDataset, RepoType::kSpace};

// The groups of the pair's org `o` a request into a group is asked of: all of them (the space), or, for a
// token no group of the org tells apart, those that stand for the others (Differ::GroupsToAsk).
struct AllGroups {
  const WorldPair& pair;
  const std::vector<int32_t>& operator()(int32_t o) const { return pair.groups_of_org(o); }
};

// The repo's operations: every request of the space on repo `r`.
template <typename Groups, typename Visit>
void ForRepo(const WorldPair& pair, int32_t token, int32_t r, const Groups& groups, Visit&& visit) {
  for (const OperationInfo& op : AllOperations()) {
    if (op.target != TargetKind::kRepo) continue;
    DiffRequest d;
    d.operation = op.operation;
    d.token = token;
    d.repo = r;
    if (op.operation == Operation::kMoveRepoToGroup) {
      const int32_t ns = pair.namespace_of_repo(r);
      const int32_t org = ns == kNoIndex ? kNoIndex : pair.namespace_org_index(ns);
      if (org == kNoIndex) continue;
      for (int32_t g : groups(org)) {
        d.group = g;
        visit(d);
      }
      continue;
    }
    if (op.creates_at_destination) {  // renamed, or duplicated, within its own namespace
      d.ns = pair.namespace_of_repo(r);
      d.type = pair.repo_type(r);
    }
    visit(d);
  }
}

// The namespace's requests: creating a repo in it, and for an org its own operations and its groups'.
template <typename Groups, typename Visit>
void ForNamespace(const WorldPair& pair, int32_t token, int32_t n, const Groups& groups, Visit&& visit) {
  const int32_t org = pair.namespace_org_index(n);
  for (const OperationInfo& op : AllOperations()) {
    DiffRequest d;
    d.operation = op.operation;
    d.token = token;
    switch (op.target) {
      case TargetKind::kNamespace:
        d.ns = n;
        for (RepoType type : kRepoTypes) {
          d.type = type;
          d.group = kNoIndex;
          visit(d);
          if (org == kNoIndex) continue;
          for (int32_t g : groups(org)) {
            d.group = g;
            visit(d);
          }
        }
        break;
      case TargetKind::kOrg:
        if (org == kNoIndex) break;
        d.org = org;
        visit(d);
        break;
      case TargetKind::kGroup:
        if (org == kNoIndex) break;
        for (int32_t g : groups(org)) {
          d.group = g;
          visit(d);
        }
        break;
      default:
        break;
    }
  }
}

// The sort key of a request: token, then repos (by the pair's order) before namespaces, whoami last.
std::tuple<int32_t, int, int32_t, int, int, int32_t> OrderKey(const WorldPair* pair, const DiffRequest& d) {
  int rank = 2;
  int32_t primary = 0;
  if (d.repo != kNoIndex) {
    rank = 0;
    primary = d.repo;
  } else if (d.ns != kNoIndex) {
    rank = 1;
    primary = d.ns;
  } else if (d.org != kNoIndex) {
    rank = 1;
    primary = pair->namespace_of_org(d.org);
  } else if (d.group != kNoIndex) {
    rank = 1;
    primary = pair->namespace_of_org(pair->org_of_group(d.group));
  }
  return {d.token, rank, primary, static_cast<int>(d.operation), static_cast<int>(d.type), d.group};
}

class Differ {
 public:
  Differ(const WorldPair& pair, const DiffOptions& options) : pair_(pair), options_(options) {}

  DiffResult Run() && {
    result_.delta = CompareWorlds(pair_);
    const WorldDelta& delta = result_.delta;
    for (int side = 0; side < 2; ++side) {
      const Snapshot& w = pair_.world(static_cast<WorldSide>(side));
      index_[side] = std::make_unique<AuditIndex>(w);
      orgs_of_user_[side].assign(static_cast<size_t>(w.user_count()), {});
      w.ForEachOrgMembership([&](UserId u, OrgId o, const RoleGrant<OrgRole>&) { orgs_of_user_[side][u.index()].push_back(o); });
      groups_of_user_[side].assign(static_cast<size_t>(w.user_count()), {});
      w.ForEachGroupRole([&](UserId u, GroupId g, const RoleGrant<GroupRole>&) {
        orgs_of_user_[side][u.index()].push_back(w.group(g).org);
        groups_of_user_[side][u.index()].push_back(pair_.pair_group(static_cast<WorldSide>(side), g));
      });
      for (UserId u : IdsUpTo<UserId>(w.user_count())) {
        if (w.user(u).service_account_of != kNoId) orgs_of_user_[side][u.index()].push_back(w.user(u).service_account_of);
      }
    }
    for (int32_t o = 0; o < pair_.org_count(); ++o) {
      if (delta.org_changed[o]) changed_org_namespaces_.push_back(pair_.namespace_of_org(o));
    }
    candidate_.assign(static_cast<size_t>(pair_.namespace_count()), -1);
    own_.assign(static_cast<size_t>(pair_.repo_count()), -1);
    decided_.assign(static_cast<size_t>(pair_.repo_count()), -1);
    classes_of_.resize(static_cast<size_t>(pair_.namespace_count()));
    group_classes_.resize(static_cast<size_t>(pair_.org_count()));
    group_class_built_.assign(static_cast<size_t>(pair_.org_count()), false);
    if (!delta.empty()) {
      for (int32_t t = 0; t < pair_.token_count(); ++t) Token(t);
    }
    for (const DecisionChange& c : result_.changes) {
      const int64_t n = result_.Count(c);
      result_.changed += n;
      (c.gained() ? result_.gained : c.lost() ? result_.lost : result_.other) += n;
    }
    IndexFacts();
    return std::move(result_);
  }

 private:
  void Token(int32_t t) {
    const WorldDelta& delta = result_.delta;
    const bool full = delta.everything || delta.token_changed[t];
    own_list_.clear();
    related_groups_.clear();
    token_groups_.clear();
    std::vector<int32_t> namespaces;
    auto candidate = [&](int32_t n) {
      if (n == kNoIndex || candidate_[n] == t) return;
      candidate_[n] = t;
      namespaces.push_back(n);
    };
    // A changed role (or service account) of the owner's: the namespaces it is inside of in either world.
    bool owner_changed = false;
    for (int side = 0; side < 2; ++side) {
      const TokenId token = pair_.token(static_cast<WorldSide>(side), t);
      if (token == kNoId) continue;
      const UserId owner = pair_.world(static_cast<WorldSide>(side)).token(token).owner;
      if (owner != kNoId && delta.user_changed[pair_.pair_user(static_cast<WorldSide>(side), owner)]) owner_changed = true;
    }
    for (int side = 0; side < 2; ++side) Reach(static_cast<WorldSide>(side), t, owner_changed, candidate);
    if (full) {
      for (int32_t n = 0; n < pair_.namespace_count(); ++n) candidate(n);
    } else {
      for (int32_t n : changed_org_namespaces_) candidate(n);
    }
    std::sort(namespaces.begin(), namespaces.end());
    const size_t first = result_.changes.size();
    for (int32_t n : namespaces) {
      ForNamespace(pair_, t, n, groups_to_ask_, [&](const DiffRequest& d) { Decide(d); });
      ByClass(t, n);
    }
    for (int32_t r : delta.changed_repos) {
      if (decided_[r] != t) Repo(t, r);
    }
    DiffRequest whoami;
    whoami.operation = Operation::kWhoami;
    whoami.token = t;
    Decide(whoami);
    std::sort(result_.changes.begin() + static_cast<std::ptrdiff_t>(first), result_.changes.end(),
              [&](const DecisionChange& a, const DecisionChange& b) { return SpaceOrder(pair_, a.request, b.request); });
  }

  // Marks the repos with a fact of their own for the token in one world and the orgs of the groups it
  // bears on (its owner's group roles, its group scopes), and when `owner_changed`, the
  // namespaces the token is inside of (its owner's, its owner's orgs, its scopes') as candidates.
  template <typename Candidate>
  void Reach(WorldSide side, int32_t t, bool owner_changed, Candidate& candidate) {
    const TokenId token = pair_.token(side, t);
    if (token == kNoId) return;
    const Snapshot& w = pair_.world(side);
    const Snapshot::TokenRecord& record = w.token(token);
    for (RepoId repo : index_[side]->OwnFactRepos(w, token)) {
      const int32_t r = pair_.pair_repo(side, repo);
      if (own_[r] == t) continue;
      own_[r] = t;
      own_list_.push_back(r);
    }
    if (record.owner != kNoId) {
      for (int32_t g : groups_of_user_[side][record.owner.index()]) related_groups_.push_back(g);
    }
    for (const Snapshot::ScopeRecord& scope : w.scopes(record)) {
      if (scope.type == EntityType::kResourceGroup) related_groups_.push_back(pair_.pair_group(side, GroupId(scope.entity)));
    }
    if (!owner_changed) return;
    auto inside = [&](int32_t n) {
      if (n != kNoIndex) candidate(n);
    };
    if (record.owner != kNoId) {
      const int32_t owner = pair_.pair_user(side, record.owner);
      inside(pair_.namespace_of_user(owner));
      for (OrgId org : orgs_of_user_[side][record.owner.index()]) inside(pair_.namespace_of_org(pair_.pair_org(side, org)));
    }
    for (const Snapshot::ScopeRecord& scope : w.scopes(record)) {
      switch (scope.type) {
        case EntityType::kUser:
          inside(pair_.namespace_of_user(pair_.pair_user(side, UserId(scope.entity))));
          break;
        case EntityType::kOrg:
          inside(pair_.namespace_of_org(pair_.pair_org(side, OrgId(scope.entity))));
          break;
        case EntityType::kResourceGroup:
          inside(pair_.namespace_of_org(pair_.pair_org(side, w.group(GroupId(scope.entity)).org)));
          break;
        default:
          break;  // a repo scope is a fact of the repo's own (own_list_)
      }
    }
  }

  // A namespace's repos by class: (type, private, gating, in a resource group or not) -> the repos that
  // did not change (a changed repo is decided alone, for every token: Token's last loop); and the repos
  // of each of its groups by (type, private, gating). No group but those a token bears on (its owner's
  // roles, its scopes) tells that token's decisions apart, so a token splits out of the first classes
  // only the repos of its own groups, and takes those from the second.
  using ClassKey = std::tuple<int, bool, int, int32_t>;
  struct SharedClass {
    ClassKey key;
    std::vector<int32_t> repos;
    int32_t id = kNoIndex;  // in result_.classes, once a change stands for it
  };
  struct NamespaceClasses {
    bool built = false;
    std::vector<SharedClass> classes;                        // by (type, private, gating, in a group)
    std::map<int32_t, std::vector<SharedClass>> by_group;  // group -> its repos by (type, private, gating)
  };
  NamespaceClasses& ClassesOf(int32_t n) {
    NamespaceClasses& nc = classes_of_[n];
    if (nc.built) return nc;
    nc.built = true;
    std::map<ClassKey, std::vector<int32_t>> by_key;
    std::map<int32_t, std::map<ClassKey, std::vector<int32_t>>> by_group;
    for (int32_t r : pair_.repos_of_namespace(n)) {
      if (result_.delta.repo_changed[r]) continue;
      const Snapshot::RepoFacts& facts = pair_.world(kBefore).facts(pair_.repo(kBefore, r));
      const ClassKey key{static_cast<int>(facts.type), facts.is_private, static_cast<int>(facts.gated),
                         facts.group == kNoId ? kNoIndex : 0};
      by_key[key].push_back(r);
      if (facts.group != kNoId) by_group[pair_.pair_group(kBefore, facts.group)][key].push_back(r);
    }
    for (auto& [key, repos] : by_key) nc.classes.push_back(SharedClass{key, std::move(repos), kNoIndex});
    for (auto& [group, classes] : by_group) {
      for (auto& [key, repos] : classes) nc.by_group[group].push_back(SharedClass{key, std::move(repos), kNoIndex});
    }
    return nc;
  }

  // A namespace's repos: those with a fact of their own for the token alone, the others by class, the
  // first of each standing for it.
  void ByClass(int32_t t, int32_t n) {
    bool own_here = false;
    for (int32_t r : own_list_) {
      if (pair_.namespace_of_repo(r) != n || result_.delta.repo_changed[r]) continue;
      own_here = true;
      Repo(t, r);
    }
    const int32_t org = pair_.namespace_org_index(n);
    static const std::vector<int32_t> kNoGroups;
    const std::vector<int32_t>& mine = org == kNoIndex ? kNoGroups : GroupsOf(org).mine;
    NamespaceClasses& nc = ClassesOf(n);
    for (SharedClass& shared : nc.classes) {
      const bool split = !mine.empty() && std::get<3>(shared.key) != kNoIndex;
      StandFor(t, n, shared, own_here, split ? &mine : nullptr);
    }
    for (int32_t g : mine) {
      auto it = nc.by_group.find(g);
      if (it == nc.by_group.end()) continue;
      for (SharedClass& shared : it->second) StandFor(t, n, shared, own_here, nullptr);
    }
  }

  // The class's repos but the token's own (and those in `leave_out`'s groups), the first standing for them.
  void StandFor(int32_t t, int32_t n, SharedClass& shared, bool own_here, const std::vector<int32_t>* leave_out) {
    auto left_out = [&](int32_t r) {
      if (leave_out == nullptr) return false;
      const GroupId g = pair_.world(kBefore).facts(pair_.repo(kBefore, r)).group;
      return g != kNoId && std::find(leave_out->begin(), leave_out->end(), pair_.pair_group(kBefore, g)) != leave_out->end();
    };
    if (!own_here && leave_out == nullptr) {
      Stand(t, shared.repos, [&] {
        if (shared.id == kNoIndex) shared.id = NewClass(n, shared.repos);
        return shared.id;
      });
      return;
    }
    std::vector<int32_t> repos;
    for (int32_t r : shared.repos) {
      if (own_[r] != t && !left_out(r)) repos.push_back(r);
    }
    if (repos.empty()) return;
    int32_t id = kNoIndex;
    Stand(t, repos, [&] {
      if (id == kNoIndex) id = NewClass(n, repos);
      return id;
    });
  }

  // Decides the first of `repos` for them all: the changes it makes stand for each (the class `id()`).
  template <typename Id>
  void Stand(int32_t t, const std::vector<int32_t>& repos, Id&& id) {
    const size_t from = result_.changes.size();
    Repo(t, repos[0]);
    if (repos.size() < 2) return;
    for (size_t c = from; c < result_.changes.size(); ++c) result_.changes[c].repo_class = id();
  }

  int32_t NewClass(int32_t n, const std::vector<int32_t>& repos) {
    result_.classes.push_back(RepoClass{n, repos});
    return static_cast<int32_t>(result_.classes.size() - 1);
  }

  void Repo(int32_t t, int32_t r) {
    decided_[r] = t;
    ForRepo(pair_, t, r, groups_to_ask_, [&](const DiffRequest& d) { Decide(d); });
  }

  void Decide(const DiffRequest& d) {
    DecisionChange c;
    c.request = d;
    c.before = DecideIn(pair_, kBefore, d, options_.at);
    c.after = DecideIn(pair_, kAfter, d, options_.at);
    result_.decisions += (c.before.presence == DiffVerdict::Presence::kPresent) +
                         (c.after.presence == DiffVerdict::Presence::kPresent);
    if (!Differs(c.before, c.after)) return;
    // A group class is recorded once a change stands for it.
    if (d.group != kNoIndex) {
      const int32_t o = pair_.org_of_group(d.group);
      TokenGroups& groups = GroupsOf(o);
      if (groups.rest.size() >= 2 && d.group == groups.rest[0]) {
        if (groups.shared) {
          c.group_class = GroupClassId(o);
        } else {
          if (groups.id == kNoIndex) {
            result_.group_classes.push_back(GroupClassRecord{o, groups.rest});
            groups.id = static_cast<int32_t>(result_.group_classes.size() - 1);
          }
          c.group_class = groups.id;
        }
      }
    }
    result_.changes.push_back(c);
  }

  // An org's groups that both worlds have: for a token whose owner holds no role in them and that names
  // none, one group stands for the others (requests into a group, or on its members, read nothing else
  // of it). A group only one world has is asked alone.
  struct GroupClass {
    std::vector<int32_t> groups;  // the first stands for them
    std::vector<int32_t> ask;     // the first, and the groups one world lacks
    int32_t id = kNoIndex;        // in result_.group_classes, once a change stands for it
  };
  GroupClass& GroupClassOf(int32_t o) {
    GroupClass& gc = group_classes_[o];
    if (group_class_built_[o]) return gc;
    group_class_built_[o] = true;
    for (int32_t g : pair_.groups_of_org(o)) {
      const bool both = pair_.group(kBefore, g) != kNoId && pair_.group(kAfter, g) != kNoId;
      if (both) gc.groups.push_back(g);
      if (!both || gc.groups.size() == 1) gc.ask.push_back(g);
    }
    if (gc.groups.size() < 2) gc.ask = pair_.groups_of_org(o);
    return gc;
  }
  int32_t GroupClassId(int32_t o) {
    GroupClass& gc = GroupClassOf(o);
    if (gc.id == kNoIndex) {
      result_.group_classes.push_back(GroupClassRecord{o, gc.groups});
      gc.id = static_cast<int32_t>(result_.group_classes.size() - 1);
    }
    return gc.id;
  }
  // The current token's groups of org `o`: those it bears on (its owner's roles, its scopes) are asked
  // alone, as are those one world lacks; the others, `rest`, are one class, the first standing for it.
  struct TokenGroups {
    int32_t org = kNoIndex;
    std::vector<int32_t> mine;  // the org's groups it bears on, each once
    bool shared = false;        // it bears on none: rest and ask are the org's GroupClass's
    std::vector<int32_t> rest;  // the first stands for them (when two or more)
    std::vector<int32_t> ask;
    int32_t id = kNoIndex;      // in result_.group_classes, once a change stands for rest (not shared)
  };
  TokenGroups& GroupsOf(int32_t o) {
    for (TokenGroups& tg : token_groups_) {
      if (tg.org == o) return tg;
    }
    const GroupClass& gc = GroupClassOf(o);
    TokenGroups& tg = token_groups_.emplace_back();
    tg.org = o;
    std::vector<int32_t>& mine = tg.mine;
    for (int32_t g : related_groups_) {
      if (pair_.org_of_group(g) == o && std::find(mine.begin(), mine.end(), g) == mine.end()) mine.push_back(g);
    }
    if (mine.empty()) {
      tg.shared = true;
      tg.rest = gc.groups;
      tg.ask = gc.ask;
      return tg;
    }
    auto is_mine = [&](int32_t g) { return std::find(mine.begin(), mine.end(), g) != mine.end(); };
    for (int32_t g : gc.groups) {
      if (!is_mine(g)) tg.rest.push_back(g);
    }
    for (int32_t g : pair_.groups_of_org(o)) {
      const bool both = pair_.group(kBefore, g) != kNoId && pair_.group(kAfter, g) != kNoId;
      if (!both || is_mine(g) || (!tg.rest.empty() && g == tg.rest[0]) || tg.rest.size() < 2) tg.ask.push_back(g);
    }
    return tg;
  }

  void IndexFacts() {
    result_.facts_by_token.assign(static_cast<size_t>(pair_.token_count()), {});
    result_.facts_by_user.assign(static_cast<size_t>(pair_.user_count()), {});
    result_.facts_by_org.assign(static_cast<size_t>(pair_.org_count()), {});
    result_.facts_by_repo.assign(static_cast<size_t>(pair_.repo_count()), {});
    const std::vector<FactChange>& facts = result_.delta.facts;
    for (size_t i = 0; i < facts.size(); ++i) {
      const FactChange& f = facts[i];
      const int32_t index = static_cast<int32_t>(i);
      if (f.everything) {
        result_.facts_everywhere.push_back(index);
      } else if (f.token != kNoIndex) {
        result_.facts_by_token[f.token].push_back(index);
      } else if (f.repo != kNoIndex) {
        result_.facts_by_repo[f.repo].push_back(index);
      } else if (f.user != kNoIndex) {
        result_.facts_by_user[f.user].push_back(index);
      } else if (f.org != kNoIndex) {
        result_.facts_by_org[f.org].push_back(index);
      }
    }
  }

  const WorldPair& pair_;
  const DiffOptions& options_;
  DiffResult result_;
  std::unique_ptr<AuditIndex> index_[2];
  std::vector<std::vector<OrgId>> orgs_of_user_[2];
  std::vector<int32_t> changed_org_namespaces_;
  // Per namespace / repo: the token (pair index) it was last marked for.
  std::vector<int32_t> candidate_, own_, decided_;
  std::vector<int32_t> own_list_;  // the token's repos with a fact of their own (own_ == t)
  std::vector<NamespaceClasses> classes_of_;  // by namespace, built when first asked
  std::vector<std::vector<int32_t>> groups_of_user_[2];  // the pair's groups a user holds a role in
  std::vector<int32_t> related_groups_;  // the groups the token's owner holds a role in or it names (either world)
  std::deque<TokenGroups> token_groups_;  // the current token's, by org as first asked (stable references)
  std::vector<GroupClass> group_classes_;  // by org, built when first asked
  std::vector<bool> group_class_built_;
  // The groups the current token is asked of in org `o` (ForRepo, ForNamespace).
  struct GroupsToAsk {
    Differ* differ;
    const std::vector<int32_t>& operator()(int32_t o) const {
      return differ->GroupsOf(o).ask;
    }
  };
  GroupsToAsk groups_to_ask_{this};
};

}  // namespace

bool SpaceOrder(const WorldPair& pair, const DiffRequest& a, const DiffRequest& b) {
  return OrderKey(&pair, a) < OrderKey(&pair, b);
}

void ForEachSpaceRequest(const WorldPair& pair, int32_t token, const std::function<void(const DiffRequest&)>& visit) {
  const AllGroups all{pair};
  for (int32_t r = 0; r < pair.repo_count(); ++r) ForRepo(pair, token, r, all, visit);
  for (int32_t n = 0; n < pair.namespace_count(); ++n) ForNamespace(pair, token, n, all, visit);
  DiffRequest whoami;
  whoami.operation = Operation::kWhoami;
  whoami.token = token;
  visit(whoami);
}

absl::optional<Request> RequestIn(const WorldPair& pair, WorldSide side, const DiffRequest& d, absl::Time at,
                                  DiffVerdict::Presence* presence) {
  auto absent = [&](DiffVerdict::Presence p) -> absl::optional<Request> {
    if (presence != nullptr) *presence = p;
    return absl::nullopt;
  };
  if (presence != nullptr) *presence = DiffVerdict::Presence::kPresent;
  const Snapshot& w = pair.world(side);
  Request r;
  r.operation = d.operation;
  r.at = at;
  r.token = pair.token(side, d.token);
  if (r.token == kNoId) return absent(DiffVerdict::Presence::kNoToken);
  constexpr auto kNoTarget = DiffVerdict::Presence::kNoTarget;
  if (d.repo != kNoIndex) {
    r.repo = pair.repo(side, d.repo);
    if (r.repo == kNoId) return absent(kNoTarget);
  }
  if (d.ns != kNoIndex) {
    r.ns_user = pair.namespace_user(side, d.ns);
    r.ns_org = pair.namespace_org(side, d.ns);
    if (r.ns_user == kNoId && r.ns_org == kNoId) return absent(kNoTarget);
    r.create_type = d.type;
  }
  if (d.org != kNoIndex) {
    r.org = pair.org(side, d.org);
    if (r.org == kNoId) return absent(kNoTarget);
  }
  if (d.group != kNoIndex) {
    r.group = pair.group(side, d.group);
    if (r.group == kNoId) return absent(kNoTarget);
    // A group holds (and takes new repos of) its own org only.
    const OrgId holder = d.repo != kNoIndex ? w.repo(r.repo).ns_org : d.ns != kNoIndex ? r.ns_org : w.group(r.group).org;
    if (w.group(r.group).org != holder) return absent(kNoTarget);
  }
  return r;
}

DiffVerdict DecideIn(const WorldPair& pair, WorldSide side, const DiffRequest& d, absl::Time at) {
  DiffVerdict v;
  absl::optional<Request> r = RequestIn(pair, side, d, at, &v.presence);
  if (!r.has_value()) {
    v.status = v.presence == DiffVerdict::Presence::kNoToken ? 401 : 404;
    return v;
  }
  const Decision decision = Check(pair.world(side), *r);
  v.allowed = decision.allowed;
  v.status = static_cast<int16_t>(decision.status);
  v.denied = static_cast<uint8_t>((decision.user.allowed ? 0 : 1) | (decision.token.allowed ? 0 : 2) |
                                  (decision.policy.allowed ? 0 : 4));
  return v;
}

int32_t OrgOfRequest(const WorldPair& pair, const DiffRequest& d) {
  if (d.repo != kNoIndex) {
    const int32_t ns = pair.namespace_of_repo(d.repo);
    return ns == kNoIndex ? kNoIndex : pair.namespace_org_index(ns);
  }
  if (d.ns != kNoIndex) return pair.namespace_org_index(d.ns);
  if (d.org != kNoIndex) return d.org;
  if (d.group != kNoIndex) return pair.org_of_group(d.group);
  return kNoIndex;
}

std::vector<int32_t> DiffResult::FactsOf(const WorldPair& pair, const DecisionChange& change) const {
  std::vector<int32_t> out;
  FactsOf(pair, change, &out);
  return out;
}

void DiffResult::FactsOf(const WorldPair& pair, const DecisionChange& change, std::vector<int32_t>* facts) const {
  const DiffRequest& d = change.request;
  std::vector<int32_t>& out = *facts;
  out.assign(facts_everywhere.begin(), facts_everywhere.end());
  out.insert(out.end(), facts_by_token[d.token].begin(), facts_by_token[d.token].end());
  if (d.repo != kNoIndex) out.insert(out.end(), facts_by_repo[d.repo].begin(), facts_by_repo[d.repo].end());
  const int32_t org = OrgOfRequest(pair, d);
  if (org != kNoIndex) out.insert(out.end(), facts_by_org[org].begin(), facts_by_org[org].end());
  // The owner's roles in that org (either world's owner).
  for (int side = 0; side < 2; ++side) {
    const TokenId token = pair.token(static_cast<WorldSide>(side), d.token);
    if (token == kNoId) continue;
    const UserId owner = pair.world(static_cast<WorldSide>(side)).token(token).owner;
    if (owner == kNoId) continue;
    for (int32_t f : facts_by_user[pair.pair_user(static_cast<WorldSide>(side), owner)]) {
      const FactChange& fact = delta.facts[f];
      if (fact.org == kNoIndex || fact.org == org) out.push_back(f);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

DiffResult Diff(const WorldPair& pair, const DiffOptions& options) { return Differ(pair, options).Run(); }

}  // namespace hubperm
