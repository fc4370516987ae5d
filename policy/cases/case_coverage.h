// Copyright 2026 The hubperm Authors.
//
// policy/cases/case_coverage.h: which facts of a world the test cases exercised (`hubperm test
// --coverage`), the way `opa test --coverage` shows the rules no test reached.
//
// The facts are the world's tokens, the roles its users hold (org and resource-group memberships,
// auto-join, accepted access requests to gated repos), the grants of its tokens (global permissions,
// scopes, canReadGatedRepos, a classic token's role) and its organizations' token policies and approvals.
// A token is exercised when some case ran with it; any other fact when it decided a side of some case's
// decision (the role, grant or policy entry the explanation cites, whether that side allowed or denied).
// A fact no case reaches is an assumption nobody wrote down.
//
//   CaseCoverage coverage(world);
//   for (const CaseResult& r : results) coverage.Record(*snapshot, r);
//   for (const CoverageItem& item : coverage.items()) if (!item.exercised) ...

#ifndef HUBPERM_POLICY_CASES_CASE_COVERAGE_H_
#define HUBPERM_POLICY_CASES_CASE_COVERAGE_H_

#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "policy/cases/case_runner.h"
#include "policy/common/source.h"
#include "policy/compile/snapshot.h"
#include "policy/model/world.h"

namespace hubperm {

enum class CoverageKind : uint8_t { kToken, kRole, kGrant, kPolicy };
inline constexpr CoverageKind kCoverageKinds[] = {CoverageKind::kToken, CoverageKind::kRole, CoverageKind::kGrant,
                                                  CoverageKind::kPolicy};

// "token", "role", "grant", "policy", and the plurals.
absl::string_view NameOf(CoverageKind kind);
absl::string_view PluralName(CoverageKind kind);

struct CoverageItem {
  CoverageKind kind;
  std::string text;  // "alice is write in resource group acme/token-test-group"
  SourcePos pos;     // where the fact is written
  int uses = 0;      // the checks it decided (tokens: the checks run with it)
  bool exercised() const { return uses > 0; }
};

class CaseCoverage {
 public:
  // The facts of `world`, in the order written: tokens, roles, grants, policies.
  explicit CaseCoverage(const World& world);

  // Counts the facts that `result`, a check run against `snapshot`, exercised. An invalid result
  // exercised nothing. An org's token policy counts whenever it governed the target, even when an
  // approval status or an admin's role decided.
  void Record(const Snapshot& snapshot, const CaseResult& result);

  const std::vector<CoverageItem>& items() const { return items_; }
  // How many facts of `kind` there are, and how many were exercised.
  int Count(CoverageKind kind) const;
  int Exercised(CoverageKind kind) const;
  // The share of every fact exercised, in percent (100 when the world has none).
  double Percent() const;

 private:
  using PosKey = std::tuple<int, int, int>;
  void Add(CoverageKind kind, std::string text, const SourcePos& pos);
  void Use(const SourcePos& pos);

  std::vector<CoverageItem> items_;
  absl::flat_hash_map<std::string, size_t> token_items_;  // token name -> item
  absl::flat_hash_map<PosKey, size_t> pos_items_;         // position -> role, grant or policy item
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_CASES_CASE_COVERAGE_H_
