// Copyright 2026 The hubperm Authors.
//
// policy/request/request_input.h: the request pipeline's entry: a request as given, in any form.
//
// The CLI's flags and a YAML case's keys both fill a RequestInput; ParseRequest checks that exactly one
// form is used and that every target argument given is one that form takes (an HTTP request names its
// target in its path and body, so a repo beside an HTTP line is an error, not ignored), then hands it
// to the form's parser (route.h, method.h, permission_form.h, error_request.h). Errors name the
// arguments as the input's dialect spells them (request_args.h).
//
//   RequestInput input;
//   input.operation = "create_repo";
//   input.target.repo = "acme/new-model";
//   absl::StatusOr<RequestDescription> description = ParseRequest(input);
//   absl::StatusOr<ResolvedRequest> resolved = Resolve(*snapshot, "my-token", *description);  // resolve.h

#ifndef HUBPERM_POLICY_REQUEST_REQUEST_INPUT_H_
#define HUBPERM_POLICY_REQUEST_REQUEST_INPUT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "policy/decide/request.h"
#include "policy/request/request_args.h"
#include "policy/request/request_description.h"
#include "policy/request/route.h"
#include "policy/request/sequence_request.h"

namespace hubperm {

struct RequestInput {
  std::string http;           // "VERB PATH"
  absl::optional<RequestBody> body;  // with `http` only (request_body.h parses one from text)
  std::string operation;      // a huggingface_hub method name
  std::string permission;     // a fine-grained permission
  std::string error;          // an error huggingface_hub printed
  TargetArgs target;          // the method and permission forms' target, and the dialect
  // The moment the request is made (--at, a case's `at:`); Request::kAnyMoment checks no token lifetime.
  absl::Time at = Request::kAnyMoment;
};

// The description of the one request `input` states. A client method that sends several requests
// (AsksSequence) is refused: ParseSequenceInput describes it. `*culprit`, if given, is set to the
// argument to blame when it fails: one that does not go with the form, or else the form's own (its
// method, route, permission or error text).
absl::StatusOr<RequestDescription> ParseRequest(const RequestInput& input, absl::optional<Arg>* culprit = nullptr);

// The request in words, for titles and lists: its route, method or permission ("the pasted error's
// request" for that form), then its target ("create_repo acme/x", "hf_hub_download acme/d (dataset)",
// "permission org.read org acme", "move_repo acme/m -> alice/m", "create_repo acme/m (exist_ok)").
std::string InputText(const RequestInput& input);

// Whether `input` asks a client method that sends several requests (sequences.yaml: upload_folder,
// create_repo with exist_ok, PreTrainedModel.push_to_hub, ...).
bool AsksSequence(const RequestInput& input);

// The steps of the method `input` asks (AsksSequence), each described as its HTTP request.
// `*culprit`, if given, is set to the argument to blame when one is.
absl::StatusOr<SequenceDescription> ParseSequenceInput(const RequestInput& input,
                                                       absl::optional<Arg>* culprit = nullptr);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_REQUEST_INPUT_H_
