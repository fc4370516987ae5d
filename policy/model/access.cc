// Copyright 2026 The hubperm Authors.

#include "policy/model/access.h"

#include <array>

namespace hubperm {
namespace {

constexpr std::array<absl::string_view, 5> kAccessNames = {"no_access", "read", "contributor", "write", "admin"};

// Indexed by OrgRole: no_access, read, contributor, write, admin.
constexpr std::array<RepoAccess, 5> kOrgRoleAccess = {RepoAccess::kNone, RepoAccess::kRead,
                                                      RepoAccess::kContributor, RepoAccess::kWrite,
                                                      RepoAccess::kAdmin};

// Indexed by GroupRole: no_access (OpenAPI only: a member with no access), read, contributor, write, admin.
constexpr std::array<RepoAccess, 5> kGroupRoleAccess = {RepoAccess::kNone, RepoAccess::kRead,
                                                        RepoAccess::kContributor, RepoAccess::kWrite,
                                                        RepoAccess::kAdmin};

}  // namespace

absl::string_view RepoAccessName(RepoAccess access) { return kAccessNames[static_cast<size_t>(access)]; }

RepoAccess OrgRoleAccess(OrgRole role) { return kOrgRoleAccess[static_cast<size_t>(role)]; }

RepoAccess GroupRoleAccess(GroupRole role) { return kGroupRoleAccess[static_cast<size_t>(role)]; }

}  // namespace hubperm
