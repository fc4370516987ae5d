// Copyright 2026 The hubperm Authors.
//
// policy/whocan/who_can_report.h: who-can's answer for people and for tools (hubperm.who_can/v1,
// docs/who-can.md).

#ifndef HUBPERM_POLICY_WHOCAN_WHO_CAN_REPORT_H_
#define HUBPERM_POLICY_WHOCAN_WHO_CAN_REPORT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "policy/whocan/who_can.h"

namespace hubperm {

// "Who may REQUEST?", the tokens allowed, those denied by one side only (with the side and the status),
// how many more are denied, and the users whose user side allows it.
std::string RenderWhoCanText(const WhoCanResult& who, absl::string_view request);

// The same as JSON: "request", "allowed" and "denied" (each token with its owner, status and the sides
// that deny), "users".
std::string RenderWhoCanJson(const WhoCanResult& who, absl::string_view request);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_WHOCAN_WHO_CAN_REPORT_H_
