// Copyright 2026 The hubperm Authors.
//
// policy/model/vocabulary.h: the Hub's small enumerations and their spellings in fixtures.
//
// Each enum here has one table (in vocabulary.cc) of its fixture spellings, so the loader parses with
// `ParseName<E>`, error messages list `NamesOf<E>()`, and explanations print `NameOf(e)`: the spelling
// lives in one place. Spellings follow docs/hub-access-model.md and the fixture format
// (docs/fixture-format.md).
//
//   absl::optional<OrgRole> r = ParseName<OrgRole>("contributor");   // OrgRole::kContributor
//   NameOf(OrgRole::kNoAccess);                                      // "no_access"
//   absl::StrJoin(NamesOf<OrgRole>(), ", ");   // "no_access, read, contributor, write, admin"

#ifndef HUBPERM_POLICY_MODEL_VOCABULARY_H_
#define HUBPERM_POLICY_MODEL_VOCABULARY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace hubperm {

// A member's role in an organization, weakest first (organizations-security.md) [doc].
enum class OrgRole : uint8_t { kNoAccess, kRead, kContributor, kWrite, kAdmin };

// A member's role in a resource group, weakest first. `no_access` is in the Hub's OpenAPI enum though the
// docs dropped it; it means "member with no access" (docs/hub-access-model.md §3) [openapi].
enum class GroupRole : uint8_t { kNoAccess, kRead, kContributor, kWrite, kAdmin };
inline constexpr int kGroupRoleCount = 5;

// An organization's subscription; resource groups and token policies need team or enterprise [doc].
enum class OrgPlan : uint8_t { kFree, kTeam, kEnterprise };

// An organization's policy for user access tokens (enterprise-tokens-management.md) [doc].
enum class TokenPolicy : uint8_t { kAllowAll, kFineGrainedOnly, kRequireApproval };
inline constexpr int kTokenPolicyCount = 3;

// A token's standing with an organization's token policy [doc]. `auto_approved`: approved because an org
// admin created it or last changed its permissions; it stays approved when that admin (or its owner) is
// no longer one [doc: enterprise-tokens-management.md, November 2026].
enum class ApprovalStatus : uint8_t { kApproved, kPending, kDenied, kRevoked, kAutoApproved };

// The state of a user's request for access to a gated repo (`user-access-request/{status}`) [doc]: only
// an accepted one grants; a rejected one never does.
enum class AccessRequestState : uint8_t { kAccepted, kPending, kRejected };

// Which org members a resource group's auto-join adds: all, or those whose org role is read or higher.
enum class AutoJoinScope : uint8_t { kAll, kReadPlus };

enum class RepoType : uint8_t { kModel, kDataset, kSpace };

// A repo's gating: none, or access requests accepted automatically or by hand.
enum class Gating : uint8_t { kNone, kAuto, kManual };

// `auth.accessToken.role` of whoami-v2 ("god" is internal to the Hub and rejected).
enum class TokenRole : uint8_t { kRead, kWrite, kFineGrained };

// What kind of token it is (docs/hub-access-model.md §4c): a user access token (read, write or
// fineGrained, the default), a trusted publisher's (minted for a CI from its OIDC token) or an OAuth app's.
enum class TokenKind : uint8_t { kUser, kTrustedPublisher, kOAuth };

// The scopes an OAuth app requests (oauth.md) [doc].
enum class OAuthScope : uint8_t {
  kOpenid,
  kProfile,
  kEmail,
  kReadBilling,
  kReadRepos,
  kContributeRepos,
  kWriteRepos,
  kManageRepos,
  kInferenceApi,
  kJobs,
  kWebhooks,
  kWriteDiscussions,
  kGatedRepos,
};

// What a fine-grained scope names. The first six are modeled; the others load with a warning and grant
// nothing (hub-access-model §4).
enum class EntityType : uint8_t {
  kUser,
  kOrg,
  kModel,
  kDataset,
  kSpace,
  kResourceGroup,
  kBucket,
  kKernel,
  kCollection,
  kOauthApp,
};

// Whether hubperm models grants through scopes of this entity type.
inline bool IsModeledEntity(EntityType t) { return t <= EntityType::kResourceGroup; }

// The repo type a repo entity names (kModel, kDataset, kSpace), if `t` is one.
absl::optional<RepoType> RepoTypeOfEntity(EntityType t);

// The entity type that names a repo of `type` in a token scope (its inverse).
EntityType EntityOfRepoType(RepoType type);

// The expected outcome of a test case.
enum class Effect : uint8_t { kAllow, kDeny };

// The three sides of a decision (hub-access-model §1).
enum class Side : uint8_t { kUser, kToken, kPolicy };

// What the columns of a test case's `matrix:` name (docs/fixture-format.md).
enum class MatrixAxis : uint8_t { kRepos, kOperations, kPermissions };

// The fixture spelling of `value`.
template <typename E>
absl::string_view NameOf(E value);

// The enum value spelled `name` (exact match), or nullopt.
template <typename E>
absl::optional<E> ParseName(absl::string_view name);

// Every spelling of E, in enum order (for "valid: ..." in error messages).
template <typename E>
std::vector<absl::string_view> NamesOf();

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MODEL_VOCABULARY_H_
