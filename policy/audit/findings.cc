// Copyright 2026 The hubperm Authors.

#include "policy/audit/findings.h"

#include <algorithm>
#include <deque>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/timestamp.h"
#include "policy/decide/check.h"
#include "policy/model/access.h"
#include "policy/model/operation.h"

namespace hubperm {
namespace {

constexpr FindingKindInfo kFindingKinds[] = {
    {FindingKind::kWillFail, "will-fail", FindingSeverity::kError,
     "the user may do it through a resource-group role, the fine-grained token does not cover it: it will get 403"},
    {FindingKind::kBlockedByPolicy, "blocked-by-policy", FindingSeverity::kError,
     "the org's token policy blocks the token: pending, denied, not requested, revoked, or classic under fine_grained_only"},
    {FindingKind::kClassicWrite, "classic-write", FindingSeverity::kWarning,
     "a classic write token can do everything its owner may do, everywhere"},
    {FindingKind::kBroadOrgWrite, "broad-org-write", FindingSeverity::kWarning,
     "repo.write on a whole org where the user may write only some of its repos"},
    {FindingKind::kDeadScope, "dead-scope", FindingSeverity::kWarning,
     "permissions the user side can never use where they are scoped"},
    {FindingKind::kDoesNothing, "does-nothing", FindingSeverity::kInfo,
     "the token can do nothing beyond reading public repos, which any token can"},
    {FindingKind::kBroaderThanNeeded, "broader-than-needed", FindingSeverity::kWarning,
     "the token holds more than its purpose (purpose: on the token) needs: the minted token is the fix"},
    {FindingKind::kExpired, "expired", FindingSeverity::kError,
     "the token has expired: every request with it gets 401"},
    {FindingKind::kExpiring, "expiring", FindingSeverity::kWarning,
     "the token expires soon (audit --expiring-within DAYS)"},
    {FindingKind::kNoExpiry, "no-expiry", FindingSeverity::kWarning,
     "the token never expires (its created_at is recorded, no expires_at)"},
    {FindingKind::kOld, "old", FindingSeverity::kWarning,
     "the token was created long ago and never rotated (audit --older-than DAYS)"},
};

constexpr PermissionSet kRepoRead = {Permission::kRepoContentRead};
constexpr PermissionSet kRepoWrite = {Permission::kRepoWrite};

class Auditor {
 public:
  Auditor(const Snapshot& s, const AuditIndex& index, const TokenAccess& access, const AuditOptions& options)
      : s_(s), index_(index), access_(access), t_(s.token(access.token)), owner_(s.user(t_.owner).name),
        options_(options) {}

  std::vector<Finding> Run() {
    if (Lifetime()) return std::move(out_);  // expired: nothing else about it matters
    BlockedByPolicy();
    if (t_.role == TokenRole::kWrite) ClassicWrite();
    // A fine-grained user access token's scopes are its own to fix; a trusted publisher's or an OAuth
    // app's follow from its kind (§4c).
    if (t_.role == TokenRole::kFineGrained && t_.kind == TokenKind::kUser) {
      WillFail();
      BroadOrgWrite();
      DeadScopes();
    }
    if (!access_.useful) DoesNothing();
    return std::move(out_);
  }

 private:
  Finding& Add(FindingKind kind, std::string subject) {
    Finding f;
    f.kind = kind;
    f.token = access_.token;
    f.subject = std::move(subject);
    out_.push_back(std::move(f));
    return out_.back();
  }

  std::string Entity(EntityType type, int32_t id) const { return absl::StrCat(NameOf(type), " ", s_.EntityName(type, id)); }
  const std::string& TokenName() const { return t_.name; }

  Request Base(Operation op) const {
    Request r;
    r.operation = op;
    r.token = access_.token;
    return r;
  }

  // ---- blocked-by-policy: the orgs the token reaches, and those that recorded a status for it.
  void BlockedByPolicy() {
    std::vector<std::pair<OrgId, PolicySide>> blocked;
    for (const NamespaceAccess& ns : access_.namespaces) {
      if (ns.is_org && ns.policy_blocked) blocked.emplace_back(ns.id, ns.policy);
    }
    for (OrgId org : access_.public_blocked_in) {
      if (s_.ApprovalOf(access_.token, org) == nullptr) continue;
      Request r = Base(Operation::kListOrgMembers);
      r.org = org;
      blocked.emplace_back(org, Check(s_, r).policy);
    }
    for (const auto& [org, policy] : blocked) {
      const std::string& name = s_.org(org).name;
      Finding& f = Add(FindingKind::kBlockedByPolicy, absl::StrCat("org ", name));
      Request r = Base(Operation::kListOrgMembers);
      r.org = org;
      f.requests.push_back(r);
      switch (policy.rule) {
        case PolicyRule::kRevoked:
        case PolicyRule::kRevokedUnderApproval:
          f.summary = absl::StrCat("org ", name, " revoked token ", TokenName(), ": it can no longer access ", name,
                                   "'s resources",
                                   policy.rule == PolicyRule::kRevokedUnderApproval
                                       ? " (under require_approval the Hub answers it as a token awaiting approval)"
                                       : "");
          f.evidence.push_back({policy.pos, absl::StrCat("org_status: ", name, " revoked")});
          f.edits.push_back(OrgStatusEdit(FixEdit::Kind::kClearOrgStatus, name));
          // The new token must pass the org's policy too.
          if (s_.org(org).token_policy == TokenPolicy::kFineGrainedOnly && t_.role != TokenRole::kFineGrained) {
            ReplaceWithFineGrained(&f, /*read_only=*/t_.role == TokenRole::kRead);
            f.fix = absl::StrCat("create a new token for ", name, "'s resources (", name, " accepts fine-grained tokens only): ",
                                 f.fix);
          } else {
            f.fix = absl::StrCat("create a new token for ", name, "'s resources");
          }
          if (s_.org(org).token_policy == TokenPolicy::kRequireApproval && t_.role == TokenRole::kFineGrained) {
            ApproveNewToken(&f, org);
          }
          break;
        case PolicyRule::kClassicBlocked: {
          const TokenPolicy org_policy = s_.org(org).token_policy;
          f.summary = absl::StrCat("org ", name,
                                   org_policy == TokenPolicy::kRequireApproval ? " requires approval of tokens"
                                                                               : " accepts fine-grained tokens only",
                                   "; classic ", NameOf(t_.role), " token ", TokenName(), " gets 403 on its resources");
          f.evidence.push_back({policy.pos, absl::StrCat("token_policy: ", NameOf(org_policy), " in org ", name)});
          f.evidence.push_back({t_.role_pos, absl::StrCat("role: ", NameOf(t_.role))});
          ReplaceWithFineGrained(&f, /*read_only=*/t_.role == TokenRole::kRead);
          if (org_policy == TokenPolicy::kRequireApproval) ApproveNewToken(&f, org);
          break;
        }
        case PolicyRule::kPending:
        case PolicyRule::kDenied:
        case PolicyRule::kNotRequested: {
          const absl::string_view state = policy.rule == PolicyRule::kPending   ? "is pending"
                                          : policy.rule == PolicyRule::kDenied ? "was denied"
                                                                               : "was never requested [assumed: as pending]";
          f.summary = absl::StrCat("org ", name, " requires approval of fine-grained tokens, and token ", TokenName(),
                                   "'s approval ", state, ": it gets 403 on ", name, "'s resources");
          f.evidence.push_back({s_.org(org).token_policy_pos, absl::StrCat("token_policy: require_approval in org ", name)});
          if (policy.rule != PolicyRule::kNotRequested) {
            f.evidence.push_back({policy.pos, absl::StrCat("org_status: ", name, " ",
                                                           policy.rule == PolicyRule::kPending ? "pending" : "denied")});
          }
          f.fix = absl::StrCat("an admin of ", name, " approves token ", TokenName());
          f.edits.push_back(OrgStatusEdit(FixEdit::Kind::kSetOrgStatus, name));
          break;
        }
        default:
          f.summary = absl::StrCat("org ", name, "'s token policy blocks token ", TokenName());
          break;
      }
    }
  }

  // ---- expired, expiring, no-expiry, old: the token's lifetime at the moment of the audit. Returns
  // whether the token has expired.
  bool Lifetime() {
    const bool has_expiry = t_.expires_at != absl::InfiniteFuture();
    const bool known_creation = t_.created_at != absl::InfinitePast();
    const absl::Time at = options_.at;
    const bool timed = at != Request::kAnyMoment;
    // A new token in this one's place, from now on, for as long as this one lasted (kSuggestedLifetime when
    // that is unknown or shorter), and longer than the expiring window.
    auto rotate = [&](Finding* f) {
      absl::Duration lifetime = has_expiry && known_creation ? t_.expires_at - t_.created_at : kSuggestedLifetime;
      if (lifetime < kSuggestedLifetime) lifetime = kSuggestedLifetime;
      if (lifetime > options_.older_than) lifetime = options_.older_than;
      if (lifetime <= options_.expiring_within) lifetime = options_.expiring_within + kSuggestedLifetime;
      FixEdit e;
      e.kind = FixEdit::Kind::kRotate;
      e.created_at = timed ? at : t_.created_at;
      e.expires_at = e.created_at + lifetime;
      f->edits.push_back(e);
      return absl::StrCat("create a new token in its place, with the same permissions, that expires at ",
                          FormatTimestamp(e.expires_at), " (", Days(lifetime), "), move its users to it, and delete this one");
    };
    if (timed && has_expiry && at >= t_.expires_at) {
      Finding& f = Add(FindingKind::kExpired, "");
      f.summary = absl::StrCat("token ", TokenName(), " expired at ", FormatTimestamp(t_.expires_at), ", ",
                               Days(at - t_.expires_at), " before ", FormatTimestamp(at),
                               ": every request with it gets 401");
      f.evidence.push_back({t_.expires_at_pos, absl::StrCat("expires_at: ", FormatTimestamp(t_.expires_at))});
      f.fix = absl::StrCat("delete token ", TokenName(), "; if something still uses it, create a new token in its place");
      FixEdit e;
      e.kind = FixEdit::Kind::kDeleteToken;
      f.edits.push_back(e);
      return true;
    }
    if (timed && has_expiry && t_.expires_at - at <= options_.expiring_within) {
      Finding& f = Add(FindingKind::kExpiring, "");
      f.summary = absl::StrCat("token ", TokenName(), " expires at ", FormatTimestamp(t_.expires_at), ", in ",
                               Days(t_.expires_at - at), " (within ", Days(options_.expiring_within), ")");
      f.evidence.push_back({t_.expires_at_pos, absl::StrCat("expires_at: ", FormatTimestamp(t_.expires_at))});
      f.fix = rotate(&f);
    }
    if (known_creation && !has_expiry) {
      Finding& f = Add(FindingKind::kNoExpiry, "");
      f.summary = absl::StrCat("token ", TokenName(), " never expires: it stays valid until someone deletes it");
      f.evidence.push_back({t_.created_at_pos, absl::StrCat("created_at: ", FormatTimestamp(t_.created_at),
                                                           ", and no expires_at")});
      f.fix = rotate(&f);
    }
    if (timed && known_creation && at - t_.created_at > options_.older_than) {
      Finding& f = Add(FindingKind::kOld, "");
      f.summary = absl::StrCat("token ", TokenName(), " was created at ", FormatTimestamp(t_.created_at), ", ",
                               Days(at - t_.created_at), " ago (more than ", Days(options_.older_than),
                               "), and never rotated");
      f.evidence.push_back({t_.created_at_pos, absl::StrCat("created_at: ", FormatTimestamp(t_.created_at))});
      f.fix = rotate(&f);
    }
    return false;
  }

  // "3 days", "1 day", "5 hours" (under a day).
  static std::string Days(absl::Duration d) {
    const int64_t days = absl::ToInt64Hours(d) / 24;
    if (days >= 1) return absl::StrCat(days, days == 1 ? " day" : " days");
    const int64_t hours = absl::ToInt64Hours(d);
    return absl::StrCat(hours, hours == 1 ? " hour" : " hours");
  }

  bool IsOrgAdmin(OrgId org) const {
    const RoleGrant<OrgRole>* role = s_.OrgRoleOf(t_.owner, org);
    return role != nullptr && role->role == OrgRole::kAdmin;
  }

  FixEdit OrgStatusEdit(FixEdit::Kind kind, const std::string& org,
                        ApprovalStatus status = ApprovalStatus::kApproved) const {
    FixEdit e;
    e.kind = kind;
    e.org = org;
    e.status = status;
    return e;
  }

  // A new token for an org that requires approval: an admin owner's own new token is approved
  // automatically (the creator's role when creating it counts, docs/hub-access-model.md §5); anyone
  // else's waits for an admin.
  void ApproveNewToken(Finding* f, OrgId org) const {
    const std::string& name = s_.org(org).name;
    if (IsOrgAdmin(org)) {
      absl::StrAppend(&f->fix, " (", owner_, " is an admin of ", name, ", so ", name, " approves it automatically)");
      f->edits.push_back(OrgStatusEdit(FixEdit::Kind::kSetOrgStatus, name, ApprovalStatus::kAutoApproved));
    } else {
      absl::StrAppend(&f->fix, ", and have an admin of ", name, " approve it (", name, " requires approval)");
      f->edits.push_back(OrgStatusEdit(FixEdit::Kind::kSetOrgStatus, name));
    }
  }

  static FixEdit ScopeEdit(FixEdit::Kind kind, EntityType type, std::string entity, PermissionSet permissions) {
    FixEdit e;
    e.kind = kind;
    e.entity_type = type;
    e.entity = std::move(entity);
    e.permissions = permissions;
    return e;
  }

  // The fine-grained token that keeps the repo access the owner's roles give, with no permission the
  // user side cannot use: repo.write where they may create or write, repo.content.read where they may
  // read, org.read where they are members.
  void ReplaceWithFineGrained(Finding* f, bool read_only) {
    FixEdit make;
    make.kind = FixEdit::Kind::kMakeFineGrained;
    f->edits.push_back(make);
    std::vector<std::string> parts;
    auto scope = [&](EntityType type, int32_t id, PermissionSet wanted) {
      if (read_only) wanted = wanted - kRepoWrite;
      PermissionSet alive;
      wanted.ForEach([&](Permission p) {
        if (Alive(type, id, p)) alive.Add(p);
      });
      if (alive.empty()) return;
      f->edits.push_back(ScopeEdit(FixEdit::Kind::kAddPermissions, type, std::string(s_.EntityName(type, id)), alive));
      parts.push_back(absl::StrCat(PermissionSetText(alive), " on ", Entity(type, id)));
    };
    scope(EntityType::kUser, t_.owner.index(), {Permission::kRepoContentRead, Permission::kRepoWrite});
    for (OrgId org : index_.orgs_of_user(t_.owner)) {
      const RoleGrant<OrgRole>* role = s_.OrgRoleOf(t_.owner, org);
      const bool creates = OrgRoleAccess(role->role) >= RepoAccess::kContributor;
      scope(EntityType::kOrg, org.index(),
            creates ? PermissionSet{Permission::kRepoContentRead, Permission::kRepoWrite, Permission::kOrgRead}
                    : PermissionSet{Permission::kRepoContentRead, Permission::kOrgRead});
      if (creates && role->role != OrgRole::kContributor) continue;  // write and admin cover the groups
      for (GroupId g : index_.groups_of_org(org)) {
        if (s_.GroupRoleOf(t_.owner, g) != nullptr) scope(EntityType::kResourceGroup, g.index(), {Permission::kRepoContentRead, Permission::kRepoWrite});
      }
    }
    f->fix = absl::StrCat("replace it with a fine-grained token", parts.empty() ? " (no scope: nothing the owner may do needs one)" : " with ",
                          absl::StrJoin(parts, "; "));
  }

  // ---- classic-write
  void ClassicWrite() {
    Finding& f = Add(FindingKind::kClassicWrite, "");
    int writes = 0, namespaces = 0, creates = 0;
    for (const NamespaceAccess& ns : access_.namespaces) {
      const int n = static_cast<int>(ns.repos[static_cast<int>(RepoLevel::kWrite)].size());
      writes += n;
      namespaces += n > 0 ? 1 : 0;
      creates += ns.create ? 1 : 0;
    }
    f.summary = absl::StrCat("classic write token ", TokenName(), " can do everything ", owner_, " may do: write ", writes,
                             writes == 1 ? " repo" : " repos", " in ", namespaces, namespaces == 1 ? " namespace" : " namespaces",
                             ", create repos in ", creates, creates == 1 ? " namespace" : " namespaces",
                             ", and use every permission hubperm does not model");
    f.evidence.push_back({t_.role_pos, "role: write"});
    ReplaceWithFineGrained(&f, /*read_only=*/false);
  }

  // ---- will-fail: the owner's resource-group roles, request by request.
  void WillFail() {
    struct AlikeGroup {
      uint8_t block;
      GroupId group;
      const RoleGrant<GroupRole>* role;
    };
    std::vector<AlikeGroup> alike;
    std::vector<GroupId> groups;
    for (const NamespaceAccess& ns : access_.namespaces) {
      if (!ns.is_org || !ns.whole || ns.policy_blocked) continue;
      // The owner's roles in the org's groups, in the org's order of groups (by id). The groups the owner
      // holds a role in by auto-join alone, and the token no scope on, are alike for the token with the
      // others of their block (effective_access.h): one finding stands for all of them.
      alike.clear();
      s_.ForEachGroupRoleOf(t_.owner, [&](GroupId g, const RoleGrant<GroupRole>& role) {
        if (s_.group(g).org != ns.org()) return;
        if (role.auto_join && s_.FindScope(t_, EntityType::kResourceGroup, g) == nullptr) {
          alike.push_back({index_.block_of(g), g, &role});
        } else {
          WillFailInGroups(ns.org(), absl::MakeConstSpan(&g, 1), role);
        }
      });
      std::stable_sort(alike.begin(), alike.end(), [](const AlikeGroup& a, const AlikeGroup& b) { return a.block < b.block; });
      for (size_t i = 0; i < alike.size();) {
        groups.clear();
        size_t end = i;
        for (; end < alike.size() && alike[end].block == alike[i].block; ++end) groups.push_back(alike[end].group);
        WillFailInGroups(ns.org(), groups, *alike[i].role);
        i = end;
      }
    }
  }

  // A request the user side and the policy allow and the token side does not: one line of a will-fail
  // finding. `alike`: the other repos of its repo's class in the finding's groups (effective_access.h),
  // which fail the same way, with the same reply; `alike_groups`: for creating a repo into a group, the
  // finding's other groups. The line stands for them too.
  struct FailingRequest {
    Request request;
    int status = 0;
    PermissionSet lacking;
    bool uncovered = false;  // no scope of the token covers it (else its grant there lacks `lacking`)
    SourcePos pos;           // the token's grant
    EntityType scope_type;   // the scope to extend: the repo's own, else its groups'
    int32_t scope_id;        // the repo, or the first of its groups
    RepoRanges alike;
    absl::Span<const GroupId> alike_groups;
    // The groups (indices into the finding's groups) whose scopes the line asks to extend, when a group's.
    std::vector<uint32_t> in_groups;
  };

  // The requests of `groups` (one group, or the groups alike for the token of one block, by id) that will
  // fail, by repo id, then write before read; then creating a repo into the first group, which stands for
  // the others. The repos of one class across the groups (their runs of alike repos) are decided on the
  // first, which stands for the rest; a repo with a fact of its own for the token is decided alone.
  std::vector<FailingRequest> FailingIn(OrgId org, absl::Span<const GroupId> groups) {
    const std::vector<RepoId>& layout = index_.layout();
    std::vector<FailingRequest> failing;
    auto consider = [&](const Request& r, EntityType type, int32_t id) {
      const Decision d = Check(s_, r);
      if (!d.user.allowed || d.token.allowed || !d.policy.allowed) return false;
      FailingRequest f;
      f.request = r;
      f.status = d.status;
      f.lacking = d.token.needed - d.token.granted;
      f.uncovered = d.token.source == GrantSource::kNone || d.token.source == GrantSource::kImplicitPublicRead;
      f.pos = d.token.pos;
      f.scope_type = type;
      f.scope_id = id;
      failing.push_back(std::move(f));
      return true;
    };
    auto group_index = [&](GroupId g) {
      return static_cast<uint32_t>(std::lower_bound(groups.begin(), groups.end(), g) - groups.begin());
    };
    auto consider_repo = [&](RepoId repo) {
      const EntityType repo_entity = EntityOfRepoType(s_.repo(repo).type);
      // A repo scope overrides the group's: extend it there, else extend the group's scope.
      const bool repo_scoped = s_.FindScope(t_, repo_entity, repo) != nullptr;
      const GroupId g = s_.repo(repo).group;
      for (RepoLevel level : {RepoLevel::kWrite, RepoLevel::kRead}) {
        if (consider(LevelRequest(access_.token, repo, level), repo_scoped ? repo_entity : EntityType::kResourceGroup,
                     repo_scoped ? repo.index() : g.index()) &&
            !repo_scoped) {
          failing.back().in_groups.push_back(group_index(g));
        }
      }
    };
    // The groups' runs by class (one run per group and class), each class's in the layout's order.
    std::vector<AuditIndex::ClassRun> runs;
    for (GroupId g : groups) {
      const absl::Span<const AuditIndex::ClassRun> of_group = index_.runs_of_group(g);
      runs.insert(runs.end(), of_group.begin(), of_group.end());
    }
    if (groups.size() > 1) {
      std::stable_sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.repo_class < b.repo_class; });
    }
    for (size_t i = 0; i < runs.size();) {
      size_t end = i;
      while (end < runs.size() && runs[end].repo_class == runs[i].repo_class) ++end;
      // The class's own-fact repos alone; its first other repo for the rest.
      size_t first_run = end;
      uint32_t first = 0;
      for (size_t k = i; k < end; ++k) {
        const RunSplit split = Split(runs[k]);
        for (auto it = split.own_begin; it != split.own_end; ++it) consider_repo(layout[*it]);
        if (first_run == end && split.first < runs[k].end) {
          first_run = k;
          first = split.first;
        }
      }
      if (first_run != end) {
        const size_t before = failing.size();
        consider_repo(layout[first]);
        if (failing.size() > before) {
          // The rest of the class, around its own-fact repos, and the groups it lies in.
          RepoRanges rest;
          std::vector<uint32_t> in_groups;
          for (size_t k = first_run; k < end; ++k) {
            const uint32_t begin = k == first_run ? first + 1 : runs[k].begin;
            bool any = k == first_run;
            index_.ForEachRangeAround(begin, runs[k].end, OwnFactPositions(), [&](absl::Span<const RepoId> range) {
              rest.Add(range);
              any = true;
            });
            if (any && k != first_run) in_groups.push_back(group_index(s_.repo(layout[runs[k].begin]).group));
          }
          for (size_t f = before; f < failing.size(); ++f) {
            failing[f].alike = rest;
            if (failing[f].scope_type == EntityType::kResourceGroup) {
              failing[f].in_groups.insert(failing[f].in_groups.end(), in_groups.begin(), in_groups.end());
            }
          }
        }
      }
      i = end;
    }
    auto key = [](const FailingRequest& f) { return std::make_pair(f.request.repo, f.request.operation != Operation::kCreateCommit); };
    std::stable_sort(failing.begin(), failing.end(), [&](const FailingRequest& a, const FailingRequest& b) { return key(a) < key(b); });
    Request create = Base(Operation::kCreateRepo);
    create.ns_org = org;
    create.group = groups.front();
    if (consider(create, EntityType::kResourceGroup, groups.front().index())) {
      failing.back().alike_groups = groups.subspan(1);
      for (uint32_t k = 0; k < groups.size(); ++k) failing.back().in_groups.push_back(k);
    }
    return failing;
  }

  // "a, b, c" or "a, b, c and 12 more".
  static std::string FirstNames(absl::Span<const absl::string_view> names, size_t total) {
    return absl::StrCat(absl::StrJoin(names, ", "), total > names.size() ? absl::StrCat(" and ", total - names.size(), " more") : "");
  }

  // "create_commit on org87/repo1", or "create_commit on org87/repo1 and 13 more like it (org87/repo3,
  // org87/repo19, org87/repo31 and 10 more)"; creating into a group: "... and into 4 more groups like it
  // (g2, g3, g4 and 1 more)".
  std::string RequestLine(const FailingRequest& f) {
    constexpr size_t kNamed = 3;
    std::string line = DescribeRequest(s_, f.request);
    absl::InlinedVector<absl::string_view, kNamed> named;
    if (!f.alike.empty()) {
      for (RepoId r : f.alike.First(kNamed)) named.push_back(s_.repo(r).id);
      absl::StrAppend(&line, " and ", f.alike.size(), " more like it (", FirstNames(named, f.alike.size()), ")");
    }
    if (!f.alike_groups.empty()) {
      named.clear();
      for (GroupId g : f.alike_groups.subspan(0, kNamed)) named.push_back(s_.group(g).name);
      absl::StrAppend(&line, " and into ", f.alike_groups.size(), f.alike_groups.size() == 1 ? " more group" : " more groups",
                      " like it (", FirstNames(named, f.alike_groups.size()), ")");
    }
    return line;
  }

  // The will-fail finding of `groups` (one group, or the groups alike for the token of one block, by id),
  // where the owner holds `role`.
  void WillFailInGroups(OrgId org, absl::Span<const GroupId> groups, const RoleGrant<GroupRole>& role) {
    std::vector<FailingRequest> failing = FailingIn(org, groups);
    if (failing.empty()) return;
    // The permissions to add, per scope to extend, in the order the lines name them.
    std::vector<std::pair<std::pair<EntityType, int32_t>, PermissionSet>> missing;
    auto need = [&](EntityType type, int32_t id, PermissionSet lacking) {
      auto m = std::find_if(missing.begin(), missing.end(), [&](const auto& m) { return m.first.first == type && m.first.second == id; });
      if (m != missing.end()) {
        m->second = m->second | lacking;
      } else {
        missing.push_back({{type, id}, lacking});
      }
    };
    for (const FailingRequest& r : failing) {
      if (r.scope_type != EntityType::kResourceGroup) {
        need(r.scope_type, r.scope_id, r.lacking);
        continue;
      }
      for (uint32_t k : r.in_groups) need(EntityType::kResourceGroup, groups[k].index(), r.lacking);
    }

    constexpr size_t kNamed = 3;
    const std::string& group = s_.group(groups.front()).name;
    absl::InlinedVector<absl::string_view, kNamed> named;
    for (GroupId g : groups.subspan(0, kNamed)) named.push_back(s_.group(g).name);
    const std::string all_named = FirstNames(named, groups.size());
    std::vector<int> statuses;
    size_t requests = 0;
    for (const FailingRequest& f : failing) {
      if (std::find(statuses.begin(), statuses.end(), f.status) == statuses.end()) statuses.push_back(f.status);
      requests += 1 + f.alike.size() + f.alike_groups.size();
    }
    std::sort(statuses.begin(), statuses.end());
    const bool one = groups.size() == 1;
    Finding& f = Add(FindingKind::kWillFail, one ? absl::StrCat("group ", group) : absl::StrCat("groups ", all_named));
    f.summary = absl::StrCat(owner_, " is ", NameOf(role.role), one ? " in resource group " : " in resource groups ", all_named,
                             one ? "" : " (auto-join)", ", but token ", TokenName(), one ? " does not cover it: " : " does not cover them: ",
                             requests, requests == 1 ? " request" : " requests", " the user side allows will fail (",
                             absl::StrJoin(statuses, ", "), ")");
    f.evidence.reserve(1 + failing.size());
    f.requests.reserve(failing.size());
    FindingEvidence role_line{role.pos, absl::StrCat(owner_, ": ", NameOf(role.role), one ? " in resource group " : " in resource groups ",
                                                     all_named, role.auto_join ? " (auto-join)" : "")};
    role_line.alike_groups.assign(groups.begin() + 1, groups.end());
    f.evidence.push_back(std::move(role_line));
    for (FailingRequest& r : failing) {
      FindingEvidence e{r.pos, absl::StrCat(RequestLine(r), " -> ", r.status, ": needs ", PermissionSetText(r.lacking), "; ",
                                            r.uncovered ? "no scope of the token covers it" : "the token's grant there lacks it")};
      e.alike = std::move(r.alike);
      e.alike_groups.assign(r.alike_groups.begin(), r.alike_groups.end());
      f.evidence.push_back(std::move(e));
      f.requests.push_back(r.request);
    }
    // In words, the entities of one type that need the same permissions together, in the order above:
    // "repo.write scoped to resource-group a, b, c".
    std::vector<std::string> parts;
    std::vector<std::pair<EntityType, PermissionSet>> said;
    for (const auto& [entity, permissions] : missing) {
      f.edits.push_back(ScopeEdit(FixEdit::Kind::kAddPermissions, entity.first,
                                  std::string(s_.EntityName(entity.first, entity.second)), permissions));
      const auto it = std::find(said.begin(), said.end(), std::make_pair(entity.first, permissions));
      if (it != said.end()) {
        absl::StrAppend(&parts[it - said.begin()], ", ", s_.EntityName(entity.first, entity.second));
        continue;
      }
      said.emplace_back(entity.first, permissions);
      parts.push_back(absl::StrCat(PermissionSetText(permissions), " scoped to ", Entity(entity.first, entity.second)));
    }
    f.fix = absl::StrCat("add ", absl::StrJoin(parts, ", and "), " to token ", TokenName(),
                         " (creating a repo that names no resource group needs repo.write on org ", s_.org(org).name, ")");
  }

  // ---- broad-org-write
  void BroadOrgWrite() {
    for (const Snapshot::ScopeRecord& scope : s_.scopes(t_)) {
      if (scope.type != EntityType::kOrg || !scope.permissions.Contains(Permission::kRepoWrite)) continue;
      const OrgId org(scope.entity);
      const RoleGrant<OrgRole>* role = s_.OrgRoleOf(t_.owner, org);
      if (role == nullptr || OrgRoleAccess(role->role) >= RepoAccess::kContributor) continue;
      const std::vector<RepoId>& repos = index_.repos_of_org(org);
      // Whether the user side lets the owner write: once per class of alike repos (effective_access.h).
      const RepoClasses& classes = ClassesOf(org);
      std::vector<char> class_writes;
      for (RepoId repo : classes.representatives()) {
        class_writes.push_back(Check(s_, LevelRequest(access_.token, repo, RepoLevel::kWrite)).user.allowed);
      }
      std::vector<RepoId> writable;
      for (size_t c = 0; c < classes.size(); ++c) {
        if (!class_writes[c]) continue;
        for (absl::Span<const RepoId> range : classes.members(c)) writable.insert(writable.end(), range.begin(), range.end());
      }
      std::sort(writable.begin(), writable.end());
      std::vector<GroupId> groups;
      for (RepoId repo : writable) {
        const GroupId g = s_.repo(repo).group;
        if (g != kNoId && std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
      }
      if (writable.empty() || writable.size() == repos.size()) continue;
      const std::string& name = s_.org(org).name;
      Finding& f = Add(FindingKind::kBroadOrgWrite, absl::StrCat("org ", name));
      f.summary = absl::StrCat("token ", TokenName(), " holds repo.write on all of org ", name, ", but ", owner_, " (",
                               NameOf(role->role), " in ", name, ") may write only ", writable.size(), " of its ",
                               repos.size(), " repos");
      f.evidence.push_back({scope.pos, absl::StrCat("scope on org ", name, ": ", PermissionSetText(scope.permissions))});
      f.evidence.push_back({role->pos, absl::StrCat(owner_, ": ", NameOf(role->role), " in org ", name)});
      std::vector<absl::string_view> ids;
      for (RepoId repo : writable) ids.push_back(s_.repo(repo).id);
      f.evidence.push_back({SourcePos(), absl::StrCat("writable: ", absl::StrJoin(ids, ", "))});
      for (RepoId repo : writable) f.requests.push_back(LevelRequest(access_.token, repo, RepoLevel::kWrite));
      f.edits.push_back(ScopeEdit(FixEdit::Kind::kRemovePermissions, EntityType::kOrg, name, kRepoWrite));
      std::vector<std::string> parts;
      for (GroupId g : groups) {
        f.edits.push_back(ScopeEdit(FixEdit::Kind::kAddPermissions, EntityType::kResourceGroup, s_.group(g).name, kRepoWrite));
        parts.push_back(absl::StrCat("resource-group ", s_.group(g).name));
      }
      for (RepoId repo : writable) {
        if (s_.repo(repo).group != kNoId) continue;
        const EntityType type = EntityOfRepoType(s_.repo(repo).type);
        // A new repo scope overrides the org scope: it keeps what the org scope gave the repo.
        f.edits.push_back(ScopeEdit(FixEdit::Kind::kAddPermissions, type, std::string(s_.repo(repo).id), scope.permissions));
        parts.push_back(absl::StrCat(NameOf(type), " ", s_.repo(repo).id));
      }
      f.fix = absl::StrCat("remove repo.write from the scope on org ", name, " and scope it to ", absl::StrJoin(parts, ", "),
                           " instead");
    }
  }

  // ---- dead-scope
  // Whether some operation hubperm models that needs `p`, on something the scope on (type, id) covers,
  // is allowed to the owner by the user side. The token's own grants play no part.
  bool Alive(EntityType type, int32_t id, Permission p) {
    // The entity, as each kind it may be (`type` says which it is).
    const UserId user(id);
    const OrgId org(id);
    const GroupId group(id);
    const RepoId one_repo(id);
    std::vector<RepoId> group_repos;
    if (type == EntityType::kResourceGroup) group_repos = GroupRepresentatives(group);
    // An org's repos, and a group's: one per class of alike repos, whose decisions stand for the rest
    // (effective_access.h).
    const absl::Span<const RepoId> repos =
        type == EntityType::kUser            ? (user == t_.owner ? absl::MakeConstSpan(index_.repos_of_user(user)) : absl::Span<const RepoId>())
        : type == EntityType::kOrg           ? absl::MakeConstSpan(ClassesOf(org).representatives())
        : type == EntityType::kResourceGroup ? absl::MakeConstSpan(group_repos)
                                             : absl::MakeConstSpan(&one_repo, 1);
    // The groups it covers: an org's, or the group.
    const absl::Span<const GroupId> groups = type == EntityType::kOrg ? absl::MakeConstSpan(index_.groups_of_org(org))
                                             : type == EntityType::kResourceGroup ? absl::MakeConstSpan(&group, 1)
                                                                                  : absl::Span<const GroupId>();
    auto user_allows = [&](Request r) { return Check(s_, r).user.allowed; };
    for (const OperationInfo& op : AllOperations()) {
      if (!op.permissions.Contains(p) || op.creates_at_destination || op.operation == Operation::kMoveRepoToGroup) continue;
      Request r = Base(op.operation);
      switch (op.target) {
        case TargetKind::kRepo:
          for (RepoId repo : repos) {
            r.repo = repo;
            if (user_allows(r)) return true;
          }
          break;
        case TargetKind::kNamespace:
          if (type == EntityType::kUser) {
            r.ns_user = user;
            if (user == t_.owner && user_allows(r)) return true;
          } else if (type == EntityType::kOrg || type == EntityType::kResourceGroup) {
            r.ns_org = type == EntityType::kOrg ? org : s_.group(group).org;
            if (type == EntityType::kOrg && user_allows(r)) return true;
            for (GroupId g : groups) {
              r.group = g;
              if (user_allows(r)) return true;
            }
          }
          break;
        case TargetKind::kOrg:
          if (type == EntityType::kOrg) {
            r.org = org;
            if (user_allows(r)) return true;
          }
          break;
        case TargetKind::kGroup:
          if (type == EntityType::kOrg || type == EntityType::kResourceGroup) {
            for (GroupId g : groups) {
              r.group = g;
              if (user_allows(r)) return true;
            }
          }
          break;
        case TargetKind::kNone:
          return true;
      }
    }
    return false;
  }

  // Whether any operation hubperm models needs `p` (a permission none needs cannot be judged).
  static bool Judged(Permission p) {
    for (const OperationInfo& op : AllOperations()) {
      if (op.permissions.Contains(p)) return true;
    }
    return false;
  }

  // Why nothing needing `dead` is allowed on what the scope on (type, id) covers.
  std::string WhyDead(EntityType type, int32_t id, PermissionSet dead) const {
    // The entity, as each kind it may be (`type` says which it is).
    const UserId user(id);
    const OrgId org(id);
    const GroupId group(id);
    const RepoId repo(id);
    const bool repo_permissions_only = (dead - PermissionSet{Permission::kRepoContentRead, Permission::kRepoAccessRead}).empty();
    if (repo_permissions_only && (type == EntityType::kUser || type == EntityType::kOrg || type == EntityType::kResourceGroup)) {
      const size_t repos = type == EntityType::kUser ? index_.repos_of_user(user).size()
                           : type == EntityType::kOrg ? index_.repos_of_org(org).size()
                                                      : index_.repos_of_group(group).size();
      if (repos == 0) return absl::StrCat(Entity(type, id), " holds no repo in these fixtures");
    }
    switch (type) {
      case EntityType::kOrg:
        if (s_.user(t_.owner).service_account_of == org) {
          return absl::StrCat(owner_, " is a service account of org ", s_.org(org).name, ", and nothing there needs it");
        }
        if (s_.OrgRoleOf(t_.owner, org) == nullptr) return absl::StrCat(owner_, " is not a member of org ", s_.org(org).name);
        return absl::StrCat(owner_, " is ", NameOf(s_.OrgRoleOf(t_.owner, org)->role), " in org ", s_.org(org).name);
      case EntityType::kResourceGroup:
        if (const RoleGrant<GroupRole>* role = s_.GroupRoleOf(t_.owner, group)) {
          return absl::StrCat(owner_, " is ", NameOf(role->role), " in resource group ", s_.group(group).name);
        }
        return absl::StrCat(owner_, " has no role in resource group ", s_.group(group).name);
      case EntityType::kUser:
        return absl::StrCat("nothing in ", owner_, "'s namespace needs it");
      default: {
        const Decision d = Check(s_, LevelRequest(access_.token, repo, RepoLevel::kWrite));
        return absl::StrCat(owner_, "'s access to ", s_.repo(repo).id, " is ", RepoAccessName(d.user.access));
      }
    }
  }

  void DeadScopes() {
    for (const Snapshot::ScopeRecord& scope : s_.scopes(t_)) {
      if (!IsModeledEntity(scope.type)) continue;
      PermissionSet dead;
      scope.permissions.ForEach([&](Permission p) {
        if (Judged(p) && !Alive(scope.type, scope.entity, p)) dead.Add(p);
      });
      if (dead.empty()) continue;
      const std::string entity = Entity(scope.type, scope.entity);
      Finding& f = Add(FindingKind::kDeadScope, entity);
      f.summary = absl::StrCat("token ", TokenName(), "'s scope on ", entity, " grants ", PermissionSetText(dead),
                               ", which ", owner_, " can never use there: ", WhyDead(scope.type, scope.entity, dead));
      f.evidence.push_back({scope.pos, absl::StrCat("scope on ", entity, ": ", PermissionSetText(scope.permissions))});
      f.edits.push_back(ScopeEdit(FixEdit::Kind::kRemovePermissions, scope.type,
                                  std::string(s_.EntityName(scope.type, scope.entity)), dead));
      f.fix = dead == scope.permissions ? absl::StrCat("remove the scope on ", entity)
                                        : absl::StrCat("remove ", PermissionSetText(dead), " from the scope on ", entity);
    }
  }

  // ---- does-nothing
  void DoesNothing() {
    Finding& f = Add(FindingKind::kDoesNothing, "");
    f.summary = absl::StrCat("token ", TokenName(), " can do nothing beyond reading public repos, which any token can");
    const int scopes = static_cast<int>(s_.scopes(t_).size());
    f.evidence.push_back({t_.role_pos.known() ? t_.role_pos : t_.pos,
                          t_.role == TokenRole::kFineGrained
                              ? absl::StrCat("fineGrained, ", scopes, scopes == 1 ? " scope" : " scopes",
                                             ", no global permission; none grants what ", owner_, " may do")
                              : absl::StrCat(NameOf(t_.role), ": ", owner_, " has nothing private to read or write")});
    f.fix = absl::StrCat("delete token ", TokenName(), ", or scope it to what it is for");
    FixEdit e;
    e.kind = FixEdit::Kind::kDeleteToken;
    f.edits.push_back(e);
  }

  // AuditIndex::OwnFactRepos of the token, computed once.
  const std::vector<RepoId>& OwnFacts() {
    if (!own_facts_.has_value()) own_facts_ = index_.OwnFactRepos(s_, access_.token);
    return *own_facts_;
  }

  // A run of alike repos (effective_access.h), split: the positions of its own-fact repos, and that of its
  // first other repo, which stands for the rest (run.end when there is none).
  struct RunSplit {
    std::vector<uint32_t>::const_iterator own_begin, own_end;
    uint32_t first;
  };
  RunSplit Split(const AuditIndex::ClassRun& run) {
    const std::vector<uint32_t>& own = OwnFactPositions();
    RunSplit split;
    split.own_begin = std::lower_bound(own.begin(), own.end(), run.begin);
    split.own_end = std::lower_bound(split.own_begin, own.end(), run.end);
    split.first = run.begin;
    for (auto it = split.own_begin; it != split.own_end && *it == split.first; ++it) ++split.first;
    return split;
  }

  // The repos of group `g` whose decisions stand for all of them: the first of each run of alike repos
  // (effective_access.h), and each repo with a fact of its own for the token.
  std::vector<RepoId> GroupRepresentatives(GroupId g) {
    const std::vector<RepoId>& layout = index_.layout();
    std::vector<RepoId> representatives;
    for (const AuditIndex::ClassRun& run : index_.runs_of_group(g)) {
      const RunSplit split = Split(run);
      if (split.first < run.end) representatives.push_back(layout[split.first]);
      for (auto it = split.own_begin; it != split.own_end; ++it) representatives.push_back(layout[*it]);
    }
    return representatives;
  }

  // Where the own-fact repos are in the index's layout, sorted; computed once.
  const std::vector<uint32_t>& OwnFactPositions() {
    if (!own_positions_.has_value()) {
      own_positions_.emplace();
      for (RepoId r : OwnFacts()) own_positions_->push_back(index_.position(r));
      std::sort(own_positions_->begin(), own_positions_->end());
    }
    return *own_positions_;
  }

  // The classes of an org's repos for this token, computed once.
  const RepoClasses& ClassesOf(OrgId org) {
    for (const auto& [o, classes] : classes_) {
      if (o == org) return classes;
    }
    classes_.emplace_back(org, RepoClasses::OfOrg(s_, index_, access_.token, org, OwnFacts()));
    return classes_.back().second;
  }

  const Snapshot& s_;
  const AuditIndex& index_;
  const TokenAccess& access_;
  const Snapshot::TokenRecord& t_;
  const std::string& owner_;
  const AuditOptions& options_;
  std::vector<Finding> out_;
  absl::optional<std::vector<RepoId>> own_facts_;  // computed once, when first needed
  absl::optional<std::vector<uint32_t>> own_positions_;
  std::deque<std::pair<OrgId, RepoClasses>> classes_;  // a deque: references to its items stay valid
};

}  // namespace

absl::Span<const FindingKindInfo> AllFindingKinds() { return kFindingKinds; }

const FindingKindInfo& GetFindingKindInfo(FindingKind kind) { return kFindingKinds[static_cast<int>(kind)]; }

std::string DescribeRequest(const Snapshot& s, const Request& r) {
  const OperationInfo& op = GetOperationInfo(r.operation);
  switch (op.target) {
    case TargetKind::kRepo:
      return absl::StrCat(op.name, " on ", s.repo(r.repo).id);
    case TargetKind::kNamespace:
      return absl::StrCat(op.name, " in ",
                          r.ns_org != kNoId ? absl::StrCat("org ", s.org(r.ns_org).name) : absl::StrCat("user ", s.user(r.ns_user).name),
                          r.group != kNoId ? absl::StrCat(" (into resource group ", s.group(r.group).name, ")") : "");
    case TargetKind::kOrg:
      return absl::StrCat(op.name, " in org ", s.org(r.org).name);
    case TargetKind::kGroup:
      return absl::StrCat(op.name, " in resource group ", s.group(r.group).name);
    case TargetKind::kNone:
      break;
  }
  return std::string(op.name);
}

absl::string_view SeverityName(FindingSeverity severity) {
  switch (severity) {
    case FindingSeverity::kError:
      return "error";
    case FindingSeverity::kWarning:
      return "warning";
    case FindingSeverity::kInfo:
      return "info";
  }
  return "?";
}

std::vector<Finding> FindingsFor(const Snapshot& snapshot, const AuditIndex& index, const TokenAccess& access,
                                 const AuditOptions& options) {
  return Auditor(snapshot, index, access, options).Run();
}

}  // namespace hubperm
