// Copyright 2026 The hubperm Authors.
//
// policy/model/reply.h: what the Hub answers when it refuses (or allows) a request, as one table.
//
// One row per Reply (docs/hub-access-model.md §7): the condition it answers, the HTTP status, the
// X-Error-Code header, the message (a template; "" where the Hub's message is not documented), how
// sure hubperm is of that message, and the fixture fact most likely wrong when the Hub gave this reply
// and the world predicted another. The decider (policy/decide/check.cc) chooses which condition
// holds and reads the status here; the explanation fills the message; the pasted-error reader
// (policy/explain/error_comparison) recognizes a printed message by the row's marker.
//
//   const ReplyInfo& info = GetReplyInfo(Reply::kCreateNoRights);
//   info.status;                                              // 403
//   FillReplyMessage(info, {.create_type = "model", .ns = "acme"});
//   // "You don't have the rights to create a model under the namespace \"acme\"."

#ifndef HUBPERM_POLICY_MODEL_REPLY_H_
#define HUBPERM_POLICY_MODEL_REPLY_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/types/span.h"
#include "policy/model/permission.h"

namespace hubperm {

// The Hub's answer, by the condition that decides it.
enum class Reply : uint8_t {
  kOk,                 // allowed
  kRepoNotFound,       // a repo the user (or, assumed, the token) may not see
  kGatedNotGranted,    // a gated repo's files, access not granted (or the token lacks the gated flag)
  kCreateNoRights,     // creating in a namespace without the rights
  kReadAccessOnly,     // a write to a repo the user may only read
  kReadAccessCommit,   // a commit to a repo the user may only read
  kMissingPermissions, // the user may, the fine-grained token lacks a permission
  kPolicyApproval,     // the org's token policy: pending, denied or not requested
  kPolicyRevoked,      // the org revoked the token
  kPolicyClassic,      // a classic token under fine_grained_only or require_approval
  kTokenExpired,       // the token expired (or did not exist yet) at the moment asked: 401
  kGatedPending,       // a gated repo's files, the access request awaiting review
  kForbidden,          // any other refusal
};
inline constexpr int kReplyCount = static_cast<int>(Reply::kForbidden) + 1;

struct ReplyInfo {
  Reply reply;
  absl::string_view condition;   // when the Hub answers this, in words
  int status;                    // the HTTP status
  absl::string_view error_code;  // the X-Error-Code header, "" when the Hub sends none
  // The message, with the placeholders {type}, {id}, {url_id}, {create_type}, {ns} and {permissions}
  // (FillReplyMessage); "" when the Hub's message is not documented ("OK" for an allowed request).
  absl::string_view message;
  Evidence evidence;             // of the message (for kOk and undocumented messages: of the status)
  absl::string_view source;      // where it is documented or seen
  // A fragment of the message that identifies it in a printed error ("" for none).
  absl::string_view marker;
  // When the Hub answered this and the world predicted something else: the fixture fact most likely wrong.
  absl::string_view likely_wrong;
};

// Every row, in enum order.
absl::Span<const ReplyInfo> AllReplies();

const ReplyInfo& GetReplyInfo(Reply reply);

// The values of a message's placeholders.
struct ReplyFields {
  absl::string_view type = "model";   // the repo's type
  absl::string_view id;               // the repo's id, "ns/name"
  absl::string_view create_type = "model";
  absl::string_view ns;               // the namespace created in
  absl::string_view permissions;      // the missing permissions, "repo.write, org.read"
};

// The message of `info` with its placeholders filled ({url_id} is the repo's path on the Hub's site:
// "acme/m" for a model, "datasets/acme/d" for a dataset).
std::string FillReplyMessage(const ReplyInfo& info, const ReplyFields& fields);

// The reply a printed error's status and message show: the row of that status whose marker the message
// contains, else the status's generic row (404: kRepoNotFound, 403: kForbidden); nullopt for a status
// no row has (401, 409, 5xx: not an access decision hubperm models).
absl::optional<Reply> ReplyOfError(int status, absl::string_view message);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_MODEL_REPLY_H_
