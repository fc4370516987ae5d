// Copyright 2026 The hubperm Authors.

#include "policy/cases/case_coverage.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace hubperm {

namespace {

// Each kind's name and plural, in enum order.
constexpr absl::string_view kKindNames[][2] = {
    {"token", "tokens"}, {"role", "roles"}, {"grant", "grants"}, {"policy", "policies"}};

}  // namespace

absl::string_view NameOf(CoverageKind kind) { return kKindNames[static_cast<int>(kind)][0]; }
absl::string_view PluralName(CoverageKind kind) { return kKindNames[static_cast<int>(kind)][1]; }

CaseCoverage::CaseCoverage(const World& world) {
  for (const Token& t : world.tokens) {
    token_items_.emplace(t.name.text, items_.size());
    Add(CoverageKind::kToken, absl::StrCat("token ", t.name.text, " (", NameOf(t.role), ", of ", t.owner.text, ")"),
        t.name.pos);
  }
  for (const Org& org : world.orgs) {
    for (const Member<OrgRole>& m : org.members) {
      Add(CoverageKind::kRole, absl::StrCat(m.user.text, " is ", NameOf(m.role), " in org ", org.name.text),
          m.role_pos);
    }
    for (const ResourceGroup& g : org.resource_groups) {
      const std::string group = absl::StrCat("resource group ", org.name.text, "/", g.name.text);
      for (const Member<GroupRole>& m : g.members) {
        Add(CoverageKind::kRole, absl::StrCat(m.user.text, " is ", NameOf(m.role), " in ", group), m.role_pos);
      }
      if (g.auto_join.has_value()) {
        Add(CoverageKind::kRole,
            absl::StrCat(group, " auto-joins ", g.auto_join->scope == AutoJoinScope::kAll ? "every member" :
                                                    "members with read or more", " as ", NameOf(g.auto_join->role)),
            g.auto_join->pos);
      }
    }
  }
  for (const Repo& repo : world.repos) {
    for (const Name& user : repo.access_granted) {
      Add(CoverageKind::kRole, absl::StrCat(user.text, "'s access request to gated ", repo.id.text, " was accepted"),
          user.pos);
    }
    for (const Member<AccessRequestState>& r : repo.access_requests) {
      Add(CoverageKind::kRole,
          absl::StrCat(r.user.text, "'s access request to gated ", repo.id.text, " is ", NameOf(r.role)), r.role_pos);
    }
  }
  for (const Token& t : world.tokens) {
    if (t.role != TokenRole::kFineGrained) {
      Add(CoverageKind::kGrant, absl::StrCat("token ", t.name.text, ": the classic ", NameOf(t.role), " role"),
          t.role_pos);
      continue;
    }
    std::vector<absl::string_view> global;
    SourcePos global_pos;
    for (const PermissionEntry& entry : t.global) {
      if (!entry.permission.has_value()) continue;  // grants nothing (warned about when loading)
      if (global.empty()) global_pos = entry.text.pos;
      global.push_back(entry.text.text);
    }
    if (!global.empty()) {
      Add(CoverageKind::kGrant, absl::StrCat("token ", t.name.text, ": global ", absl::StrJoin(global, ", ")),
          global_pos);
    }
    for (const Scope& scope : t.scoped) {
      if (!IsModeledEntity(scope.type)) continue;  // grants nothing hubperm models (warned about)
      std::vector<absl::string_view> permissions;
      for (const PermissionEntry& entry : scope.permissions) permissions.push_back(entry.text.text);
      Add(CoverageKind::kGrant,
          absl::StrCat("token ", t.name.text, ": ", absl::StrJoin(permissions, ", "), " on ", NameOf(scope.type), " ",
                       scope.entity.text),
          scope.pos);
    }
    if (t.can_read_gated_repos) {
      Add(CoverageKind::kGrant, absl::StrCat("token ", t.name.text, ": canReadGatedRepos"), t.can_read_gated_repos_pos);
    }
  }
  for (const Org& org : world.orgs) {
    if (org.token_policy_pos.known()) {
      Add(CoverageKind::kPolicy, absl::StrCat("org ", org.name.text, "'s token policy ", NameOf(org.token_policy)),
          org.token_policy_pos);
    }
  }
  for (const Token& t : world.tokens) {
    for (const OrgApproval& a : t.org_status) {
      Add(CoverageKind::kPolicy, absl::StrCat("token ", t.name.text, " is ", NameOf(a.status), " in org ", a.org.text),
          a.status_pos);
    }
  }
}

void CaseCoverage::Add(CoverageKind kind, std::string text, const SourcePos& pos) {
  if (kind != CoverageKind::kToken) pos_items_.emplace(PosKey(pos.file, pos.line, pos.column), items_.size());
  items_.push_back(CoverageItem{kind, std::move(text), pos, 0});
}

void CaseCoverage::Use(const SourcePos& pos) {
  if (!pos.known()) return;
  auto it = pos_items_.find(PosKey(pos.file, pos.line, pos.column));
  if (it != pos_items_.end()) ++items_[it->second].uses;
}

void CaseCoverage::Record(const Snapshot& snapshot, const CaseResult& result) {
  if (result.invalid) return;
  if (auto it = token_items_.find(result.token); it != token_items_.end()) ++items_[it->second].uses;
  std::vector<const PartDecision*> parts = {&result.decision.part(Part::kTarget)};
  if (result.decision.two_parts()) parts.push_back(&result.decision.part(Part::kDestination));
  for (const PartDecision* p : parts) {
    const PartDecision& part = *p;
    Use(part.user.pos);
    Use(part.token.pos);
    Use(part.policy.pos);
    if (part.policy.org != kNoId && !(part.policy.pos == snapshot.org(part.policy.org).token_policy_pos)) {
      Use(snapshot.org(part.policy.org).token_policy_pos);
    }
  }
}

int CaseCoverage::Count(CoverageKind kind) const {
  int n = 0;
  for (const CoverageItem& item : items_) n += item.kind == kind;
  return n;
}

int CaseCoverage::Exercised(CoverageKind kind) const {
  int n = 0;
  for (const CoverageItem& item : items_) n += item.kind == kind && item.exercised();
  return n;
}

double CaseCoverage::Percent() const {
  if (items_.empty()) return 100.0;
  int exercised = 0;
  for (const CoverageItem& item : items_) exercised += item.exercised();
  return 100.0 * exercised / static_cast<double>(items_.size());
}

}  // namespace hubperm
