// Copyright 2026 The hubperm Authors.
//
// policy/audit/audit_html.h: an audit as one self-contained HTML page, for `hubperm audit --format html`.
//
// The page needs nothing but itself (no network, no external script, style or font): the summary, the
// findings with their evidence and fixes, and a token x repo matrix coloured by each token's effective
// level (none, see, read, write). Clicking a cell shows hubperm's explanation of that token on that repo:
// why it has that level and not the next (the decision of the next level's operation), or, at write,
// why it may write. The explanations are computed when the page is written and embedded as JSON;
// `#explain=ROW-COL` in the page's URL opens one on load, so a cell can be linked to.
//
// The matrix lists at most `kMaxMatrixTokens` tokens and `kMaxMatrixRepos` repos (the page says so when
// it cuts); the findings are always complete.

#ifndef HUBPERM_POLICY_AUDIT_AUDIT_HTML_H_
#define HUBPERM_POLICY_AUDIT_AUDIT_HTML_H_

#include <string>

#include "policy/audit/audit.h"
#include "policy/compile/snapshot.h"

namespace hubperm {

inline constexpr int kMaxMatrixTokens = 100;
inline constexpr int kMaxMatrixRepos = 150;

std::string RenderAuditHtml(const Snapshot& snapshot, const AuditReport& report);

// The page's style sheet, which other hubperm pages (diff_html.h) share so that they look alike.
absl::string_view AuditPageStyle();

// `text` with &, <, >, " and ' escaped for HTML text and attribute values.
std::string HtmlEscape(absl::string_view text);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_AUDIT_AUDIT_HTML_H_
