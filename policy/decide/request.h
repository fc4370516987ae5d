// Copyright 2026 The hubperm Authors.
//
// policy/decide/request.h: one question to the engine, in interned ids.
//
// A Request is built and validated before a check (policy/request turns HTTP routes and method names
// into one); every id in it names a record of the snapshot it is checked against, so a check cannot fail.

#ifndef HUBPERM_POLICY_DECIDE_REQUEST_H_
#define HUBPERM_POLICY_DECIDE_REQUEST_H_

#include "absl/time/time.h"
#include "policy/compile/snapshot.h"
#include "policy/model/operation.h"

namespace hubperm {

struct Request {
  Operation operation = Operation::kWhoami;
  TokenId token = kNoId;
  // TargetKind::kRepo: the repo.
  RepoId repo = kNoId;
  // TargetKind::kNamespace: where a repo is created (one of the two), its type, and the resource group
  // it is created into, if the request names one (`resourceGroupId`).
  UserId ns_user = kNoId;
  OrgId ns_org = kNoId;
  RepoType create_type = RepoType::kModel;
  // kNamespace: the group created into; kGroup: the target group; kMoveRepoToGroup: the destination.
  GroupId group = kNoId;
  // TargetKind::kOrg: the organization.
  OrgId org = kNoId;
  // The moment the request is made: a token is valid from its created_at until its expires_at
  // (docs/hub-access-model.md §4a). kAnyMoment (the default) checks no lifetime; Resolve sets now, or
  // the moment asked (--at).
  absl::Time at = kAnyMoment;

  static constexpr absl::Time kAnyMoment = absl::InfinitePast();
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DECIDE_REQUEST_H_
