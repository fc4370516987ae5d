// Copyright 2026 The hubperm Authors.
//
// cli/audit_command.h: `hubperm audit FILES... [--format text|json|html]`. Loads the files as one world
// and audits every token (policy/audit): its effective access, and the findings with their severity,
// evidence and fix. Text for people, JSON for tools (schema hubperm.audit/v1, docs/audit-json.md), or one
// self-contained HTML page.
//
// Exit codes: 0 no error-severity finding, 1 some error finding (a token that will fail or is blocked),
// 2 bad input (fixtures with errors, no token to audit).

#ifndef HUBPERM_CLI_AUDIT_COMMAND_H_
#define HUBPERM_CLI_AUDIT_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "policy/common/style.h"

namespace hubperm {

struct AuditOptions {
  std::vector<std::string> files;
  std::string format = "text";  // text, json or html
};

int RunAudit(const AuditOptions& options, const Style& out_style, const Style& err_style, std::ostream& out,
             std::ostream& err);

}  // namespace hubperm

#endif  // HUBPERM_CLI_AUDIT_COMMAND_H_
