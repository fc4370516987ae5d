// Copyright 2026 The hubperm Authors.
//
// cli/who_can_command.h: `hubperm who-can FILES... REQUEST`: every token allowed to make a request asked
// without a token, which sides deny the others, and the users who could make a token that may
// (policy/whocan), as text or JSON (hubperm.who_can/v1).
//
// Exit codes: 0 some token may, 1 no token may, 2 bad input.

#ifndef HUBPERM_CLI_WHO_CAN_COMMAND_H_
#define HUBPERM_CLI_WHO_CAN_COMMAND_H_

#include "cli/command.h"

namespace hubperm {

const Command& WhoCanCommand();

}  // namespace hubperm

#endif  // HUBPERM_CLI_WHO_CAN_COMMAND_H_
