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

#include "policy/common/style.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/decision.h"
#include "policy/decide/request.h"
#include "policy/explain/fix.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

// The smallest change that would turn one denying side into an allow.
struct Fix {
  Side side;
  std::string text;  // "add repo.write scoped to org acme to token limited-test-token"
  size_t index;      // which change of that side in Explanation::changes (user, policy: the vector's index)
};

// The words of one decision.
struct Explanation {
  std::string target;                 // "a new model in org acme"
  std::string user, token, policy;    // each side's reason
  // The Hub's answer: its message as documented or seen (hub-access-model §7), "" when none is documented, and its
  // X-Error-Code header, "" when it sends none.
  std::string message;
  std::string error_code;
  std::vector<std::string> assumed;   // the [assumed] rules used
  // For a denial: one per change, user, token, policy in order (one per denying side, except for
  // move_repo's two parts).
  std::vector<Fix> fixes;
  Fixes changes;                      // the same fixes as data
};

// How the asker named a request when not by its operation (the HTTP and method forms, through the route
// catalogue): the name explanations use in place of the operation's ("list_repo_tree"), the catalogue
// route it was matched to, and, when the catalogue marks that route's requirements assumed, that rule.
struct AskedAs {
  std::string name;
  std::string route;    // "GET /api/models/{namespace}/{repo}/tree/{rev}/{path}"
  std::string assumed;  // "" when the route's requirements are doc or seen
};

Explanation Explain(const Snapshot& snapshot, const Request& request, const Decision& decision,
                    const AskedAs* asked = nullptr);

// One line: "ALLOW" or "DENY 403 <the deciding side's reason>".
std::string RenderCheckLine(const Snapshot& snapshot, const Request& request, const Decision& decision,
                            const Style& style = Style::Plain(), const AskedAs* asked = nullptr);

// "404 Repository not found (X-Error-Code: RepoNotFound)": the status, message and error code as one line.
std::string RenderReply(const Decision& decision, const Explanation& explanation);

// The full explanation as text, for `hubperm explain`; `style` colours the verdicts and headings.
std::string RenderExplanation(const Snapshot& snapshot, const Request& request, const Decision& decision,
                              const Style& style = Style::Plain(), const AskedAs* asked = nullptr);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_EXPLAIN_EXPLAIN_H_
