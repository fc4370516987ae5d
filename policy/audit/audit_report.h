// Copyright 2026 The hubperm Authors.
//
// policy/audit/audit_report.h: an AuditReport as text for people and as JSON for tools (schema
// hubperm.audit/v1, docs/audit-json.md). The HTML page is audit_html.h.

#ifndef HUBPERM_POLICY_AUDIT_AUDIT_REPORT_H_
#define HUBPERM_POLICY_AUDIT_AUDIT_REPORT_H_

#include <string>

#include "policy/audit/audit.h"
#include "policy/common/style.h"
#include "policy/compile/snapshot.h"

namespace hubperm {

// The findings (each with its severity, token, evidence at file:line:col and fix), then each token's
// effective access by namespace and level, then a count line.
std::string RenderAuditText(const Snapshot& snapshot, const AuditReport& report, const Style& style = Style::Plain());

std::string RenderAuditJson(const Snapshot& snapshot, const AuditReport& report);

// "user alice" or "org acme", and the owner's standing there: "own namespace", "member: read", "not a
// member".
std::string NamespaceName(const Snapshot& snapshot, const NamespaceAccess& ns);
std::string StandingText(const Snapshot& snapshot, UserId owner, const NamespaceAccess& ns);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_AUDIT_AUDIT_REPORT_H_
