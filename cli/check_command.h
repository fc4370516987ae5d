// Copyright 2026 The hubperm Authors.
//
// cli/check_command.h: `hubperm check` (one line: ALLOW, or DENY and why) and `hubperm explain` (both
// sides, the Hub's answer, the fix, the assumptions): one request, in any of the four forms, decided
// by the engine. A route hubperm does not model answers NOT MODELED (exit 3); a pasted error is also
// compared with the world's prediction.

#ifndef HUBPERM_CLI_CHECK_COMMAND_H_
#define HUBPERM_CLI_CHECK_COMMAND_H_

#include "absl/strings/string_view.h"
#include "cli/command.h"

namespace hubperm {

const Command& CheckCommand();
const Command& ExplainCommand();

// The four request forms, as `check --help` and `explain --help` describe them after their own text.
absl::string_view RequestFormsHelp();

}  // namespace hubperm

#endif  // HUBPERM_CLI_CHECK_COMMAND_H_
