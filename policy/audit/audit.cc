// Copyright 2026 The hubperm Authors.

#include "policy/audit/audit.h"

#include <algorithm>
#include <tuple>

namespace hubperm {

int AuditReport::count(FindingSeverity severity) const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
    return GetFindingKindInfo(f.kind).severity == severity;
  }));
}

AuditReport Audit(const Snapshot& s, const AuditOptions& options) {
  const AuditIndex index(s);
  std::vector<TokenId> order(s.token_count());
  for (TokenId t : IdsUpTo<TokenId>(s.token_count())) order[t.index()] = t;
  std::sort(order.begin(), order.end(), [&](TokenId a, TokenId b) { return s.token(a).name < s.token(b).name; });
  AuditReport report;
  report.tokens.reserve(order.size());
  for (TokenId t : order) {
    report.tokens.push_back(EffectiveAccess(s, index, t));
    std::vector<Finding> found = FindingsFor(s, index, report.tokens.back(), options);
    for (Finding& f : found) report.findings.push_back(std::move(f));
  }
  std::stable_sort(report.findings.begin(), report.findings.end(), [&](const Finding& a, const Finding& b) {
    return std::make_tuple(GetFindingKindInfo(a.kind).severity, s.token(a.token).name, a.kind, a.subject) <
           std::make_tuple(GetFindingKindInfo(b.kind).severity, s.token(b.token).name, b.kind, b.subject);
  });
  return report;
}

}  // namespace hubperm
