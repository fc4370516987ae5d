// Copyright 2026 The hubperm Authors.
//
// policy/common/percent_decode.h: %XX escapes in URLs and form-encoded bodies.
//
//   PercentDecode("refs%2Fpr%2F1") == "refs/pr/1"
//   PercentDecode("a+b", /*plus_is_space=*/true) == "a b"   // application/x-www-form-urlencoded

#ifndef HUBPERM_POLICY_COMMON_PERCENT_DECODE_H_
#define HUBPERM_POLICY_COMMON_PERCENT_DECODE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace hubperm {

// `in` with every %XX (two hex digits) replaced by its byte; a '%' not followed by two hex digits stays
// as it is. With `plus_is_space`, '+' is a space, as in form-encoded bodies.
std::string PercentDecode(absl::string_view in, bool plus_is_space = false);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_PERCENT_DECODE_H_
