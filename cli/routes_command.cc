// Copyright 2026 The hubperm Authors.

#include "cli/routes_command.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"

namespace hubperm {
namespace {

constexpr char kRoutesHelp[] = R"(hubperm routes [--filter TEXT] [--client NAME] [--format text|json]

Lists the route catalogue (policy/request/routes.yaml, built in): every operation of the Hub's OpenAPI
description, and the routes the clients call that the description lacks. For each: the huggingface_hub
methods (the --operation form) and @huggingface/hub functions that call it, as recorded from the
clients themselves (testdata/clients/), what it acts on, and either the operation
hubperm decides it as, with what the user needs and which token permissions on what, each marked for
this route as the spec marks facts: doc (the Hub documents it), seen (real Hub responses show it) or
assumed (hubperm's stated choice); or, for a route hubperm does not model, why. --filter keeps the
routes whose verb, path, operation, reason or method names contain TEXT, in any case. --client keeps
the routes a client calls: huggingface_hub (or python) or @huggingface/hub (or js). --format json:
schema hubperm.routes/v2.

Exit codes: 0, 2 on bad usage.

Examples:
  hubperm routes
  # Which routes write to a repo's branches?
  hubperm routes --filter branch
  hubperm routes --filter create_repo --format json
  # Which routes does hubperm not model because of billing?
  hubperm routes --filter billing
  # Every request the JavaScript client makes to upload.
  hubperm routes --client @huggingface/hub --filter upload
)";


int RunRoutes(const Options& o, CommandIo& io) {
  if (!o.files.empty()) return Fail(io.err, io.err_style, absl::StrCat("routes takes no files, not ", QuoteValue(o.files[0])));
  absl::optional<Client> client;
  if (!o.client.empty()) {
    client = ParseClient(o.client);
    if (!client.has_value()) {
      return Fail(io.err, io.err_style,
                  absl::StrCat("--client must be ", absl::StrJoin(ClientNames(), " or "), ", not ", QuoteValue(o.client)));
    }
  }
  int count = 0;
  io.out << RenderRoutes(o.filter, client, o.json(), &count);
  if (!o.json() && count == 0) {
    io.out << "no route matches '" << o.filter << "'" << (client ? absl::StrCat(" for ", o.client) : "") << "\n";
  }
  return kExitAllow;
}

}  // namespace

const Command& RoutesCommand() {
  static const Command* command =
      new Command{"routes", kRoutesHelp, {Flag::kFilter, Flag::kClient, Flag::kFormat, Flag::kColor}, RunRoutes};
  return *command;
}

}  // namespace hubperm
