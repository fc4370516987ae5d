// Copyright 2026 The hubperm Authors.
//
// policy/explain/explain_json.h: a Decision as JSON, for tools.
//
// The document's schema is docs/explanation-json.md ("schema": "hubperm.decision/v1"): every key is
// always present (null when it does not apply), enums are the stable spellings of decision_names.h, and
// positions are {"file", "line", "column"} objects. It carries the same facts as the text explanation
// (explain.h), each also as data: the verdict and rule of each side, the fixture position behind it, the
// Hub's status and message, the [assumed] rules used and the fix for each denying side.

#ifndef HUBPERM_POLICY_EXPLAIN_EXPLAIN_JSON_H_
#define HUBPERM_POLICY_EXPLAIN_EXPLAIN_JSON_H_

#include <string>

#include "policy/common/json_writer.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/decision.h"
#include "policy/decide/request.h"
#include "policy/explain/explain.h"

namespace hubperm {

inline constexpr char kDecisionSchema[] = "hubperm.decision/v1";

// Writes the explained decision as one JSON object into `json` (to embed it in a larger document).
// `snapshot` is the one the explanation's request was resolved against: it names the positions.
void WriteDecisionJson(const Snapshot& snapshot, const Explanation& explanation, JsonWriter* json);

// The explained decision as a JSON document, ending with a line break.
std::string RenderExplanationJson(const Snapshot& snapshot, const Explanation& explanation,
                                  JsonLayout layout = JsonLayout::kIndented);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_EXPLAIN_EXPLAIN_JSON_H_
