// Copyright 2026 The hubperm Authors.

#include "policy/explain/decision_names.h"

#include <array>

namespace hubperm {
namespace {

// Row i spells the enumerator with value i.
template <typename E>
struct Spellings;

template <>
struct Spellings<UserBasis> {
  static constexpr std::array<absl::string_view, 11> kNames = {
      "any_user", "own_namespace", "other_namespace", "org_role", "org_admin",
      "group_role", "best_group_role", "public_repo", "no_role", "service_account", "trusted_publisher"};
  static constexpr UserBasis kLast = UserBasis::kTrustedPublisher;
};
template <>
struct Spellings<UserReason> {
  static constexpr std::array<absl::string_view, 11> kNames = {
      "enough", "too_low", "creator", "not_creator", "gate_granted", "gate_member", "gate_not_granted",
      "move_out_needs_admin", "contributor_cannot_rename", "gate_pending", "gate_rejected"};
  static constexpr UserReason kLast = UserReason::kGateRejected;
};
template <>
struct Spellings<TokenBasis> {
  static constexpr std::array<absl::string_view, 6> kNames = {"any_token",    "classic_read", "classic_write",
                                                              "fine_grained", "expired",      "not_created"};
  static constexpr TokenBasis kLast = TokenBasis::kNotCreated;
};
template <>
struct Spellings<GrantSource> {
  static constexpr std::array<absl::string_view, 9> kNames = {
      "none", "global", "user_scope", "org_scope", "group_scope",
      "repo_scope", "implicit_public_read", "gated_flag", "classic_role"};
  static constexpr GrantSource kLast = GrantSource::kClassicRole;
};
template <>
struct Spellings<PolicyRule> {
  static constexpr std::array<absl::string_view, 13> kNames = {
      "not_org_resource", "allow_all", "revoked", "classic_blocked", "revoked_under_approval", "approved",
      "admin_auto_approved", "pending", "denied", "not_requested", "fine_grained_allowed",
      "service_account_token", "not_user_access_token"};
  static constexpr PolicyRule kLast = PolicyRule::kNotUserAccessToken;
};
template <>
struct Spellings<Reply> {
  static constexpr std::array<absl::string_view, 13> kNames = {
      "ok", "repo_not_found", "gated_not_granted", "create_no_rights", "read_access_only",
      "read_access_commit", "missing_permissions", "policy_approval", "policy_revoked", "policy_classic",
      "token_expired", "gated_pending", "forbidden"};
  static constexpr Reply kLast = Reply::kForbidden;
};
template <>
struct Spellings<TargetKind> {
  static constexpr std::array<absl::string_view, 5> kNames = {"none", "repo", "namespace", "org", "group"};
  static constexpr TargetKind kLast = TargetKind::kGroup;
};

template <>
struct Spellings<UserChangeKind> {
  static constexpr std::array<absl::string_view, 4> kNames = {"impossible", "org_role", "group_role",
                                                              "accept_access_request"};
  static constexpr UserChangeKind kLast = UserChangeKind::kAcceptAccessRequest;
};
template <>
struct Spellings<TokenChangeKind> {
  static constexpr std::array<absl::string_view, 6> kNames = {"impossible",      "add_permissions", "allow_gated_repos",
                                                              "use_write_token", "renew_token",     "oauth_scope"};
  static constexpr TokenChangeKind kLast = TokenChangeKind::kOAuthScope;
};
template <>
struct Spellings<PolicyChangeKind> {
  static constexpr std::array<absl::string_view, 3> kNames = {"approve", "new_token", "use_fine_grained_token"};
  static constexpr PolicyChangeKind kLast = PolicyChangeKind::kUseFineGrainedToken;
};

template <typename E>
constexpr bool CoversEnum() {
  return Spellings<E>::kNames.size() == static_cast<size_t>(Spellings<E>::kLast) + 1;
}
static_assert(CoversEnum<UserBasis>(), "a UserBasis has no spelling");
static_assert(CoversEnum<UserReason>(), "a UserReason has no spelling");
static_assert(CoversEnum<TokenBasis>(), "a TokenBasis has no spelling");
static_assert(CoversEnum<GrantSource>(), "a GrantSource has no spelling");
static_assert(CoversEnum<PolicyRule>(), "a PolicyRule has no spelling");
static_assert(CoversEnum<Reply>(), "a Reply has no spelling");
static_assert(CoversEnum<TargetKind>(), "a TargetKind has no spelling");
static_assert(CoversEnum<UserChangeKind>(), "a UserChangeKind has no spelling");
static_assert(CoversEnum<TokenChangeKind>(), "a TokenChangeKind has no spelling");
static_assert(CoversEnum<PolicyChangeKind>(), "a PolicyChangeKind has no spelling");

template <typename E>
absl::string_view Spell(E value) {
  return Spellings<E>::kNames[static_cast<size_t>(value)];
}

}  // namespace

absl::string_view DecisionName(UserBasis value) { return Spell(value); }
absl::string_view DecisionName(UserReason value) { return Spell(value); }
absl::string_view DecisionName(TokenBasis value) { return Spell(value); }
absl::string_view DecisionName(GrantSource value) { return Spell(value); }
absl::string_view DecisionName(PolicyRule value) { return Spell(value); }
absl::string_view DecisionName(Reply value) { return Spell(value); }
absl::string_view DecisionName(TargetKind value) { return Spell(value); }
absl::string_view DecisionName(UserChangeKind value) { return Spell(value); }
absl::string_view DecisionName(TokenChangeKind value) { return Spell(value); }
absl::string_view DecisionName(PolicyChangeKind value) { return Spell(value); }

template <typename E>
std::vector<absl::string_view> DecisionNames() {
  return std::vector<absl::string_view>(Spellings<E>::kNames.begin(), Spellings<E>::kNames.end());
}

template std::vector<absl::string_view> DecisionNames<UserBasis>();
template std::vector<absl::string_view> DecisionNames<UserReason>();
template std::vector<absl::string_view> DecisionNames<TokenBasis>();
template std::vector<absl::string_view> DecisionNames<GrantSource>();
template std::vector<absl::string_view> DecisionNames<PolicyRule>();
template std::vector<absl::string_view> DecisionNames<Reply>();
template std::vector<absl::string_view> DecisionNames<TargetKind>();
template std::vector<absl::string_view> DecisionNames<UserChangeKind>();
template std::vector<absl::string_view> DecisionNames<TokenChangeKind>();
template std::vector<absl::string_view> DecisionNames<PolicyChangeKind>();

}  // namespace hubperm
