// Copyright 2026 The hubperm Authors.

#include "policy/diff/diff_html.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/audit/audit_html.h"
#include "policy/common/timestamp.h"

namespace hubperm {
namespace {

constexpr char kDiffStyle[] = R"(
.controls{margin:10px 0}.controls input{font:inherit;padding:3px 6px;margin-right:8px}
.controls button{font:inherit;padding:2px 10px;margin-right:4px;border:1px solid #bbb;background:#f7f7f7;border-radius:3px;cursor:pointer}
.controls button.on{background:#1565c0;color:#fff;border-color:#1565c0}
.token{margin:14px 0}.token h3{font-size:14px;margin:0 0 4px}.owner,.counts{color:#666;font-weight:400}
table.changes{border-collapse:collapse;font-size:12px;width:100%}
.changes td{border-top:1px solid #eee;padding:4px 6px;vertical-align:top}
.changes tr.gained td.word{color:#1b5e20;font-weight:600}.changes tr.lost td.word{color:#c62828;font-weight:600}
.changes tr.changed td.word{color:#555;font-weight:600}
.answer{font-family:ui-monospace,monospace;font-size:12px;white-space:pre-wrap}
.targets{font-family:ui-monospace,monospace}.factref{color:#555}
.finding.fact{border-color:#1565c0}.fact .badge{background:#1565c0}
)";

constexpr char kScript[] = R"(
(function () {
  "use strict";
  var filter = document.getElementById("filter");
  var show = "all";
  function apply() {
    var text = filter.value.toLowerCase();
    document.querySelectorAll("div.token").forEach(function (token) {
      var rows = token.querySelectorAll("tr.entry");
      var visible = 0;
      rows.forEach(function (row) {
        var on = show === "all" || row.classList.contains(show);
        row.style.display = on ? "" : "none";
        if (on) visible++;
      });
      var named = token.getAttribute("data-token").toLowerCase().indexOf(text) >= 0;
      token.style.display = named && visible > 0 ? "" : "none";
    });
  }
  filter.addEventListener("input", apply);
  document.querySelectorAll(".controls button").forEach(function (button) {
    button.addEventListener("click", function () {
      document.querySelectorAll(".controls button").forEach(function (b) { b.classList.remove("on"); });
      button.classList.add("on");
      show = button.getAttribute("data-show");
      apply();
    });
  });
  // #show=gained|lost|changed&filter=TEXT sets the buttons and the box on load (a link to a view).
  var params = {};
  window.location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
    var eq = pair.indexOf("=");
    if (eq > 0) params[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
  });
  if (params.filter) filter.value = params.filter;
  if (params.show) {
    var button = document.querySelector('.controls button[data-show="' + params.show + '"]');
    if (button) button.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  }
  apply();
  document.body.setAttribute("data-ready", "1");
})();
)";

std::string Counts(int64_t gained, int64_t lost, int64_t other) {
  return absl::StrCat(lost, " lost, ", gained, " gained", other > 0 ? absl::StrCat(", ", other, " answered otherwise") : "");
}

}  // namespace

std::string RenderDiffHtml(const WorldPair& pair, const DiffResult& diff, const DiffReport& report,
                           const DiffHeader& header) {
  const absl::Time at = header.at.value_or(Request::kAnyMoment);
  std::string out;
  absl::StrAppend(&out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                  "script-src 'unsafe-inline'\">\n",
                  "<title>hubperm diff</title>\n<style>", AuditPageStyle(), kDiffStyle, "</style>\n</head>\n<body>\n");
  absl::StrAppend(&out, "<h1>hubperm diff</h1>\n<p class=\"summary\" id=\"summary\">", diff.changed,
                  diff.changed == 1 ? " decision" : " decisions", " changed for ", report.tokens.size(),
                  report.tokens.size() == 1 ? " token" : " tokens", " &middot; ", Counts(diff.gained, diff.lost, diff.other),
                  "<br>before: ", HtmlEscape(absl::StrJoin(header.before_files, " ")),
                  "<br>after: ", HtmlEscape(absl::StrJoin(header.after_files, " ")));
  for (const std::string& set : header.sets) absl::StrAppend(&out, " --set ", HtmlEscape(set));
  if (header.at.has_value()) absl::StrAppend(&out, "<br>at: ", FormatTimestamp(*header.at));
  absl::StrAppend(&out, "</p>\n");

  absl::StrAppend(&out, "<h2>Facts that changed</h2>\n<div id=\"facts\">\n");
  if (diff.delta.facts.empty()) absl::StrAppend(&out, "<p>None: no decision can differ.</p>\n");
  for (size_t f = 0; f < diff.delta.facts.size(); ++f) {
    const FactChange& fact = diff.delta.facts[f];
    const FactEffect& effect = report.facts[f];
    const std::string before = FactWhere(pair, kBefore, fact.before), after = FactWhere(pair, kAfter, fact.after);
    absl::StrAppend(&out, "<div class=\"finding fact\" id=\"fact-", f, "\" data-kind=\"", FactKindName(fact.kind),
                    "\"><span class=\"badge\">", FactKindName(fact.kind), "</span> <span class=\"kind\">",
                    HtmlEscape(fact.subject), "</span>: ", HtmlEscape(fact.what));
    if (!before.empty() || !after.empty()) {
      absl::StrAppend(&out, " <span class=\"at\">", HtmlEscape(before.empty() ? "-" : before), " &rarr; ",
                      HtmlEscape(after.empty() ? "-" : after), "</span>");
    }
    absl::StrAppend(&out, "<br><span class=\"counts\">", Counts(effect.gained, effect.lost, effect.other), ", ",
                    effect.tokens.size(), effect.tokens.size() == 1 ? " token" : " tokens", "</span></div>\n");
  }
  absl::StrAppend(&out, "</div>\n");

  absl::StrAppend(&out, "<h2>By token</h2>\n<div class=\"controls\"><input id=\"filter\" type=\"search\" ",
                  "placeholder=\"token name\" aria-label=\"filter tokens\">",
                  "<button class=\"on\" data-show=\"all\">all</button><button data-show=\"gained\">gained</button>",
                  "<button data-show=\"lost\">lost</button><button data-show=\"changed\">answered otherwise</button></div>\n",
                  "<div id=\"tokens\">\n");
  if (report.tokens.empty()) absl::StrAppend(&out, "<p>No decision changed.</p>\n");
  for (const TokenChanges& t : report.tokens) {
    const absl::string_view name = pair.token_name(t.token);
    absl::StrAppend(&out, "<div class=\"token\" data-token=\"", HtmlEscape(name), "\"><h3>", HtmlEscape(name),
                    t.owner.empty() ? "" : absl::StrCat(" <span class=\"owner\">owner ", HtmlEscape(t.owner), "</span>"),
                    " <span class=\"counts\">", Counts(t.gained, t.lost, t.other), "</span></h3>\n<table class=\"changes\">\n");
    for (const ChangeEntry& e : t.entries) {
      const DecisionChange& first = diff.changes[e.changes[0]];
      std::vector<std::string> targets;
      for (const std::string& target : EntryTargetTexts(pair, diff, e, kMaxHtmlTargets)) targets.push_back(HtmlEscape(target));
      if (e.count > static_cast<int64_t>(targets.size())) {
        targets.push_back(absl::StrCat("... (", e.count - static_cast<int64_t>(targets.size()),
                                       " more: --format json lists every one)"));
      }
      std::vector<std::string> facts;
      for (int32_t f : e.facts) {
        facts.push_back(absl::StrCat("<a href=\"#fact-", f, "\">", HtmlEscape(diff.delta.facts[f].subject), ": ",
                                     HtmlEscape(diff.delta.facts[f].what), "</a>"));
      }
      absl::StrAppend(&out, "<tr class=\"entry ", ChangeWord(first), "\"><td class=\"word\">", ChangeWord(first),
                      "</td><td>", GetOperationInfo(first.request.operation).name, "<div class=\"targets\">",
                      absl::StrJoin(targets, ", "), "</div></td><td><div class=\"answer\">before: ",
                      HtmlEscape(DiffAnswerText(pair, kBefore, first.request, first.before, at)),
                      "</div><div class=\"answer\">after: ",
                      HtmlEscape(DiffAnswerText(pair, kAfter, first.request, first.after, at)),
                      "</div></td><td class=\"factref\">", absl::StrJoin(facts, "<br>"), "</td></tr>\n");
    }
    absl::StrAppend(&out, "</table></div>\n");
  }
  absl::StrAppend(&out, "</div>\n<script>", kScript, "</script>\n</body>\n</html>\n");
  return out;
}

}  // namespace hubperm
