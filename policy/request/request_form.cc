// Copyright 2026 The hubperm Authors.

#include "policy/request/request_form.h"

#include "absl/strings/str_cat.h"
#include "policy/request/method.h"
#include "policy/request/permission_form.h"

namespace hubperm {

absl::StatusOr<RequestSpec> ParseRequestForm(const RequestForm& form) {
  const int forms = !form.http.empty() + !form.operation.empty() + !form.permission.empty();
  if (forms != 1) {
    return absl::InvalidArgumentError(
        "give exactly one request: --http 'VERB PATH', --operation METHOD or --permission PERMISSION");
  }
  if (form.body.has_value() && form.http.empty()) return absl::InvalidArgumentError("--body goes with --http");
  if (!form.http.empty()) {
    const std::vector<absl::string_view> given = GivenFlags(form.target);
    if (!given.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          given.front(), " goes with --operation or --permission; with --http, the path and the body name the target"));
    }
    return ParseHttpRequest(form.http, form.body.value_or(Body()));
  }
  if (!form.operation.empty()) return ParseMethodRequest(form.operation, form.target);
  return ParsePermissionRequest(form.permission, form.target);
}

}  // namespace hubperm
