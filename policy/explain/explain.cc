// Copyright 2026 The hubperm Authors.

#include "policy/explain/explain.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/timestamp.h"
#include "policy/decide/check.h"
#include "policy/model/oauth.h"
#include "policy/model/operation.h"

namespace hubperm {
namespace {

class Explainer {
 public:
  // `asked` is how the request was asked (null for the destination part of a two-part operation, which
  // is described as the create_repo it is decided as).
  Explainer(const Snapshot& s, const Request& r, const PartDecision& d, const AskedAs* asked)
      : s_(s), r_(r), d_(d), op_(GetOperationInfo(r.operation)), token_(s.token(r.token)),
        owner_(token_.owner == kNoId ? std::string("?") : s.user(token_.owner).name),
        name_(asked == nullptr ? std::string(op_.name) : asked->Name(r.operation)), asked_(asked) {}

  // Everything but the fixes and the request's header.
  void Describe(Explanation* e) const {
    e->target = Target();
    e->user = User();
    e->token = Token();
    e->policy = Policy();
    e->message = Message();
    e->error_code = std::string(ErrorCode());
    e->assumed = Assumed();
  }

  std::string Namespace() const {
    return r_.ns_org != kNoId ? absl::StrCat("org ", s_.org(r_.ns_org).name)
                              : absl::StrCat("user namespace ", s_.user(r_.ns_user).name);
  }

 private:

  std::string At(const SourcePos& pos) const { return pos.known() ? absl::StrCat(" at ", s_.files().Format(pos)) : ""; }

  std::string RepoName() const {
    const Snapshot::RepoRecord& repo = s_.repo(r_.repo);
    return absl::StrCat(NameOf(repo.type), " ", repo.id);
  }

  std::string Target() const {
    switch (op_.target) {
      case TargetKind::kNone:
        return "the token's own account";
      case TargetKind::kRepo: {
        std::string t = RepoName();
        if (r_.group != kNoId) absl::StrAppend(&t, " into resource group ", s_.group(r_.group).name);
        return t;
      }
      case TargetKind::kNamespace: {
        std::string t = absl::StrCat("a new ", NameOf(r_.create_type), " in ", Namespace());
        if (r_.group != kNoId) absl::StrAppend(&t, ", resource group ", s_.group(r_.group).name);
        return t;
      }
      case TargetKind::kOrg:
        return absl::StrCat("org ", s_.org(r_.org).name);
      case TargetKind::kGroup:
        return absl::StrCat("resource group ", s_.group(r_.group).name);
    }
    return "";
  }

  std::string Needed() const {
    if (op_.user_need == UserNeed::kMoveRepo) {  // the rule that applies to this move (§6)
      const Snapshot::RepoRecord& repo = s_.repo(r_.repo);
      if (repo.ns_org == kNoId) return "to be the repo's owner";
      const std::string& org = s_.org(repo.ns_org).name;
      if (r_.ns_org != repo.ns_org) return absl::StrCat("org role admin in ", org, " to move a repo out of it");
      return absl::StrCat("write access to rename a repo inside org ", org, " (a contributor may not)");
    }
    return std::string(UserNeedText(op_.user_need));
  }

  std::string Basis() const {
    const UserSide& u = d_.user;
    switch (u.basis) {
      case UserBasis::kAnyUser:
        return "any signed-in user may";
      case UserBasis::kOwnNamespace:
        return absl::StrCat(owner_, " owns the namespace");
      case UserBasis::kOtherNamespace:
        return absl::StrCat("the namespace belongs to another user; ", owner_, " has no rights there");
      case UserBasis::kOrgRole:
        return absl::StrCat("org ", s_.org(OrgId(u.subject)).name, " gives ", owner_, " role ", RepoAccessName(u.access), At(u.pos));
      case UserBasis::kOrgAdmin:
        return absl::StrCat(owner_, " is an admin of org ",
                            s_.org(u.subject == kNoIndex ? TargetOrg(s_, r_) : OrgId(u.subject)).name, At(u.pos));
      case UserBasis::kGroupRole:
        return absl::StrCat("resource group ", s_.group(GroupId(u.subject)).name, " gives ", owner_, " ",
                            RepoAccessName(u.access), At(u.pos));
      case UserBasis::kBestGroupRole:
        return absl::StrCat("resource group ", s_.group(GroupId(u.subject)).name, " gives ", owner_, " ", RepoAccessName(u.access), At(u.pos),
                            " (the request names no group; this is the strongest of ", owner_, "'s groups)");
      case UserBasis::kPublicRepo:
        return absl::StrCat(owner_, " has no role on it, but ", RepoName(), " is public");
      case UserBasis::kTrustedPublisher: {
        const RepoId repo = token_.publisher_repo;
        const std::string publisher = repo == kNoId ? std::string("a repo")
                                                    : absl::StrCat(NameOf(s_.repo(repo).type), " ", s_.repo(repo).id);
        return absl::StrCat("token ", token_.name, " is the trusted publisher token of ", publisher, At(u.pos),
                            ", bound to the Hub's [OIDC] user: it ",
                            u.allowed ? "writes that repo" : "reaches that repo only, nothing else", " (§4c)");
      }
      case UserBasis::kServiceAccount:
        return absl::StrCat(owner_, " is a service account of org ", s_.org(OrgId(u.subject)).name, At(u.pos),
                            ": within its org, what it may do is its token's (§2a)");
      case UserBasis::kNoRole:
        return absl::StrCat(owner_, " has no role that covers ", Target());
    }
    return "";
  }

  std::string User() const {
    const UserSide& u = d_.user;
    std::string text = Basis();
    switch (u.reason) {
      case UserReason::kEnough:
        if (u.basis != UserBasis::kAnyUser) absl::StrAppend(&text, "; ", name_, " needs ", Needed());
        break;
      case UserReason::kTooLow:
        absl::StrAppend(&text, "; ", name_, " needs ", Needed());
        if (op_.target == TargetKind::kRepo && s_.repo(r_.repo).is_private && token_.owner != kNoId) {
          const Snapshot::AccessRequest* request = s_.AccessRequestOf(r_.repo, token_.owner);
          if (request != nullptr && request->state == AccessRequestState::kAccepted) {
            absl::StrAppend(&text, " (the access granted to ", owner_, At(request->pos),
                            " grants nothing: access grants are no-ops on private repos)");
          }
        }
        break;
      case UserReason::kCreator:
        absl::StrAppend(&text, "; contributors write to repos they created, and ", owner_, " created ", RepoName());
        break;
      case UserReason::kNotCreator:
        absl::StrAppend(&text, "; contributors write only to repos they created, and ", RepoName(), " was not created by ",
                        owner_);
        break;
      case UserReason::kGateGranted:
        absl::StrAppend(&text, "; ", RepoName(), " is gated and ", owner_, "'s access request was accepted", At(u.pos));
        break;
      case UserReason::kGateMember:
        absl::StrAppend(&text, "; ", RepoName(), " is gated, but the Hub does not gate its org's members or writers");
        break;
      case UserReason::kGateNotGranted:
        absl::StrAppend(&text, "; but ", RepoName(), " is gated", At(u.pos), " and ", owner_,
                        "'s access request was not accepted");
        break;
      case UserReason::kGatePending:
        absl::StrAppend(&text, "; but ", RepoName(), " is gated and ", owner_, "'s access request is pending",
                        At(u.pos), ": it awaits review");
        break;
      case UserReason::kGateRejected:
        absl::StrAppend(&text, "; but ", RepoName(), " is gated and ", owner_, "'s access request was rejected",
                        At(u.pos), ": a rejected request never grants access");
        break;
      case UserReason::kMoveOutNeedsAdmin:
        absl::StrAppend(&text, "; moving a repo out of org ", s_.org(s_.repo(r_.repo).ns_org).name, " (to ",
                        Namespace(), ") needs org role admin there (§6)");
        break;
      case UserReason::kContributorCannotRename:
        absl::StrAppend(&text, "; renaming a repo inside an org needs write access: a contributor may not rename, "
                        "even a repo they created (§6)");
        break;
    }
    return text;
  }

  std::string Source() const {
    const TokenSide& t = d_.token;
    switch (t.source) {
      case GrantSource::kNone:
        return "";
      case GrantSource::kGlobal:
        return absl::StrCat("its global permissions", At(t.pos));
      case GrantSource::kUserScope:
        return absl::StrCat("its scope on user ", owner_, At(t.pos));
      case GrantSource::kOrgScope:
        return absl::StrCat("its scope on org ", s_.org(TargetOrg(s_, r_)).name, At(t.pos));
      case GrantSource::kGroupScope:
        return absl::StrCat("its resource-group scope", At(t.pos));
      case GrantSource::kRepoScope:
        return absl::StrCat("its scope on ", RepoName(), At(t.pos));
      case GrantSource::kImplicitPublicRead:
        return "the read access every fine-grained token has to public repos' contents";
      case GrantSource::kGatedFlag:
        return absl::StrCat("canReadGatedRepos", At(t.pos));
      case GrantSource::kClassicRole:
        return absl::StrCat("its role", At(t.pos));
    }
    return "";
  }

  // "expired at T (expires_at at POS), before the moment asked, T'" and the like.
  std::string Lifetime() const {
    if (d_.token.basis == TokenBasis::kExpired) {
      return absl::StrCat("expired at ", FormatTimestamp(token_.expires_at), " (expires_at", At(token_.expires_at_pos),
                          "), before the moment of the request, ", FormatTimestamp(r_.at));
    }
    return absl::StrCat("was created at ", FormatTimestamp(token_.created_at), " (created_at", At(token_.created_at_pos),
                        "), after the moment of the request, ", FormatTimestamp(r_.at));
  }

  // OAuth scopes (bits of OAuthScope) in words: "the scopes read-repos, write-repos".
  static std::string ScopeList(uint32_t scopes) {
    std::vector<absl::string_view> names;
    for (OAuthScope scope : OAuthScopesIn(scopes)) names.push_back(NameOf(scope));
    if (names.empty()) return "no scope";
    return absl::StrCat(names.size() == 1 ? "the scope " : "the scopes ", absl::StrJoin(names, ", "));
  }
  std::string OAuthScopes() const { return ScopeList(token_.oauth_scopes); }
  // ", and let it into org a" / "orgs a, b"; "" for none.
  std::string OrgsToLet(const std::vector<OrgId>& orgs) const {
    std::vector<absl::string_view> names;
    for (OrgId o : orgs) names.push_back(s_.org(o).name);
    if (names.empty()) return "";
    return absl::StrCat(", and let it into ", names.size() == 1 ? "org " : "orgs ", absl::StrJoin(names, ", "));
  }

  // What kind of token it is, when it is not a user access token (§4c).
  std::string KindText() const {
    switch (token_.kind) {
      case TokenKind::kUser:
        return "";
      case TokenKind::kTrustedPublisher:
        return token_.publisher_repo != kNoId
                   ? absl::StrCat("it is a repo's trusted publisher token", At(token_.kind_pos),
                                  ": read and write on that repo only, for 60 minutes (§4c)")
                   : absl::StrCat("it is a user's trusted publisher token", At(token_.kind_pos),
                                  ": read-only, with the gated repos its owner was granted, for 60 minutes (§4c)");
      case TokenKind::kOAuth: {
        std::string text = absl::StrCat("it is an OAuth app's token", At(token_.kind_pos), " with ", OAuthScopes(),
                                        ", on ", owner_, "'s namespace and the orgs the user let it into (§4c)");
        if (d_.token.oauth_needs_manage) {
          absl::StrAppend(&text, "; creating, deleting and moving repos needs the scope manage-repos");
        }
        return text;
      }
    }
    return "";
  }

  std::string Token() const {
    std::string text = TokenCore();
    if (token_.kind != TokenKind::kUser) absl::StrAppend(&text, "; ", KindText());
    return text;
  }

  std::string TokenCore() const {
    const TokenSide& t = d_.token;
    const std::string name = absl::StrCat("token ", token_.name);
    switch (t.basis) {
      case TokenBasis::kExpired:
      case TokenBasis::kNotCreated:
        return absl::StrCat(name, " ", Lifetime(), ": the Hub takes no request with it (§4a)");
      case TokenBasis::kAnyToken:
        return absl::StrCat("any valid token may; ", name, " is one");
      case TokenBasis::kClassicWrite:
        return absl::StrCat(name, " is a classic write token", At(t.pos), ": it lets through everything ", owner_, " may do");
      case TokenBasis::kClassicRead: {
        const absl::string_view what = token_.kind == TokenKind::kUser ? " is a classic read token" : " is read-only";
        return t.allowed ? absl::StrCat(name, what, At(t.pos), ": reads go through")
                         : absl::StrCat(name, what, At(t.pos), ": it allows only reads, and ", name_, " needs ",
                                        PermissionSetText(t.needed));
      }
      case TokenBasis::kFineGrained:
        break;
    }
    std::string text;
    const std::string contribute = s_.assumptions().contributor_permission;
    if (t.allowed && t.contributor == ContributorUse::kCreates) {
      text = absl::StrCat(name, " may create ", Target(), " through the contributor permission (", contribute, ") of ",
                          Source(), " (§4b)");
    } else if (t.allowed && t.contributor == ContributorUse::kCreatedRepo) {
      const Snapshot::RepoRecord& repo = s_.repo(r_.repo);
      text = absl::StrCat(name, " created ", RepoName(), " (created_by_token", At(repo.created_by_token_pos),
                          "), and the contributor permission (", contribute, ") of ", Source(),
                          " writes the repos it created (§4b)");
    } else if (t.allowed) {
      text = absl::StrCat(name, " has ", PermissionSetText(t.needed), " on ", Target(), " through ", Source());
    } else {
      const PermissionSet missing = t.needed - t.granted;
      text = absl::StrCat(name, " lacks ", PermissionSetText(missing), " on ", Target());
      if (t.gate_blocked) {
        absl::StrAppend(&text, ": the repo is gated, and the token has neither canReadGatedRepos nor repo.content.read scoped to it");
      } else if (t.source == GrantSource::kNone) {
        absl::StrAppend(&text, ": no permission of the token (fine-grained", At(token_.pos), ") covers it");
      } else {
        absl::StrAppend(&text, ": ", Source(), t.granted.empty() ? " grants nothing that applies here"
                                                              : absl::StrCat(" grants only ", PermissionSetText(t.granted)));
      }
    }
    if (t.contributor == ContributorUse::kNotCreatedRepo) {
      absl::StrAppend(&text, "; its contributor permission (", contribute, ") writes only the repos this token created, "
                      "and another created ", RepoName(), " (§4b)");
    }
    if (t.repo_scope_overrode) {
      absl::StrAppend(&text, " (the repo scope overrides the token's namespace-wide scope for this repo)");
    }
    if (t.read_implied_by_write) absl::StrAppend(&text, " (repo.content.read through its repo.write)");
    return text;
  }

  std::string Policy() const {
    const PolicySide& p = d_.policy;
    if (p.rule == PolicyRule::kNotOrgResource) return "not an organization's resource: no token policy applies";
    const std::string org = absl::StrCat("org ", s_.org(p.org).name);
    const std::string name = absl::StrCat("token ", token_.name);
    switch (p.rule) {
      case PolicyRule::kNotOrgResource:
        break;
      case PolicyRule::kAllowAll:
        return absl::StrCat(org, " allows all tokens (allow_all", p.pos.known() ? At(p.pos) : ", the default", ")");
      case PolicyRule::kRevoked:
        return absl::StrCat(org, " revoked ", name, At(p.pos));
      case PolicyRule::kClassicBlocked:
        return absl::StrCat(org, s_.org(p.org).token_policy == TokenPolicy::kRequireApproval
                                     ? " requires approval of tokens (require_approval"
                                     : " accepts only fine-grained tokens (fine_grained_only",
                            At(p.pos), "), and ", name, " is a classic ", NameOf(token_.role),
                            " token: the policy refuses classic tokens on the org's resources (§5)");
      case PolicyRule::kRevokedUnderApproval:
        return absl::StrCat(org, " revoked ", name, At(p.pos), "; under require_approval the approval check catches "
                            "a revoked token first, so the Hub answers as for a pending one (§5)");
      case PolicyRule::kNotUserAccessToken:
        return absl::StrCat("org token policies concern user access tokens; ", name, " is a ", NameOf(token_.kind),
                            " token (§4c)");
      case PolicyRule::kServiceAccountToken:
        return absl::StrCat(org, " requires approval; ", name, " belongs to its service account ", owner_,
                            ", whose tokens its admins issue: approved (§2a)");
      case PolicyRule::kFineGrainedAllowed:
        return absl::StrCat(org, " accepts only fine-grained tokens (fine_grained_only", At(p.pos), "); ", name, " is one");
      case PolicyRule::kApproved:
        return absl::StrCat(org, " requires approval, and approved ", name, At(p.pos));
      case PolicyRule::kAdminAutoApproved:
        return absl::StrCat(org, " requires approval; ", name, " was approved automatically", At(p.pos),
                            ": an admin of the org created it or last changed its permissions (§5)");
      case PolicyRule::kPending:
        return absl::StrCat(org, " requires approval, and ", name, "'s approval is pending", At(p.pos), AdminToday());
      case PolicyRule::kDenied:
        return absl::StrCat(org, " requires approval, and denied ", name, At(p.pos), AdminToday());
      case PolicyRule::kNotRequested:
        return absl::StrCat(org, " requires approval of fine-grained tokens, and none is recorded for ", name,
                            " (org_status): treated as pending", AdminToday());
    }
    return "";
  }

  // When the owner is an admin of the policy's org today, why that does not approve the token.
  std::string AdminToday() const {
    const RoleGrant<OrgRole>* role = s_.OrgRoleOf(token_.owner, d_.policy.org);
    if (role == nullptr || role->role != OrgRole::kAdmin) return "";
    return absl::StrCat("; ", owner_, " is an admin of org ", s_.org(d_.policy.org).name, " today", At(role->pos),
                        ", but auto-approval follows the role of whoever created the token or last changed its "
                        "permissions, then (§5): if an admin did, its status is auto_approved");
  }

  // The Hub's message for the reply (policy/model/reply.h, docs/hub-access-model.md §7); "" when none is
  // documented.
  std::string Message() const {
    const ReplyInfo& info = GetReplyInfo(d_.reply);
    ReplyFields fields;
    if (op_.target == TargetKind::kRepo) {
      fields.type = NameOf(s_.repo(r_.repo).type);
      fields.id = s_.repo(r_.repo).id;
    }
    if (op_.target == TargetKind::kNamespace) {
      fields.ns = r_.ns_org != kNoId ? absl::string_view(s_.org(r_.ns_org).name) : s_.user(r_.ns_user).name;
      fields.create_type = NameOf(r_.create_type);
    }
    // The permissions' text only when the message names them.
    std::string permissions;
    if (absl::StrContains(info.message, "{permissions}")) {
      permissions = PermissionSetText(d_.token.needed - d_.token.granted);
      fields.permissions = permissions;
    }
    return FillReplyMessage(info, fields);
  }

  absl::string_view ErrorCode() const { return GetReplyInfo(d_.reply).error_code; }

  std::vector<std::string> Assumed() const {
    std::vector<std::string> out;
    if (d_.operation_assumed) {
      out.push_back(absl::StrCat("what ", op_.name, " requires of the user or the token is assumed (§6)"));
    }
    if (asked_ != nullptr) {
      if (std::string rule = asked_->AssumedRule(r_.operation); !rule.empty()) out.push_back(std::move(rule));
    }
    if (d_.user.assumed) {
      if (op_.target == TargetKind::kNamespace) {
        out.push_back("creating a repo in an org needs org role contributor or higher, or role contributor or higher in "
                      "the resource group it is created into; when the request names no group, the user's strongest "
                      "group role in the org counts (§3)");
      } else if (op_.user_need == UserNeed::kGroupAdmin) {
        out.push_back("moving a repo into a group needs org admin, or admin of the destination group and of the repo's current group");
      } else {
        out.push_back(absl::StrCat("for a repo in a resource group the group role decides; the org role adds nothing but "
                                   "admin (assumptions.org_role_applies_in_groups: ",
                                   s_.assumptions().org_role_applies_in_groups ? "true" : "false", ")"));
      }
    }
    if (d_.token.assumed && d_.token.basis == TokenBasis::kFineGrained) {
      out.push_back("an org scope covers the org's repos and settings, a user scope the owner's namespace, a "
                    "resource-group scope the group's repos and membership (§4)");
      if (d_.token.repo_scope_overrode) {
        out.push_back("a repo scope overrides namespace-wide scopes for user tokens as for org tokens "
                      "(assumptions.repo_scope_overrides_namespace_scope)");
      }
      if (token_.kind == TokenKind::kOAuth) {
        out.push_back("what an OAuth scope grants, as permissions on the user's namespace and on the orgs the user let "
                      "the app into, is assumed (§4c)");
      }
      if (d_.token.contributor != ContributorUse::kNone) {
        out.push_back(absl::StrCat("the contributor permission is spelled '", s_.assumptions().contributor_permission,
                                   "' (assumptions.contributor_permission), counts on the user's and the orgs' scopes, "
                                   "and reads the repos it writes (§4b)"));
      }
      if (d_.token.read_implied_by_write) {
        out.push_back("repo.write grants repo.content.read on the same entity (assumptions.repo_write_implies_read: "
                      "true)");
      }
    }
    if (d_.policy.assumed) {
      out.push_back(d_.policy.rule == PolicyRule::kServiceAccountToken
                        ? "under require_approval, a token of the org's own service account is approved (§2a)"
                    : d_.policy.rule == PolicyRule::kNotUserAccessToken
                        ? "an org's token policy does not concern trusted publishers' and OAuth apps' tokens (§4c)"
                        : "under require_approval, a token with no recorded approval is pending (§5)");
    }
    if (d_.private_repo_shown) {
      out.push_back("the Hub answers a token that may not read a private repo the user may see as any other "
                    "denial, not 404 (assumptions.hide_private_repo_from_token: false)");
    }
    if (d_.token.basis == TokenBasis::kExpired || d_.token.basis == TokenBasis::kNotCreated) {
      out.push_back("a token gets 401 on every route once it has expired, with the message of a token the Hub does "
                    "not take (§4a)");
    } else if (d_.reply_assumed) {
      out.push_back(d_.reply == hubperm::Reply::kRepoNotFound
                        ? "the Hub answers 404 when the user may see a private repo but the token may not "
                          "(assumptions.hide_private_repo_from_token)"
                        : "the Hub's exact message for this denial is not documented");
    }
    return out;
  }

  std::string GroupName(GroupId g) const { return absl::StrCat("resource group ", s_.group(g).name); }
  std::string OrgName(OrgId o) const { return absl::StrCat("org ", s_.org(o).name); }

  std::string EntityName(EntityType type, int32_t entity) const {
    if (type == EntityType::kResourceGroup) return GroupName(GroupId(entity));
    return absl::StrCat(NameOf(type), " ", s_.EntityName(type, entity));  // "org acme", "model acme/m"
  }

 public:
  // Each change of a Fixes in words. Public: Explain renders the merged fixes of a two-part operation
  // with the explainer of the part each change belongs to.
  std::string UserFix(const UserChange& c) const {
    switch (c.kind) {
      case UserChangeKind::kAcceptAccessRequest:
        return absl::StrCat("accept ", owner_, "'s access request to ", RepoName(), " (access_requests: {", owner_,
                            ": accepted}, or add ", owner_, " to its access_granted)");
      case UserChangeKind::kImpossible:
        if (token_.owner != kNoId && s_.user(token_.owner).oidc()) {
          return absl::StrCat("a trusted publisher's token reaches its own repo only: mint one for the repo of this "
                              "request (its trusted publisher, §4c)");
        }
        if (token_.owner != kNoId && s_.user(token_.owner).service_account_of != kNoId) {
          return absl::StrCat("service account ", owner_, " acts only in its org, ",
                              s_.org(s_.user(token_.owner).service_account_of).name, "; no role can be given to it");
        }
        if (op_.target == TargetKind::kNamespace) {
          return absl::StrCat("no change can let ", owner_, " create repos in another user's namespace");
        }
        return absl::StrCat("only ", s_.user(s_.repo(r_.repo).ns_user).name, " may do this in their namespace");
      case UserChangeKind::kGroupRole: {
        std::string text = absl::StrCat(owner_, " needs role ", RepoAccessName(c.role), " in ", GroupName(c.group));
        if (c.join_org) absl::StrAppend(&text, " (as a member of ", OrgName(c.org), ")");
        if (op_.target == TargetKind::kNamespace || op_.target == TargetKind::kGroup) {
          absl::StrAppend(&text, ", or org role ", RepoAccessName(c.role), " in ", s_.org(c.org).name);
        }
        return text;
      }
      case UserChangeKind::kOrgRole:
        if (op_.user_need == UserNeed::kGroupAdmin) {
          return absl::StrCat(owner_, " needs org role admin in ", s_.org(c.org).name,
                              ", or role admin in the resource group(s) involved");
        }
        if (op_.target == TargetKind::kNamespace) {
          return absl::StrCat(owner_, " needs org role ", RepoAccessName(c.role), " in ", s_.org(c.org).name, ", or role ",
                              RepoAccessName(c.role), " in one of its resource groups");
        }
        return absl::StrCat(owner_, " needs org role ", RepoAccessName(c.role), " in ", s_.org(c.org).name);
    }
    return "";
  }

  // "repo.write scoped to org acme", or "repo.write to the scope on model acme/m" when the token has one.
  std::string Addition(const ScopeAddition& a) const {
    const std::string entity = EntityName(a.type, a.entity);
    if (s_.FindScope(token_, a.type, a.entity) != nullptr) return absl::StrCat(PermissionSetText(a.add), " to the scope on ", entity);
    std::string text = absl::StrCat(PermissionSetText(a.add), " scoped to ", entity);
    if (!a.keep.empty()) {
      absl::StrAppend(&text, " (listing ", PermissionSetText(a.keep), " there too: a repo scope overrides the token's namespace-wide scopes for that repo)");
    }
    return text;
  }

  std::string Additions(const TokenChange& c) const {
    std::vector<std::string> parts;
    for (const ScopeAddition& a : c.additions) parts.push_back(Addition(a));
    return absl::StrJoin(parts, ", and ");
  }

  std::string TokenFix(const TokenChange& c) const {
    const std::string name = absl::StrCat("token ", token_.name);
    if (c.renew) {
      std::string text = absl::StrCat("create a new token in place of ", name, ", which ", Lifetime());
      if (c.kind == TokenChangeKind::kRenewToken) return absl::StrCat(text, ", with the same permissions");
      TokenChange rest = c;
      rest.renew = false;
      return absl::StrCat(text, "; and then: ", TokenFix(rest));
    }
    switch (c.kind) {
      case TokenChangeKind::kRenewToken:
        return absl::StrCat("create a new token in place of ", name);
      case TokenChangeKind::kOAuthScope:
        return absl::StrCat("authorize the OAuth app again with ", ScopeList(c.oauth_scopes),
                            OrgsToLet(c.oauth_orgs),
                            " (", name, " has ", OAuthScopes(), ")");
      case TokenChangeKind::kImpossible:
        if (token_.kind == TokenKind::kTrustedPublisher) {
          return absl::StrCat(name, " is a trusted publisher's token: it holds no permission to add; use a token "
                              "of a user who may do this");
        }
        if (token_.kind == TokenKind::kOAuth) {
          return absl::StrCat("no OAuth scope grants what ", name_, " needs; use a user access token");
        }
        return absl::StrCat("no token can let ", owner_, " create repos in another user's namespace");
      case TokenChangeKind::kAllowGatedRepos:
        return absl::StrCat("set can_read_gated_repos on ", name, ", or add repo.content.read scoped to ", RepoName());
      case TokenChangeKind::kUseWriteToken:
        return absl::StrCat("use a write token, or a fine-grained token with ", Additions(c));
      case TokenChangeKind::kAddPermissions:
        return absl::StrCat("add ", Additions(c), " to ", name);
    }
    return "";
  }

  std::string PolicyFix(const PolicyChange& c) const {
    const std::string org = s_.org(c.org).name;
    switch (c.kind) {
      case PolicyChangeKind::kNewToken:
        return absl::StrCat("the token was revoked by ", org, "; create a new token (and have it approved if ", org, " requires it)");
      case PolicyChangeKind::kUseFineGrainedToken:
        return absl::StrCat("use a fine-grained token: ", org, " accepts no classic tokens",
                            s_.org(c.org).token_policy == TokenPolicy::kRequireApproval
                                ? absl::StrCat(", and approves each fine-grained token (org_status: {", org, ": approved})")
                                : "");
      case PolicyChangeKind::kApprove:
        return absl::StrCat("an admin of ", org, " must approve token ", token_.name, " (org_status: {", org, ": approved})");
    }
    return "";
  }

 private:
  const Snapshot& s_;
  const Request& r_;
  const PartDecision& d_;
  const OperationInfo& op_;
  const Snapshot::TokenRecord& token_;
  const std::string owner_;
  const std::string name_;  // the operation's name, or what the asker called it
  const AskedAs* asked_;
};

// The fixes of `e.changes` in words: user changes by the explainer of their part, the rest by `target`'s.
void AddFixTexts(const Explainer& target, const Explainer& destination, Explanation* e) {
  for (size_t i = 0; i < e->changes.user.size(); ++i) {
    const UserChange& c = e->changes.user[i];
    e->fixes.push_back(Fix{Side::kUser, (c.part == Part::kDestination ? destination : target).UserFix(c), i});
  }
  if (e->changes.token) e->fixes.push_back(Fix{Side::kToken, target.TokenFix(*e->changes.token), 0});
  for (size_t i = 0; i < e->changes.policy.size(); ++i) {
    e->fixes.push_back(Fix{Side::kPolicy, target.PolicyFix(e->changes.policy[i]), i});
  }
}

// "at the source, A; at the destination, B", or A alone when both parts say the same.
std::string BothParts(const std::string& source, const std::string& destination) {
  if (source == destination) return source;
  return absl::StrCat("at the source, ", source, "; at the destination, ", destination);
}

}  // namespace

Explanation Explain(const Snapshot& snapshot, const ResolvedRequest& resolved, const Decision& decision) {
  const Request& request = resolved.request;
  Explanation e;
  if (!decision.two_parts()) {
    const Explainer x(snapshot, request, decision, &resolved.asked);
    x.Describe(&e);
    e.changes = FindFixes(snapshot, request, decision);
    AddFixTexts(x, x, &e);
  } else {
    // A two-part operation (move_repo, duplicate_repo): describe each part, then join them.
    const Request dest_request = PartRequest(request, Part::kDestination);
    const Explainer source(snapshot, request, decision.part(Part::kTarget), &resolved.asked);
    const Explainer dest(snapshot, dest_request, decision.part(Part::kDestination), nullptr);
    Explanation a, b;
    source.Describe(&a);
    dest.Describe(&b);
    e.target = absl::StrCat(a.target, request.operation == Operation::kDuplicateRepo ? ", copied to " : ", moved to ",
                            dest.Namespace());
    e.user = BothParts(a.user, b.user);
    e.token = BothParts(a.token, b.token);
    e.policy = BothParts(a.policy, b.policy);
    const Explanation& reply = decision.reply_part == Part::kTarget ? a : b;
    e.message = reply.message;
    e.error_code = reply.error_code;
    e.assumed = a.assumed;
    for (const std::string& rule : b.assumed) {
      if (std::find(e.assumed.begin(), e.assumed.end(), rule) == e.assumed.end()) e.assumed.push_back(rule);
    }
    e.changes = FindFixes(snapshot, request, decision);
    AddFixTexts(source, dest, &e);
  }
  e.request = resolved;
  e.decision = decision;
  e.name = resolved.asked.Name(request.operation);
  e.token_name = snapshot.token(request.token).name;
  e.owner_name = snapshot.user(snapshot.token(request.token).owner).name;
  return e;
}

Explanation Explain(const Snapshot& snapshot, const Request& request, const Decision& decision) {
  return Explain(snapshot, ResolvedRequest{request, AskedAs()}, decision);
}

std::string RenderCheckLine(const Explanation& e, const Style& style) {
  const Decision& decision = e.decision;
  if (decision.allowed) return style.Paint(Tone::kAllow, "ALLOW");
  const std::string& reason = !decision.policy.allowed ? e.policy : !decision.user.allowed ? e.user : e.token;
  std::vector<absl::string_view> sides;
  for (Side side : decision.DeniedBy()) sides.push_back(NameOf(side));
  return absl::StrCat(style.Paint(Tone::kDeny, "DENY"), " ", decision.status, " (", absl::StrJoin(sides, ", "), "): ",
                      reason);
}

std::string RenderReply(const Explanation& e) {
  std::string line = absl::StrCat(e.decision.status, " ");
  if (!e.message.empty()) {
    absl::StrAppend(&line, e.message);
  } else if (e.decision.reply == Reply::kPolicyClassic) {
    absl::StrAppend(&line, "(the Hub's message for classic tokens under fine_grained_only is not documented)");
  } else {
    absl::StrAppend(&line, "(no documented message)");
  }
  if (!e.error_code.empty()) absl::StrAppend(&line, " (X-Error-Code: ", e.error_code, ")");
  return line;
}

std::string RenderExplanation(const Explanation& e, const Style& style) {
  const Decision& decision = e.decision;
  const AskedAs& asked = e.request.asked;
  const absl::string_view operation = GetOperationInfo(e.request.request.operation).name;
  // Both verdicts take five columns, so the reasons line up.
  auto verdict = [&style](bool allowed) {
    return allowed ? style.Paint(Tone::kAllow, "allow") : absl::StrCat(style.Paint(Tone::kDeny, "DENY"), " ");
  };
  std::string out;
  if (asked.form == RequestForm::kPermission) {
    // Say how the permission was asked, so the operation named below is no surprise.
    absl::StrAppend(&out, "Asked: may token ", e.token_name, " use ", asked.question, "? That is what ", operation,
                    " needs there (", asked.meaning, "), so hubperm decides that:\n\n");
  }
  absl::StrAppend(&out, decision.allowed ? style.Paint(Tone::kAllow, "ALLOW") : style.Paint(Tone::kDeny, "DENY"), "  ",
                  e.name, ": ", e.target, "\n");
  if (asked.route != nullptr) absl::StrAppend(&out, "  route ", asked.RouteName(), ", decided as ", operation, "\n");
  absl::StrAppend(&out, "  token ", e.token_name, " of ", e.owner_name, "\n\n");
  absl::StrAppend(&out, "  user side    ", verdict(decision.user.allowed), "  ", e.user, "\n");
  absl::StrAppend(&out, "  token side   ", verdict(decision.token.allowed), "  ", e.token, "\n");
  absl::StrAppend(&out, "  org policy   ", verdict(decision.policy.allowed), "  ", e.policy, "\n\n");
  absl::StrAppend(&out, style.Paint(Tone::kHeading, "The Hub would answer:"), " ", RenderReply(e), "\n");
  if (!e.fixes.empty()) {
    absl::StrAppend(&out, "\n", style.Paint(Tone::kHeading, "To allow it:"), "\n");
    for (const Fix& fix : e.fixes) absl::StrAppend(&out, "  - ", fix.text, "\n");
  }
  if (!e.assumed.empty()) {
    absl::StrAppend(&out, "\n", style.Paint(Tone::kWarning, "Assumed"),
                    " (the Hub does not document these; see docs/hub-access-model.md):\n");
    for (const std::string& a : e.assumed) absl::StrAppend(&out, "  - ", a, "\n");
  }
  return out;
}

}  // namespace hubperm
