// Copyright 2026 The hubperm Authors.
//
// policy/explain/sequence_explanation.h: a client method of several requests, decided as the client
// runs it.
//
// A SequenceDescription (policy/request/sequence_request.h) lists a method's requests in order with the
// client's rules (policy/request/sequences.yaml). ExplainSequence walks them like the client: each step
// is decided exactly as the HTTP form decides its request alone; a refusal the client catches lets it go
// on, a refused create_repo(exist_ok=True) falls back to reading the repo, a create whose repo exists
// (the Hub's 409) goes on with exist_ok; a route hubperm does not model is not decided and the client
// goes on. The verdict is the client's outcome: the call succeeds, or raises the error of the step that
// fails it. Once a step creates the repo, later steps are decided in the world with that repo (created
// by the token's owner), as the Hub would decide them.
//
//   absl::StatusOr<SequenceExplanation> e = ExplainSequence(snapshot, world, "alice-write", *sequence);
//   std::cout << RenderSequence(*e);   // each step, its decision, and why the failing one fails

#ifndef HUBPERM_POLICY_EXPLAIN_SEQUENCE_EXPLANATION_H_
#define HUBPERM_POLICY_EXPLAIN_SEQUENCE_EXPLANATION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/common/json_writer.h"
#include "policy/common/style.h"
#include "policy/compile/snapshot.h"
#include "policy/explain/explain.h"
#include "policy/model/world.h"
#include "policy/request/sequence_request.h"

namespace hubperm {

inline constexpr char kSequenceSchema[] = "hubperm.sequence/v1";

enum class StepState : uint8_t {
  kAllowed,     // the Hub allows it
  kRefused,     // the Hub refuses it (status)
  kExists,      // a create whose repo exists: the Hub answers 409
  kNotFound,    // the repo does not exist in the world: the Hub answers 404
  kUnmodeled,   // a route hubperm does not model: not decided; the client goes on
  kSkipped,     // the client does not send it here (a fallback step not needed, a step jumped over)
  kNotReached,  // the call ended before it
};

// "allowed", "refused", "exists", "not_found", "unmodeled", "skipped", "not_reached".
absl::string_view StepStateName(StepState state);

struct StepResult {
  int index = 0;  // 1-based
  std::string http;
  const SequenceStep* step = nullptr;
  StepState state = StepState::kNotReached;
  int status = 0;               // the Hub's answer for a decided step (200 when allowed); 0 if not sent
  std::string client;           // what the client did with the answer, in words
  absl::optional<Explanation> explanation;  // the decided steps'
  const Snapshot* snapshot = nullptr;       // the world the step was decided in
  std::string unmodeled;                    // kUnmodeled: "ROUTE is not modeled: <reason> (routes.yaml:N)"
  std::string unmodeled_key;                // and the reason's key
};

struct SequenceExplanation {
  std::string method, library, source;
  std::string repo;
  RepoType type = RepoType::kModel;
  std::string token_name, owner_name;
  std::vector<StepResult> steps;
  bool allowed = false;
  int status = 200;       // what the call ends with: 200, or the status of the error the client raises
  int deciding_step = 0;  // 1-based: the step the verdict comes from (the failing one; else the last decided)
  std::string outcome;    // the verdict in words
  bool created_repo = false;                // a step created the repo, and later steps saw it
  std::shared_ptr<const Snapshot> created;  // the world with that repo
};

// Runs `sequence` for the token named `token` in the world of `snapshot` (compiled from `world`). An
// error only when the token is unknown or a step names something the world lacks other than the
// sequence's own repo (which the Hub answers with 404, a step's outcome like any other).
absl::StatusOr<SequenceExplanation> ExplainSequence(const Snapshot& snapshot, const World& world,
                                                    absl::string_view token, const SequenceDescription& sequence);

// One line: "ALLOW (...)" or "DENY 403 (token) at step 2 of 5, POST ...: <the reason>".
std::string RenderSequenceLine(const SequenceExplanation& e, const Style& style = Style::Plain());

// Every step with its answer and what the client did, then the failing step's whole explanation.
std::string RenderSequence(const SequenceExplanation& e, const Style& style = Style::Plain());

// The same as a JSON document (docs/sequence-json.md, schema hubperm.sequence/v1).
std::string RenderSequenceJson(const SequenceExplanation& e);
// The same object written into `json` (to embed it in a larger document).
void WriteSequenceJson(const SequenceExplanation& e, JsonWriter* json);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_EXPLAIN_SEQUENCE_EXPLANATION_H_
