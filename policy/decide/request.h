// Copyright 2026 The hubperm Authors.
//
// policy/decide/request.h: one question to the engine, in interned ids.
//
// A Request is built and validated before a check (policy/request turns HTTP routes and method names
// into one); every id in it names a record of the snapshot it is checked against, so a check cannot fail.

#ifndef HUBPERM_POLICY_DECIDE_REQUEST_H_
#define HUBPERM_POLICY_DECIDE_REQUEST_H_

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
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DECIDE_REQUEST_H_
