// Copyright 2026 The hubperm Authors.
//
// cli/mint_command.h: `hubperm mint FILES... --for INTENTS.yaml | --from-log FILE`: the smallest
// fine-grained token for what a job does (policy/mint), as a fixture entry or JSON (hubperm.mint/v1).
//
// Exit codes: 0 minted, 2 bad input (fixtures or intents with errors, an intent no token can allow).

#ifndef HUBPERM_CLI_MINT_COMMAND_H_
#define HUBPERM_CLI_MINT_COMMAND_H_

#include "cli/command.h"

namespace hubperm {

const Command& MintCommand();

}  // namespace hubperm

#endif  // HUBPERM_CLI_MINT_COMMAND_H_
