// Copyright 2026 The hubperm Authors.
//
// The hubperm command. Everything is in hubperm.cc, so it can be tested in process.

#include <iostream>
#include <string>
#include <vector>

#include "cli/hubperm.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return hubperm::RunHubperm(args, std::cin, std::cout, std::cerr);
}
