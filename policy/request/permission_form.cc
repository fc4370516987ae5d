// Copyright 2026 The hubperm Authors.

#include "policy/request/permission_form.h"

#include <array>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/escape.h"
#include "policy/common/suggest.h"

namespace hubperm {
namespace {

using O = Operation;
using P = Permission;
using T = TargetKind;

// Each row's operation needs exactly its permission on its target (permission_form_test checks it
// against the operation table), so the row adds no rule of its own: the decision is the operation's.
constexpr std::array<PermissionForm, 9> kForms = {{
    // permission            target         checked as                meaning
    {P::kRepoContentRead,    T::kRepo,      O::kDownloadFile,         "download the repo's files"},
    {P::kRepoWrite,          T::kRepo,      O::kCreateCommit,         "push a commit to the repo"},
    {P::kRepoWrite,          T::kNamespace, O::kCreateRepo,           "create a repo in the namespace"},
    {P::kRepoAccessRead,     T::kRepo,      O::kListAccessRequests,   "list the repo's access requests"},
    {P::kDiscussionWrite,    T::kRepo,      O::kCreateDiscussion,     "open a discussion on the repo"},
    {P::kOrgRead,            T::kOrg,       O::kListOrgMembers,       "list the org's members"},
    {P::kOrgWrite,           T::kOrg,       O::kChangeMemberRole,     "change an org member's role"},
    {P::kResourceGroupWrite, T::kOrg,       O::kCreateGroup,          "create a resource group in the org"},
    {P::kResourceGroupWrite, T::kGroup,     O::kManageGroupMembers,   "manage the resource group's members"},
}};

// How a target kind is named in `dialect`: "--repo NS/NAME", "repo: NS/NAME".
std::string ArgsOf(TargetKind target, Dialect dialect) {
  switch (target) {
    case T::kRepo:
      return absl::StrCat(Spell(Arg::kRepo, dialect), " NS/NAME");
    case T::kNamespace:
      return absl::StrCat(Spell(Arg::kOrg, dialect), " ORG or ", Spell(Arg::kUser, dialect), " USER");
    case T::kOrg:
      return absl::StrCat(Spell(Arg::kOrg, dialect), " ORG");
    case T::kGroup:
      return absl::StrCat(Spell(Arg::kGroup, dialect), " GROUP");
    case T::kNone:
      break;
  }
  return "";
}

std::string CheckableNames() {
  std::vector<absl::string_view> names;
  for (const PermissionForm& form : kForms) {
    const absl::string_view name = PermissionName(form.permission);
    if (names.empty() || names.back() != name) names.push_back(name);
  }
  return absl::StrJoin(names, ", ");
}

}  // namespace

absl::Span<const PermissionForm> AllPermissionForms() { return kForms; }

absl::StatusOr<const PermissionForm*> FindPermissionForm(absl::string_view name, const TargetArgs& args) {
  const absl::optional<Permission> permission = ParsePermission(name);
  if (!permission.has_value()) {
    std::vector<absl::string_view> known;
    for (const PermissionInfo& info : AllPermissions()) known.push_back(info.name);
    return absl::NotFoundError(absl::StrCat("unknown permission ", QuoteValue(name), DidYouMean(name, known)));
  }
  std::vector<const PermissionForm*> rows;
  for (const PermissionForm& form : kForms) {
    if (form.permission == *permission) rows.push_back(&form);
  }
  if (rows.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, " guards nothing hubperm models yet (no operation of its table needs it), so hubperm "
                           "cannot say what it lets a token do; the permissions it can check: ",
                     CheckableNames()));
  }
  const int targets = !args.repo.empty() + !args.org.empty() + !args.user.empty() + !args.group.empty();
  std::vector<std::string> where;
  for (const PermissionForm* row : rows) where.push_back(absl::StrCat(ArgsOf(row->target, args.dialect), " (", row->meaning, ")"));
  const std::string can_ask = absl::StrCat(name, " can be asked with ", absl::StrJoin(where, "; or "));
  if (targets != 1) {
    return absl::InvalidArgumentError(
        absl::StrCat(Spell(Arg::kPermission, args.dialect), " needs exactly one target, ", Spell(Arg::kRepo, args.dialect),
                     ", ", Spell(Arg::kOrg, args.dialect), ", ", Spell(Arg::kUser, args.dialect), " or ",
                     Spell(Arg::kGroup, args.dialect), "; ", can_ask));
  }
  for (const PermissionForm* row : rows) {
    const bool fits = (row->target == T::kRepo && !args.repo.empty()) ||
                      (row->target == T::kNamespace && (!args.org.empty() || !args.user.empty())) ||
                      (row->target == T::kOrg && !args.org.empty()) ||
                      (row->target == T::kGroup && !args.group.empty());
    if (fits) return row;
  }
  return absl::InvalidArgumentError(absl::StrCat("hubperm cannot ask ", DescribePermissionRequest(name, args),
                                                 " as one request; ", can_ask));
}

absl::StatusOr<RequestDescription> ParsePermissionRequest(absl::string_view name, const TargetArgs& args) {
  absl::StatusOr<const PermissionForm*> form = FindPermissionForm(name, args);
  if (!form.ok()) return form.status();
  if (!args.to.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(Spell(Arg::kTo, args.dialect), " goes with ",
                                                   Spell(Arg::kOperation, args.dialect), " move_repo, not with ",
                                                   Spell(Arg::kPermission, args.dialect)));
  }
  if (args.write) {
    return absl::InvalidArgumentError(absl::StrCat(Spell(Arg::kWrite, args.dialect), " goes with ",
                                                   Spell(Arg::kOperation, args.dialect), " auth_check, not with ",
                                                   Spell(Arg::kPermission, args.dialect)));
  }
  RequestDescription spec;
  spec.dialect = args.dialect;
  spec.asked.form = RequestForm::kPermission;
  spec.asked.permission = std::string(name);
  spec.asked.question = DescribePermissionRequest(name, args);
  spec.asked.meaning = (*form)->meaning;
  spec.operation = (*form)->operation;
  spec.repo_type = args.repo_type.value_or(RepoType::kModel);
  switch ((*form)->target) {
    case T::kRepo:
      spec.repo = args.repo;
      break;
    case T::kNamespace:
      spec.ns = args.org.empty() ? args.user : args.org;
      spec.ns_kind = args.org.empty() ? NamespaceKind::kUser : NamespaceKind::kOrg;
      break;
    case T::kOrg:
      spec.org = args.org;
      break;
    case T::kGroup:
      spec.group = args.group;
      break;
    case T::kNone:
      break;
  }
  if (args.repo_type.has_value() && (*form)->target != T::kRepo && (*form)->target != T::kNamespace) {
    return absl::InvalidArgumentError(absl::StrCat(Spell(Arg::kRepoType, args.dialect), " goes with ",
                                                   Spell(Arg::kRepo, args.dialect), ", or with repo.write on a namespace; ",
                                                   name, " on ", ArgsOf((*form)->target, args.dialect), " takes none"));
  }
  return spec;
}

std::string DescribePermissionRequest(absl::string_view permission, const TargetArgs& args) {
  const absl::string_view type = NameOf(args.repo_type.value_or(RepoType::kModel));
  std::vector<std::string> targets;
  if (!args.repo.empty()) targets.push_back(absl::StrCat(type, " ", args.repo));
  if (!args.org.empty()) targets.push_back(absl::StrCat("org ", args.org));
  if (!args.user.empty()) targets.push_back(absl::StrCat("user ", args.user));
  if (!args.group.empty()) targets.push_back(absl::StrCat("resource group ", args.group));
  if (targets.empty()) return absl::StrCat(permission, " on nothing");
  return absl::StrCat(permission, " on ", absl::StrJoin(targets, " and "));
}

}  // namespace hubperm
