// Copyright 2026 The hubperm Authors.
//
// policy/request/error_request.h: the request form of an error huggingface_hub printed.
//
// The printed error (hub_error.h) has the URL but not the verb. When the URL's path is a route of
// several verbs that hubperm decides differently, the status chooses: a 403 is taken as the write
// (POST, PUT, PATCH, DELETE), anything else as the read (GET, HEAD) [assumed: reads of a visible repo
// are rarely refused]; the description keeps the other verbs (AskedAs::other_verbs) so the output can
// say so. policy/explain/error_comparison.h then says whether the world predicts the Hub's answer.

#ifndef HUBPERM_POLICY_REQUEST_ERROR_REQUEST_H_
#define HUBPERM_POLICY_REQUEST_ERROR_REQUEST_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "policy/request/request_description.h"

namespace hubperm {

// The request an error text (as huggingface_hub prints it) was the answer to, with the error in
// `asked.error`. A route whose target is in its body (create, delete, move, duplicate) needs the body:
// only a create refused with the Hub's message names it (type and namespace); for the others the error
// says to ask with the HTTP form and a body, in `dialect`'s words.
absl::StatusOr<RequestDescription> ParseErrorRequest(absl::string_view text, Dialect dialect = Dialect::kFlags);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_ERROR_REQUEST_H_
