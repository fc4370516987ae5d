// Copyright 2026 The hubperm Authors.
//
// policy/request/request_spec.h: a request as a user states it, by names, and its resolution to ids.
//
// The three request forms (an HTTP route with a body, a huggingface_hub method name, a raw permission)
// all become a RequestSpec (route.h, method.h); `ResolveRequest` then looks every name up in a snapshot
// and yields the engine's Request, or an error that names the problem and the nearest known names.

#ifndef HUBPERM_POLICY_REQUEST_REQUEST_SPEC_H_
#define HUBPERM_POLICY_REQUEST_REQUEST_SPEC_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/request.h"
#include "policy/model/operation.h"
#include "policy/request/catalogue.h"

namespace hubperm {

// What the request forms' flags (or a case's keys) say about the target, before they become a RequestSpec.
struct TargetArgs {
  std::string repo;                     // --repo "ns/name"; for create_repo, the repo to create
  absl::optional<RepoType> repo_type;   // --repo-type
  std::string org;                      // --org
  std::string user;                     // --user (the raw permission form only)
  std::string group;                    // --group
  std::string to;                       // --to "ns/name": where move_repo moves the repo
  bool write = false;                   // --write: auth_check(write=True)
};

// The flags `args` holds, spelled as on the command line ("--repo", "--repo-type", "--org", "--user",
// "--group", "--to", "--write"), in that order.
std::vector<absl::string_view> GivenFlags(const TargetArgs& args);

// Which kind of namespace a request may create in: either (the HTTP and method forms name a namespace
// without saying which kind), or exactly the kind `--user`/`--org` said.
enum class NamespaceKind : uint8_t { kEither, kUser, kOrg };

struct RequestSpec {
  Operation operation = Operation::kWhoami;
  RepoType repo_type = RepoType::kModel;
  // kRepo: "ns/name" (move_repo: the source). kNamespace: the namespace ("" = the token owner's) the
  // repo is created in; move_repo: the namespace it moves to.
  std::string repo;
  std::string ns;
  NamespaceKind ns_kind = NamespaceKind::kEither;
  // kNamespace: the resource group created into (optional); kGroup and kMoveRepoToGroup: the group.
  std::string group;
  // kOrg: the organization.
  std::string org;
  // The catalogue row the request was found by (HTTP and method forms), null for the permission form.
  // A row without an operation is a route hubperm does not model: `operation` is meaningless then, and
  // ResolveRequest refuses it with the row's reason.
  const CatalogueRoute* route = nullptr;
  // The huggingface_hub method it was asked as ("list_repo_tree"), "" for the other forms.
  std::string method;

  bool modeled() const { return route == nullptr || route->operation.has_value(); }
};

// "not modeled: <the row's reason>" for a route hubperm does not model.
std::string UnmodeledText(const CatalogueRoute& route);

// The namespace of the destination "ns/name" of `operation` (move_repo, duplicate_repo): huggingface_hub
// requires both parts, as for the source. Otherwise an error naming the operation.
absl::StatusOr<std::string> DestinationNamespace(Operation operation, absl::string_view to);

// Resolves `spec` for `token_name` against `snapshot`. Errors (kNotFound, kInvalidArgument) name the
// unknown thing and suggest the nearest known names.
absl::StatusOr<Request> ResolveRequest(const Snapshot& snapshot, absl::string_view token_name,
                                       const RequestSpec& spec);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_REQUEST_SPEC_H_
