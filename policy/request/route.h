// Copyright 2026 The hubperm Authors.
//
// policy/request/route.h: the HTTP request form, "VERB PATH" plus a body, as in the Hub's API
// playground or curl.
//
// The route table (route.cc) has one row per route of ../shared/spec/hub-access-model.md §6, with the
// `datasets/` and `spaces/` forms; a path may be a full URL (https://huggingface.co/...), may carry a
// query string (`?create_pr=1` turns a commit into a pull request), and may URL-encode a revision
// (refs%2Fpr%2F1). Bodies are JSON (or YAML) mappings of scalars; a key the Hub's OpenAPI description
// does not list for the route is an error, so a typo cannot silently change the answer.

#ifndef HUBPERM_POLICY_REQUEST_ROUTE_H_
#define HUBPERM_POLICY_REQUEST_ROUTE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "policy/request/request_spec.h"

namespace hubperm {

using Body = std::vector<std::pair<std::string, std::string>>;

// Parses a request body: a JSON object (or YAML mapping) whose values are scalars. "" is an empty body.
absl::StatusOr<Body> ParseBody(absl::string_view text);

// Parses "VERB PATH" with `body` into a RequestSpec. An unknown route is an error naming the nearest
// known ones.
absl::StatusOr<RequestSpec> ParseHttpRequest(absl::string_view line, const Body& body);

// One route of the table: "POST", "/api/repos/create", Operation::kCreateRepo. Path templates name
// the repo type ({type}s: models, datasets or spaces), the repo ({ns}/{name}), an {org}, a {group}, a
// {user}, a segment that does not matter ({_}) or the rest of the path ({path*}).
struct RouteRow {
  absl::string_view method;
  absl::string_view path;
  Operation operation;
};

// Every route hubperm knows, in table order.
std::vector<RouteRow> AllRoutes();

// The same, as "VERB /path/{template}".
std::vector<std::string> KnownRoutes();

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_ROUTE_H_
