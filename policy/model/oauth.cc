// Copyright 2026 The hubperm Authors.

#include "policy/model/oauth.h"

namespace hubperm {

PermissionSet OAuthScopePermissions(OAuthScope scope) {
  switch (scope) {
    case OAuthScope::kReadRepos:  // "read access to the user's personal repos"
      return {Permission::kRepoContentRead};
    case OAuthScope::kWriteRepos:  // "write/read access"
      return {Permission::kRepoContentRead, Permission::kRepoWrite};
    case OAuthScope::kManageRepos:  // "full access ... Also grants repo creation and deletion"
      return {Permission::kRepoContentRead, Permission::kRepoWrite, Permission::kRepoAccessRead};
    case OAuthScope::kContributeRepos:  // "create repositories and access those created by this app"
      return {Permission::kRepoContribute};
    case OAuthScope::kInferenceApi:
      return {Permission::kInferenceServerlessWrite};
    case OAuthScope::kJobs:
      return {Permission::kJobWrite};
    case OAuthScope::kWebhooks:
      return {Permission::kUserWebhooksWrite};
    case OAuthScope::kOpenid:
    case OAuthScope::kProfile:
    case OAuthScope::kEmail:
    case OAuthScope::kReadBilling:
    case OAuthScope::kWriteDiscussions:  // global: see the header
    case OAuthScope::kGatedRepos:
      return {};
  }
  return {};
}

std::vector<OAuthScope> OAuthScopesIn(uint32_t scopes) {
  std::vector<OAuthScope> out;
  for (int i = 0; scopes >> i != 0; ++i) {
    if ((scopes >> i) & 1u) out.push_back(static_cast<OAuthScope>(i));
  }
  return out;
}

}  // namespace hubperm
