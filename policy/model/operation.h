// Copyright 2026 The hubperm Authors.
//
// policy/model/operation.h: what each Hub operation needs from the user side and from the token.
//
// One row per operation of docs/hub-access-model.md §6, in operation.cc, read at a glance:
// the huggingface_hub method, what it acts on, the user-side requirement, the token permission, and
// whether those are documented, seen or assumed. The HTTP routes that reach each operation are a
// separate table (policy/request/route.h); the decider (policy/decide) interprets the two requirement
// enums, so a new row needs no new code unless it needs a new kind of requirement.

#ifndef HUBPERM_POLICY_MODEL_OPERATION_H_
#define HUBPERM_POLICY_MODEL_OPERATION_H_

#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "policy/model/access.h"
#include "policy/model/permission.h"

namespace hubperm {

enum class Operation : uint8_t {
  kDownloadFile,          // hf_hub_download
  kRepoInfo,              // model_info / dataset_info / space_info
  kCreateRepo,            // create_repo
  kDeleteRepo,            // delete_repo
  kUpdateRepoSettings,    // update_repo_settings
  kCreateCommit,          // create_commit / upload_file
  kCreatePullRequest,     // create_commit(create_pr=True), create_pull_request
  kCreateBranch,          // create_branch
  kDeleteBranch,          // delete_branch
  kCreateTag,             // create_tag
  kCreateDiscussion,      // create_discussion
  kCommentDiscussion,     // comment_discussion
  kListAccessRequests,    // list_pending_access_requests (and accepted/rejected)
  kHandleAccessRequest,   // accept_access_request / reject / cancel
  kListOrgMembers,        // list_organization_members
  kChangeMemberRole,      // (no huggingface_hub method)
  kWhoami,                // whoami
  kManageGroupMembers,    // add/change/remove a resource-group member
  kCreateGroup,           // create a resource group
  kMoveRepoToGroup,       // move a repo into a resource group
  kMoveRepo,              // move_repo: rename a repo or transfer it to another namespace
  kWriteRepo,             // any other write to a repo: super_squash_history, delete_tag, Space secrets, ...
  kDuplicateRepo,         // duplicate_repo: copy a repo into a namespace
  kManageOrg,             // the org's settings: network security, audit log, member tokens
};
inline constexpr int kOperationCount = 24;

// What an operation acts on.
enum class TargetKind : uint8_t {
  kNone,       // nothing (whoami)
  kRepo,       // one existing repo
  kNamespace,  // a user or org namespace, where a repo is created
  kOrg,        // an organization
  kGroup,      // a resource group
};

// The user-side requirement, interpreted by the decider.
enum class UserNeed : uint8_t {
  kAny,              // any authenticated user
  kSeeRepo,          // RepoAccess read or more (public repos: everyone)
  kReadRepoFiles,    // see the repo and pass its gate
  kWriteRepo,        // RepoAccess write, or contributor on a repo they created
  kCreateInNamespace,// own namespace; org contributor+, or group contributor+ for the group created into
  kOrgMember,        // org role read or more
  kOrgWrite,         // org role write or more
  kOrgAdmin,         // org role admin
  kGroupAdmin,       // group role admin, or org admin
  kMoveRepo,         // move_repo's source: its owner; in an org, write (renaming there) or org admin (moving
                     // out of it) [doc: repositories-settings.md]
};

// How sure the spec is of a row's requirement.
struct OperationInfo {
  Operation operation;
  absl::string_view name;  // the huggingface_hub method name (or a descriptive one where there is none)
  TargetKind target;
  UserNeed user_need;
  Evidence user_evidence;
  // The token permissions needed on the target, all of them; empty: any valid token (whoami).
  PermissionSet permissions;
  Evidence token_evidence;
  // Fine-grained tokens may read the contents of public repos without listing repo.content.read [doc].
  bool implicit_public_read;
  // The operation also creates the repo at a destination namespace (move_repo: "write on source, create
  // in target"; duplicate_repo: read the source, create the copy), which must pass as create_repo there
  // too. The row's other columns are the source's.
  bool creates_at_destination = false;
};

absl::Span<const OperationInfo> AllOperations();

// The level of access a user-side requirement asks for: kNone for kAny, read to see or read a repo or to
// be an org member, contributor to create in a namespace, write to write a repo or for org write, admin
// for org or group administration. (Creator and gate rules come on top, in the decider.)
RepoAccess AccessNeeded(UserNeed need);
const OperationInfo& GetOperationInfo(Operation op);

// A user-side requirement in words: "write access (or contributor on a repo they created)".
absl::string_view UserNeedText(UserNeed need);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MODEL_OPERATION_H_
