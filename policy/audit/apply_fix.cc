// Copyright 2026 The hubperm Authors.

#include "policy/audit/apply_fix.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace hubperm {
namespace {

Scope* FindScope(Token* token, EntityType type, const std::string& entity) {
  for (Scope& scope : token->scoped) {
    if (scope.type == type && scope.entity.text == entity) return &scope;
  }
  return nullptr;
}

void AddPermissions(Token* token, const FixEdit& e) {
  Scope* scope = FindScope(token, e.entity_type, e.entity);
  if (scope == nullptr) {
    Scope fresh;
    fresh.type = e.entity_type;
    fresh.entity.text = e.entity;
    token->scoped.push_back(std::move(fresh));
    scope = &token->scoped.back();
  }
  e.permissions.ForEach([&](Permission p) {
    for (const PermissionEntry& entry : scope->permissions) {
      if (entry.permission == p) return;
    }
    scope->permissions.push_back(PermissionEntry{Name{std::string(PermissionName(p)), SourcePos()}, p});
  });
}

void RemovePermissions(Token* token, const FixEdit& e) {
  Scope* scope = FindScope(token, e.entity_type, e.entity);
  if (scope == nullptr) return;
  auto& entries = scope->permissions;
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const PermissionEntry& entry) {
                                 return entry.permission.has_value() && e.permissions.Contains(*entry.permission);
                               }),
                entries.end());
  if (entries.empty()) {
    token->scoped.erase(token->scoped.begin() + (scope - token->scoped.data()));
  }
}

void SetOrgStatus(Token* token, const std::string& org, ApprovalStatus status) {
  for (OrgApproval& a : token->org_status) {
    if (a.org.text == org) {
      a.status = status;
      return;
    }
  }
  token->org_status.push_back(OrgApproval{Name{org, SourcePos()}, status, SourcePos()});
}

void ClearOrgStatus(Token* token, const std::string& org) {
  auto& statuses = token->org_status;
  statuses.erase(std::remove_if(statuses.begin(), statuses.end(), [&](const OrgApproval& a) { return a.org.text == org; }),
                 statuses.end());
}

}  // namespace

absl::Status ApplyFix(const std::string& name, const std::vector<FixEdit>& edits, World* world) {
  auto it = std::find_if(world->tokens.begin(), world->tokens.end(), [&](const Token& t) { return t.name.text == name; });
  if (it == world->tokens.end()) return absl::NotFoundError(absl::StrCat("no token named '", name, "'"));
  for (const FixEdit& e : edits) {
    switch (e.kind) {
      case FixEdit::Kind::kAddPermissions:
        AddPermissions(&*it, e);
        break;
      case FixEdit::Kind::kRemovePermissions:
        RemovePermissions(&*it, e);
        break;
      case FixEdit::Kind::kMakeFineGrained:
        it->role = TokenRole::kFineGrained;
        break;
      case FixEdit::Kind::kSetOrgStatus:
        SetOrgStatus(&*it, e.org, e.status);
        break;
      case FixEdit::Kind::kClearOrgStatus:
        ClearOrgStatus(&*it, e.org);
        break;
      case FixEdit::Kind::kRotate:
        it->created_at = e.created_at;
        it->expires_at = e.expires_at;
        break;
      case FixEdit::Kind::kRemoveGlobal: {
        auto& global = it->global;
        global.erase(std::remove_if(global.begin(), global.end(),
                                    [&](const PermissionEntry& p) {
                                      return p.permission.has_value() && e.permissions.Contains(*p.permission);
                                    }),
                     global.end());
        break;
      }
      case FixEdit::Kind::kClearReadGated:
        it->can_read_gated_repos = false;
        break;
      case FixEdit::Kind::kDeleteToken: {
        // The repos it created stay created by its owner; the token is gone.
        for (Repo& repo : world->repos) {
          if (!repo.created_by_token.has_value() || repo.created_by_token->text != name) continue;
          if (!repo.created_by.has_value()) repo.created_by = it->owner;
          repo.created_by_token.reset();
        }
        world->tokens.erase(it);
        auto& cases = world->cases;
        cases.erase(std::remove_if(cases.begin(), cases.end(),
                                   [&](const Case& c) {
                                     const auto names = [&](const Name& n) { return n.text == name; };
                                     return std::any_of(c.tokens.begin(), c.tokens.end(), names) ||
                                            (c.matrix.has_value() &&
                                             std::any_of(c.matrix->rows.begin(), c.matrix->rows.end(),
                                                         [&](const CaseMatrix::Row& row) { return names(row.token); }));
                                   }),
                    cases.end());
        return absl::OkStatus();  // nothing is left to edit
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace hubperm
