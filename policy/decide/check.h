// Copyright 2026 The hubperm Authors.
//
// policy/decide/check.h: would this token be allowed to do this?
//
//   Decision d = Check(*snapshot, request);
//   if (!d.allowed) ... d.user / d.token / d.policy say which side said no, d.status what the Hub answers.
//
// `Check` is a pure function of the snapshot and the request: it cannot fail (every id in the request
// names a record of the snapshot), allocates nothing and computes no text; call it from any thread.
// The rules are ../shared/spec/hub-access-model.md's; the [assumed] ones are flagged in the Decision.

#ifndef HUBPERM_POLICY_DECIDE_CHECK_H_
#define HUBPERM_POLICY_DECIDE_CHECK_H_

#include "policy/compile/snapshot.h"
#include "policy/decide/decision.h"
#include "policy/decide/request.h"

namespace hubperm {

Decision Check(const Snapshot& snapshot, const Request& request);

// The org whose token policy governs the request's target, or kNoId.
OrgId TargetOrg(const Snapshot& snapshot, const Request& request);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DECIDE_CHECK_H_
