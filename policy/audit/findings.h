// Copyright 2026 The hubperm Authors.
//
// policy/audit/findings.h: what is wrong with a token, with the evidence and the fix, for `hubperm audit`.
//
// One row per kind of finding (kFindingKinds, in findings.cc), read at a glance:
//
//   will-fail           error    the user's resource-group access that the fine-grained token does not
//                                cover: those requests will get 403 (the founding scenario)
//   blocked-by-policy   error    the org's token policy blocks the token: pending, denied, not requested,
//                                revoked, or a classic token under fine_grained_only
//   classic-write       warning  a classic write token: everything the user may do, everywhere
//   broad-org-write     warning  repo.write on a whole org where the user may write only some repos
//   dead-scope          warning  permissions the user side can never use where they are scoped (a repo
//                                they cannot write, an org they left, a group they are not in)
//   does-nothing        info     a token that can do nothing beyond reading public repos
//   broader-than-needed warning  more than the token's `purpose:` needs: the minted token is the fix
//                                (policy/mint/purpose_findings.h computes it, for the facade's audit)
//
// A fix is data (FixEdit: edits of the token's fixture entry), so that it can be rendered, applied to
// the world (apply_fix.h), and tested: after its fix, a finding is gone.

#ifndef HUBPERM_POLICY_AUDIT_FINDINGS_H_
#define HUBPERM_POLICY_AUDIT_FINDINGS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "policy/audit/effective_access.h"
#include "policy/common/source.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/request.h"
#include "policy/model/permission.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

enum class FindingKind : uint8_t {
  kWillFail,
  kBlockedByPolicy,
  kClassicWrite,
  kBroadOrgWrite,
  kDeadScope,
  kDoesNothing,
  // More than the token's purpose needs (Token::purpose; computed by policy/mint, which mints its fix).
  kBroaderThanNeeded,
  // Token hygiene (the token's lifetime, docs/hub-access-model.md §4a).
  kExpired,
  kExpiring,
  kNoExpiry,
  kOld,
};
enum class FindingSeverity : uint8_t { kError, kWarning, kInfo };

struct FindingKindInfo {
  FindingKind kind;
  absl::string_view name;  // "will-fail"
  FindingSeverity severity;
  absl::string_view meaning;
};
absl::Span<const FindingKindInfo> AllFindingKinds();
const FindingKindInfo& GetFindingKindInfo(FindingKind kind);
absl::string_view SeverityName(FindingSeverity severity);

// One edit of a token's fixture entry.
struct FixEdit {
  enum class Kind : uint8_t {
    kAddPermissions,     // add `permissions` to the scope on (entity_type, entity), creating it if needed
    kRemovePermissions,  // remove them; the scope goes when nothing is left in it
    kMakeFineGrained,    // a classic token becomes fine-grained (kAddPermissions edits follow)
    kSetOrgStatus,       // record `status` for the token in `org`
    kClearOrgStatus,     // drop the status recorded in `org` (a new token is not revoked)
    kDeleteToken,
    kRotate,             // a new token in its place: created at `created_at`, expiring at `expires_at`
    kRemoveGlobal,       // remove `permissions` from the token's global permissions
    kClearReadGated,     // can_read_gated_repos becomes false
  };
  Kind kind = Kind::kAddPermissions;
  EntityType entity_type = EntityType::kOrg;
  std::string entity;  // user, org or group name, or repo id
  PermissionSet permissions;
  std::string org;
  ApprovalStatus status = ApprovalStatus::kApproved;
  absl::Time created_at = absl::InfinitePast();   // kRotate
  absl::Time expires_at = absl::InfiniteFuture();  // kRotate
};

// What the audit judges a token's lifetime by: the moment of the audit (Request::kAnyMoment: none, and
// then only `no-expiry` is reported), how soon an expiry is near, and how old a token is too old.
struct AuditOptions {
  absl::Time at = Request::kAnyMoment;
  absl::Duration expiring_within = absl::Hours(24 * 30);
  absl::Duration older_than = absl::Hours(24 * 365);
  // The threads that audit tokens (audit.h): 1 audits on the caller's thread. The report is the same,
  // byte for byte, for any number.
  int jobs = 1;
};

// The lifetime hubperm suggests for a new token that replaces one without an expiry [hubperm's choice,
// not a Hub rule].
inline constexpr absl::Duration kSuggestedLifetime = absl::Hours(24 * 90);

struct FindingEvidence {
  FindingEvidence() = default;
  FindingEvidence(SourcePos pos, std::string text) : pos(pos), text(std::move(text)) {}

  SourcePos pos;  // unknown when the fact is an absence
  std::string text;
  // A will-fail line's request stands for these repos too: the others of its repo's run of alike repos
  // (effective_access.h), where the same request fails the same way. `text` names the first few; the JSON
  // report lists them all. Points into the audit's AuditIndex.
  RepoRanges alike;
  // A will-fail finding that stands for several resource groups (those alike for the token: the owner's
  // role there is by auto-join alone, the same in each, and the token holds no scope on any): on its
  // first line (the role) and on its line creating a repo into the first group, the other groups.
  std::vector<GroupId> alike_groups;
};

struct Finding {
  FindingKind kind;
  TokenId token = kNoId;
  // What the finding is about, unique per (kind, token): "group token-test-group", "org acme", ...;
  // "" when it is the token as a whole.
  std::string subject;
  std::string summary;
  std::vector<FindingEvidence> evidence;
  // Requests that show it, decided as they are today (will-fail: the ones that fail).
  std::vector<Request> requests;
  std::string fix;  // in words
  std::vector<FixEdit> edits;
};

// "create_commit on acme/token-test-model", "create_repo in org acme (into resource group g)".
std::string DescribeRequest(const Snapshot& snapshot, const Request& request);

// The findings about one token, given its effective access.
std::vector<Finding> FindingsFor(const Snapshot& snapshot, const AuditIndex& index, const TokenAccess& access,
                                 const AuditOptions& options = AuditOptions());

}  // namespace hubperm

#endif  // HUBPERM_POLICY_AUDIT_FINDINGS_H_
