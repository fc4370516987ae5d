// Copyright 2026 The hubperm Authors.
//
// cli/audit_command.h: `hubperm audit FILES...`: every token's effective access and what is wrong with
// it (policy/audit), as text, JSON (schema hubperm.audit/v1) or one self-contained HTML page.
//
// Exit codes: 0 no error finding, 1 some error finding, 2 bad input (fixtures with errors, no token).

#ifndef HUBPERM_CLI_AUDIT_COMMAND_H_
#define HUBPERM_CLI_AUDIT_COMMAND_H_

#include "cli/command.h"

namespace hubperm {

const Command& AuditCommand();

}  // namespace hubperm

#endif  // HUBPERM_CLI_AUDIT_COMMAND_H_
