// Copyright 2026 The hubperm Authors.

#include "cli/audit_command.h"

#include <iostream>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/fail.h"
#include "policy/audit/audit.h"
#include "policy/audit/audit_html.h"
#include "policy/audit/audit_report.h"
#include "policy/compile/snapshot.h"
#include "policy/load/fixtures.h"

namespace hubperm {

int RunAudit(const AuditOptions& options, const Style& out_style, const Style& err_style, std::ostream& out,
             std::ostream& err) {
  if (options.files.empty()) return Fail(err, err_style, "audit needs at least one fixture file (see hubperm audit --help)");
  Fixtures fixtures = LoadFixtures(options.files);
  err << fixtures.RenderIssues(err_style);
  if (!fixtures.ok()) {
    return FailFixtures(err, fixtures.error_count(), "nothing was audited");
  }
  if (fixtures.world.tokens.empty()) return Fail(err, err_style, "the fixtures define no token to audit");
  const std::shared_ptr<const Snapshot> snapshot = Snapshot::Compile(fixtures.world, std::move(fixtures.files));
  const AuditReport report = Audit(*snapshot);
  if (options.format == "json") {
    out << RenderAuditJson(*snapshot, report);
  } else if (options.format == "html") {
    out << RenderAuditHtml(*snapshot, report);
  } else {
    out << RenderAuditText(*snapshot, report, out_style);
  }
  return report.count(FindingSeverity::kError) > 0 ? kExitDeny : kExitAllow;
}

}  // namespace hubperm
