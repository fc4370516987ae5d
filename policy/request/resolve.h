// Copyright 2026 The hubperm Authors.
//
// policy/request/resolve.h: a described request, resolved against a snapshot into the engine's Request.
//
//   absl::StatusOr<RequestDescription> description = ParseRequest(input);       // request_input.h
//   absl::StatusOr<ResolvedRequest> resolved = Resolve(*snapshot, "my-token", *description);
//   Decision d = Check(*snapshot, resolved->request);                            // policy/decide
//
// Resolving looks every name up (the token, the repo, the namespace, the org, the group) and yields the
// ids the engine checks, with how the request was asked kept beside them (AskedAs), so explanations say
// "list_repo_tree" and "route GET /api/models/..." rather than the operation it is decided as.

#ifndef HUBPERM_POLICY_REQUEST_RESOLVE_H_
#define HUBPERM_POLICY_REQUEST_RESOLVE_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/request.h"
#include "policy/request/request_description.h"

namespace hubperm {

// A request every id of which names a record of the snapshot it was resolved against: checking it
// cannot fail.
struct ResolvedRequest {
  Request request;
  AskedAs asked;
};

// Resolves `description` for the token `token_name` against `snapshot`. Errors name the unknown thing and
// the nearest known names (kNotFound), or what does not fit (kInvalidArgument), in the words of the
// description's dialect; a route hubperm does not model is kFailedPrecondition with its reason.
// The target of a create (create_repo's repo, move_repo's and duplicate_repo's destination) need not
// exist: only its namespace must.
// When it fails on a name one argument gave (the token, a repo, an org, ...), `*culprit`, if given, is
// set to that argument (and left as it was otherwise) (an HTTP line's path, a pasted error, or the flag or case key), so that a case's
// error can point at the key that is wrong.
absl::StatusOr<ResolvedRequest> Resolve(const Snapshot& snapshot, absl::string_view token_name,
                                        const RequestDescription& description,
                                        absl::optional<Arg>* culprit = nullptr);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_RESOLVE_H_
