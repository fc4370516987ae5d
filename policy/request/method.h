// Copyright 2026 The hubperm Authors.
//
// policy/request/method.h: the huggingface_hub request form: `HfApi` method names -> catalogue rows.
//
// The methods are those the route catalogue's rows list (routes.yaml, `hf_api`), so a method decides
// exactly as the route it calls. A method whose rows fix the repo type (model_info) says so; the others
// take it from --repo-type (default model, as huggingface_hub does).

#ifndef HUBPERM_POLICY_REQUEST_METHOD_H_
#define HUBPERM_POLICY_REQUEST_METHOD_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/request/catalogue.h"
#include "policy/request/request_description.h"

namespace hubperm {

// The RequestDescription for calling huggingface_hub's `method` with `args` (--user is not a method argument). An unknown method name is an
// error naming the nearest known ones; missing or conflicting arguments are errors too.
absl::StatusOr<RequestDescription> ParseMethodRequest(absl::string_view method, const TargetArgs& args);

// The catalogue row `method` calls for `args` (its repo type, and "(write=True)" with --write), or an
// error naming the nearest known methods.
absl::StatusOr<const CatalogueRoute*> RouteOfMethod(absl::string_view method, const TargetArgs& args);

// Every method name hubperm knows, in catalogue order.
std::vector<absl::string_view> KnownMethods();

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_METHOD_H_
