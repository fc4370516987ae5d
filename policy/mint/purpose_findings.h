// Copyright 2026 The hubperm Authors.
//
// policy/mint/purpose_findings.h: the audit's broader-than-needed finding. A token whose fixture entry
// says what it is for (`purpose:`, docs/fixture-format.md) is compared with the token Mint makes for that
// purpose and its owner; one that holds more (a classic role, scoped or global permissions no purpose
// needs, the gated-repos flag) is reported, and the fix makes it the minted token.
//
// The audit (policy/audit) sees only the compiled snapshot; minting needs the world, so the facade's
// Engine::Audit adds these findings (AddFindings) to the report.
//
//   AddFindings(snapshot, BroaderThanNeeded(world, snapshot), &report);

#ifndef HUBPERM_POLICY_MINT_PURPOSE_FINDINGS_H_
#define HUBPERM_POLICY_MINT_PURPOSE_FINDINGS_H_

#include <vector>

#include "policy/audit/findings.h"
#include "policy/compile/snapshot.h"
#include "policy/mint/intents.h"
#include "policy/model/world.h"

namespace hubperm {

// The intents of `token`'s purpose: each purpose entry's request (one per repo of a `repos:` list).
std::vector<Intent> PurposeIntents(const Token& token);

// A broader-than-needed finding for each user access token of `world` (compiled into `snapshot`) with a
// purpose that holds more than it needs. A purpose whose requests do not resolve is skipped (`hubperm
// validate` reports it).
std::vector<Finding> BroaderThanNeeded(const World& world, const Snapshot& snapshot);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MINT_PURPOSE_FINDINGS_H_
