// Copyright 2026 The hubperm Authors.
//
// cli/import_org_command.h: `hubperm import-org DIR [--plan PLAN] [--token-policy POLICY]`: an
// organization's saved API responses (policy/load/org_import.h) as one fixture world on stdout,
// checked to load before it is printed; issues on stderr. Never writes a secret.

#ifndef HUBPERM_CLI_IMPORT_ORG_COMMAND_H_
#define HUBPERM_CLI_IMPORT_ORG_COMMAND_H_

#include "cli/command.h"

namespace hubperm {

const Command& ImportOrgCommand();

}  // namespace hubperm

#endif  // HUBPERM_CLI_IMPORT_ORG_COMMAND_H_
