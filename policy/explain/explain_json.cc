// Copyright 2026 The hubperm Authors.

#include "policy/explain/explain_json.h"

#include "policy/decide/check.h"
#include "policy/explain/decision_names.h"
#include "policy/explain/explain.h"
#include "policy/model/access.h"
#include "policy/model/operation.h"
#include "policy/model/vocabulary.h"

namespace hubperm {
namespace {

void Position(const Snapshot& s, const SourcePos& pos, JsonWriter* json) {
  if (!pos.known()) {
    json->Null();
    return;
  }
  json->BeginObject()
      .Key("file").String(s.files().name(pos.file))
      .Key("line").Int(pos.line)
      .Key("column").Int(pos.column)
      .EndObject();
}

void Permissions(PermissionSet set, JsonWriter* json) {
  json->BeginArray();
  set.ForEach([&](Permission p) { json->String(PermissionName(p)); });
  json->EndArray();
}

void NameOrNull(bool known, absl::string_view name, JsonWriter* json) {
  if (known) {
    json->String(name);
  } else {
    json->Null();
  }
}

// The target as data: the repo, its type, its namespace, the org and the resource group involved.
void Target(const Snapshot& s, const Request& r, const OperationInfo& op, absl::string_view text,
            JsonWriter* json) {
  absl::string_view repo, repo_type, ns, org, group;
  bool has_repo = false, has_type = false, has_ns = false, has_org = false, has_group = false;
  const OrgId target_org = TargetOrg(s, r);
  if (target_org != kNoId) {
    org = s.org(target_org).name;
    has_org = true;
  }
  switch (op.target) {
    case TargetKind::kNone:
      break;
    case TargetKind::kRepo: {
      const Snapshot::RepoRecord& record = s.repo(r.repo);
      repo = record.id;
      repo_type = NameOf(record.type);
      ns = record.ns_org != kNoId ? s.org(record.ns_org).name : s.user(record.ns_user).name;
      has_repo = has_type = has_ns = true;
      const GroupId g = r.group != kNoId ? r.group : record.group;
      if (g != kNoId) {
        group = s.group(g).name;
        has_group = true;
      }
      break;
    }
    case TargetKind::kNamespace:
      repo_type = NameOf(r.create_type);
      ns = r.ns_org != kNoId ? s.org(r.ns_org).name : s.user(r.ns_user).name;
      has_type = has_ns = true;
      break;
    case TargetKind::kOrg:
      ns = s.org(r.org).name;
      has_ns = true;
      break;
    case TargetKind::kGroup:
      ns = s.org(s.group(r.group).org).name;
      has_ns = true;
      break;
  }
  if (op.target != TargetKind::kRepo && r.group != kNoId) {
    group = s.group(r.group).name;
    has_group = true;
  }
  json->BeginObject().Key("kind").String(DecisionName(op.target));
  json->Key("repo");
  NameOrNull(has_repo, repo, json);
  json->Key("repo_type");
  NameOrNull(has_type, repo_type, json);
  json->Key("namespace");
  NameOrNull(has_ns, ns, json);
  json->Key("org");
  NameOrNull(has_org, org, json);
  json->Key("group");
  NameOrNull(has_group, group, json);
  json->Key("text").String(text);
  json->EndObject();
}

void UserSideJson(const Snapshot& s, const UserSide& u, absl::string_view text, JsonWriter* json) {
  json->BeginObject()
      .Key("allowed").Bool(u.allowed)
      .Key("access").String(u.access == RepoAccess::kNone ? "no_access" : RepoAccessName(u.access))
      .Key("basis").String(DecisionName(u.basis))
      .Key("reason").String(DecisionName(u.reason));
  // The org or group whose role decided, by basis.
  json->Key("subject");
  const bool org_subject = u.basis == UserBasis::kOrgRole || u.basis == UserBasis::kOrgAdmin;
  const bool group_subject = u.basis == UserBasis::kGroupRole || u.basis == UserBasis::kBestGroupRole;
  if (u.subject != kNoId && (org_subject || group_subject)) {
    json->BeginObject()
        .Key("kind").String(org_subject ? "org" : "group")
        .Key("name").String(org_subject ? s.org(u.subject).name : s.group(u.subject).name)
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
      .Key("gate_blocked").Bool(t.gate_blocked)
      .Key("assumed").Bool(t.assumed)
      .Key("text").String(text)
      .EndObject();
}

void PolicySideJson(const Snapshot& s, const PolicySide& p, absl::string_view text, JsonWriter* json) {
  json->BeginObject().Key("allowed").Bool(p.allowed).Key("rule").String(DecisionName(p.rule)).Key("org");
  NameOrNull(p.org != kNoId, p.org != kNoId ? absl::string_view(s.org(p.org).name) : "", json);
  json->Key("at");
  Position(s, p.pos, json);
  json->Key("assumed").Bool(p.assumed).Key("text").String(text).EndObject();
}

void UserChangeJson(const Snapshot& s, const UserChange& c, JsonWriter* json) {
  json->BeginObject().Key("kind").String(DecisionName(c.kind)).Key("role");
  const bool has_role = c.kind == UserChangeKind::kOrgRole || c.kind == UserChangeKind::kGroupRole;
  NameOrNull(has_role, has_role ? RepoAccessName(c.role) : "", json);
  json->Key("org");
  NameOrNull(c.org != kNoId, c.org != kNoId ? absl::string_view(s.org(c.org).name) : "", json);
  json->Key("group");
  NameOrNull(c.group != kNoId, c.group != kNoId ? absl::string_view(s.group(c.group).name) : "", json);
  json->Key("repo");
  NameOrNull(c.repo != kNoId, c.repo != kNoId ? absl::string_view(s.repo(c.repo).id) : "", json);
  json->Key("join_org").Bool(c.join_org).EndObject();
}

void TokenChangeJson(const Snapshot& s, const TokenChange& c, JsonWriter* json) {
  json->BeginObject().Key("kind").String(DecisionName(c.kind)).Key("additions").BeginArray();
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

void WriteDecisionJson(const Snapshot& s, const Request& r, const Decision& d, JsonWriter* json) {
  const Explanation e = Explain(s, r, d);
  const OperationInfo& op = GetOperationInfo(r.operation);
  const Snapshot::TokenRecord& token = s.token(r.token);

  json->BeginObject()
      .Key("schema").String(kDecisionSchema)
      .Key("allowed").Bool(d.allowed)
      .Key("status").Int(d.status)
      .Key("operation").String(op.name)
      .Key("operation_assumed").Bool(d.operation_assumed);
  json->Key("token").BeginObject().Key("name").String(token.name).Key("owner");
  NameOrNull(token.owner != kNoId, token.owner != kNoId ? absl::string_view(s.user(token.owner).name) : "", json);
  json->Key("role").String(NameOf(token.role)).Key("at");
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
  if (!d.user.allowed) json->String(NameOf(Side::kUser));
  if (!d.token.allowed) json->String(NameOf(Side::kToken));
  if (!d.policy.allowed) json->String(NameOf(Side::kPolicy));
  json->EndArray();

  json->Key("reply").BeginObject()
      .Key("status").Int(d.status)
      .Key("kind").String(DecisionName(d.reply))
      .Key("message");
  NameOrNull(!e.message.empty(), e.message, json);
  json->Key("error_code");
  NameOrNull(!e.error_code.empty(), e.error_code, json);
  json->Key("assumed").Bool(d.reply_assumed).Key("text").String(RenderReply(d, e)).EndObject();

  json->Key("assumed").Bool(d.assumed()).Key("assumptions").BeginArray();
  for (const std::string& a : e.assumed) json->String(a);
  json->EndArray();

  json->Key("fixes").BeginArray();
  for (const Fix& fix : e.fixes) {
    json->BeginObject().Key("side").String(NameOf(fix.side)).Key("text").String(fix.text).Key("change");
    switch (fix.side) {
      case Side::kUser:
        UserChangeJson(s, *e.changes.user, json);
        break;
      case Side::kToken:
        TokenChangeJson(s, *e.changes.token, json);
        break;
      case Side::kPolicy:
        PolicyChangeJson(s, *e.changes.policy, json);
        break;
    }
    json->EndObject();
  }
  json->EndArray();
  json->EndObject();
}

std::string RenderExplanationJson(const Snapshot& snapshot, const Request& request, const Decision& decision) {
  JsonWriter json;
  WriteDecisionJson(snapshot, request, decision, &json);
  return json.Finish();
}

}  // namespace hubperm
