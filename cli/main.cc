// Copyright 2026 The hubperm Authors.
//
// The hubperm command. Everything is in hubperm.cc, so it can be tested in process; this file only
// tells it about the process: arguments, streams, and whether they are terminals.

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/hubperm.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  hubperm::Terminal terminal;
  terminal.out_is_terminal = isatty(STDOUT_FILENO) == 1;
  terminal.err_is_terminal = isatty(STDERR_FILENO) == 1;
  terminal.no_color = std::getenv("NO_COLOR");
  return hubperm::RunHubperm(args, std::cin, std::cout, std::cerr, terminal);
}
