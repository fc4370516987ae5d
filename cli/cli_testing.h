// Copyright 2026 The hubperm Authors.
//
// cli/cli_testing.h: for the CLI's tests, `hubperm ARGS...` run in process, and scratch files.

#ifndef HUBPERM_CLI_CLI_TESTING_H_
#define HUBPERM_CLI_CLI_TESTING_H_

#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/hubperm.h"

namespace hubperm {

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs `hubperm args...` with `stdin_text` on stdin.
inline CliRun Hubperm(const std::vector<std::string>& args, const std::string& stdin_text = "",
                      const Terminal& terminal = Terminal()) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  const int code = RunHubperm(args, in, out, err, terminal);
  return CliRun{code, out.str(), err.str()};
}

// Every key of an indented JSON document (one key per line, as hubperm writes JSON): for the tests that
// check each key is documented.
inline std::set<std::string> JsonKeys(const std::string& json) {
  std::set<std::string> keys;
  for (size_t at = json.find('\n'); at != std::string::npos; at = json.find('\n', at + 1)) {
    const size_t open = json.find_first_not_of(' ', at + 1);
    if (open == std::string::npos || json[open] != '"') continue;
    const size_t close = json.find('"', open + 1);
    if (close != std::string::npos && json.compare(close + 1, 1, ":") == 0) keys.insert(json.substr(open + 1, close - open - 1));
  }
  return keys;
}

// A path for a file the test writes, under Bazel's TEST_TMPDIR.
inline std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

}  // namespace hubperm

#endif  // HUBPERM_CLI_CLI_TESTING_H_
