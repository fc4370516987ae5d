// Copyright 2026 The hubperm Authors.
//
// policy/request/route.h: the HTTP request form, "VERB PATH" plus a body, as in the Hub's API
// playground or curl.
//
// Routes come from the catalogue (catalogue.h, routes.yaml), with the `datasets/` and `spaces/` forms; a
// path may be a full URL (https://huggingface.co/...), may carry a query string (`?create_pr=1` turns a
// commit into a pull request), and may URL-encode a revision (refs%2Fpr%2F1). Bodies come in the forms
// clients send (request_body.h): a field the Hub's OpenAPI description does not list for the route is an
// error, so a typo cannot silently change the answer; a commit's NDJSON lines are checked one by one;
// the LFS batch API is decided by its body's `operation` (an upload commits, a download reads).

#ifndef HUBPERM_POLICY_REQUEST_ROUTE_H_
#define HUBPERM_POLICY_REQUEST_ROUTE_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/request/catalogue.h"
#include "policy/request/request_body.h"
#include "policy/request/request_description.h"

namespace hubperm {

// A request line matched against the route catalogue: the row, and what the path names.
struct RouteMatch {
  const CatalogueRoute* route = nullptr;
  std::string ns, name;   // {namespace}/{repo}
  std::string org;        // {name} after /organizations
  std::string group;      // {resourceGroupId}
  absl::optional<RepoType> type;  // a models/datasets/spaces segment or {repoType}
  bool create_pr = false;         // ?create_pr=1
};

// Matches "VERB PATH" (PATH may be a full URL with a query string; segments are URL-decoded) against the
// catalogue; the most specific row wins. An unknown route is an error naming the three nearest rows.
absl::StatusOr<RouteMatch> MatchHttpRequest(absl::string_view line);

// The RequestDescription of a matched route with `body`. For a route hubperm does not model, a spec whose
// `route` says why (RequestDescription::modeled() is false).
absl::StatusOr<RequestDescription> DescribeRoute(const RouteMatch& match, const RequestBody& body);

// MatchHttpRequest, then DescribeRoute; the description keeps the line as asked (AskedAs::http).
absl::StatusOr<RequestDescription> ParseHttpRequest(absl::string_view line, const RequestBody& body);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_ROUTE_H_
