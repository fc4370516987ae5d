// Copyright 2026 The hubperm Authors.
//
// policy/cases/case_runner.h: runs the declarative test cases of a world (`cases:` in a fixture).
//
// A case names a token, one request form and its expectations (`expect`, and optionally `status`,
// `denied_by`, `because`). It expands into checks (ExpandCase): one per token x repo when it lists
// several (`tokens: [a, b]`, `repos: [x, y]`), or one per cell of its `matrix:` (rows are tokens,
// columns repos, operations or permissions, cells the expected results). Each check yields a CaseResult
// saying whether every expectation held and, if not, what actually happened, with the full explanation.
//
//   for (const Case& c : world.cases)
//     for (const CaseCheck& check : ExpandCase(c)) {
//       CaseResult r = RunCheck(*snapshot, c, check);
//       if (r.invalid) ... bad input; else if (!r.passed) ... r.failure, r.explanation
//     }

#ifndef HUBPERM_POLICY_CASES_CASE_RUNNER_H_
#define HUBPERM_POLICY_CASES_CASE_RUNNER_H_

#include <array>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "policy/common/diagnostics.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/decision.h"
#include "policy/decide/request.h"
#include "policy/model/world.h"
#include "policy/request/request_input.h"
#include "policy/request/resolve.h"
#include "policy/request/sequence_request.h"

namespace hubperm {

// One check a case asks for: a token, a request, and the expected effect and status. `denied_by` and
// `because` are the case's own (a matrix has no `denied_by`).
struct CaseCheck {
  std::string name;  // the case's name, with "[token, repo]" or "[token, column]" when it expanded
  SourcePos pos;     // the case's name, or the matrix cell
  std::string token;
  RequestInput input;  // in the case keys' dialect: errors name `repo:`, not `--repo`
  // Where each argument of the request is written (the token, the repo or matrix column, the org, ...):
  // a request that does not resolve is reported at the key to blame. Unknown positions where none is.
  std::array<SourcePos, kArgCount> at;
  Effect expect = Effect::kAllow;
  absl::optional<int> status;
};

// The checks of `c`, in the order written (tokens, then repos; matrix rows, then columns).
std::vector<CaseCheck> ExpandCase(const Case& c);

struct CaseResult {
  std::string name;
  SourcePos pos;  // the check's; for an invalid request, the key to blame (ResolveCheck)
  std::string token;
  // The request does not resolve against the world (an unknown operation, token or repo, a user named as
  // an org, ...): the check is bad input rather than a failed assumption, and the case's other checks
  // still run. `failure` says why.
  bool invalid = false;
  bool passed = false;
  std::string failure;      // why not, when !passed
  std::string explanation;  // the full explanation of what happened ("" when invalid), as `hubperm explain`
                            // prints it for the same request
  // The decision (with both parts of a two-part operation): what coverage counts as exercised. For a
  // client method of several requests, the decision of the step its outcome comes from.
  Decision decision;
};

// The request of `check`, parsed and resolved against `snapshot` by the request pipeline, or why not;
// then `*where`, if given, is the position to report it at: the key to blame, else the check's.
absl::StatusOr<ResolvedRequest> ResolveCheck(const Snapshot& snapshot, const CaseCheck& check,
                                             SourcePos* where = nullptr);

// Reports every check of `world`'s cases whose request does not resolve (what RunCheck calls invalid)
// as an error at the check's position, so `hubperm validate` finds them before any case runs; and every
// purpose of a token (Token::purpose, read as a case's request) that does not.
void CheckCaseRequests(const Snapshot& snapshot, const World& world, Diagnostics* diagnostics);

// Runs one check of `c` against `snapshot` (compiled from `world`): decides it once and explains it once.
// A client method of several requests (upload_folder, create_repo with exist_ok: true) is decided as
// the client runs it (policy/explain/sequence_explanation.h): the case's expectations are the client's
// outcome, and the sides to blame are those of the step that fails it. `at` is the moment of the
// request unless the case gives its own (`at:`); Request::kAnyMoment checks no token lifetime.
CaseResult RunCheck(const Snapshot& snapshot, const World& world, const Case& c, const CaseCheck& check,
                    absl::Time at = Request::kAnyMoment);

// Runs every check of `c`.
std::vector<CaseResult> RunCase(const Snapshot& snapshot, const World& world, const Case& c,
                                absl::Time at = Request::kAnyMoment);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_CASES_CASE_RUNNER_H_
