// Copyright 2026 The hubperm Authors.

#include "policy/model/vocabulary.h"

#include <array>

#include "absl/types/span.h"

namespace hubperm {
namespace {

// The spelling tables, each in enum order: row i spells the enumerator with value i.
template <typename E>
struct Spellings;

template <>
struct Spellings<OrgRole> {
  static constexpr std::array<absl::string_view, 5> kNames = {"no_access", "read", "contributor", "write",
                                                              "admin"};
};
template <>
struct Spellings<GroupRole> {
  static constexpr std::array<absl::string_view, 5> kNames = {"no_access", "read", "contributor", "write",
                                                              "admin"};
};
template <>
struct Spellings<OrgPlan> {
  static constexpr std::array<absl::string_view, 3> kNames = {"free", "team", "enterprise"};
};
template <>
struct Spellings<TokenPolicy> {
  static constexpr std::array<absl::string_view, 3> kNames = {"allow_all", "fine_grained_only",
                                                              "require_approval"};
};
template <>
struct Spellings<ApprovalStatus> {
  static constexpr std::array<absl::string_view, 5> kNames = {"approved", "pending", "denied", "revoked",
                                                              "auto_approved"};
};
template <>
struct Spellings<TokenKind> {
  static constexpr std::array<absl::string_view, 3> kNames = {"user", "trusted_publisher", "oauth"};
};
template <>
struct Spellings<OAuthScope> {
  static constexpr std::array<absl::string_view, 13> kNames = {
      "openid",       "profile", "email",    "read-billing",      "read-repos", "contribute-repos", "write-repos",
      "manage-repos", "inference-api", "jobs", "webhooks", "write-discussions", "gated-repos"};
};
template <>
struct Spellings<AccessRequestState> {
  static constexpr std::array<absl::string_view, 3> kNames = {"accepted", "pending", "rejected"};
};
template <>
struct Spellings<AutoJoinScope> {
  static constexpr std::array<absl::string_view, 2> kNames = {"all", "read_plus"};
};
template <>
struct Spellings<RepoType> {
  static constexpr std::array<absl::string_view, 3> kNames = {"model", "dataset", "space"};
};
template <>
struct Spellings<Gating> {
  static constexpr std::array<absl::string_view, 3> kNames = {"false", "auto", "manual"};
};
template <>
struct Spellings<TokenRole> {
  static constexpr std::array<absl::string_view, 3> kNames = {"read", "write", "fineGrained"};
};
template <>
struct Spellings<EntityType> {
  // The Hub's whoami-v2 spellings.
  static constexpr std::array<absl::string_view, 10> kNames = {
      "user", "org", "model", "dataset", "space", "resource-group", "bucket", "kernel", "collection",
      "oauth-app"};
};
template <>
struct Spellings<Effect> {
  static constexpr std::array<absl::string_view, 2> kNames = {"allow", "deny"};
};
template <>
struct Spellings<Side> {
  static constexpr std::array<absl::string_view, 3> kNames = {"user", "token", "policy"};
};
template <>
struct Spellings<MatrixAxis> {
  static constexpr std::array<absl::string_view, 3> kNames = {"repos", "operations", "permissions"};
};

}  // namespace

template <typename E>
absl::string_view NameOf(E value) {
  return Spellings<E>::kNames[static_cast<size_t>(value)];
}

template <typename E>
absl::optional<E> ParseName(absl::string_view name) {
  const auto& names = Spellings<E>::kNames;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return absl::nullopt;
}

template <typename E>
std::vector<absl::string_view> NamesOf() {
  return std::vector<absl::string_view>(Spellings<E>::kNames.begin(), Spellings<E>::kNames.end());
}

absl::optional<RepoType> RepoTypeOfEntity(EntityType t) {
  switch (t) {
    case EntityType::kModel:
      return RepoType::kModel;
    case EntityType::kDataset:
      return RepoType::kDataset;
    case EntityType::kSpace:
      return RepoType::kSpace;
    default:
      return absl::nullopt;
  }
}

EntityType EntityOfRepoType(RepoType type) {
  switch (type) {
    case RepoType::kModel:
      return EntityType::kModel;
    case RepoType::kDataset:
      return EntityType::kDataset;
    case RepoType::kSpace:
      return EntityType::kSpace;
  }
  return EntityType::kModel;
}

#define HUBPERM_INSTANTIATE_VOCABULARY(E)                         \
  template absl::string_view NameOf<E>(E);                        \
  template absl::optional<E> ParseName<E>(absl::string_view);     \
  template std::vector<absl::string_view> NamesOf<E>();

HUBPERM_INSTANTIATE_VOCABULARY(OrgRole)
HUBPERM_INSTANTIATE_VOCABULARY(GroupRole)
HUBPERM_INSTANTIATE_VOCABULARY(OrgPlan)
HUBPERM_INSTANTIATE_VOCABULARY(TokenPolicy)
HUBPERM_INSTANTIATE_VOCABULARY(ApprovalStatus)
HUBPERM_INSTANTIATE_VOCABULARY(AccessRequestState)
HUBPERM_INSTANTIATE_VOCABULARY(TokenKind)
HUBPERM_INSTANTIATE_VOCABULARY(OAuthScope)
HUBPERM_INSTANTIATE_VOCABULARY(AutoJoinScope)
HUBPERM_INSTANTIATE_VOCABULARY(RepoType)
HUBPERM_INSTANTIATE_VOCABULARY(Gating)
HUBPERM_INSTANTIATE_VOCABULARY(TokenRole)
HUBPERM_INSTANTIATE_VOCABULARY(EntityType)
HUBPERM_INSTANTIATE_VOCABULARY(Effect)
HUBPERM_INSTANTIATE_VOCABULARY(Side)
HUBPERM_INSTANTIATE_VOCABULARY(MatrixAxis)

#undef HUBPERM_INSTANTIATE_VOCABULARY

}  // namespace hubperm
