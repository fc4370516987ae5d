// Copyright 2026 The hubperm Authors.

#include "policy/audit/audit.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <utility>

namespace hubperm {

int AuditReport::count(FindingSeverity severity) const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
    return GetFindingKindInfo(f.kind).severity == severity;
  }));
}

namespace {

// By severity (errors first), then token name, then kind and subject. The findings are put in order by
// index and moved once: a Finding is large, and the sort compares names in place rather than copying them.
void SortFindings(const Snapshot& s, std::vector<Finding>* findings) {
  std::vector<uint32_t> order(findings->size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::vector<Finding>& f = *findings;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
    const Finding& a = f[i];
    const Finding& b = f[j];
    const FindingSeverity sa = GetFindingKindInfo(a.kind).severity, sb = GetFindingKindInfo(b.kind).severity;
    if (sa != sb) return sa < sb;
    if (a.token != b.token) {
      const int names = s.token(a.token).name.compare(s.token(b.token).name);
      if (names != 0) return names < 0;
    }
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.subject < b.subject;
  });
  std::vector<Finding> sorted;
  sorted.reserve(order.size());
  for (uint32_t i : order) sorted.push_back(std::move((*findings)[i]));
  *findings = std::move(sorted);
}

}  // namespace

AuditReport Audit(const Snapshot& s, const AuditOptions& options) {
  auto shared_index = std::make_shared<const AuditIndex>(s);
  const AuditIndex& index = *shared_index;
  std::vector<TokenId> order(s.token_count());
  for (TokenId t : IdsUpTo<TokenId>(s.token_count())) order[t.index()] = t;
  std::sort(order.begin(), order.end(), [&](TokenId a, TokenId b) { return s.token(a).name < s.token(b).name; });
  // Each token is audited alone (the snapshot and the index are read-only), into its own slot: threads
  // take the next token in turn, and the slots are joined in order, so the report never depends on the
  // number of threads or on which thread audited what.
  std::vector<TokenAccess> accesses(order.size());
  std::vector<std::vector<Finding>> found(order.size());
  // The tokens are audited by their owner's first org, then owner (the slots stay by name): consecutive
  // tokens then read the same org's repos and roles, which stay in the caches.
  std::vector<uint32_t> by_reach(order.size());
  for (uint32_t i = 0; i < by_reach.size(); ++i) by_reach[i] = i;
  auto reach_key = [&](uint32_t i) {
    const UserId owner = s.token(order[i]).owner;
    const std::vector<OrgId>& orgs = index.orgs_of_user(owner);
    return std::make_pair(orgs.empty() ? -1 : orgs.front().index(), owner.index());
  };
  std::stable_sort(by_reach.begin(), by_reach.end(), [&](uint32_t a, uint32_t b) { return reach_key(a) < reach_key(b); });
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k = next++; k < by_reach.size(); k = next++) {
      const uint32_t i = by_reach[k];
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
  report.index = std::move(shared_index);
  report.tokens = std::move(accesses);
  size_t total = 0;
  for (const std::vector<Finding>& findings : found) total += findings.size();
  report.findings.reserve(total);
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
