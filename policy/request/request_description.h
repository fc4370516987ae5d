// Copyright 2026 The hubperm Authors.
//
// policy/request/request_description.h: a request as its asker stated it, by names, in any form.
//
// Every request form parses into one RequestDescription: an HTTP line and body (route.h), a
// huggingface_hub method and its arguments (method.h), a permission and a target (permission_form.h),
// an error huggingface_hub printed (error_request.h); request_input.h picks the form from the
// CLI's flags or a case's keys. The description names the operation and its target by name, and keeps
// how it was asked (AskedAs) so that, once resolved against a snapshot (resolve.h), explanations say it
// in the asker's words.

#ifndef HUBPERM_POLICY_REQUEST_REQUEST_DESCRIPTION_H_
#define HUBPERM_POLICY_REQUEST_REQUEST_DESCRIPTION_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "policy/common/json_writer.h"
#include "policy/decide/request.h"
#include "policy/model/operation.h"
#include "policy/request/catalogue.h"
#include "policy/request/hub_error.h"
#include "policy/request/request_args.h"

namespace hubperm {

// The four forms a request comes in.
enum class RequestForm : uint8_t {
  kHttp,        // "POST /api/repos/create" and a body
  kMethod,      // create_repo and its arguments
  kPermission,  // repo.write on org acme
  kError,       // what huggingface_hub printed for a failed request
};

// How a request was asked, beyond what it asks: kept through resolution for the explanation.
struct AskedAs {
  RequestForm form = RequestForm::kMethod;
  // The catalogue row the request was found by (HTTP, method and error forms); null for a permission.
  // A row without an operation is a route hubperm does not model.
  const CatalogueRoute* route = nullptr;
  // The huggingface_hub method ("list_repo_tree"): the method form's, or the method a step of a
  // sequence belongs to (sequence_request.h, whose steps are HTTP requests); "" otherwise.
  std::string method;
  std::string http;    // "VERB URL" as asked or, for an error, as chosen from the status
  // The permission form: the permission, the question in words ("repo.write on org acme") and what
  // using it there means ("create a repo in the namespace").
  std::string permission;
  std::string question;
  absl::string_view meaning;
  // The error form: the error as printed, and the other verbs of its URL that are decided otherwise
  // (the printed error has no verb).
  absl::optional<HubError> error;
  std::vector<std::string> other_verbs;
  // The key of a catalogue reason when the body, not the route, puts the request outside hubperm's
  // worlds (moving a bucket through POST /api/repos/move); "" otherwise.
  std::string unmodeled;

  // The name explanations use for the request: the method, else the route's first method, else the
  // operation's name.
  std::string Name(Operation operation) const;
  // "ROUTE" for the route line of an explanation, "" for the permission form.
  std::string RouteName() const;
  // For a route the catalogue marks weaker than the operation it is decided as, that assumption in words
  // ("that GET /api/... needs what repo_info needs is assumed (the route catalogue)"); else "".
  std::string AssumedRule(Operation operation) const;
};

// Which kind of namespace a request may create in: either (the HTTP and method forms name a namespace
// without saying which kind), or exactly the kind the permission form's user or org said.
enum class NamespaceKind : uint8_t { kEither, kUser, kOrg };

// A request by names. Which fields apply depends on the operation's target (operation.h, TargetKind).
struct RequestDescription {
  Operation operation = Operation::kWhoami;
  RepoType repo_type = RepoType::kModel;
  // kRepo: "ns/name" (move_repo, duplicate_repo: the source). kNamespace: the namespace ("" = the token
  // owner's) the repo is created in; move_repo, duplicate_repo: the namespace it goes to.
  std::string repo;
  std::string ns;
  NamespaceKind ns_kind = NamespaceKind::kEither;
  // kNamespace: the resource group created into (optional); kGroup and move_repo_to_resource_group: the group.
  std::string group;
  // kOrg: the organization.
  std::string org;
  AskedAs asked;
  // How the request's arguments were spelled, for resolution errors.
  Dialect dialect = Dialect::kFlags;
  // The moment the request is made (Request::at); Request::kAnyMoment checks no token lifetime.
  absl::Time at = Request::kAnyMoment;

  // False for a route hubperm does not model: `operation` is meaningless then, and resolving refuses it
  // with the row's reason.
  bool modeled() const {
    return asked.unmodeled.empty() && (asked.route == nullptr || asked.route->operation.has_value());
  }
};

// The reason a request hubperm does not model is not modeled: its key ("buckets") and its words, the
// body's choice (asked.unmodeled) or else the route's.
std::pair<absl::string_view, absl::string_view> UnmodeledReason(const RequestDescription& description);

// "ROUTE is not modeled: <the reason> (routes.yaml:N)" for a request hubperm does not model (one that
// is not modeled(): its route's reason, or the one its body chose).
std::string UnmodeledText(const RequestDescription& description);

// The same as a JSON document (schema hubperm.unmodeled/v1): the route, the reason's key and words,
// and where the catalogue says it.
std::string UnmodeledJson(const RequestDescription& description);
// The same object written into `json` (to embed it in a larger document).
void WriteUnmodeledJson(const RequestDescription& description, JsonWriter* json);

// Whether `id` is a repo id as huggingface_hub requires one: "NAMESPACE/NAME", both parts non-empty.
bool IsRepoId(absl::string_view id);

// The namespace of the destination "ns/name" of `operation` (move_repo, duplicate_repo): huggingface_hub
// requires both parts, as for the source. Otherwise an error naming the operation.
absl::StatusOr<std::string> DestinationNamespace(Operation operation, absl::string_view to);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_REQUEST_DESCRIPTION_H_
