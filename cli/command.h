// Copyright 2026 The hubperm Authors.
//
// cli/command.h: what every `hubperm` command is: a name, its help text, the flags it takes and the
// function that runs it over the engine's facade (policy/hubperm.h). Each command lives in its own
// file with its help text beside it (check_command.cc, validate_command.cc, ...); hubperm.cc lists them.

#ifndef HUBPERM_CLI_COMMAND_H_
#define HUBPERM_CLI_COMMAND_H_

#include <iosfwd>
#include <vector>

#include "absl/strings/string_view.h"
#include "cli/flags.h"
#include "policy/hubperm.h"

namespace hubperm {

// Where a command reads and writes, and how it colours each stream.
struct CommandIo {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  Style out_style = Style::Plain();
  Style err_style = Style::Plain();
};

struct Command {
  absl::string_view name;
  absl::string_view help;    // `hubperm NAME --help`
  std::vector<Flag> flags;   // the flags it takes besides --help
  int (*run)(const Options& options, CommandIo& io);
};

}  // namespace hubperm

#endif  // HUBPERM_CLI_COMMAND_H_
