// Copyright 2026 The hubperm Authors.
//
// cli/from_error.h: `check --from-error TEXT`: the request behind an error huggingface_hub printed, and
// whether the world predicts what the Hub answered.
//
// The printed error has the URL but not the verb. When the URL's path is a route of several verbs that
// hubperm decides differently, the status chooses: a 403 is taken as the write (POST, PUT, PATCH,
// DELETE), anything else as the read (GET, HEAD) [assumed: reads of a visible repo are rarely refused],
// and the output says so, with the --http line that asks the other one.

#ifndef HUBPERM_CLI_FROM_ERROR_H_
#define HUBPERM_CLI_FROM_ERROR_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "policy/decide/decision.h"
#include "policy/explain/explain.h"
#include "policy/request/hub_error.h"
#include "policy/request/route.h"

namespace hubperm {

struct ErrorRequest {
  HubError error;
  std::string http;                     // "POST https://huggingface.co/api/repos/create"
  RouteMatch match;
  std::vector<std::string> other_verbs; // verbs of the same path that hubperm decides otherwise
  // The body the request must have had, from what the error says: for POST /api/repos/create, the type
  // and namespace of "You don't have the rights to create a {type} under the namespace "{ns}"".
  Body body;
};

// The request an error text (as huggingface_hub prints it) was the answer to. A route whose target is
// in its body (create, delete, move, duplicate) needs the body: only a create refused with the Hub's
// message names it; for the others the error says to ask with --http and --body.
absl::StatusOr<ErrorRequest> RequestOfError(absl::string_view text);

// Whether the world's prediction (`decision`, `explanation`) matches the error, in words: "the world
// predicts the same: 403 ..." or "the world predicts 200, the Hub answered 403: <the fixture fact that is
// likely wrong>". `*agrees` says which.
std::string CompareWithError(const HubError& error, const Decision& decision, const Explanation& explanation,
                             bool* agrees);

}  // namespace hubperm

#endif  // HUBPERM_CLI_FROM_ERROR_H_
