// Copyright 2026 The hubperm Authors.
//
// policy/audit/audit.h: every token of a world, audited: its effective access (effective_access.h) and
// what is wrong with it (findings.h).
//
//   AuditReport report = Audit(*snapshot);
//   for (const Finding& f : report.findings) ...
//
// The cost grows with each token's reach (the repos of its owner's namespaces and of its scopes), not
// with the number of repos in the world.

#ifndef HUBPERM_POLICY_AUDIT_AUDIT_H_
#define HUBPERM_POLICY_AUDIT_AUDIT_H_

#include <memory>
#include <vector>

#include "policy/audit/effective_access.h"
#include "policy/audit/findings.h"
#include "policy/compile/snapshot.h"

namespace hubperm {

struct AuditReport {
  // The index the tokens' repo lists point into (RepoRanges), kept as long as the report.
  std::shared_ptr<const AuditIndex> index;
  std::vector<TokenAccess> tokens;  // by token name
  // By severity (errors first), then token name, then kind and subject.
  std::vector<Finding> findings;
  int count(FindingSeverity severity) const;
};

// Every token of `snapshot`; its lifetime judged as `options` says (findings.h).
AuditReport Audit(const Snapshot& snapshot, const AuditOptions& options = AuditOptions());

// Adds `more` findings (computed elsewhere: broader-than-needed) to `report`, a report of Audit's (which
// lists every token), in the report's order.
void AddFindings(const Snapshot& snapshot, std::vector<Finding> more, AuditReport* report);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_AUDIT_AUDIT_H_
