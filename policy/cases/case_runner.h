// Copyright 2026 The hubperm Authors.
//
// policy/cases/case_runner.h: runs the declarative test cases of a world (`cases:` in a fixture).
//
// A case names a token (or several: `tokens: [a, b]`), one request form and its expectations
// (`expect`, and optionally `status`, `denied_by`, `because`). A case with several tokens or repos
// expands into one check per token x repo. Each check yields a CaseResult saying whether every
// expectation held and, if not, what actually happened, with the full explanation.

#ifndef HUBPERM_POLICY_CASES_CASE_RUNNER_H_
#define HUBPERM_POLICY_CASES_CASE_RUNNER_H_

#include <string>
#include <vector>

#include "policy/compile/snapshot.h"
#include "policy/model/world.h"

namespace hubperm {

struct CaseResult {
  std::string name;         // the case's name, with "[token, repo]" when it expanded
  SourcePos pos;            // the case's position
  bool passed = false;
  std::string failure;      // why not, when !passed
  std::string explanation;  // the full explanation of what happened ("" if the request was invalid)
};

// Runs every expansion of `c` against `snapshot`.
std::vector<CaseResult> RunCase(const Snapshot& snapshot, const Case& c);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_CASES_CASE_RUNNER_H_
