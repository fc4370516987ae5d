// Copyright 2026 The hubperm Authors.
//
// cli/routes.h: `hubperm routes`, the route table as people and tools read it: each HTTP route hubperm
// recognizes, the operation it performs, the huggingface_hub methods that call it, and what that
// operation needs from the user and from the token, each marked doc, seen or assumed as the spec does.

#ifndef HUBPERM_CLI_ROUTES_H_
#define HUBPERM_CLI_ROUTES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace hubperm {

// The routes whose "VERB /path operation methods" contains `filter` (any case; "" keeps all), as text
// (two lines per route) or as JSON (schema hubperm.routes/v1). `*count` is the number listed.
std::string RenderRoutes(absl::string_view filter, bool json, int* count);

}  // namespace hubperm

#endif  // HUBPERM_CLI_ROUTES_H_
