// Copyright 2026 The hubperm Authors.

#include "policy/model/operation.h"

#include <array>

namespace hubperm {
namespace {

using E = Evidence;
using O = Operation;
using P = Permission;
using T = TargetKind;
using U = UserNeed;

// docs/hub-access-model.md §6, one row per operation, in enum order (checked below).
// The permission column is [assumed] in the spec unless it says otherwise.
constexpr std::array<OperationInfo, kOperationCount> kOperations = {{
    // operation                name                     target        user need             user ev.   permission               token ev.  public read
    {O::kDownloadFile,          "hf_hub_download",       T::kRepo,      U::kReadRepoFiles,    E::kDoc,     {P::kRepoContentRead},     E::kDoc,     true},
    {O::kRepoInfo,              "repo_info",             T::kRepo,      U::kSeeRepo,          E::kDoc,     {P::kRepoContentRead},     E::kAssumed, true},
    {O::kCreateRepo,            "create_repo",           T::kNamespace, U::kCreateInNamespace,E::kAssumed, {P::kRepoWrite},           E::kSeen,    false},
    {O::kDeleteRepo,            "delete_repo",           T::kRepo,      U::kWriteRepo,        E::kDoc,     {P::kRepoWrite},           E::kAssumed, false},
    {O::kUpdateRepoSettings,    "update_repo_settings",  T::kRepo,      U::kWriteRepo,        E::kSeen,    {P::kRepoWrite},           E::kAssumed, false},
    {O::kCreateCommit,          "create_commit",         T::kRepo,      U::kWriteRepo,        E::kSeen,    {P::kRepoWrite},           E::kSeen,    false},
    {O::kCreatePullRequest,     "create_pull_request",   T::kRepo,      U::kSeeRepo,          E::kSeen,    {P::kDiscussionWrite},     E::kSeen,    false},
    {O::kCreateBranch,          "create_branch",         T::kRepo,      U::kWriteRepo,        E::kSeen,    {P::kRepoWrite},           E::kSeen,    false},
    {O::kDeleteBranch,          "delete_branch",         T::kRepo,      U::kWriteRepo,        E::kAssumed, {P::kRepoWrite},           E::kAssumed, false},
    {O::kCreateTag,             "create_tag",            T::kRepo,      U::kWriteRepo,        E::kAssumed, {P::kRepoWrite},           E::kAssumed, false},
    {O::kCreateDiscussion,      "create_discussion",     T::kRepo,      U::kSeeRepo,          E::kDoc,     {P::kDiscussionWrite},     E::kDoc,     false},
    {O::kCommentDiscussion,     "comment_discussion",    T::kRepo,      U::kSeeRepo,          E::kDoc,     {P::kDiscussionWrite},     E::kDoc,     false},
    {O::kListAccessRequests,    "list_pending_access_requests", T::kRepo, U::kWriteRepo,      E::kAssumed, {P::kRepoAccessRead},      E::kSeen,    false},
    {O::kHandleAccessRequest,   "accept_access_request", T::kRepo,      U::kWriteRepo,        E::kAssumed, {P::kRepoWrite},           E::kAssumed, false},
    {O::kListOrgMembers,        "list_organization_members", T::kOrg,  U::kOrgMember,        E::kAssumed, {P::kOrgRead},             E::kAssumed, false},
    {O::kChangeMemberRole,      "change_member_role",    T::kOrg,       U::kOrgWrite,         E::kDoc,     {P::kOrgWrite},            E::kAssumed, false},
    {O::kWhoami,                "whoami",                T::kNone,      U::kAny,              E::kDoc,     {},                      E::kDoc,     false},
    {O::kManageGroupMembers,    "manage_resource_group_members", T::kGroup, U::kGroupAdmin,   E::kDoc,     {P::kResourceGroupWrite},  E::kAssumed, false},
    {O::kCreateGroup,           "create_resource_group", T::kOrg,       U::kOrgAdmin,         E::kDoc,     {P::kResourceGroupWrite},  E::kAssumed, false},
    {O::kMoveRepoToGroup,       "move_repo_to_resource_group", T::kRepo, U::kGroupAdmin,      E::kAssumed, {P::kRepoWrite, P::kResourceGroupWrite}, E::kAssumed, false},
    // move_repo: the source's owner, or in an org write (to rename there) or admin (to move it out), and
    // repo.write on it; at the destination, whatever create_repo needs.
    {O::kMoveRepo,              "move_repo",             T::kRepo,      U::kMoveRepo,         E::kDoc,     {P::kRepoWrite},           E::kAssumed, false, true},
    // Not in the spec's table: the route catalogue (policy/request/routes.yaml) decides the Hub's other
    // routes as these, all [assumed]. Other writes to a repo need what a commit needs.
    {O::kWriteRepo,             "write_repo",            T::kRepo,      U::kWriteRepo,        E::kAssumed, {P::kRepoWrite},           E::kAssumed, false},
    // duplicate_repo: read the source's files (its gate too); at the destination, what create_repo needs.
    {O::kDuplicateRepo,         "duplicate_repo",        T::kRepo,      U::kReadRepoFiles,    E::kAssumed, {P::kRepoContentRead},     E::kAssumed, true, true},
    // The org's own settings (network security, audit log, revoking members' tokens): org admins, org.write.
    {O::kManageOrg,             "manage_org",            T::kOrg,       U::kOrgAdmin,         E::kAssumed, {P::kOrgWrite},            E::kAssumed, false},
}};

constexpr bool RowsInEnumOrder() {
  for (int i = 0; i < kOperationCount; ++i) {
    if (static_cast<int>(kOperations[i].operation) != i) return false;
  }
  return true;
}
static_assert(RowsInEnumOrder(), "kOperations rows must follow the Operation enum's order");

}  // namespace

absl::Span<const OperationInfo> AllOperations() { return kOperations; }

const OperationInfo& GetOperationInfo(Operation op) { return kOperations[static_cast<size_t>(op)]; }

RepoAccess AccessNeeded(UserNeed need) {
  switch (need) {
    case UserNeed::kAny:
      return RepoAccess::kNone;
    case UserNeed::kSeeRepo:
    case UserNeed::kReadRepoFiles:
    case UserNeed::kOrgMember:
      return RepoAccess::kRead;
    case UserNeed::kCreateInNamespace:
      return RepoAccess::kContributor;
    case UserNeed::kWriteRepo:
    case UserNeed::kOrgWrite:
    case UserNeed::kMoveRepo:  // write to rename inside an org; moving out of it needs admin (UserForRepo)
      return RepoAccess::kWrite;
    case UserNeed::kOrgAdmin:
    case UserNeed::kGroupAdmin:
      return RepoAccess::kAdmin;
  }
  return RepoAccess::kAdmin;
}

absl::string_view UserNeedText(UserNeed need) {
  switch (need) {
    case UserNeed::kAny:
      return "a signed-in user";
    case UserNeed::kSeeRepo:
      return "read access";
    case UserNeed::kReadRepoFiles:
      return "read access (and, if gated, an accepted access request)";
    case UserNeed::kWriteRepo:
      return "write access (or contributor on a repo they created)";
    case UserNeed::kCreateInNamespace:
      return "role contributor or higher";
    case UserNeed::kOrgMember:
      return "org role read or higher";
    case UserNeed::kOrgWrite:
      return "org role write or higher";
    case UserNeed::kOrgAdmin:
      return "org role admin";
    case UserNeed::kGroupAdmin:
      return "role admin in the resource group (or org admin)";
    case UserNeed::kMoveRepo:
      return "write access to rename a repo inside its org (a contributor may not, even their own repo), org "
             "role admin to move it out of the org";
  }
  return "";
}

}  // namespace hubperm
