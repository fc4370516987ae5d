// Copyright 2026 The hubperm Authors.
//
// policy/explain/decision_names.h: the stable spellings of a Decision's enums.
//
// These are the words of the JSON explanation (docs/explanation-json.md): tools match on them, so a
// spelling never changes once released; a new enumerator gets a new spelling at the end of its table.
// Each table is in enum order, and a static_assert in decision_names.cc keeps it as long as its enum.

#ifndef HUBPERM_POLICY_EXPLAIN_DECISION_NAMES_H_
#define HUBPERM_POLICY_EXPLAIN_DECISION_NAMES_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "policy/decide/decision.h"
#include "policy/explain/fix.h"
#include "policy/model/operation.h"

namespace hubperm {

absl::string_view DecisionName(UserBasis value);
absl::string_view DecisionName(UserReason value);
absl::string_view DecisionName(TokenBasis value);
absl::string_view DecisionName(GrantSource value);
absl::string_view DecisionName(PolicyRule value);
absl::string_view DecisionName(Reply value);
absl::string_view DecisionName(TargetKind value);
absl::string_view DecisionName(UserChangeKind value);
absl::string_view DecisionName(TokenChangeKind value);
absl::string_view DecisionName(PolicyChangeKind value);

// Every spelling of E, in enum order (for the schema document's drift test).
template <typename E>
std::vector<absl::string_view> DecisionNames();

}  // namespace hubperm

#endif  // HUBPERM_POLICY_EXPLAIN_DECISION_NAMES_H_
