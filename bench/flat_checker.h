// Copyright 2026 The hubperm Authors.
//
// bench/flat_checker.h: the benchmarks' baseline, a flat-array checker of the engine's rule for the
// operations every workload asks most (see, read and write a repo, create a repo, list an org's members).
//
// It decides what policy/decide/check.cc decides for those five operations (the user side with org and
// group roles, gating and the contributor role; the token side with classic roles, fine-grained scopes
// that a repo scope overrides, global permissions, the contributor permission and the implicit public
// read; the org's token policy with approvals), under the default assumptions, for user tokens without a
// lifetime: the synthetic worlds' (bench/synthetic_world.h). From records packed for it (24 bytes per
// repo, each user's roles and each token's scopes in one run), it answers two ways, the floors the
// engine's check is measured against (README, Performance):
//  - Allowed: the verdict alone, stopping at the first side that denies;
//  - Sides: which sides allow, each side decided as the engine decides it (the engine names every side
//    that denies, so it cannot stop at the first).
// //bench:flat_checker_test checks that both agree with the engine on every such request of a world.
//
//   FlatChecker flat(*snapshot);
//   bool allowed = flat.Allowed(request);   // == Check(*snapshot, request).allowed
//   uint8_t sides = flat.Sides(request);     // kUserAllows | kTokenAllows | kPolicyAllows, as Check's sides

#ifndef HUBPERM_BENCH_FLAT_CHECKER_H_
#define HUBPERM_BENCH_FLAT_CHECKER_H_

#include <cstdint>
#include <vector>

#include "policy/compile/snapshot.h"
#include "policy/decide/request.h"
#include "policy/model/operation.h"
#include "policy/model/permission.h"

namespace hubperm {

// Whether the flat checker decides `operation`.
bool FlatCheckerDecides(Operation operation);

class FlatChecker {
 public:
  // `snapshot` must use the default assumptions and hold only user tokens without a lifetime, owned by
  // ordinary users (no service account, no trusted publisher): aborts otherwise.
  explicit FlatChecker(const Snapshot& snapshot);

  // Check(snapshot, request).allowed, for a request of an operation FlatCheckerDecides.
  bool Allowed(const Request& request) const;

  // The sides that allow the request (Check's user, token and policy sides), for the same requests.
  static constexpr uint8_t kUserAllows = 1, kTokenAllows = 2, kPolicyAllows = 4;
  uint8_t Sides(const Request& request) const;

 private:
  struct Repo {  // 24 bytes
    int32_t ns_user, ns_org, group, created_by, created_by_token;
    uint8_t type, gated, is_private;
  };
  struct Token {
    int32_t owner;
    uint8_t role;
    bool can_read_gated;
    PermissionSet global;
    uint32_t scopes_begin, scopes_end;
    uint32_t approvals_begin, approvals_end;
  };
  struct Scope {
    int32_t entity;
    uint8_t type;
    PermissionSet permissions;
  };
  struct Role {  // an org or group role of a user, or an access request's state (by repo)
    int32_t of;
    uint8_t value;
  };

  // The role `user` holds in `of` among `roles[begin[user], begin[user + 1])`, or -1.
  static int Find(const std::vector<uint32_t>& begin, const std::vector<Role>& roles, int32_t user, int32_t of);
  bool UserAllows(const Request& r, const Token& t) const;
  bool TokenAllows(const Request& r, const Token& t) const;
  bool PolicyAllows(int32_t org, const Token& t) const;
  int32_t TargetOrg(const Request& r) const;
  PermissionSet ScopeOn(const Token& t, EntityType type, int32_t entity) const;

  std::vector<Repo> repos_;
  std::vector<Token> tokens_;
  std::vector<Scope> scopes_;
  std::vector<Role> approvals_;       // by token: (org, status)
  std::vector<uint8_t> org_policy_;
  std::vector<uint32_t> org_roles_begin_, group_roles_begin_, requests_begin_;  // by user
  std::vector<Role> org_roles_, group_roles_, requests_;                         // by user: (org | group | repo, value)
  std::vector<int32_t> group_org_;
};

}  // namespace hubperm

#endif  // HUBPERM_BENCH_FLAT_CHECKER_H_
