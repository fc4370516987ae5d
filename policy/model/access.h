// Copyright 2026 The hubperm Authors.
//
// policy/model/access.h: what a role lets a user do to a repo, as tables.
//
// The user side of a decision reduces a user's standing toward a repo to one `RepoAccess` level. The two
// tables here give the level each org role and each resource-group role confers
// (docs/hub-access-model.md §2-3); the decider (policy/decide) only picks which table applies.

#ifndef HUBPERM_POLICY_MODEL_ACCESS_H_
#define HUBPERM_POLICY_MODEL_ACCESS_H_

#include <cstdint>

#include "absl/strings/string_view.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

// A user's access to one repo, weakest first.
enum class RepoAccess : uint8_t {
  kNone,         // cannot see it (a private repo answers 404)
  kRead,         // can see it and read its files
  kContributor,  // read; write only to repos they created; create repos
  kWrite,        // write to it; create, delete, rename repos where the role applies
  kAdmin,        // write, and manage members and settings
};

// The level spelled as the role that gives it: "no_access", "read", "contributor", "write", "admin".
absl::string_view RepoAccessName(RepoAccess access);

// The access an org role gives to the org's repos outside any resource group [doc: §2].
RepoAccess OrgRoleAccess(OrgRole role);

// The access a resource-group role gives to the group's repos [doc: §3].
RepoAccess GroupRoleAccess(GroupRole role);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MODEL_ACCESS_H_
