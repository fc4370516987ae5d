// Copyright 2026 The hubperm Authors.
//
// policy/explain/explain.h: a Decision in words, for people.
//
// Deciding computes no text (policy/decide); these functions turn a Decision into sentences on demand:
// each side's verdict and the rule that decided it with the fixture position of the grant, the HTTP
// status and message the Hub would answer, every [assumed] rule the decision rests on, and for a denial
// the smallest change that would allow it, one per denying side.

#ifndef HUBPERM_POLICY_EXPLAIN_EXPLAIN_H_
#define HUBPERM_POLICY_EXPLAIN_EXPLAIN_H_

#include <string>
#include <vector>

#include "policy/compile/snapshot.h"
#include "policy/decide/decision.h"
#include "policy/decide/request.h"

namespace hubperm {

// The words of one decision.
struct Explanation {
  std::string target;                 // "create_repo: a model in org acme"
  std::string user, token, policy;    // each side's reason
  std::string reply;                  // the Hub's message
  std::vector<std::string> assumed;   // the [assumed] rules used
  std::vector<std::string> fixes;     // for a denial: the smallest change per denying side
};

Explanation Explain(const Snapshot& snapshot, const Request& request, const Decision& decision);

// One line: "ALLOW" or "DENY 403 <the deciding side's reason>".
std::string RenderCheckLine(const Snapshot& snapshot, const Request& request, const Decision& decision);

// The full explanation as text, for `hubperm explain`.
std::string RenderExplanation(const Snapshot& snapshot, const Request& request, const Decision& decision);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_EXPLAIN_EXPLAIN_H_
