// Copyright 2026 The hubperm Authors.
//
// policy/request/permission_form.h: the raw permission request form, `--permission repo.write --org acme`.
//
// "May this token use permission P on target T?" is asked as the one operation of the operation table
// (policy/model/operation.h) that needs exactly P, and nothing else, on that kind of target, so the
// answer is the intersection of both sides like any other request: repo.write on an org is creating a
// repo there (what the founding scenario fails at), repo.write on a repo is pushing a commit to it.
// The table in permission_form.cc has one row per (permission, target kind) hubperm can answer; a
// permission with no row (post.write, inference.*, ...) guards nothing hubperm models yet, and asking
// about it is an error that says so, never a silent "allow".
//
// Example:
//   TargetArgs args;
//   args.org = "acme";
//   ParsePermissionRequest("repo.write", args);  // RequestDescription{kCreateRepo, ns "acme" (an org)}

#ifndef HUBPERM_POLICY_REQUEST_PERMISSION_FORM_H_
#define HUBPERM_POLICY_REQUEST_PERMISSION_FORM_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "policy/model/operation.h"
#include "policy/model/permission.h"
#include "policy/request/request_description.h"

namespace hubperm {

// One row: permission P on a target of kind `target` is checked as `operation`.
struct PermissionForm {
  Permission permission;
  TargetKind target;    // kRepo (--repo), kNamespace (--org or --user), kOrg (--org) or kGroup (--group)
  Operation operation;  // needs exactly {permission} on `target` (tested)
  absl::string_view meaning;  // what using P there means, e.g. "create a repo there"
};

// Every row, grouped by permission in enum order.
absl::Span<const PermissionForm> AllPermissionForms();

// The row for `permission` on the kind of target `args` names, or an error: an unknown permission string
// (with the nearest names), a permission no row answers (saying which permissions can be asked), no
// target or more than one, or a target that permission cannot be asked about (naming the ones it can).
absl::StatusOr<const PermissionForm*> FindPermissionForm(absl::string_view permission, const TargetArgs& args);

// The RequestDescription that asks `permission` on the target of `args` (see FindPermissionForm for errors).
absl::StatusOr<RequestDescription> ParsePermissionRequest(absl::string_view permission, const TargetArgs& args);

// "repo.write on org acme": the question in words, for the explanation's first line.
std::string DescribePermissionRequest(absl::string_view permission, const TargetArgs& args);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_PERMISSION_FORM_H_
