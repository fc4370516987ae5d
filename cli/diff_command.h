// Copyright 2026 The hubperm Authors.
//
// cli/diff_command.h: `hubperm diff OLD_FILES... --to NEW_FILES...` and `hubperm diff FILES... --set
// PATH=VALUE...`: every (token, request) whose decision differs between two worlds, grouped by token and
// by the fact that changed (policy/diff), as text, JSON (hubperm.diff/v1) or one HTML page.
//
// Exit codes: 0 nothing changed, 1 something did, 2 bad input.

#ifndef HUBPERM_CLI_DIFF_COMMAND_H_
#define HUBPERM_CLI_DIFF_COMMAND_H_

#include "cli/command.h"

namespace hubperm {

const Command& DiffCommand();

}  // namespace hubperm

#endif  // HUBPERM_CLI_DIFF_COMMAND_H_
