// Copyright 2026 The hubperm Authors.
//
// policy/explain/explain.h: a Decision in words, for people.
//
// Deciding computes no text (policy/decide); Explain turns a Decision into sentences on demand, once:
// each side's verdict and the rule that decided it with the fixture position of the grant, the HTTP
// status and message the Hub would answer, every [assumed] rule the decision rests on, and for a denial
// the smallest change that would allow it, one per denying side.

#ifndef HUBPERM_POLICY_EXPLAIN_EXPLAIN_H_
#define HUBPERM_POLICY_EXPLAIN_EXPLAIN_H_

#include <string>
#include <vector>

#include "policy/common/style.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/decision.h"
#include "policy/decide/request.h"
#include "policy/explain/fix.h"
#include "policy/model/vocabulary.h"
#include "policy/request/resolve.h"

namespace hubperm {

// The smallest change that would turn one denying side into an allow.
struct Fix {
  Side side;
  std::string text;  // "add repo.write scoped to org acme to token limited-test-token"
  size_t index;      // which change of that side in Explanation::changes (user, policy: the vector's index)
};

// One decision in words, computed once by Explain; the renderers below (and explain_json.h) only lay it
// out, so `hubperm check`, `explain` and `test` say the same thing of the same request. It copies the
// resolved request and the decision, so it needs nothing else to be rendered.
struct Explanation {
  ResolvedRequest request;            // what was asked, and how
  Decision decision;
  std::string name;                   // what the request is called: the method, or the operation
  std::string token_name, owner_name;
  std::string target;                 // "a new model in org acme"
  std::string user, token, policy;    // each side's reason
  // The Hub's answer: its message as documented or seen (docs/hub-access-model.md §7), "" when none is
  // documented, and its X-Error-Code header, "" when it sends none.
  std::string message;
  std::string error_code;
  std::vector<std::string> assumed;   // the [assumed] rules used
  // For a denial: one per change, user, token, policy in order (one per denying side, except for a
  // two-part operation's two parts).
  std::vector<Fix> fixes;
  Fixes changes;                      // the same fixes as data
};

// Explains `decision`, which Check gave for `resolved.request`. Describes both parts of a two-part
// operation from the decision's parts, without deciding again.
Explanation Explain(const Snapshot& snapshot, const ResolvedRequest& resolved, const Decision& decision);

// The same for a request asked as its operation (tests, benchmarks, the audit's pages).
Explanation Explain(const Snapshot& snapshot, const Request& request, const Decision& decision);

// One line: "ALLOW" or "DENY 403 (token): <the deciding side's reason>".
std::string RenderCheckLine(const Explanation& explanation, const Style& style = Style::Plain());

// "404 Repository not found (X-Error-Code: RepoNotFound)": the status, message and error code as one line.
std::string RenderReply(const Explanation& explanation);

// The full explanation as text, for `hubperm explain` and `hubperm test`; `style` colours the verdicts
// and headings. For the permission form, it first says which operation the permission was asked as.
std::string RenderExplanation(const Explanation& explanation, const Style& style = Style::Plain());

}  // namespace hubperm

#endif  // HUBPERM_POLICY_EXPLAIN_EXPLAIN_H_
