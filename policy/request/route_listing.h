// Copyright 2026 The hubperm Authors.
//
// policy/request/route_listing.h: `hubperm routes`, the route catalogue (policy/request/routes.yaml) as people and tools
// read it: each route of the Hub's API, the huggingface_hub methods that call it, what it acts on, and
// either the operation that decides it with what that needs from the user and from the token (each
// marked doc, seen or assumed for this route) or why hubperm does not model it.

#ifndef HUBPERM_POLICY_REQUEST_ROUTE_LISTING_H_
#define HUBPERM_POLICY_REQUEST_ROUTE_LISTING_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/request/catalogue.h"

namespace hubperm {

// The routes whose "VERB /path operation methods" (or unmodeled reason key) contains `filter` (any case;
// "" keeps all) and, with `client`, that the client calls, as text (three or four lines per route) or as
// JSON (schema hubperm.routes/v2). `*count` is the number listed.
std::string RenderRoutes(absl::string_view filter, absl::optional<Client> client, bool json, int* count);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_ROUTE_LISTING_H_
