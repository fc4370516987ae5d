// Copyright 2026 The hubperm Authors.
//
// cli/test_command.h: `hubperm test FILES...`, the rule checker. It loads the files as one world, runs
// every check of every case (policy/cases), prints one line per failure with the case's position and the
// full explanation of what happened, then "N passed, N failed". --filter runs a subset, --junit writes
// JUnit XML, --coverage reports the facts of the world no case exercised, --format json gives it all as
// data (schema hubperm.test/v1).
//
// Exit codes: 0 every check passed, 1 some failed, 2 bad input (fixtures with errors, a case whose
// request does not resolve, no case to run, an unwritable --junit file).

#ifndef HUBPERM_CLI_TEST_COMMAND_H_
#define HUBPERM_CLI_TEST_COMMAND_H_

#include "cli/command.h"

namespace hubperm {

const Command& TestCommand();

}  // namespace hubperm

#endif  // HUBPERM_CLI_TEST_COMMAND_H_
