// Copyright 2026 The hubperm Authors.

#include "policy/model/reply.h"

#include <array>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace hubperm {
namespace {

using E = Evidence;
using R = Reply;

constexpr char kPolicyHint[] =
    "the org's token policy blocks the token on the Hub: check the org's token_policy and the token's org_status "
    "in the fixture";
constexpr char kReadOnlyHint[] =
    "on the Hub the user has only read access here: their org or resource-group role (or the repo's creator, for "
    "a contributor) in the fixture is likely higher than on the Hub";
constexpr char kTokenHint[] =
    "the Hub refuses what the world allows: the token's permissions in the fixture are likely broader than the "
    "real token's (re-import it with hubperm import-whoami), or the user's role is lower on the Hub";

// docs/hub-access-model.md §7, one row per Reply, in enum order (checked below).
constexpr std::array<ReplyInfo, kReplyCount> kReplies = {{
    {R::kOk, "allowed", 200, "", "OK", E::kDoc, "the Hub's API", "", ""},
    {R::kRepoNotFound, "a private repo the user may not see (the Hub hides it)", 404, "RepoNotFound",
     "Repository not found", E::kDoc, "doc (\"404 - Repo not found\"); seen", "Repository not found",
     "the Hub hides the repo from the user: it is likely private on the Hub (the repo's private:), or the "
     "membership that lets the user see it (an org role, a resource-group role) is not on the Hub; or the repo's id "
     "or type in the URL is not the fixture's"},
    {R::kGatedNotGranted, "a gated repo's files, without an accepted access request or the token's gated flag", 403,
     "GatedRepo",
     "Access to {type} {id} is restricted and you are not in the authorized list. Visit https://huggingface.co/"
     "{url_id} to ask for access.",
     E::kSeen, "huggingface_hub's GatedRepoError; seen", "is restricted and you are not in the authorized list",
     "the Hub gates this repo for the user: check the repo's gated: setting and the user's access request "
     "(access_granted) in the fixture, and the fine-grained token's can_read_gated_repos"},
    {R::kCreateNoRights, "creating a repo in a namespace without the rights", 403, "",
     "You don't have the rights to create a {create_type} under the namespace \"{ns}\".", E::kSeen,
     "seen (huggingface_hub#2955)", "have the rights to create",
     "on the Hub the user or the token may not create in that namespace: the user's org or resource-group role, "
     "or the token's repo.write on the namespace, in the fixture is likely more than on the Hub"},
    {R::kReadAccessOnly, "a write to a repo the user may only read", 403, "",
     "You have read access but not the required permissions for this operation", E::kSeen, "seen",
     "read access but not the required permissions", kReadOnlyHint},
    {R::kReadAccessCommit, "a commit to a repo the user may only read", 403, "",
     "(...) pass `create_pr=1` as a query parameter to create a Pull Request.", E::kSeen,
     "seen (huggingface/lerobot-dataset-visualizer PR #129)", "create_pr", kReadOnlyHint},
    {R::kMissingPermissions, "the user may, the fine-grained token lacks a permission", 403, "",
     "missing permissions: {permissions}", E::kSeen, "seen (Inference Endpoints)", "missing permissions",
     kTokenHint},
    {R::kPolicyApproval,
     "the org's token policy: the token is pending, denied, not requested, or revoked under require_approval", 403, "",
     "Due to the organization token policy, your token needs to be approved by the organization before you can "
     "access this resource.",
     E::kDoc, "enterprise-tokens-management.md", "organization token policy", kPolicyHint},
    {R::kPolicyRevoked, "the org revoked the token", 403, "",
     "Your token has been revoked by the organization administrator, you can no longer access organization "
     "resources. Please contact them for more information.",
     E::kDoc, "enterprise-tokens-management.md", "revoked by the organization", kPolicyHint},
    {R::kPolicyClassic, "a classic token under the org's fine_grained_only or require_approval policy", 403, "", "",
     E::kDoc,
     "enterprise-tokens-management.md (status; the message is not documented)", "", kPolicyHint},
    {R::kTokenExpired, "the token expired, or did not exist yet, at the moment of the request", 401, "",
     "Invalid credentials in Authorization header", E::kAssumed,
     "huggingface_hub (the message of a token the Hub does not take); 401 on expiry assumed",
     "Invalid credentials in Authorization header",
     "the Hub did not take the token: it was absent, invalid or expired; record its expires_at (import-whoami reads "
     "it) and ask --at the moment of the error"},
    {R::kGatedPending, "a gated repo's files, the user's access request awaiting review", 403, "GatedRepo",
     "Your request to access {type} {id} is awaiting a review from the repo authors.", E::kSeen, "seen",
     "is awaiting a review from the repo authors",
     "the Hub still has the user's access request pending: check the repo's access_requests in the fixture"},
    {R::kForbidden, "any other refusal", 403, "", "", E::kAssumed, "", "", kTokenHint},
}};

constexpr bool RowsInEnumOrder() {
  for (size_t i = 0; i < kReplies.size(); ++i) {
    if (static_cast<size_t>(kReplies[i].reply) != i) return false;
  }
  return true;
}
static_assert(RowsInEnumOrder(), "kReplies rows must follow the Reply enum's order");

}  // namespace

absl::Span<const ReplyInfo> AllReplies() { return kReplies; }

const ReplyInfo& GetReplyInfo(Reply reply) { return kReplies[static_cast<size_t>(reply)]; }

std::string FillReplyMessage(const ReplyInfo& info, const ReplyFields& f) {
  const std::string url_id = f.type == "model" ? std::string(f.id) : absl::StrCat(f.type, "s/", f.id);
  return absl::StrReplaceAll(info.message, {{"{type}", f.type},
                                            {"{id}", f.id},
                                            {"{url_id}", url_id},
                                            {"{create_type}", f.create_type},
                                            {"{ns}", f.ns},
                                            {"{permissions}", f.permissions}});
}

absl::optional<Reply> ReplyOfError(int status, absl::string_view message) {
  for (const ReplyInfo& info : kReplies) {
    if (info.status == status && !info.marker.empty() && absl::StrContains(message, info.marker)) return info.reply;
  }
  if (status == 404) return Reply::kRepoNotFound;
  if (status == 403) return Reply::kForbidden;
  if (status == 200) return Reply::kOk;
  return absl::nullopt;
}

}  // namespace hubperm
