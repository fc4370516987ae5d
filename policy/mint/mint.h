// Copyright 2026 The hubperm Authors.
//
// policy/mint/mint.h: the smallest fine-grained token under which every intent of a job is allowed
// (`hubperm mint`, docs/mint.md).
//
// The owner's user side is the world's; the token side is what is minted. Starting from a fine-grained
// token with no permission, each denied intent's token fix (policy/explain/fix.h: the narrowest entity
// that accepts each missing permission) is added, until every intent the owner may do is allowed. The
// scopes then follow the preference (a repo's scope moves to its group or its org), and every scope, then
// every permission, that can go without denying an intent goes. What is left is minimal: removing any one
// permission denies some intent (each permission's `needed_by` lists those intents, found by removing it),
// and every intent is checked against the world with the minted token before the result is returned.
//
// An intent the owner's user side forbids cannot be fixed by any token: it is reported with the role
// that is missing. Under an org's require_approval policy a new token is pending until an admin approves
// it: the intents are decided as approved, and the orgs are listed in `approvals`.
//
//   MintResult minted = Mint(world, "alice", intents, MintOptions());
//   if (minted.ok()) std::cout << WriteFixture(minted.AsWorld());

#ifndef HUBPERM_POLICY_MINT_MINT_H_
#define HUBPERM_POLICY_MINT_MINT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/request.h"
#include "policy/mint/intents.h"
#include "policy/model/permission.h"
#include "policy/model/vocabulary.h"
#include "policy/model/world.h"

namespace hubperm {

// Where a permission that a repo needs is scoped: the repo itself (the narrowest), or, when the repo has
// one, its resource group, or its org.
enum class ScopePreference : uint8_t { kRepo, kGroup, kOrg };

struct MintOptions {
  ScopePreference prefer = ScopePreference::kRepo;
  std::string token_name;  // the minted token's name; "" for "OWNER-minted" (a unique variant)
  absl::Time at = Request::kAnyMoment;  // the moment of an intent without its own `at`
};

// One permission of the minted token, and why it is there.
struct MintedGrant {
  EntityType type = EntityType::kOrg;  // the scope's entity type
  std::string entity;                  // its name (a repo's id)
  Permission permission = Permission::kRepoContentRead;
  std::vector<int> needed_by;          // the intents (indices) denied without it
};

enum class IntentOutcome : uint8_t {
  kAllowed,      // the minted token allows it
  kUserSide,     // the owner may not do it: no token can (`problem` names the role that is missing)
  kNoToken,      // no fine-grained permission can allow it (another user's namespace, ...): `problem`
  kNotModeled,   // a route hubperm does not model: not decided (`problem` says why)
};

struct IntentResult {
  IntentOutcome outcome = IntentOutcome::kAllowed;
  std::string request;  // the intent in words: the method or route, and its target
  std::string problem;  // for an outcome other than kAllowed
};

struct MintResult {
  Token token;                        // the minted fine-grained token, as a fixture entry
  std::vector<MintedGrant> grants;    // each permission of `token`, in the order the fixture lists them
  std::vector<IntentResult> intents;  // one per intent, in order
  std::vector<std::string> approvals; // orgs whose require_approval policy the token must pass: an admin approves it
  // Every intent that can be allowed is (the minted token was checked), and none is refused by the
  // owner's user side or by every token.
  bool ok() const;
  // A world of the minted token alone, for WriteFixture (policy/load/world_writer.h).
  World AsWorld() const;
};

// Mints the token for `owner` (a user of `world`, which is valid) and `intents`. `problems`, if given,
// receives an error per intent that does not resolve against `world` (an unknown repo, a method that does
// not exist), at the key to blame; then nothing is minted (the result's token is empty, and those intents'
// outcome is kNoToken with the error as their problem).
MintResult Mint(const World& world, absl::string_view owner, const std::vector<Intent>& intents,
                const MintOptions& options, Diagnostics* problems);

// Permissions on one entity that one token holds and the other lacks.
struct ScopeDifference {
  EntityType type = EntityType::kOrg;
  std::string entity;
  PermissionSet permissions;
  bool whole_scope = false;  // the other token has no scope on the entity at all
};

// How an existing token differs from the minted one (`hubperm mint --compare TOKEN`).
struct MintComparison {
  std::string token;
  TokenRole role = TokenRole::kFineGrained;  // a classic token holds every permission its role gives
  std::vector<ScopeDifference> excess;       // scoped permissions no intent needs
  PermissionSet global;                      // its global permissions (the minted token needs none)
  bool can_read_gated_repos = false;         // set on it (the minted token reads a gated repo through its scope)
  std::vector<ScopeDifference> missing;      // what the minted token holds and it lacks
  std::vector<int> denied;                   // the intents (allowed with the minted token) it does not allow
  // It holds more than the intents need: a classic role, excess scoped or global permissions, or the
  // gated-repos flag.
  bool broader() const;
};

// Compares `existing` (a token of `world`, as the world has it, approvals and all) with `minted`, which
// Mint made for `intents` and its owner. `snapshot` is `world` compiled (the intents are decided in it).
MintComparison Compare(const World& world, const Snapshot& snapshot, const Token& existing,
                       const std::vector<Intent>& intents, const MintResult& minted, const MintOptions& options);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MINT_MINT_H_
