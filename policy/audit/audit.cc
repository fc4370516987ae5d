// Copyright 2026 The hubperm Authors.

#include "policy/audit/audit.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <tuple>
#include <utility>

namespace hubperm {

int AuditReport::count(FindingSeverity severity) const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
    return GetFindingKindInfo(f.kind).severity == severity;
  }));
}

namespace {

// By severity (errors first), then token name, then kind and subject.
void SortFindings(const Snapshot& s, std::vector<Finding>* findings) {
  std::stable_sort(findings->begin(), findings->end(), [&](const Finding& a, const Finding& b) {
    return std::make_tuple(GetFindingKindInfo(a.kind).severity, s.token(a.token).name, a.kind, a.subject) <
           std::make_tuple(GetFindingKindInfo(b.kind).severity, s.token(b.token).name, b.kind, b.subject);
  });
}

}  // namespace

AuditReport Audit(const Snapshot& s, const AuditOptions& options) {
  const AuditIndex index(s);
  std::vector<TokenId> order(s.token_count());
  for (TokenId t : IdsUpTo<TokenId>(s.token_count())) order[t.index()] = t;
  std::sort(order.begin(), order.end(), [&](TokenId a, TokenId b) { return s.token(a).name < s.token(b).name; });
  // Each token is audited alone (the snapshot and the index are read-only), into its own slot: threads
  // take the next token in turn, and the slots are joined in order, so the report never depends on the
  // number of threads or on which thread audited what.
  std::vector<TokenAccess> accesses(order.size());
  std::vector<std::vector<Finding>> found(order.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < order.size(); i = next++) {
      accesses[i] = EffectiveAccess(s, index, order[i]);
      found[i] = FindingsFor(s, index, accesses[i], options);
    }
  };
  const size_t jobs = std::min<size_t>(std::max(options.jobs, 1), std::max<size_t>(order.size(), 1));
  std::vector<std::thread> threads;
  for (size_t j = 1; j < jobs; ++j) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();

  AuditReport report;
  report.tokens = std::move(accesses);
  for (std::vector<Finding>& findings : found) {
    for (Finding& f : findings) report.findings.push_back(std::move(f));
  }
  SortFindings(s, &report.findings);
  return report;
}

void AddFindings(const Snapshot& s, std::vector<Finding> more, AuditReport* report) {
  for (Finding& f : more) report->findings.push_back(std::move(f));
  SortFindings(s, &report->findings);
}

}  // namespace hubperm
