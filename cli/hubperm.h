// Copyright 2026 The hubperm Authors.
//
// cli/hubperm.h: the hubperm command line, as a function (main.cc only calls it), so the whole command
// can be tested in process: arguments and stdin in, stdout, stderr and an exit code out.

#ifndef HUBPERM_CLI_HUBPERM_H_
#define HUBPERM_CLI_HUBPERM_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/exit_codes.h"

namespace hubperm {

// What the process's surroundings say about colour (main.cc fills it in; tests set it).
struct Terminal {
  bool out_is_terminal = false;  // isatty(stdout)
  bool err_is_terminal = false;  // isatty(stderr)
  const char* no_color = nullptr;  // getenv("NO_COLOR")
};

// Runs `hubperm args...` (args excludes the program name).
int RunHubperm(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
               const Terminal& terminal = Terminal());

}  // namespace hubperm

#endif  // HUBPERM_CLI_HUBPERM_H_
