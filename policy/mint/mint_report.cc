// Copyright 2026 The hubperm Authors.

#include "policy/mint/mint_report.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/escape.h"
#include "policy/common/json_writer.h"
#include "policy/load/world_writer.h"
#include "policy/model/permission.h"
#include "policy/model/vocabulary.h"

namespace hubperm {
namespace {

absl::string_view OutcomeName(IntentOutcome outcome) {
  switch (outcome) {
    case IntentOutcome::kAllowed:
      return "allowed";
    case IntentOutcome::kUserSide:
      return "user_side";
    case IntentOutcome::kNoToken:
      return "no_token";
    case IntentOutcome::kNotModeled:
      return "not_modeled";
  }
  return "";
}

std::string Numbers(const std::vector<int>& intents) {
  std::vector<std::string> out;
  for (int i : intents) out.push_back(absl::StrCat(i + 1));
  return absl::StrJoin(out, ", ");
}

std::string Where(const SourceFiles& files, const Intent& intent) {
  return intent.pos.known() ? files.Format(intent.pos) : "";
}

std::string DifferenceText(const ScopeDifference& d) {
  return absl::StrCat(d.whole_scope ? "the whole scope on " : "", NameOf(d.type), " ", EscapeUnsafe(d.entity), ": ",
                      PermissionSetText(d.permissions));
}

std::string ComparisonText(const MintComparison& c, const std::string& owner) {
  std::string out = absl::StrCat("# Compared with token ", EscapeUnsafe(c.token), ":\n");
  if (c.role != TokenRole::kFineGrained) {
    absl::StrAppend(&out, "#   a classic ", NameOf(c.role), " token: it holds every permission its role gives ",
                    EscapeUnsafe(owner), ", where the job needs only the minted ones\n");
  }
  for (const ScopeDifference& d : c.excess) absl::StrAppend(&out, "#   excess (no intent needs it): ", DifferenceText(d), "\n");
  if (!c.global.empty()) {
    absl::StrAppend(&out, "#   excess (no intent needs it): global ", PermissionSetText(c.global), "\n");
  }
  if (c.can_read_gated_repos) absl::StrAppend(&out, "#   excess (no intent needs it): can_read_gated_repos\n");
  for (const ScopeDifference& d : c.missing) absl::StrAppend(&out, "#   missing: ", DifferenceText(d), "\n");
  if (!c.denied.empty()) {
    absl::StrAppend(&out, "#   it denies ", c.denied.size() == 1 ? "intent " : "intents ", Numbers(c.denied), "\n");
  }
  if (!c.broader() && c.missing.empty() && c.denied.empty()) absl::StrAppend(&out, "#   it holds exactly what the job needs\n");
  return out;
}

void WriteDifferences(const std::vector<ScopeDifference>& differences, JsonWriter* json) {
  json->BeginArray();
  for (const ScopeDifference& d : differences) {
    json->BeginObject();
    json->Key("type").String(NameOf(d.type));
    json->Key("entity").String(d.entity);
    json->Key("whole_scope").Bool(d.whole_scope);
    json->Key("permissions").BeginArray();
    d.permissions.ForEach([&](Permission p) { json->String(PermissionName(p)); });
    json->EndArray();
    json->EndObject();
  }
  json->EndArray();
}

void WriteComparison(const MintComparison& c, JsonWriter* json) {
  json->BeginObject();
  json->Key("token").String(c.token);
  json->Key("role").String(NameOf(c.role));
  json->Key("broader").Bool(c.broader());
  json->Key("excess");
  WriteDifferences(c.excess, json);
  json->Key("excess_global").BeginArray();
  c.global.ForEach([&](Permission p) { json->String(PermissionName(p)); });
  json->EndArray();
  json->Key("excess_can_read_gated_repos").Bool(c.can_read_gated_repos);
  json->Key("missing");
  WriteDifferences(c.missing, json);
  json->Key("denied_intents").BeginArray();
  for (int i : c.denied) json->Int(i + 1);
  json->EndArray();
  json->EndObject();
}

}  // namespace

std::string RenderMintedFixture(const MintResult& minted, const std::vector<Intent>& intents, const SourceFiles& files,
                                const MintComparison* compare) {
  std::string out = absl::StrCat("# hubperm mint: the smallest fine-grained token for ", EscapeUnsafe(minted.token.owner.text),
                                 " under which every intent is allowed,\n"
                                 "# checked by deciding each intent with it (docs/mint.md).\n# Intents:\n");
  for (size_t i = 0; i < intents.size() && i < minted.intents.size(); ++i) {
    const IntentResult& r = minted.intents[i];
    absl::StrAppend(&out, "#   ", i + 1, ". ", EscapeUnsafe(r.request));
    const std::string where = Where(files, intents[i]);
    if (!where.empty()) absl::StrAppend(&out, " (", EscapeUnsafe(where), ")");
    absl::StrAppend(&out, r.outcome == IntentOutcome::kAllowed ? ": allowed" : absl::StrCat(": ", OutcomeName(r.outcome), ": ", EscapeUnsafe(r.problem)), "\n");
  }
  for (const std::string& org : minted.approvals) {
    absl::StrAppend(&out, "# Org ", EscapeUnsafe(org),
                    " requires approval of fine-grained tokens: an admin of it must approve this one.\n");
  }
  if (!minted.grants.empty()) absl::StrAppend(&out, "# Why each permission is there (the intents denied without it):\n");
  for (const MintedGrant& g : minted.grants) {
    absl::StrAppend(&out, "#   ", NameOf(g.type), " ", EscapeUnsafe(g.entity), ": ", PermissionName(g.permission),
                    ": ", g.needed_by.size() == 1 ? "intent " : "intents ", Numbers(g.needed_by), "\n");
  }
  if (minted.grants.empty()) absl::StrAppend(&out, "# No permission is needed: any token of the owner does all of it.\n");
  if (compare != nullptr) absl::StrAppend(&out, ComparisonText(*compare, minted.token.owner.text));
  absl::StrAppend(&out, WriteFixture(minted.AsWorld()));
  return out;
}

std::string RenderMintJson(const MintResult& minted, const std::vector<Intent>& intents, const SourceFiles& files,
                           const MintComparison* compare) {
  JsonWriter json;
  json.BeginObject();
  json.Key("schema").String("hubperm.mint/v1");
  json.Key("ok").Bool(minted.ok());
  json.Key("owner").String(minted.token.owner.text);
  json.Key("token").String(minted.token.name.text);
  json.Key("scopes").BeginArray();
  for (const Scope& scope : minted.token.scoped) {
    json.BeginObject();
    json.Key("type").String(NameOf(scope.type));
    json.Key("entity").String(scope.entity.text);
    json.Key("permissions").BeginArray();
    for (const MintedGrant& g : minted.grants) {
      if (g.type != scope.type || g.entity != scope.entity.text) continue;
      json.BeginObject();
      json.Key("permission").String(PermissionName(g.permission));
      json.Key("needed_by").BeginArray();
      for (int i : g.needed_by) json.Int(i + 1);
      json.EndArray();
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.Key("intents").BeginArray();
  for (size_t i = 0; i < intents.size() && i < minted.intents.size(); ++i) {
    const IntentResult& r = minted.intents[i];
    json.BeginObject();
    json.Key("intent").Int(static_cast<int64_t>(i + 1));
    json.Key("at");
    WritePosition(files, intents[i].pos, &json);
    json.Key("request").String(r.request);
    json.Key("outcome").String(OutcomeName(r.outcome));
    json.Key("problem").StringOrNull(r.problem.empty() ? absl::nullopt : absl::optional<absl::string_view>(r.problem));
    json.EndObject();
  }
  json.EndArray();
  json.Key("approvals").BeginArray();
  for (const std::string& org : minted.approvals) json.String(org);
  json.EndArray();
  json.Key("compare");
  if (compare != nullptr) {
    WriteComparison(*compare, &json);
  } else {
    json.Null();
  }
  json.Key("fixture").String(WriteFixture(minted.AsWorld()));
  json.EndObject();
  return json.Finish();
}

Diagnostics MintProblems(const MintResult& minted, const std::vector<Intent>& intents) {
  Diagnostics out;
  for (size_t i = 0; i < intents.size() && i < minted.intents.size(); ++i) {
    const IntentResult& r = minted.intents[i];
    switch (r.outcome) {
      case IntentOutcome::kAllowed:
        break;
      case IntentOutcome::kUserSide:
        out.Error(intents[i].pos, absl::StrCat(r.request, ": ", minted.token.owner.text, "'s user side forbids it, so no token can allow it: ",
                                               r.problem));
        break;
      case IntentOutcome::kNoToken:
        out.Error(intents[i].pos, absl::StrCat(r.request, ": no fine-grained token can allow it: ", r.problem));
        break;
      case IntentOutcome::kNotModeled:
        out.Warning(intents[i].pos, absl::StrCat(r.request, ": not decided, and not asked of the token: ", r.problem));
        break;
    }
  }
  return out;
}

}  // namespace hubperm
