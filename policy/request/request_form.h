// Copyright 2026 The hubperm Authors.
//
// policy/request/request_form.h: one request as its asker stated it, in whichever of the three forms.
//
// The CLI's flags and a case's keys both fill a RequestForm; ParseRequestForm checks that exactly one
// form is used and that every target argument given is one that form takes (an HTTP request names its
// target in its path and body, so `--repo` beside `--http` is an error, not ignored), then hands the
// form to its parser: route.h, method.h or permission_form.h.

#ifndef HUBPERM_POLICY_REQUEST_REQUEST_FORM_H_
#define HUBPERM_POLICY_REQUEST_REQUEST_FORM_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/types/optional.h"
#include "policy/request/request_spec.h"
#include "policy/request/route.h"

namespace hubperm {

struct RequestForm {
  std::string http;           // "VERB PATH"
  absl::optional<Body> body;  // with `http` only
  std::string operation;      // a huggingface_hub method name
  std::string permission;     // a fine-grained permission
  TargetArgs target;          // the operation and permission forms' target
};

absl::StatusOr<RequestSpec> ParseRequestForm(const RequestForm& form);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_REQUEST_FORM_H_
