// Copyright 2026 The hubperm Authors.
//
// policy/explain/error_comparison.h: does the world predict what the Hub answered?
//
// For a request asked as the error huggingface_hub printed (policy/request/error_request.h), compares
// the explained decision with the error: the same status (and gated or not) is agreement; otherwise it
// names the fixture fact that is likely wrong (private/public, membership, gate and access request,
// token scopes, token policy, a read-only role).

#ifndef HUBPERM_POLICY_EXPLAIN_ERROR_COMPARISON_H_
#define HUBPERM_POLICY_EXPLAIN_ERROR_COMPARISON_H_

#include <string>

#include "policy/common/json_writer.h"
#include "policy/compile/snapshot.h"
#include "policy/explain/explain.h"
#include "policy/model/reply.h"
#include "policy/request/hub_error.h"

namespace hubperm {

struct ErrorComparison {
  bool agrees = false;
  // "The Hub answered: ...\nThe world predicts: ... (the same status)\n", or, when it does not agree,
  // "... (not the Hub's answer)\nLikely wrong in the fixtures: <the fact>.\n".
  std::string text;
};

ErrorComparison CompareWithError(const HubError& error, const Explanation& explanation);

// The comparison as text for `check --from-error`: the request chosen (and the other verbs of its URL
// decided otherwise), then the comparison. The explanation follows it.
std::string RenderErrorComparison(const Explanation& explanation, const ErrorComparison& comparison);

// The whole answer as JSON (schema hubperm.from_error/v1): the error, the request, the other verbs, the
// comparison and the decision (explain_json.h). `explanation.request.asked.error` is set.
std::string RenderErrorComparisonJson(const Snapshot& snapshot, const Explanation& explanation,
                                      const ErrorComparison& comparison);
// The same object written into `json` (to embed it in a larger document).
void WriteErrorComparisonJson(const Snapshot& snapshot, const Explanation& explanation,
                              const ErrorComparison& comparison, JsonWriter* json);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_EXPLAIN_ERROR_COMPARISON_H_
