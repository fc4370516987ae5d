// Copyright 2026 The hubperm Authors.
//
// cli/fetch_org_command.h: `hubperm fetch-org ORG --out DIR [--token-file FILE] [--whoami-only]`: save an
// organization's responses from the Hub's API (fetch/org_fetcher.h) for `hubperm import-org`, with the
// token from HF_TOKEN or a file and the endpoint from HF_ENDPOINT.

#ifndef HUBPERM_CLI_FETCH_ORG_COMMAND_H_
#define HUBPERM_CLI_FETCH_ORG_COMMAND_H_

#include "cli/command.h"

namespace hubperm {

const Command& FetchOrgCommand();

}  // namespace hubperm

#endif  // HUBPERM_CLI_FETCH_ORG_COMMAND_H_
