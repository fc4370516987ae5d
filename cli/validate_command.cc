// Copyright 2026 The hubperm Authors.

#include "cli/validate_command.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"

namespace hubperm {
namespace {

constexpr char kValidateHelp[] = R"(hubperm validate FILES... [--format text|json] [--color auto|always|never]

Loads the fixtures as one world and reports every error and warning, each as file:line:col: message
with the source line, then a count. An error (an unknown key, a name nothing defines, a role the Hub
does not have, ...) makes the world unusable; a warning (an unknown permission string, a scope that
grants nothing) does not. With --format json, the issues as data (schema hubperm.validate/v1).

Exit codes: 0 no errors (warnings allowed), 2 errors or unreadable files.

Examples:
  hubperm validate testdata/founding/world.yaml
  # Several files make one world: names may refer across files.
  hubperm validate testdata/spec/world.yaml testdata/spec/user_side.yaml testdata/spec/token_side.yaml
  hubperm validate testdata/founding/world.yaml --format json
)";


int RunValidate(const Options& o, CommandIo& io) {
  if (o.files.empty()) return Fail(io.err, io.err_style, "validate needs at least one fixture file");
  LoadResult loaded = Engine::Load(o.files, o.load);
  // A world without errors compiles; then every case's requests must resolve against it.
  if (loaded.ok()) {
    const Diagnostics cases = loaded.engine->CheckCaseRequests();
    for (const Issue* issue : cases.Sorted()) loaded.diagnostics.Error(issue->pos, issue->message);
  }
  const bool clean = loaded.error_count() == 0;
  if (o.json()) {
    io.out << loaded.RenderIssuesJson(o.files);
    return clean ? kExitAllow : kExitBadInput;
  }
  loaded.PrintIssues(io.err, io.err_style);
  if (!loaded.ok() && loaded.case_count > 0) {
    // A case's request names things of the world: it can be resolved only against a world without errors.
    io.err << "hubperm: the requests of the cases are checked once the world has no errors\n";
  }
  const int errors = loaded.error_count();
  const int warnings = loaded.warning_count();
  const std::string error_count = absl::StrCat(errors, errors == 1 ? " error" : " errors");
  io.out << absl::StrCat(o.files.size(), o.files.size() == 1 ? " file: " : " files: ",
                         errors > 0 ? io.out_style.Paint(Tone::kDeny, error_count) : error_count, ", ", warnings,
                         warnings == 1 ? " warning" : " warnings")
         << "\n";
  return clean ? kExitAllow : kExitBadInput;
}

}  // namespace

const Command& ValidateCommand() {
  static const Command* command = new Command{"validate", kValidateHelp, {Flag::kMaxIssues, Flag::kMaxChecks, Flag::kFormat, Flag::kColor, Flag::kSet}, RunValidate};
  return *command;
}

}  // namespace hubperm
