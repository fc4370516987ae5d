// Copyright 2026 The hubperm Authors.

#include "policy/diff/world_delta.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/timestamp.h"

namespace hubperm {
namespace {

constexpr absl::string_view kKindNames[kFactKindCount] = {"role", "scope",  "policy", "repo",
                                                          "token", "org", "user",   "assumption"};
constexpr absl::string_view kArrow = " -> ";

std::string TimeText(absl::Time t) {
  return t == absl::InfinitePast() || t == absl::InfiniteFuture() ? std::string("none") : FormatTimestamp(t);
}
std::string PermissionsText(PermissionSet set) { return set.empty() ? std::string("none") : PermissionSetText(set); }

class Comparer {
 public:
  explicit Comparer(const WorldPair& pair) : p_(pair) {
    d_.token_changed.assign(static_cast<size_t>(p_.token_count()), false);
    d_.user_changed.assign(static_cast<size_t>(p_.user_count()), false);
    d_.org_changed.assign(static_cast<size_t>(p_.org_count()), false);
    d_.repo_changed.assign(static_cast<size_t>(p_.repo_count()), false);
  }

  WorldDelta Run() && {
    Assumptions();
    Orgs();
    Roles();
    Tokens();
    Repos();
    Users();
    for (int32_t r = 0; r < p_.repo_count(); ++r) {
      if (d_.repo_changed[r]) d_.changed_repos.push_back(r);
    }
    return std::move(d_);
  }

 private:
  const Snapshot& W(int side) const { return p_.world(static_cast<WorldSide>(side)); }

  FactChange& Add(FactKind kind, std::string subject, std::string what, SourcePos before, SourcePos after) {
    FactChange f;
    f.kind = kind;
    f.subject = std::move(subject);
    f.what = std::move(what);
    f.before = before;
    f.after = after;
    d_.facts.push_back(std::move(f));
    return d_.facts.back();
  }

  void Assumptions() {
    const hubperm::Assumptions& a = W(0).assumptions();
    const hubperm::Assumptions& b = W(1).assumptions();
    for (size_t i = 0; i < std::size(kAssumptionSwitches); ++i) {
      const AssumptionSwitch& s = kAssumptionSwitches[i];
      if (a.*s.value == b.*s.value) continue;
      Add(FactKind::kAssumption, "assumptions",
          absl::StrCat(s.name, ": ", a.*s.value ? "true" : "false", kArrow, b.*s.value ? "true" : "false"),
          a.switch_pos[i], b.switch_pos[i])
          .everything = true;
    }
    if (a.contributor_permission != b.contributor_permission) {
      Add(FactKind::kAssumption, "assumptions",
          absl::StrCat("contributor_permission: ", a.contributor_permission, kArrow, b.contributor_permission),
          a.contributor_permission_pos, b.contributor_permission_pos)
          .everything = true;
    }
    d_.everything = !d_.facts.empty();
  }

  void Orgs() {
    for (int32_t o = 0; o < p_.org_count(); ++o) {
      const OrgId a = p_.org(kBefore, o), b = p_.org(kAfter, o);
      const std::string subject = absl::StrCat("org ", p_.org_name(o));
      if (a == kNoId || b == kNoId) {
        const bool added = a == kNoId;
        Add(FactKind::kOrg, subject, added ? "added" : "removed", added ? SourcePos() : W(0).org(a).pos,
            added ? W(1).org(b).pos : SourcePos())
            .org = o;
        d_.org_changed[o] = true;
        continue;
      }
      const Snapshot::OrgRecord& ra = W(0).org(a);
      const Snapshot::OrgRecord& rb = W(1).org(b);
      if (ra.token_policy != rb.token_policy) {
        Add(FactKind::kPolicy, subject,
            absl::StrCat("token policy: ", NameOf(ra.token_policy), kArrow, NameOf(rb.token_policy)),
            ra.token_policy_pos, rb.token_policy_pos)
            .org = o;
        d_.org_changed[o] = true;
      }
      if (ra.plan != rb.plan) {
        Add(FactKind::kPolicy, subject, absl::StrCat("plan: ", NameOf(ra.plan), kArrow, NameOf(rb.plan)), ra.pos, rb.pos)
            .org = o;
        d_.org_changed[o] = true;
      }
    }
    for (int32_t g = 0; g < p_.group_count(); ++g) {
      const GroupId a = p_.group(kBefore, g), b = p_.group(kAfter, g);
      const int32_t oa = a == kNoId ? kNoIndex : p_.pair_org(kBefore, W(0).group(a).org);
      const int32_t ob = b == kNoId ? kNoIndex : p_.pair_org(kAfter, W(1).group(b).org);
      if (a != kNoId && b != kNoId && oa == ob) continue;
      for (const auto& [org, side] : {std::make_pair(oa, 0), std::make_pair(ob, 1)}) {
        if (org == kNoIndex) continue;
        const bool added = side == 1;
        Add(FactKind::kOrg, absl::StrCat("org ", p_.org_name(org)),
            absl::StrCat("resource group ", p_.group_name(g), added ? " added" : " removed"),
            added ? SourcePos() : W(0).group(a).pos, added ? W(1).group(b).pos : SourcePos())
            .org = org;
        d_.org_changed[org] = true;
      }
    }
  }

  // Org roles, group roles (auto-join included) and service accounts, each as (user, place) -> role.
  void Roles() {
    struct Held {
      int role = -1;  // -1: none
      SourcePos pos;
      bool auto_join = false;
    };
    // (pair user, is_group, pair org or group) -> each world's role.
    std::map<std::tuple<int32_t, bool, int32_t>, Held[2]> roles;
    for (int side = 0; side < 2; ++side) {
      const WorldSide s = static_cast<WorldSide>(side);
      W(side).ForEachOrgMembership([&](UserId user, OrgId org, const RoleGrant<OrgRole>& grant) {
        roles[{p_.pair_user(s, user), false, p_.pair_org(s, org)}][side] = Held{static_cast<int>(grant.role), grant.pos, false};
      });
      W(side).ForEachGroupRole([&](UserId user, GroupId group, const RoleGrant<GroupRole>& grant) {
        roles[{p_.pair_user(s, user), true, p_.pair_group(s, group)}][side] =
            Held{static_cast<int>(grant.role), grant.pos, grant.auto_join};
      });
    }
    for (const auto& [key, held] : roles) {
      const auto& [user, is_group, place] = key;
      if (held[0].role == held[1].role) continue;
      auto text = [&](const Held& h) -> std::string {
        if (h.role < 0) return "none";
        const absl::string_view role = is_group ? NameOf(static_cast<GroupRole>(h.role)) : NameOf(static_cast<OrgRole>(h.role));
        return h.auto_join ? absl::StrCat(role, " (auto-join)") : std::string(role);
      };
      const int32_t org = is_group ? p_.org_of_group(place) : place;
      FactChange& f = Add(FactKind::kRole, absl::StrCat("user ", p_.user_name(user)),
                          absl::StrCat(is_group ? "role in resource group " : "role in org ",
                                       is_group ? p_.group_name(place) : p_.org_name(place),
                                       is_group ? absl::StrCat(" (org ", org == kNoIndex ? "" : p_.org_name(org), ")") : "",
                                       ": ", text(held[0]), kArrow, text(held[1])),
                          held[0].pos, held[1].pos);
      f.user = user;
      f.org = org;
      d_.user_changed[user] = true;
    }
    for (int32_t u = 0; u < p_.user_count(); ++u) {
      const UserId a = p_.user(kBefore, u), b = p_.user(kAfter, u);
      if (a == kNoId || b == kNoId) continue;
      const OrgId sa = W(0).user(a).service_account_of, sb = W(1).user(b).service_account_of;
      const int32_t oa = sa == kNoId ? kNoIndex : p_.pair_org(kBefore, sa);
      const int32_t ob = sb == kNoId ? kNoIndex : p_.pair_org(kAfter, sb);
      if (oa == ob) continue;
      auto name = [&](int32_t o) { return o == kNoIndex ? std::string("none") : std::string(p_.org_name(o)); };
      FactChange& f = Add(FactKind::kRole, absl::StrCat("user ", p_.user_name(u)),
                          absl::StrCat("service account of: ", name(oa), kArrow, name(ob)), W(0).user(a).pos,
                          W(1).user(b).pos);
      f.user = u;
      f.org = ob != kNoIndex ? ob : oa;
      d_.user_changed[u] = true;
    }
  }

  void Tokens() {
    // Approvals by token: (org name, status, pos).
    std::vector<std::map<std::string, std::pair<ApprovalStatus, SourcePos>>> approvals[2];
    for (int side = 0; side < 2; ++side) {
      approvals[side].resize(static_cast<size_t>(p_.token_count()));
      const WorldSide s = static_cast<WorldSide>(side);
      W(side).ForEachApproval([&](TokenId token, OrgId org, const Snapshot::Approval& a) {
        approvals[side][p_.pair_token(s, token)][W(side).org(org).name] = {a.status, a.pos};
      });
    }
    for (int32_t t = 0; t < p_.token_count(); ++t) {
      const TokenId a = p_.token(kBefore, t), b = p_.token(kAfter, t);
      const std::string subject = absl::StrCat("token ", p_.token_name(t));
      auto add = [&](FactKind kind, std::string what, SourcePos before, SourcePos after) {
        Add(kind, subject, std::move(what), before, after).token = t;
        d_.token_changed[t] = true;
      };
      if (a == kNoId || b == kNoId) {
        const bool added = a == kNoId;
        add(FactKind::kToken, added ? "added" : "removed", added ? SourcePos() : W(0).token(a).pos,
            added ? W(1).token(b).pos : SourcePos());
        continue;
      }
      const Snapshot::TokenRecord& ra = W(0).token(a);
      const Snapshot::TokenRecord& rb = W(1).token(b);
      const absl::string_view owner_a = W(0).user(ra.owner).name, owner_b = W(1).user(rb.owner).name;
      if (owner_a != owner_b) add(FactKind::kToken, absl::StrCat("owner: ", owner_a, kArrow, owner_b), ra.pos, rb.pos);
      if (ra.kind != rb.kind) {
        add(FactKind::kToken, absl::StrCat("kind: ", NameOf(ra.kind), kArrow, NameOf(rb.kind)), ra.kind_pos, rb.kind_pos);
      }
      if (ra.role != rb.role) {
        add(FactKind::kScope, absl::StrCat("role: ", NameOf(ra.role), kArrow, NameOf(rb.role)), ra.role_pos, rb.role_pos);
      }
      if (ra.can_read_gated_repos != rb.can_read_gated_repos) {
        add(FactKind::kScope,
            absl::StrCat("can_read_gated_repos: ", ra.can_read_gated_repos ? "true" : "false", kArrow,
                         rb.can_read_gated_repos ? "true" : "false"),
            ra.can_read_gated_repos_pos, rb.can_read_gated_repos_pos);
      }
      if (ra.global != rb.global) {
        add(FactKind::kScope,
            absl::StrCat("global permissions: ", PermissionsText(ra.global), kArrow, PermissionsText(rb.global)),
            ra.global_pos, rb.global_pos);
      }
      if (ra.oauth_scopes != rb.oauth_scopes) add(FactKind::kScope, "OAuth scopes changed", ra.pos, rb.pos);
      const int32_t pub_a = ra.publisher_repo == kNoId ? kNoIndex : p_.pair_repo(kBefore, ra.publisher_repo);
      const int32_t pub_b = rb.publisher_repo == kNoId ? kNoIndex : p_.pair_repo(kAfter, rb.publisher_repo);
      if (pub_a != pub_b) add(FactKind::kToken, "trusted publisher's repo changed", ra.kind_pos, rb.kind_pos);
      if (ra.created_at != rb.created_at) {
        add(FactKind::kToken, absl::StrCat("created_at: ", TimeText(ra.created_at), kArrow, TimeText(rb.created_at)),
            ra.created_at_pos, rb.created_at_pos);
      }
      if (ra.expires_at != rb.expires_at) {
        add(FactKind::kToken, absl::StrCat("expires_at: ", TimeText(ra.expires_at), kArrow, TimeText(rb.expires_at)),
            ra.expires_at_pos, rb.expires_at_pos);
      }
      Scopes(ra, rb, add);
      for (const std::string& org : Union(approvals[0][t], approvals[1][t])) {
        const auto* sa = Find(approvals[0][t], org);
        const auto* sb = Find(approvals[1][t], org);
        if (sa != nullptr && sb != nullptr && sa->first == sb->first) continue;
        auto text = [](const std::pair<ApprovalStatus, SourcePos>* s) {
          return s == nullptr ? std::string("none") : std::string(NameOf(s->first));
        };
        add(FactKind::kPolicy, absl::StrCat("approval in org ", org, ": ", text(sa), kArrow, text(sb)),
            sa == nullptr ? SourcePos() : sa->second, sb == nullptr ? SourcePos() : sb->second);
      }
    }
  }

  // The keys of both maps, in order.
  template <typename Map>
  static std::set<typename Map::key_type> Union(const Map& a, const Map& b) {
    std::set<typename Map::key_type> keys;
    for (const auto& kv : a) keys.insert(kv.first);
    for (const auto& kv : b) keys.insert(kv.first);
    return keys;
  }
  template <typename Map>
  static const typename Map::mapped_type* Find(const Map& m, const typename Map::key_type& key) {
    auto it = m.find(key);
    return it == m.end() ? nullptr : &it->second;
  }

  template <typename AddFact>
  void Scopes(const Snapshot::TokenRecord& ra, const Snapshot::TokenRecord& rb, AddFact add) {
    // (entity type, entity name) -> permissions, pos.
    std::map<std::pair<int, std::string>, std::pair<PermissionSet, SourcePos>> scopes[2];
    const Snapshot::TokenRecord* records[2] = {&ra, &rb};
    for (int side = 0; side < 2; ++side) {
      for (const Snapshot::ScopeRecord& scope : W(side).scopes(*records[side])) {
        scopes[side][{static_cast<int>(scope.type), std::string(W(side).EntityName(scope.type, scope.entity))}] = {
            scope.permissions, scope.pos};
      }
    }
    for (const auto& key : Union(scopes[0], scopes[1])) {
      const auto* sa = Find(scopes[0], key);
      const auto* sb = Find(scopes[1], key);
      const PermissionSet pa = sa == nullptr ? PermissionSet() : sa->first;
      const PermissionSet pb = sb == nullptr ? PermissionSet() : sb->first;
      if (sa != nullptr && sb != nullptr && pa == pb) continue;
      add(FactKind::kScope,
          absl::StrCat("scope on ", NameOf(static_cast<EntityType>(key.first)), " ", key.second, ": ",
                       sa == nullptr ? "none" : PermissionsText(pa), kArrow, sb == nullptr ? "none" : PermissionsText(pb)),
          sa == nullptr ? SourcePos() : sa->second, sb == nullptr ? SourcePos() : sb->second);
    }
  }

  void Repos() {
    // Access requests by pair repo: user name -> state, pos.
    std::map<int32_t, std::map<std::string, std::pair<AccessRequestState, SourcePos>>> requests[2];
    for (int side = 0; side < 2; ++side) {
      const WorldSide s = static_cast<WorldSide>(side);
      W(side).ForEachAccessRequest([&](RepoId repo, UserId user, const Snapshot::AccessRequest& r) {
        requests[side][p_.pair_repo(s, repo)][W(side).user(user).name] = {r.state, r.pos};
      });
    }
    static const std::map<std::string, std::pair<AccessRequestState, SourcePos>> kNone;
    for (int32_t r = 0; r < p_.repo_count(); ++r) {
      const RepoId a = p_.repo(kBefore, r), b = p_.repo(kAfter, r);
      const std::string subject = absl::StrCat("repo ", p_.repo_key(r));
      const int32_t ns = p_.namespace_of_repo(r);
      const int32_t org = ns == kNoIndex ? kNoIndex : p_.namespace_org_index(ns);
      auto add = [&](std::string what, SourcePos before, SourcePos after) {
        FactChange& f = Add(FactKind::kRepo, subject, std::move(what), before, after);
        f.repo = r;
        f.org = org;
        d_.repo_changed[r] = true;
      };
      if (a == kNoId || b == kNoId) {
        const bool added = a == kNoId;
        add(added ? "added" : "removed", added ? SourcePos() : W(0).repo(a).pos, added ? W(1).repo(b).pos : SourcePos());
        continue;
      }
      const Snapshot::RepoRecord& ra = W(0).repo(a);
      const Snapshot::RepoRecord& rb = W(1).repo(b);
      if (ra.is_private != rb.is_private) {
        add(absl::StrCat("visibility: ", ra.is_private ? "private" : "public", kArrow, rb.is_private ? "private" : "public"),
            ra.private_pos, rb.private_pos);
      }
      if (ra.gated != rb.gated) {
        add(absl::StrCat("gated: ", NameOf(ra.gated), kArrow, NameOf(rb.gated)), ra.gated_pos, rb.gated_pos);
      }
      auto group = [&](int side, GroupId g) { return g == kNoId ? std::string("none") : W(side).group(g).name; };
      if (group(0, ra.group) != group(1, rb.group)) {
        add(absl::StrCat("resource group: ", group(0, ra.group), kArrow, group(1, rb.group)), ra.group_pos, rb.group_pos);
      }
      auto user = [&](int side, UserId u) { return u == kNoId ? std::string("none") : W(side).user(u).name; };
      if (user(0, ra.created_by) != user(1, rb.created_by)) {
        add(absl::StrCat("created by: ", user(0, ra.created_by), kArrow, user(1, rb.created_by)), ra.created_by_pos,
            rb.created_by_pos);
      }
      auto token = [&](int side, TokenId t) { return t == kNoId ? std::string("none") : W(side).token(t).name; };
      if (token(0, ra.created_by_token) != token(1, rb.created_by_token)) {
        add(absl::StrCat("created by token: ", token(0, ra.created_by_token), kArrow, token(1, rb.created_by_token)),
            ra.created_by_token_pos, rb.created_by_token_pos);
      }
      auto ia = requests[0].find(r);
      auto ib = requests[1].find(r);
      const auto& qa = ia == requests[0].end() ? kNone : ia->second;
      const auto& qb = ib == requests[1].end() ? kNone : ib->second;
      for (const std::string& name : Union(qa, qb)) {
        const auto* sa = Find(qa, name);
        const auto* sb = Find(qb, name);
        if (sa != nullptr && sb != nullptr && sa->first == sb->first) continue;
        auto text = [](const std::pair<AccessRequestState, SourcePos>* s) {
          return s == nullptr ? std::string("none") : std::string(NameOf(s->first));
        };
        add(absl::StrCat("access request of ", name, ": ", text(sa), kArrow, text(sb)),
            sa == nullptr ? SourcePos() : sa->second, sb == nullptr ? SourcePos() : sb->second);
      }
    }
  }

  void Users() {
    for (int32_t u = 0; u < p_.user_count(); ++u) {
      const UserId a = p_.user(kBefore, u), b = p_.user(kAfter, u);
      if (a != kNoId && b != kNoId) continue;
      const bool added = a == kNoId;
      Add(FactKind::kUser, absl::StrCat("user ", p_.user_name(u)), added ? "added" : "removed",
          added ? SourcePos() : W(0).user(a).pos, added ? W(1).user(b).pos : SourcePos())
          .user = u;
      d_.user_changed[u] = true;
    }
  }

  const WorldPair& p_;
  WorldDelta d_;
};

}  // namespace

absl::string_view FactKindName(FactKind kind) { return kKindNames[static_cast<int>(kind)]; }

WorldDelta CompareWorlds(const WorldPair& pair) { return Comparer(pair).Run(); }

}  // namespace hubperm
