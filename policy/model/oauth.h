// Copyright 2026 The hubperm Authors.
//
// policy/model/oauth.h: what an OAuth app's scope grants, as fine-grained permissions (docs/hub-access-model.md
// §4c).
//
// An OAuth app's token acts on the user's namespace and on each org the user let the app into; each
// scope it was granted gives these permissions there (placed as fine-grained scopes are: an org takes no
// repo.access.read). `write-discussions` and `gated-repos` act everywhere and are not here: the compiler
// makes them a global discussion.write and canReadGatedRepos.
//
//   OAuthScopePermissions(OAuthScope::kWriteRepos) == {repo.content.read, repo.write}

#ifndef HUBPERM_POLICY_MODEL_OAUTH_H_
#define HUBPERM_POLICY_MODEL_OAUTH_H_

#include <cstdint>
#include <vector>

#include "policy/model/permission.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

// The permissions `scope` grants on the user's namespace and the app's orgs [doc: oauth.md; as
// permissions, assumed]; none for the scopes of identity and billing, which guard nothing hubperm models.
PermissionSet OAuthScopePermissions(OAuthScope scope);

// A set of OAuth scopes is a bit set: bit `OAuthScopeBit(s)` stands for scope s.
inline constexpr uint32_t OAuthScopeBit(OAuthScope scope) { return uint32_t{1} << static_cast<int>(scope); }

// The scopes of the bit set `scopes`, in enum order.
std::vector<OAuthScope> OAuthScopesIn(uint32_t scopes);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MODEL_OAUTH_H_
