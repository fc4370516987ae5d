// Copyright 2026 The hubperm Authors.

#include "policy/explain/explain_json.h"

#include "policy/decide/check.h"
#include "policy/explain/decision_names.h"
#include "policy/explain/explain.h"
#include "policy/model/access.h"
#include "policy/model/oauth.h"
#include "policy/model/operation.h"
#include "policy/model/vocabulary.h"

namespace hubperm {
namespace {

void Position(const Snapshot& s, const SourcePos& pos, JsonWriter* json) { WritePosition(s.files(), pos, json); }

void Permissions(PermissionSet set, JsonWriter* json) {
  json->BeginArray();
  set.ForEach([&](Permission p) { json->String(PermissionName(p)); });
  json->EndArray();
}

// The name of an entity by index, or nullopt for kNoIndex.
absl::optional<absl::string_view> NameIf(const Snapshot& s, EntityType type, int32_t index) {
  if (index == kNoIndex) return absl::nullopt;
  return s.EntityName(type, index);
}
// The same by id.
template <typename Tag>
absl::optional<absl::string_view> NameIf(const Snapshot& s, EntityType type, Id<Tag> id) {
  return NameIf(s, type, id.index());
}

absl::optional<absl::string_view> IfNotEmpty(absl::string_view text) {
  if (text.empty()) return absl::nullopt;
  return text;
}

// The target as data: the repo, its type, its namespace, the org and the resource group involved.
void Target(const Snapshot& s, const Request& r, const OperationInfo& op, absl::string_view text,
            JsonWriter* json) {
  absl::optional<absl::string_view> repo, repo_type, ns;
  GroupId group = r.group;
  switch (op.target) {
    case TargetKind::kNone:
      break;
    case TargetKind::kRepo: {
      const Snapshot::RepoRecord& record = s.repo(r.repo);
      repo = record.id;
      repo_type = NameOf(record.type);
      ns = record.ns_org != kNoId ? s.org(record.ns_org).name : s.user(record.ns_user).name;
      if (group == kNoId) group = record.group;  // the repo's own group, unless moving it into one
      break;
    }
    case TargetKind::kNamespace:
      repo_type = NameOf(r.create_type);
      ns = r.ns_org != kNoId ? s.org(r.ns_org).name : s.user(r.ns_user).name;
      break;
    case TargetKind::kOrg:
      ns = s.org(r.org).name;
      break;
    case TargetKind::kGroup:
      ns = s.org(s.group(r.group).org).name;
      break;
  }
  json->BeginObject()
      .Key("kind").String(DecisionName(op.target))
      .Key("repo").StringOrNull(repo)
      .Key("repo_type").StringOrNull(repo_type)
      .Key("namespace").StringOrNull(ns)
      .Key("org").StringOrNull(NameIf(s, EntityType::kOrg, TargetOrg(s, r)))
      .Key("group").StringOrNull(NameIf(s, EntityType::kResourceGroup, group))
      .Key("text").String(text)
      .EndObject();
}

void UserSideJson(const Snapshot& s, const UserSide& u, absl::string_view text, JsonWriter* json) {
  json->BeginObject()
      .Key("allowed").Bool(u.allowed)
      .Key("access").String(RepoAccessName(u.access))
      .Key("basis").String(DecisionName(u.basis))
      .Key("reason").String(DecisionName(u.reason));
  // The org or group whose role decided, by basis.
  json->Key("subject");
  const bool org_subject = u.basis == UserBasis::kOrgRole || u.basis == UserBasis::kOrgAdmin;
  const bool group_subject = u.basis == UserBasis::kGroupRole || u.basis == UserBasis::kBestGroupRole;
  if (u.subject != kNoIndex && (org_subject || group_subject)) {
    json->BeginObject()
        .Key("kind").String(org_subject ? "org" : "group")
        .Key("name").String(org_subject ? s.org(OrgId(u.subject)).name : s.group(GroupId(u.subject)).name)
        .EndObject();
  } else {
    json->Null();
  }
  json->Key("at");
  Position(s, u.pos, json);
  json->Key("assumed").Bool(u.assumed).Key("text").String(text).EndObject();
}

void TokenSideJson(const Snapshot& s, const TokenSide& t, absl::string_view text, JsonWriter* json) {
  json->BeginObject()
      .Key("allowed").Bool(t.allowed)
      .Key("basis").String(DecisionName(t.basis))
      .Key("needed");
  Permissions(t.needed, json);
  json->Key("granted");
  Permissions(t.granted, json);
  json->Key("missing");
  Permissions(t.allowed ? PermissionSet() : t.needed - t.granted, json);
  json->Key("source").String(DecisionName(t.source)).Key("at");
  Position(s, t.pos, json);
  json->Key("repo_scope_overrode").Bool(t.repo_scope_overrode)
      .Key("read_implied_by_write").Bool(t.read_implied_by_write)
      .Key("gate_blocked").Bool(t.gate_blocked)
      .Key("assumed").Bool(t.assumed)
      .Key("text").String(text)
      .EndObject();
}

void PolicySideJson(const Snapshot& s, const PolicySide& p, absl::string_view text, JsonWriter* json) {
  json->BeginObject()
      .Key("allowed").Bool(p.allowed)
      .Key("rule").String(DecisionName(p.rule))
      .Key("org").StringOrNull(NameIf(s, EntityType::kOrg, p.org))
      .Key("at");
  Position(s, p.pos, json);
  json->Key("assumed").Bool(p.assumed).Key("text").String(text).EndObject();
}

void UserChangeJson(const Snapshot& s, const UserChange& c, JsonWriter* json) {
  const bool has_role = c.kind == UserChangeKind::kOrgRole || c.kind == UserChangeKind::kGroupRole;
  json->BeginObject()
      .Key("kind").String(DecisionName(c.kind))
      .Key("role").StringOrNull(has_role ? absl::make_optional(RepoAccessName(c.role)) : absl::nullopt)
      .Key("org").StringOrNull(NameIf(s, EntityType::kOrg, c.org))
      .Key("group").StringOrNull(NameIf(s, EntityType::kResourceGroup, c.group))
      .Key("repo").StringOrNull(NameIf(s, EntityType::kModel, c.repo))
      .Key("join_org").Bool(c.join_org)
      .EndObject();
}

void TokenChangeJson(const Snapshot& s, const TokenChange& c, JsonWriter* json) {
  json->BeginObject().Key("kind").String(DecisionName(c.kind)).Key("renew").Bool(c.renew).Key("oauth_scopes");
  json->BeginArray();
  for (OAuthScope scope : OAuthScopesIn(c.oauth_scopes)) json->String(NameOf(scope));
  json->EndArray().Key("oauth_orgs").BeginArray();
  for (OrgId org : c.oauth_orgs) json->String(s.org(org).name);
  json->EndArray();
  json->Key("additions").BeginArray();
  for (const ScopeAddition& a : c.additions) {
    json->BeginObject()
        .Key("entity_type").String(NameOf(a.type))
        .Key("entity").String(s.EntityName(a.type, a.entity))
        .Key("add");
    Permissions(a.add, json);
    json->Key("keep");
    Permissions(a.keep, json);
    json->EndObject();
  }
  json->EndArray().EndObject();
}

void PolicyChangeJson(const Snapshot& s, const PolicyChange& c, JsonWriter* json) {
  json->BeginObject().Key("kind").String(DecisionName(c.kind)).Key("org").String(s.org(c.org).name).EndObject();
}

}  // namespace

void WriteDecisionJson(const Snapshot& s, const Explanation& e, JsonWriter* json) {
  const Request& r = e.request.request;
  const Decision& d = e.decision;
  const AskedAs& asked = e.request.asked;
  const OperationInfo& op = GetOperationInfo(r.operation);
  const Snapshot::TokenRecord& token = s.token(r.token);

  json->BeginObject()
      .Key("schema").String(kDecisionSchema)
      .Key("allowed").Bool(d.allowed)
      .Key("status").Int(d.status)
      .Key("operation").String(op.name)
      .Key("operation_assumed").Bool(d.operation_assumed);
  if (asked.route == nullptr) {
    json->Key("asked_as").Null();
  } else {
    const std::string assumed = asked.AssumedRule(r.operation);
    json->Key("asked_as").BeginObject()
        .Key("name").String(e.name)
        .Key("route").String(asked.RouteName())
        .Key("assumed").StringOrNull(IfNotEmpty(assumed))
        .EndObject();
  }
  json->Key("token").BeginObject()
      .Key("name").String(token.name)
      .Key("owner").StringOrNull(NameIf(s, EntityType::kUser, token.owner))
      .Key("role").String(NameOf(token.role)).Key("at");
  Position(s, token.pos, json);
  json->EndObject();

  json->Key("target");
  Target(s, r, op, e.target, json);

  json->Key("sides").BeginObject().Key("user");
  UserSideJson(s, d.user, e.user, json);
  json->Key("token");
  TokenSideJson(s, d.token, e.token, json);
  json->Key("policy");
  PolicySideJson(s, d.policy, e.policy, json);
  json->EndObject();

  json->Key("denied_by").BeginArray();
  for (Side side : d.DeniedBy()) json->String(NameOf(side));
  json->EndArray();

  json->Key("reply").BeginObject()
      .Key("status").Int(d.status)
      .Key("kind").String(DecisionName(d.reply))
      .Key("message").StringOrNull(IfNotEmpty(e.message))
      .Key("error_code").StringOrNull(IfNotEmpty(e.error_code))
      .Key("assumed").Bool(d.reply_assumed).Key("text").String(RenderReply(e)).EndObject();

  json->Key("assumed").Bool(d.assumed()).Key("assumptions").BeginArray();
  for (const std::string& a : e.assumed) json->String(a);
  json->EndArray();

  json->Key("fixes").BeginArray();
  for (const Fix& fix : e.fixes) {
    json->BeginObject().Key("side").String(NameOf(fix.side)).Key("text").String(fix.text).Key("change");
    switch (fix.side) {
      case Side::kUser:
        UserChangeJson(s, e.changes.user[fix.index], json);
        break;
      case Side::kToken:
        TokenChangeJson(s, *e.changes.token, json);
        break;
      case Side::kPolicy:
        PolicyChangeJson(s, e.changes.policy[fix.index], json);
        break;
    }
    json->EndObject();
  }
  json->EndArray();
  json->EndObject();
}

std::string RenderExplanationJson(const Snapshot& snapshot, const Explanation& explanation, JsonLayout layout) {
  JsonWriter json(layout);
  WriteDecisionJson(snapshot, explanation, &json);
  return json.Finish();
}

}  // namespace hubperm
