// Copyright 2026 The hubperm Authors.
//
// policy/decide/decision.h: the answer to a Request, with each side's reason as data.
//
// A Decision is a plain value of enums, ids, permission sets and source positions: computing one
// allocates nothing. Turning it into words (policy/explain) is a separate, opt-in step.
//
// The three sides (hub-access-model §1): the user side (may the token's owner do this?), the token side (does the
// token let it through?), and the organization's token policy. Each is always evaluated, so a denial
// names every side that said no.

#ifndef HUBPERM_POLICY_DECIDE_DECISION_H_
#define HUBPERM_POLICY_DECIDE_DECISION_H_

#include <cstdint>

#include <new>
#include <type_traits>
#include <vector>

#include "policy/common/source.h"
#include "policy/compile/snapshot.h"
#include "policy/model/access.h"
#include "policy/model/permission.h"
#include "policy/model/reply.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

// Where the user's access came from.
enum class UserBasis : uint8_t {
  kAnyUser,         // the operation needs only an authenticated user
  kOwnNamespace,    // the user's own namespace
  kOtherNamespace,  // another user's namespace: no rights there
  kOrgRole,         // the user's org role
  kOrgAdmin,        // org admin: admin of every repo and group of the org
  kGroupRole,       // the user's role in the repo's (or request's) resource group
  kBestGroupRole,   // creating in an org: the user's strongest group role there [assumed]
  kPublicRepo,      // no role, but the repo is public
  kNoRole,          // no role that applies
  kServiceAccount,  // a service account, in its own org: its token decides (§2a)
  kTrustedPublisher,  // the Hub's [OIDC] user of a repo's trusted publisher: that repo only (§4c)
};

// What decided the user side, beyond the access level.
enum class UserReason : uint8_t {
  kEnough,          // the access level meets the need
  kTooLow,          // it does not
  kCreator,         // contributor, writing to a repo they created
  kNotCreator,      // contributor, but the repo is not theirs
  kGateGranted,     // a gated repo: access request accepted
  kGateMember,      // a gated repo: org members and the owner are not gated
  kGateNotGranted,  // a gated repo: no accepted access request
  kMoveOutNeedsAdmin,       // moving a repo out of its org needs org admin [doc]
  kContributorCannotRename, // renaming inside an org needs write; a contributor may not [doc]
  kGatePending,     // a gated repo: the access request awaits review
  kGateRejected,    // a gated repo: the access request was rejected (it never grants)
};

struct UserSide {
  bool allowed = false;
  RepoAccess access = RepoAccess::kNone;  // the level the user holds toward the target
  UserBasis basis = UserBasis::kNoRole;
  UserReason reason = UserReason::kTooLow;
  int32_t subject = kNoIndex;  // the index of the org or group (or user) whose role decided, by basis
  SourcePos pos;            // where that role (or the gate grant) is written
  bool assumed = false;
};

// Where the token's permissions on the target came from.
enum class TokenBasis : uint8_t {
  kAnyToken,     // any valid token (whoami)
  kClassicRead,  // a classic read token: read operations only
  kClassicWrite, // a classic write token: everything the user may do
  kFineGrained,  // a fine-grained token: the permissions it lists
  kExpired,      // the token expired before the moment asked (expires_at): 401 on every route
  kNotCreated,   // the token did not exist yet at the moment asked (created_at)
};

// The grant that covers (or, for a denial, was consulted for) the target.
enum class GrantSource : uint8_t {
  kNone,
  kGlobal,
  kUserScope,
  kOrgScope,
  kGroupScope,
  kRepoScope,
  kImplicitPublicRead,  // fine-grained tokens read public repos' contents
  kGatedFlag,           // canReadGatedRepos
  kClassicRole,
};

// How the token's contributor permission (§4b) counted.
enum class ContributorUse : uint8_t {
  kNone,
  kCreates,         // creating a repo where the token holds it
  kCreatedRepo,     // writing a repo this token created (created_by_token)
  kNotCreatedRepo,  // it holds it on the repo's namespace, but another created the repo
};

struct TokenSide {
  bool allowed = false;
  TokenBasis basis = TokenBasis::kFineGrained;
  PermissionSet needed;
  PermissionSet granted;  // on the target
  GrantSource source = GrantSource::kNone;
  SourcePos pos;                 // of the grant (scope entry, flag or role)
  bool repo_scope_overrode = false;  // a repo scope replaced a namespace scope's permissions
  // repo.content.read, which the operation needs, came from repo.write on the same entity
  // (assumptions.repo_write_implies_read, open question 2) [assumed].
  bool read_implied_by_write = false;
  bool gate_blocked = false;     // a gated repo, and neither canReadGatedRepos nor a repo scope
  // The contributor permission (§4b) on the namespace: it created here, it wrote a repo this token
  // created, or it could not write a repo another created.
  ContributorUse contributor = ContributorUse::kNone;
  // An OAuth token whose write-repos does not create, delete or move repos: that needs manage-repos (§4c).
  bool oauth_needs_manage = false;
  bool assumed = false;
};

enum class PolicyRule : uint8_t {
  kNotOrgResource,     // the target belongs to no organization
  kAllowAll,           // the org allows all tokens
  kRevoked,            // the org revoked this token
  kClassicBlocked,     // fine_grained_only or require_approval, and a classic token [doc]
  kRevokedUnderApproval,  // require_approval, and the org revoked the token: the approval check answers [doc]
  kApproved,
  kAdminAutoApproved,  // approved automatically: an org admin created or last changed it (recorded) [doc]
  kPending,
  kDenied,
  kNotRequested,       // require_approval, and no approval recorded: as pending [assumed]
  kFineGrainedAllowed, // fine_grained_only, and a fine-grained token
  kServiceAccountToken,  // require_approval, a token of the org's own service account, no status: approved [assumed]
  kNotUserAccessToken,   // a trusted publisher's or an OAuth app's token: token policies do not concern it [assumed]
};

struct PolicySide {
  bool allowed = true;
  PolicyRule rule = PolicyRule::kNotOrgResource;
  OrgId org = kNoId;
  SourcePos pos;  // of the policy or the approval status
  bool assumed = false;
};

// The two parts of an operation that also creates at a destination (move_repo, duplicate_repo): the
// request's target, and the namespace the repo goes to. Every other operation has only the target part.
enum class Part : uint8_t {
  kTarget,
  kDestination,
};

// The decision of one part of a request: for an operation of one part, the whole decision.
struct PartDecision {
  bool allowed = false;
  UserSide user;
  TokenSide token;
  PolicySide policy;
  int status = 0;      // the reply's (GetReplyInfo(reply).status)
  Reply reply = Reply::kOk;
  bool reply_assumed = false;
  bool operation_assumed = false;  // the operation's requirements are [assumed] (docs/hub-access-model.md §6)
  // The user may see the private repo but the token may not read it, and the answer is 403 rather than
  // 404 because assumptions.hide_private_repo_from_token is false (open question 3) [assumed].
  bool private_repo_shown = false;
  // Whether any rule behind this decision is [assumed].
  bool assumed() const {
    return user.assumed || token.assumed || policy.assumed || reply_assumed || operation_assumed || private_repo_shown;
  }
  // The sides that deny, in the order user, token, policy; empty when allowed.
  std::vector<Side> DeniedBy() const {
    std::vector<Side> sides;
    if (!user.allowed) sides.push_back(Side::kUser);
    if (!token.allowed) sides.push_back(Side::kToken);
    if (!policy.allowed) sides.push_back(Side::kPolicy);
    return sides;
  }
};

// Both parts of a two-part operation, each decided alone.
struct DecisionParts {
  PartDecision target;
  PartDecision destination;
};

// The answer to a Request. For an operation of one part, the PartDecision it derives from is all of it.
// For a two-part operation, part() gives each part's own decision, and the fields inherited from
// PartDecision are their merge: each side is the first part's where that side denies (the target
// part's when it allows in both), and the reply is that of the part `reply_part` names. Computed once
// by Check; policy/explain describes both parts from part() without deciding again.
//
// A Decision is a plain value, trivially copyable (the parts' storage is copied byte for byte, whether
// or not it holds parts).
struct Decision : PartDecision {
  Part reply_part = Part::kTarget;

  // The decision of `p`: this decision itself for an operation of one part (whose only part is the
  // target; there is no destination part then, and asking for it is a bug).
  const PartDecision& part(Part p) const {
    if (!two_parts_) return *this;
    return p == Part::kTarget ? parts_.parts.target : parts_.parts.destination;
  }
  bool two_parts() const { return two_parts_; }
  // Check: makes this decision one of two parts, and returns them to fill.
  DecisionParts* SetTwoParts() {
    two_parts_ = true;
    new (&parts_.parts) DecisionParts();
    return &parts_.parts;
  }

 private:
  // The parts of a two-part operation, constructed only for one (SetTwoParts): deciding a one-part
  // operation, the hot case, initializes nothing more than its own part.
  union PartsStorage {
    PartsStorage() {}
    DecisionParts parts;
  };
  static_assert(std::is_trivially_copyable_v<DecisionParts>, "a Decision is copied byte for byte");
  bool two_parts_ = false;
  PartsStorage parts_;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_DECIDE_DECISION_H_
