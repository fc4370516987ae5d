// Copyright 2026 The hubperm Authors.
//
// policy/model/permission.h: the fine-grained token permissions of the Hugging Face Hub.
//
// A fine-grained token lists permission strings such as "repo.write", globally or scoped to an entity
// (docs/hub-access-model.md §4). This header is the one vocabulary of those strings: the table
// in permission.cc has one row per permission the Hub defines, with where it may be granted and which
// source says so. Everything else in hubperm names permissions by the `Permission` enum and holds sets
// of them as a `PermissionSet`, a 32-bit mask, so the decision hot path tests bits instead of strings.
//
// Example:
//   absl::optional<Permission> p = ParsePermission("repo.write");   // Permission::kRepoWrite
//   PermissionSet granted = {Permission::kRepoContentRead, Permission::kRepoWrite};
//   granted.Contains(Permission::kRepoWrite);                        // true
//   PermissionName(Permission::kOrgRead);                            // "org.read"
//
// Everything here is immutable data and pure functions: thread-safe.

#ifndef HUBPERM_POLICY_MODEL_PERMISSION_H_
#define HUBPERM_POLICY_MODEL_PERMISSION_H_

#include <cstdint>
#include <initializer_list>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

// One permission a fine-grained token can hold. The enumerators are dense, starting at 0, so a value
// is also a bit index in `PermissionSet`.
enum class Permission : uint8_t {
  // Repositories.
  kRepoContentRead,  // "repo.content.read"
  kRepoWrite,        // "repo.write"
  kRepoAccessRead,   // "repo.access.read" (gated-repo access requests)
  // Community.
  kDiscussionWrite,  // "discussion.write"
  kPostWrite,        // "post.write"
  // Inference.
  kInferenceServerlessWrite,     // "inference.serverless.write"
  kInferenceEndpointsInferWrite, // "inference.endpoints.infer.write"
  kInferenceEndpointsWrite,      // "inference.endpoints.write"
  // Organizations.
  kOrgRead,                  // "org.read"
  kOrgWrite,                 // "org.write"
  kOrgServiceAccountsRead,   // "org.serviceAccounts.read"
  kOrgServiceAccountsWrite,  // "org.serviceAccounts.write"
  kResourceGroupWrite,       // "resourceGroup.write"
  // Collections and jobs.
  kCollectionRead,   // "collection.read"
  kCollectionWrite,  // "collection.write"
  kJobWrite,         // "job.write"
  // The user's own account.
  kUserWebhooksRead,         // "user.webhooks.read"
  kUserWebhooksWrite,        // "user.webhooks.write"
  kUserBillingRead,          // "user.billing.read"
  kUserNotificationsRead,    // "user.notifications.read"
  kUserNotificationsWrite,   // "user.notifications.write"
  // The contributor permission (changelog, 12 Oct 2026): create repos in the scoped namespace, write
  // only the repos this token created. Its string is not published: "repo.contribute" [assumed], and
  // the fixture's assumptions.contributor_permission may respell it.
  kRepoContribute,
};

// The number of `Permission` values.
inline constexpr int kPermissionCount = 22;

// Where a token may list a permission. A bit mask: a permission may be allowed in several places.
enum PermissionPlacement : uint8_t {
  kPlacementGlobal = 1 << 0,  // the token's `global` list
  kPlacementOrg = 1 << 1,     // scoped to an organization (the Hub's org-token enum)
  kPlacementRepo = 1 << 2,    // scoped to one model, dataset or space
  kPlacementUser = 1 << 3,    // scoped to the token owner's own namespace
  kPlacementResourceGroup = 1 << 4,  // scoped to a resource group
};

// How sure hubperm is of a fact, as the spec marks it.
enum class Evidence : uint8_t {
  kDoc,      // the Hub's documentation or OpenAPI description says it
  kSeen,     // real Hub responses show it
  kAssumed,  // the Hub documents nothing; hubperm makes a stated choice
};

// "doc", "seen" or "assumed", as the spec marks facts.
absl::string_view EvidenceName(Evidence evidence);

// One row of the permission table.
struct PermissionInfo {
  Permission permission;
  absl::string_view name;  // the Hub's spelling, e.g. "repo.content.read"
  uint8_t placements;      // PermissionPlacement bits
  Evidence evidence;       // the weakest source behind `placements`
};

// Every permission, in enum order (`AllPermissions()[i].permission == Permission(i)`).
absl::Span<const PermissionInfo> AllPermissions();

// The table row of `p`.
const PermissionInfo& GetPermissionInfo(Permission p);

// Where a scope on an entity of `type` sits (kPlacementUser, kPlacementOrg, kPlacementResourceGroup or
// kPlacementRepo), or 0 for the entity types hubperm does not model.
uint8_t PlacementOf(EntityType type);

// The Hub's spelling of `p`.
absl::string_view PermissionName(Permission p);

// The permission spelled `name` (exact, case-sensitive, as the Hub spells it), or nullopt for a string
// hubperm does not know. The Hub adds permissions over time: callers load unknown strings with a warning
// and grant nothing through them (hub-access-model §4).
absl::optional<Permission> ParsePermission(absl::string_view name);

// A set of permissions. A value type of four bytes; every operation is O(1).
class PermissionSet {
 public:
  constexpr PermissionSet() = default;
  constexpr PermissionSet(std::initializer_list<Permission> permissions) {
    for (Permission p : permissions) bits_ |= Bit(p);
  }

  // The set of every permission.
  static constexpr PermissionSet All() { return PermissionSet((uint32_t{1} << kPermissionCount) - 1); }

  constexpr bool Contains(Permission p) const { return (bits_ & Bit(p)) != 0; }
  constexpr bool ContainsAll(PermissionSet other) const { return (bits_ & other.bits_) == other.bits_; }
  constexpr bool empty() const { return bits_ == 0; }
  int size() const { return __builtin_popcount(bits_); }

  constexpr void Add(Permission p) { bits_ |= Bit(p); }
  constexpr void Remove(Permission p) { bits_ &= ~Bit(p); }

  constexpr PermissionSet operator|(PermissionSet o) const { return PermissionSet(bits_ | o.bits_); }
  constexpr PermissionSet operator&(PermissionSet o) const { return PermissionSet(bits_ & o.bits_); }
  // The permissions of this set that are not in `o`.
  constexpr PermissionSet operator-(PermissionSet o) const { return PermissionSet(bits_ & ~o.bits_); }
  constexpr bool operator==(PermissionSet o) const { return bits_ == o.bits_; }
  constexpr bool operator!=(PermissionSet o) const { return bits_ != o.bits_; }

  // Calls `fn(Permission)` for each member, in enum order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (uint32_t rest = bits_; rest != 0; rest &= rest - 1) {
      fn(static_cast<Permission>(__builtin_ctz(rest)));
    }
  }

  constexpr uint32_t bits() const { return bits_; }

 private:
  constexpr explicit PermissionSet(uint32_t bits) : bits_(bits) {}
  static constexpr uint32_t Bit(Permission p) { return uint32_t{1} << static_cast<uint32_t>(p); }

  uint32_t bits_ = 0;
};

static_assert(kPermissionCount <= 32, "PermissionSet holds permissions in a 32-bit mask");

// The set's permission names, joined with ", " in enum order: "repo.content.read, repo.write".
std::string PermissionSetText(PermissionSet set);

// The permissions the Hub accepts at `placement` (PermissionPlacement bits): in a token's `global` list,
// or in a scope on a user, an org, a resource group or a repo.
PermissionSet PermissionsAcceptedAt(uint8_t placement);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MODEL_PERMISSION_H_
