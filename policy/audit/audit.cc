// Copyright 2026 The hubperm Authors.

#include "policy/audit/audit.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>
#include <tuple>
#include <utility>

#include "policy/compile/ids.h"

namespace hubperm {

int AuditReport::count(FindingSeverity severity) const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
    return GetFindingKindInfo(f.kind).severity == severity;
  }));
}

namespace {

// By severity (errors first), then token name, then kind and subject. `name_rank` gives each token its
// place among the tokens by name (names are unique), so the sort compares integers: comparing the names
// themselves reads each token's record and then its name's text, two reads from wherever they are for
// every comparison, which on a large world cost more than the rest of the sort. The keys are sorted in
// an array of their own; the findings are then moved once, in order, and only findings of one token and
// kind (rare) compare their subjects.
void SortFindings(const IdVector<TokenId, uint32_t>& name_rank, std::vector<Finding>* findings) {
  struct Key {
    uint64_t order;  // severity, then the token's rank by name, then kind
    uint32_t index;  // into *findings
  };
  std::vector<Key> keys(findings->size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    const Finding& f = (*findings)[i];
    keys[i] = Key{static_cast<uint64_t>(GetFindingKindInfo(f.kind).severity) << 48 |
                      static_cast<uint64_t>(name_rank[f.token]) << 8 | static_cast<uint64_t>(f.kind),
                  i};
  }
  const std::vector<Finding>& f = *findings;
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.order != b.order) return a.order < b.order;
    const int subjects = f[a.index].subject.compare(f[b.index].subject);
    if (subjects != 0) return subjects < 0;
    return a.index < b.index;  // a total order; a subject is unique per kind and token, so rarely needed
  });
  std::vector<Finding> sorted;
  sorted.reserve(keys.size());
  for (const Key& key : keys) sorted.push_back(std::move((*findings)[key.index]));
  *findings = std::move(sorted);
}

// Each token's place in `report`'s tokens, which are every token, by name (names are unique).
IdVector<TokenId, uint32_t> NameRanks(const Snapshot& s, const AuditReport& report) {
  IdVector<TokenId, uint32_t> rank(s.token_count());
  for (uint32_t i = 0; i < report.tokens.size(); ++i) rank[report.tokens[i].token] = i;
  return rank;
}

}  // namespace

AuditReport Audit(const Snapshot& s, const AuditOptions& options) {
  auto shared_index = std::make_shared<const AuditIndex>(s);
  const AuditIndex& index = *shared_index;
  std::vector<TokenId> order(s.token_count());
  for (TokenId t : IdsUpTo<TokenId>(s.token_count())) order[t.index()] = t;
  std::sort(order.begin(), order.end(), [&](TokenId a, TokenId b) { return s.token(a).name < s.token(b).name; });
  // The tokens are audited by their owner's first org, then owner: consecutive tokens then read the same
  // org's repos and roles, which stay in the caches. Each token's key is computed once, and the keys
  // sorted in an array of their own (as the findings are).
  struct Reach {
    int32_t first_org, owner;
    uint32_t name_rank;  // the token's place in `order`
    bool operator<(const Reach& o) const {
      return std::tie(first_org, owner, name_rank) < std::tie(o.first_org, o.owner, o.name_rank);
    }
  };
  std::vector<Reach> by_reach(order.size());
  for (uint32_t i = 0; i < by_reach.size(); ++i) {
    const UserId owner = s.token(order[i]).owner;
    const std::vector<OrgId>& orgs = index.orgs_of_user(owner);
    by_reach[i] = Reach{orgs.empty() ? -1 : orgs.front().index(), owner.index(), i};
  }
  std::sort(by_reach.begin(), by_reach.end());
  // Each token is audited alone (the snapshot and the index are read-only), into its own slot, in the
  // order above (the slots are written one after the other, not scattered over the report): threads take
  // the next token in turn, and the report is put together from the slots afterwards, in the same way
  // for any number of threads, so that it never depends on them or on which thread audited what.
  std::vector<TokenAccess> accesses(order.size());
  std::vector<std::vector<Finding>> found(order.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k = next++; k < by_reach.size(); k = next++) {
      accesses[k] = EffectiveAccess(s, index, order[by_reach[k].name_rank]);
      found[k] = FindingsFor(s, index, accesses[k], options);
    }
  };
  const size_t jobs = std::min<size_t>(std::max(options.jobs, 1), std::max<size_t>(order.size(), 1));
  std::vector<std::thread> threads;
  for (size_t j = 1; j < jobs; ++j) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();

  AuditReport report;
  report.index = std::move(shared_index);
  report.tokens.resize(order.size());
  for (size_t k = 0; k < by_reach.size(); ++k) report.tokens[by_reach[k].name_rank] = std::move(accesses[k]);
  size_t total = 0;
  for (const std::vector<Finding>& findings : found) total += findings.size();
  report.findings.reserve(total);
  for (std::vector<Finding>& findings : found) {
    for (Finding& f : findings) report.findings.push_back(std::move(f));
  }
  // SortFindings puts them in the report's order whatever the order they were found in.
  SortFindings(NameRanks(s, report), &report.findings);
  return report;
}

void AddFindings(const Snapshot& s, std::vector<Finding> more, AuditReport* report) {
  for (Finding& f : more) report->findings.push_back(std::move(f));
  SortFindings(NameRanks(s, *report), &report->findings);
}

}  // namespace hubperm
