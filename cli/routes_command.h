// Copyright 2026 The hubperm Authors.
//
// cli/routes_command.h: `hubperm routes [--filter TEXT]`: the route catalogue, every route of the Hub's
// API and how hubperm decides it (policy/request/route_listing.h), as text or JSON.

#ifndef HUBPERM_CLI_ROUTES_COMMAND_H_
#define HUBPERM_CLI_ROUTES_COMMAND_H_

#include "cli/command.h"

namespace hubperm {

const Command& RoutesCommand();

}  // namespace hubperm

#endif  // HUBPERM_CLI_ROUTES_COMMAND_H_
