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

#include <iosfwd>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "policy/common/style.h"

namespace hubperm {

struct TestOptions {
  std::vector<std::string> files;
  std::string filter;  // "" runs every check
  std::string junit;   // a path, or "" for none
  bool coverage = false;
  bool json = false;
};

int RunTest(const TestOptions& options, const Style& out_style, const Style& err_style, std::ostream& out,
            std::ostream& err);

// Whether a check named `name` is selected by --filter `pattern`: a glob (`*` any text, `?` one
// character) matched against the whole name when the pattern holds either, else a substring. An empty
// pattern selects everything.
bool MatchesFilter(absl::string_view pattern, absl::string_view name);

}  // namespace hubperm

#endif  // HUBPERM_CLI_TEST_COMMAND_H_
