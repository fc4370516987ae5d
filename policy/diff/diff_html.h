// Copyright 2026 The hubperm Authors.
//
// policy/diff/diff_html.h: a diff as one self-contained HTML page in the audit page's style, for
// `hubperm diff --format html`: the counts, the facts that changed with what each did, and every token's
// changes (gained in green, lost in red) with the deciding reasons of both answers. A filter box narrows
// the tokens by name, and the buttons show only gained or only lost access (`#show=lost&filter=ci` in
// the page's URL sets both on load, so a view can be linked to). The page needs nothing but itself (no
// network, no external script, style or font).

#ifndef HUBPERM_POLICY_DIFF_DIFF_HTML_H_
#define HUBPERM_POLICY_DIFF_DIFF_HTML_H_

#include <string>

#include "policy/diff/diff_report.h"

namespace hubperm {

std::string RenderDiffHtml(const WorldPair& pair, const DiffResult& diff, const DiffReport& report,
                           const DiffHeader& header);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DIFF_DIFF_HTML_H_
