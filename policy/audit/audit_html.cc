// Copyright 2026 The hubperm Authors.

#include "policy/audit/audit_html.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "policy/audit/audit_report.h"
#include "policy/common/json_writer.h"
#include "policy/decide/check.h"
#include "policy/explain/explain.h"
#include "policy/model/operation.h"

namespace hubperm {
namespace {

constexpr char kStyle[] = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d1d1f;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
.summary{color:#555}
.finding{border-left:4px solid #999;padding:6px 12px;margin:10px 0;background:#fafafa}
.finding.error{border-color:#c62828}.finding.warning{border-color:#ef8f00}.finding.info{border-color:#888}
.badge{display:inline-block;font-size:11px;font-weight:600;text-transform:uppercase;padding:1px 6px;border-radius:3px;color:#fff;background:#888}
.error .badge{background:#c62828}.warning .badge{background:#ef8f00}
.kind{font-weight:600}.evidence{margin:4px 0 4px 18px;padding:0;color:#444}.at{color:#777;font-family:ui-monospace,monospace;font-size:12px}
.fix{color:#1b5e20}
table.matrix{border-collapse:collapse;font-size:12px}
.matrix th,.matrix td{border:1px solid #ddd;padding:3px 6px;white-space:nowrap}
.matrix th.repo{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:500}
.matrix td.cell{cursor:pointer;text-align:center;min-width:34px}
.matrix td.cell:hover{outline:2px solid #333}
.matrix td.selected{outline:3px solid #1565c0}
.l-none{background:#f2f2f2;color:#999}.l-see{background:#e3f2fd}.l-read{background:#90caf9}.l-write{background:#2e7d32;color:#fff}
.legend span{display:inline-block;padding:1px 8px;margin-right:6px;border:1px solid #ddd}
#explanation{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:12px;background:#f7f7f7;border:1px solid #ddd;padding:10px;min-height:40px}
.note{color:#777;font-size:12px}
)";

constexpr char kScript[] = R"(
(function () {
  "use strict";
  var explanations = JSON.parse(document.getElementById("explanations").textContent);
  var panel = document.getElementById("explanation");
  var title = document.getElementById("explanation-title");
  var selected = null;
  function show(cell) {
    var index = Number(cell.getAttribute("data-explain"));
    if (selected) selected.classList.remove("selected");
    selected = cell;
    cell.classList.add("selected");
    title.textContent = cell.getAttribute("title");
    panel.textContent = explanations[index];
  }
  document.getElementById("matrix").addEventListener("click", function (event) {
    var cell = event.target.closest("td.cell");
    if (cell) show(cell);
  });
  // #explain=ROW-COL clicks that cell once the page is loaded (a link to one explanation).
  var match = /^#explain=(\d+)-(\d+)$/.exec(window.location.hash);
  if (match) {
    var cell = document.querySelector('td.cell[data-row="' + match[1] + '"][data-col="' + match[2] + '"]');
    if (cell) cell.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  }
  document.body.setAttribute("data-ready", "1");
})();
)";

// JSON for a <script type="application/json"> element: "</script" would end the element, and "<!--"
// followed by "<script" would keep it from ending at all. JSON has '<', '>' and '&' in strings only,
// where \u escapes mean the same characters.
std::string ScriptJson(const std::string& json) {
  return absl::StrReplaceAll(json, {{"<", "\\u003c"}, {">", "\\u003e"}, {"&", "\\u0026"}});
}

}  // namespace

absl::string_view AuditPageStyle() { return kStyle; }

std::string HtmlEscape(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});
}

std::string RenderAuditHtml(const Snapshot& s, const AuditReport& report) {
  std::string out;
  const int errors = report.count(FindingSeverity::kError), warnings = report.count(FindingSeverity::kWarning),
            infos = report.count(FindingSeverity::kInfo);
  absl::StrAppend(&out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                  "script-src 'unsafe-inline'\">\n",
                  "<title>hubperm audit</title>\n<style>", kStyle, "</style>\n</head>\n<body>\n");
  absl::StrAppend(&out, "<h1>hubperm audit</h1>\n<p class=\"summary\">", report.tokens.size(),
                  report.tokens.size() == 1 ? " token" : " tokens", " &middot; ", errors, errors == 1 ? " error" : " errors",
                  ", ", warnings, warnings == 1 ? " warning" : " warnings", ", ", infos, " info &middot; ");
  for (int f = 0; f < s.files().size(); ++f) absl::StrAppend(&out, f > 0 ? ", " : "", HtmlEscape(s.files().name(f)));
  absl::StrAppend(&out, "</p>\n");

  // Findings.
  absl::StrAppend(&out, "<h2>Findings</h2>\n<div id=\"findings\">\n");
  if (report.findings.empty()) absl::StrAppend(&out, "<p>No findings.</p>\n");
  for (const Finding& f : report.findings) {
    const FindingKindInfo& kind = GetFindingKindInfo(f.kind);
    absl::StrAppend(&out, "<div class=\"finding ", SeverityName(kind.severity), "\" data-kind=\"", kind.name, "\">",
                    "<span class=\"badge\">", SeverityName(kind.severity), "</span> <span class=\"kind\">", kind.name,
                    "</span>: ", HtmlEscape(s.token(f.token).name), f.subject.empty() ? "" : ", ", HtmlEscape(f.subject), "<br>",
                    HtmlEscape(f.summary), "\n<ul class=\"evidence\">");
    for (const FindingEvidence& e : f.evidence) {
      absl::StrAppend(&out, "<li>",
                      e.pos.known() ? absl::StrCat("<span class=\"at\">", HtmlEscape(s.files().Format(e.pos)), "</span> ") : "",
                      HtmlEscape(e.text), "</li>");
    }
    absl::StrAppend(&out, "</ul><div class=\"fix\">fix: ", HtmlEscape(f.fix), "</div></div>\n");
  }
  absl::StrAppend(&out, "</div>\n");

  // The matrix: tokens x the repos any of them reaches (or, when none, every repo), each cell decided.
  std::vector<RepoId> repos;
  for (const TokenAccess& access : report.tokens) {
    for (const NamespaceAccess& ns : access.namespaces) {
      for (const RepoRanges& level : ns.repos) level.ForEach([&](RepoId r) { repos.push_back(r); });
    }
  }
  std::sort(repos.begin(), repos.end(), [&](RepoId a, RepoId b) { return s.repo(a).id < s.repo(b).id || (s.repo(a).id == s.repo(b).id && a < b); });
  repos.erase(std::unique(repos.begin(), repos.end()), repos.end());
  const size_t token_rows = std::min<size_t>(report.tokens.size(), kMaxMatrixTokens);
  const size_t repo_cols = std::min<size_t>(repos.size(), kMaxMatrixRepos);
  absl::StrAppend(&out, "<h2>Effective access: token &times; repo</h2>\n<p class=\"legend\">",
                  "<span class=\"l-write\">write</span><span class=\"l-read\">read</span><span class=\"l-see\">see</span>",
                  "<span class=\"l-none\">none</span> Click a cell for hubperm's explanation.</p>\n");
  if (token_rows < report.tokens.size() || repo_cols < repos.size()) {
    absl::StrAppend(&out, "<p class=\"note\">The matrix shows the first ", token_rows, " of ", report.tokens.size(),
                    " tokens and ", repo_cols, " of ", repos.size(), " repos; the findings above are complete.</p>\n");
  }
  JsonWriter explanations;
  explanations.BeginArray();
  int explained = 0;
  absl::StrAppend(&out, "<table class=\"matrix\" id=\"matrix\">\n<tr><th>token</th>");
  for (size_t c = 0; c < repo_cols; ++c) {
    const Snapshot::RepoRecord& repo = s.repo(repos[c]);
    absl::StrAppend(&out, "<th class=\"repo\" title=\"", NameOf(repo.type), " ", HtmlEscape(repo.id), "\">", HtmlEscape(repo.id), "</th>");
  }
  absl::StrAppend(&out, "</tr>\n");
  for (size_t row = 0; row < token_rows; ++row) {
    const TokenId token = report.tokens[row].token;
    const Snapshot::TokenRecord& t = s.token(token);
    absl::StrAppend(&out, "<tr><th>", HtmlEscape(t.name), " <span class=\"note\">(", HtmlEscape(s.user(t.owner).name), ", ",
                    NameOf(t.role), ")</span></th>");
    for (size_t c = 0; c < repo_cols; ++c) {
      const RepoLevel level = LevelOn(s, token, repos[c]);
      // Explain why the token has this level and not the next; at write, why it may write.
      const RepoLevel explained_level = level == RepoLevel::kWrite ? level : static_cast<RepoLevel>(static_cast<int>(level) + 1);
      const Request request = LevelRequest(token, repos[c], explained_level);
      explanations.String(absl::StrCat(t.name, " on ", s.repo(repos[c]).id, ": ", RepoLevelName(level), ". ",
                                       level == RepoLevel::kWrite ? "Why it may write" : absl::StrCat("Why not ", RepoLevelName(explained_level)),
                                       " (", GetOperationInfo(request.operation).name, "):\n\n",
                                       RenderExplanation(Explain(s, request, Check(s, request)))));
      absl::StrAppend(&out, "<td class=\"cell l-", RepoLevelName(level), "\" data-row=\"", row, "\" data-col=\"", c,
                      "\" data-explain=\"", explained++, "\" title=\"", HtmlEscape(t.name), " on ", HtmlEscape(s.repo(repos[c]).id),
                      ": ", RepoLevelName(level), "\">", RepoLevelName(level), "</td>");
    }
    absl::StrAppend(&out, "</tr>\n");
  }
  absl::StrAppend(&out, "</table>\n");
  explanations.EndArray();
  absl::StrAppend(&out, "<h2 id=\"explanation-title\">Explanation</h2>\n<div id=\"explanation\">Click a cell of the matrix.</div>\n");
  absl::StrAppend(&out, "<script id=\"explanations\" type=\"application/json\">", ScriptJson(explanations.Finish()), "</script>\n");
  absl::StrAppend(&out, "<script>", kScript, "</script>\n</body>\n</html>\n");
  return out;
}

}  // namespace hubperm
