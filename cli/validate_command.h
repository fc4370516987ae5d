// Copyright 2026 The hubperm Authors.
//
// cli/validate_command.h: `hubperm validate FILES...`: every error and warning of the fixtures, as
// file:line:col: message with the source line (or as JSON), then a count; once the world has no error,
// also every case whose request does not resolve.

#ifndef HUBPERM_CLI_VALIDATE_COMMAND_H_
#define HUBPERM_CLI_VALIDATE_COMMAND_H_

#include "cli/command.h"

namespace hubperm {

const Command& ValidateCommand();

}  // namespace hubperm

#endif  // HUBPERM_CLI_VALIDATE_COMMAND_H_
