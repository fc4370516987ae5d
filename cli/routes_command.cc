// Copyright 2026 The hubperm Authors.

#include "cli/routes_command.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"

namespace hubperm {
namespace {

constexpr char kRoutesHelp[] = R"(hubperm routes [--filter TEXT] [--format text|json]

Lists the route catalogue (policy/request/routes.yaml, built in): every operation of the Hub's OpenAPI
description, and the routes huggingface_hub calls that the description lacks. For each: the
huggingface_hub methods that call it (the --operation form), what it acts on, and either the operation
hubperm decides it as, with what the user needs and which token permissions on what, each marked for
this route as the spec marks facts: doc (the Hub documents it), seen (real Hub responses show it) or
assumed (hubperm's stated choice); or, for a route hubperm does not model, why. --filter keeps the
routes whose verb, path, operation, reason or method names contain TEXT, in any case. --format json:
schema hubperm.routes/v2.

Exit codes: 0, 2 on bad usage.

Examples:
  hubperm routes
  # Which routes write to a repo's branches?
  hubperm routes --filter branch
  hubperm routes --filter create_repo --format json
  # Which routes does hubperm not model because of billing?
  hubperm routes --filter billing
)";


int RunRoutes(const Options& o, CommandIo& io) {
  if (!o.files.empty()) return Fail(io.err, io.err_style, absl::StrCat("routes takes no files, not '", o.files[0], "'"));
  int count = 0;
  io.out << RenderRoutes(o.filter, o.json(), &count);
  if (!o.json() && count == 0) io.out << "no route matches '" << o.filter << "'\n";
  return kExitAllow;
}

}  // namespace

const Command& RoutesCommand() {
  static const Command* command =
      new Command{"routes", kRoutesHelp, {Flag::kFilter, Flag::kFormat, Flag::kColor}, RunRoutes};
  return *command;
}

}  // namespace hubperm
