// Copyright 2026 The hubperm Authors.
//
// cli/import_command.h: `hubperm import-whoami [FILE.json | -] [--name NAME]`: the Hub's whoami-v2
// response (policy/load/whoami_import.h) as fixture YAML on stdout, checked to load before it is
// printed; issues on stderr. Never writes a secret.

#ifndef HUBPERM_CLI_IMPORT_COMMAND_H_
#define HUBPERM_CLI_IMPORT_COMMAND_H_

#include "cli/command.h"

namespace hubperm {

const Command& ImportWhoamiCommand();

}  // namespace hubperm

#endif  // HUBPERM_CLI_IMPORT_COMMAND_H_
