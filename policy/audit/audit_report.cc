// Copyright 2026 The hubperm Authors.

#include "policy/audit/audit_report.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/json_writer.h"
#include "policy/common/timestamp.h"

namespace hubperm {
namespace {

constexpr int kListedRepos = 8;  // repos named per level in the text; the JSON names them all

Tone ToneOf(FindingSeverity severity) {
  return severity == FindingSeverity::kError ? Tone::kDeny : severity == FindingSeverity::kWarning ? Tone::kWarning : Tone::kFaint;
}

std::string Plural(size_t n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

std::string RepoList(const Snapshot& s, const RepoRanges& repos) {
  std::vector<absl::string_view> ids;
  for (RepoId r : repos.First(kListedRepos)) ids.push_back(s.repo(r).id);
  std::string text = absl::StrJoin(ids, ", ");
  if (repos.size() > kListedRepos) absl::StrAppend(&text, " (+", repos.size() - kListedRepos, " more)");
  return text;
}

std::string GroupList(const Snapshot& s, const std::vector<GroupId>& groups) {
  std::vector<absl::string_view> names;
  for (GroupId g : groups) names.push_back(s.group(g).name);
  return absl::StrJoin(names, ", ");
}

std::string OrgList(const Snapshot& s, const std::vector<OrgId>& orgs) {
  std::vector<absl::string_view> names;
  for (OrgId o : orgs) names.push_back(s.org(o).name);
  return absl::StrJoin(names, ", ");
}

// The orgs of each token policy, by name: the public-read line names them when they are few.
class PolicyOrgs {
 public:
  explicit PolicyOrgs(const Snapshot& s) : s_(s) {
    for (OrgId o : IdsUpTo<OrgId>(s.org_count())) by_policy_[static_cast<int>(s.org(o).token_policy)].push_back(o);
    for (std::vector<OrgId>& orgs : by_policy_) {
      std::sort(orgs.begin(), orgs.end(), [&](OrgId a, OrgId b) { return s.org(a).name < s.org(b).name; });
    }
  }

  // "strict, lab (token policy require_approval)", or "the 1200 orgs whose token policy is
  // require_approval (a, b, c, d, e, ...)": the orgs of `policy` that block the token's public reads,
  // those it reaches whole and those with a status for it (named apart, or approving it) left out. Costs the names shown plus the token's
  // own namespaces and approvals, not the world's orgs.
  std::string Blocking(const TokenAccess& access, TokenPolicy policy) const {
    constexpr size_t kShown = 5;
    auto excluded = [&](OrgId o) {
      for (const NamespaceAccess& ns : access.namespaces) {
        if (ns.is_org && ns.whole && ns.org() == o) return true;
      }
      return std::find(access.public_allowed_in.begin(), access.public_allowed_in.end(), o) != access.public_allowed_in.end() ||
             std::find(access.public_blocked_in.begin(), access.public_blocked_in.end(), o) != access.public_blocked_in.end();
    };
    size_t left_out = 0;
    for (const NamespaceAccess& ns : access.namespaces) {
      if (ns.is_org && ns.whole && s_.org(ns.org()).token_policy == policy) ++left_out;
    }
    for (const std::vector<OrgId>* orgs : {&access.public_allowed_in, &access.public_blocked_in}) {
      for (OrgId o : *orgs) {
        if (s_.org(o).token_policy == policy) ++left_out;
      }
    }
    const std::vector<OrgId>& all = by_policy_[static_cast<int>(policy)];
    const size_t count = all.size() - left_out;
    std::vector<absl::string_view> names;
    for (size_t i = 0; i < all.size() && names.size() < kShown; ++i) {
      if (!excluded(all[i])) names.push_back(s_.org(all[i]).name);
    }
    if (count <= kShown) return absl::StrCat(absl::StrJoin(names, ", "), " (token policy ", NameOf(policy), ")");
    return absl::StrCat("the ", count, " orgs whose token policy is ", NameOf(policy), " (", absl::StrJoin(names, ", "),
                        ", ...)");
  }

 private:
  const Snapshot& s_;
  std::vector<OrgId> by_policy_[kTokenPolicyCount];
};

absl::string_view EditName(FixEdit::Kind kind) {
  switch (kind) {
    case FixEdit::Kind::kAddPermissions:
      return "add_permissions";
    case FixEdit::Kind::kRemovePermissions:
      return "remove_permissions";
    case FixEdit::Kind::kMakeFineGrained:
      return "make_fine_grained";
    case FixEdit::Kind::kSetOrgStatus:
      return "set_org_status";
    case FixEdit::Kind::kClearOrgStatus:
      return "clear_org_status";
    case FixEdit::Kind::kDeleteToken:
      return "delete_token";
    case FixEdit::Kind::kRotate:
      return "rotate";
    case FixEdit::Kind::kRemoveGlobal:
      return "remove_global";
    case FixEdit::Kind::kClearReadGated:
      return "clear_can_read_gated_repos";
  }
  return "?";
}

}  // namespace

std::string NamespaceName(const Snapshot& s, const NamespaceAccess& ns) {
  return ns.is_org ? absl::StrCat("org ", s.org(ns.org()).name) : absl::StrCat("user ", s.user(ns.user()).name);
}

std::string StandingText(const Snapshot& s, UserId owner, const NamespaceAccess& ns) {
  if (!ns.is_org) return ns.user() == owner ? "own namespace" : "another user's namespace";
  if (s.user(owner).service_account_of == ns.org()) return "its service account";
  const RoleGrant<OrgRole>* role = s.OrgRoleOf(owner, ns.org());
  return role == nullptr ? "not a member" : absl::StrCat("member: ", NameOf(role->role));
}

std::string RenderAuditText(const Snapshot& s, const AuditReport& report, const Style& style) {
  std::string out;
  const int errors = report.count(FindingSeverity::kError), warnings = report.count(FindingSeverity::kWarning),
            infos = report.count(FindingSeverity::kInfo);
  absl::StrAppend(&out, style.Paint(Tone::kHeading, "Findings"), "\n");
  if (report.findings.empty()) absl::StrAppend(&out, "  none\n");
  for (const Finding& f : report.findings) {
    const FindingKindInfo& kind = GetFindingKindInfo(f.kind);
    absl::StrAppend(&out, "  ", style.Paint(ToneOf(kind.severity), absl::AsciiStrToUpper(SeverityName(kind.severity))), " ",
                    kind.name, ": ", s.token(f.token).name, f.subject.empty() ? "" : ", ", f.subject, "\n");
    absl::StrAppend(&out, "    ", f.summary, "\n");
    for (const FindingEvidence& e : f.evidence) {
      absl::StrAppend(&out, "    - ", e.pos.known() ? style.Paint(Tone::kFaint, absl::StrCat(s.files().Format(e.pos), ": ")) : "",
                      e.text, "\n");
    }
    absl::StrAppend(&out, "    fix: ", f.fix, "\n");
  }
  absl::StrAppend(&out, "\n", style.Paint(Tone::kHeading, "Effective access (user side, token side and org policy together)"), "\n");
  const PolicyOrgs policy_orgs(s);
  for (const TokenAccess& access : report.tokens) {
    const Snapshot::TokenRecord& t = s.token(access.token);
    absl::StrAppend(&out, "  ", style.Paint(Tone::kHeading, t.name), " (", s.user(t.owner).name, ", ", NameOf(t.role), ")\n");
    for (const NamespaceAccess& ns : access.namespaces) {
      absl::StrAppend(&out, "    ", NamespaceName(s, ns), " (", StandingText(s, t.owner, ns), ")");
      if (ns.policy_blocked) {
        absl::StrAppend(&out, ": ", style.Paint(Tone::kDeny, "blocked by the org's token policy"), "\n");
        continue;
      }
      absl::StrAppend(&out, "\n");
      for (RepoLevel level : {RepoLevel::kWrite, RepoLevel::kRead, RepoLevel::kSee}) {
        const RepoRanges& repos = ns.repos[static_cast<int>(level)];
        if (!repos.empty()) absl::StrAppend(&out, "      ", RepoLevelName(level), ": ", RepoList(s, repos), "\n");
      }
      const size_t none = ns.repos[static_cast<int>(RepoLevel::kNone)].size();
      if (none > 0) absl::StrAppend(&out, "      no access: ", Plural(none, "repo", "repos"), "\n");
      std::vector<std::string> can;
      if (ns.create) can.push_back("create repos");
      if (!ns.create && !ns.create_into.empty()) can.push_back(absl::StrCat("create repos into ", GroupList(s, ns.create_into)));
      if (ns.list_members) can.push_back("list members");
      if (ns.admin) can.push_back("change member roles");
      if (!ns.admin_groups.empty()) can.push_back(absl::StrCat("manage resource groups ", GroupList(s, ns.admin_groups)));
      absl::StrAppend(&out, "      ", can.empty() ? "no namespace rights" : absl::StrJoin(can, "; "), "\n");
    }
    absl::StrAppend(&out, access.reads_public ? "    elsewhere: reads public repos"
                                              : "    elsewhere: nothing (a repo's trusted publisher token)");
    if (access.reads_public) {
      std::vector<std::string> except;
      for (TokenPolicy policy : access.public_blocked_by) except.push_back(policy_orgs.Blocking(access, policy));
      if (!access.public_blocked_in.empty()) {
        except.push_back(absl::StrCat(OrgList(s, access.public_blocked_in), " (token policy)"));
      }
      if (!except.empty()) absl::StrAppend(&out, ", except in ", absl::StrJoin(except, ", and in "));
    }
    absl::StrAppend(&out, "\n");
  }
  absl::StrAppend(&out, "\n", Plural(report.tokens.size(), "token", "tokens"), ": ",
                  style.Paint(errors > 0 ? Tone::kDeny : Tone::kFaint, Plural(errors, "error", "errors")), ", ",
                  Plural(warnings, "warning", "warnings"), ", ", infos, " info\n");
  return out;
}

std::string RenderAuditJson(const Snapshot& s, const AuditReport& report) {
  JsonWriter json;
  json.BeginObject().Key("schema").String("hubperm.audit/v1").Key("files").BeginArray();
  for (int f = 0; f < s.files().size(); ++f) json.String(s.files().name(f));
  json.EndArray();
  json.Key("summary")
      .BeginObject()
      .Key("tokens").Int(static_cast<int64_t>(report.tokens.size()))
      .Key("errors").Int(report.count(FindingSeverity::kError))
      .Key("warnings").Int(report.count(FindingSeverity::kWarning))
      .Key("info").Int(report.count(FindingSeverity::kInfo))
      .EndObject();
  json.Key("findings").BeginArray();
  for (const Finding& f : report.findings) {
    const FindingKindInfo& kind = GetFindingKindInfo(f.kind);
    json.BeginObject()
        .Key("kind").String(kind.name)
        .Key("severity").String(SeverityName(kind.severity))
        .Key("token").String(s.token(f.token).name)
        .Key("subject").StringOrNull(f.subject.empty() ? absl::nullopt : absl::optional<absl::string_view>(f.subject))
        .Key("summary").String(f.summary)
        .Key("evidence").BeginArray();
    for (const FindingEvidence& e : f.evidence) {
      json.BeginObject().Key("at");
      WritePosition(s.files(), e.pos, &json);
      json.Key("text").String(e.text).Key("alike").BeginArray();
      for (RepoId r : e.alike.Sorted()) json.String(s.repo(r).id);
      json.EndArray().Key("alike_groups").BeginArray();
      for (GroupId g : e.alike_groups) json.String(s.group(g).name);
      json.EndArray().EndObject();
    }
    json.EndArray().Key("requests").BeginArray();
    for (const Request& r : f.requests) json.String(DescribeRequest(s, r));
    json.EndArray().Key("fix").BeginObject().Key("text").String(f.fix).Key("edits").BeginArray();
    for (const FixEdit& e : f.edits) {
      json.BeginObject().Key("edit").String(EditName(e.kind));
      if (e.kind == FixEdit::Kind::kAddPermissions || e.kind == FixEdit::Kind::kRemovePermissions) {
        json.Key("entity").BeginObject().Key("type").String(NameOf(e.entity_type)).Key("name").String(e.entity).EndObject();
        json.Key("permissions").BeginArray();
        e.permissions.ForEach([&](Permission p) { json.String(PermissionName(p)); });
        json.EndArray();
      } else if (e.kind == FixEdit::Kind::kSetOrgStatus || e.kind == FixEdit::Kind::kClearOrgStatus) {
        json.Key("org").String(e.org);
        if (e.kind == FixEdit::Kind::kSetOrgStatus) json.Key("status").String(NameOf(e.status));
      } else if (e.kind == FixEdit::Kind::kRemoveGlobal) {
        json.Key("permissions").BeginArray();
        e.permissions.ForEach([&](Permission p) { json.String(PermissionName(p)); });
        json.EndArray();
      } else if (e.kind == FixEdit::Kind::kRotate) {
        json.Key("created_at").String(FormatTimestamp(e.created_at)).Key("expires_at").String(FormatTimestamp(e.expires_at));
      }
      json.EndObject();
    }
    json.EndArray().EndObject().EndObject();
  }
  json.EndArray();
  json.Key("tokens").BeginArray();
  for (const TokenAccess& access : report.tokens) {
    const Snapshot::TokenRecord& t = s.token(access.token);
    json.BeginObject()
        .Key("name").String(t.name)
        .Key("owner").String(s.user(t.owner).name)
        .Key("role").String(NameOf(t.role))
        .Key("useful").Bool(access.useful)
        .Key("namespaces").BeginArray();
    for (const NamespaceAccess& ns : access.namespaces) {
      json.BeginObject()
          .Key("kind").String(ns.is_org ? "org" : "user")
          .Key("name").String(ns.is_org ? s.org(ns.org()).name : s.user(ns.user()).name)
          .Key("standing").String(StandingText(s, t.owner, ns))
          .Key("whole").Bool(ns.whole)
          .Key("policy_blocked").Bool(ns.policy_blocked)
          .Key("repos").BeginObject();
      for (RepoLevel level : {RepoLevel::kWrite, RepoLevel::kRead, RepoLevel::kSee, RepoLevel::kNone}) {
        json.Key(RepoLevelName(level)).BeginArray();
        for (RepoId r : ns.repos[static_cast<int>(level)].Sorted()) json.String(s.repo(r).id);
        json.EndArray();
      }
      json.EndObject().Key("create").Bool(ns.create).Key("create_into").BeginArray();
      for (GroupId g : ns.create_into) json.String(s.group(g).name);
      json.EndArray().Key("list_members").Bool(ns.list_members).Key("admin").Bool(ns.admin).Key("admin_groups").BeginArray();
      for (GroupId g : ns.admin_groups) json.String(s.group(g).name);
      json.EndArray().EndObject();
    }
    json.EndArray().Key("public_repos_blocked_by_policy").BeginArray();
    for (TokenPolicy p : access.public_blocked_by) json.String(NameOf(p));
    json.EndArray().Key("public_repos_allowed_in").BeginArray();
    for (OrgId o : access.public_allowed_in) json.String(s.org(o).name);
    json.EndArray().Key("public_repos_blocked_in").BeginArray();
    for (OrgId o : access.public_blocked_in) json.String(s.org(o).name);
    json.EndArray().EndObject();
  }
  json.EndArray().EndObject();
  return json.Finish();
}

}  // namespace hubperm
