// Copyright 2026 The hubperm Authors.

#include "policy/request/route_listing.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/json_writer.h"
#include "policy/model/operation.h"
#include "policy/request/catalogue.h"

namespace hubperm {
namespace {

// What an operation acts on, as the token needs its permissions "on" it.
absl::string_view OnWhat(TargetKind target) {
  switch (target) {
    case TargetKind::kNone:
      return "";
    case TargetKind::kRepo:
      return " on the repo";
    case TargetKind::kNamespace:
      return " on the namespace";
    case TargetKind::kOrg:
      return " on the org";
    case TargetKind::kGroup:
      return " on the resource group (or its org)";
  }
  return "";
}

std::vector<std::string> PermissionNames(PermissionSet set) {
  std::vector<std::string> names;
  set.ForEach([&](Permission p) { names.emplace_back(PermissionName(p)); });
  return names;
}

std::string TokenNeeds(const OperationInfo& op) {
  if (op.permissions.empty()) return "any valid token";
  std::string text = absl::StrCat(absl::StrJoin(PermissionNames(op.permissions), " and "), OnWhat(op.target));
  if (op.implicit_public_read) absl::StrAppend(&text, " (implicit for public repos)");
  if (op.creates_at_destination) absl::StrAppend(&text, ", and repo.write on the destination namespace");
  return text;
}

}  // namespace

std::string RenderRoutes(absl::string_view filter, absl::optional<Client> client, bool json, int* count) {
  const std::string needle = absl::AsciiStrToLower(filter);
  JsonWriter out;
  std::string text;
  if (json) out.BeginObject().Key("schema").String("hubperm.routes/v2").Key("routes").BeginArray();
  *count = 0;
  for (const CatalogueRoute& route : BuiltinCatalogue().routes()) {
    const OperationInfo* op = route.operation.has_value() ? &GetOperationInfo(*route.operation) : nullptr;
    const std::string haystack = absl::AsciiStrToLower(absl::StrCat(
        route.Name(), " ", op != nullptr ? op->name : route.unmodeled, " ", absl::StrJoin(route.methods, " "), " ",
        absl::StrJoin(route.step_of, " "), " ", absl::StrJoin(route.js_functions, " ")));
    if (!absl::StrContains(haystack, needle)) continue;
    if (client.has_value() && route.CalledBy(*client).empty()) continue;
    ++*count;
    const std::string user =
        op == nullptr ? ""
                      : absl::StrCat(UserNeedText(op->user_need),
                                     op->creates_at_destination ? ", and what create_repo needs at the destination" : "");
    if (json) {
      out.BeginObject()
          .Key("method").String(route.method)
          .Key("path").String(route.path)
          .Key("source").String(route.source == RouteSource::kOpenApi ? "openapi" : "client")
          .Key("on").String(ActsOnName(route.on))
          .Key("huggingface_hub").BeginArray();
      for (const std::string& m : route.methods) out.String(m);
      out.EndArray().Key("huggingface_hub_steps").BeginArray();
      for (const std::string& m : route.step_of) out.String(m);
      out.EndArray().Key("huggingface_js").BeginArray();
      for (const std::string& f : route.js_functions) out.String(f);
      out.EndArray().Key("modeled").Bool(op != nullptr);
      if (op == nullptr) {
        out.Key("unmodeled").String(route.unmodeled).Key("reason").String(route.reason);
      } else {
        out.Key("operation").String(op->name)
            .Key("user_needs").String(user)
            .Key("user_evidence").String(EvidenceName(route.user_evidence))
            .Key("permissions").BeginArray();
        for (const std::string& p : PermissionNames(op->permissions)) out.String(p);
        out.EndArray()
            .Key("token_needs").String(TokenNeeds(*op))
            .Key("token_evidence").String(EvidenceName(route.token_evidence));
      }
      out.Key("note").String(route.note).Key("line").Int(route.line).EndObject();
      continue;
    }
    absl::StrAppend(&text, route.Name(), "\n    ");
    if (!route.methods.empty()) absl::StrAppend(&text, "huggingface_hub: ", absl::StrJoin(route.methods, ", "), "; ");
    if (!route.step_of.empty()) {
      absl::StrAppend(&text, "a step of huggingface_hub's ", absl::StrJoin(route.step_of, ", "), "; ");
    }
    if (!route.js_functions.empty()) {
      absl::StrAppend(&text, "@huggingface/hub: ", absl::StrJoin(route.js_functions, ", "), "; ");
    }
    absl::StrAppend(&text, "on ", ActsOnName(route.on), route.source == RouteSource::kClient ? " (not in the OpenAPI description)" : "", "\n    ");
    if (op == nullptr) {
      absl::StrAppend(&text, "not modeled: ", route.reason, "\n");
      continue;
    }
    absl::StrAppend(&text, "decided as ", op->name, ": user: ", user, " [", EvidenceName(route.user_evidence),
                    "]; token: ", TokenNeeds(*op), " [", EvidenceName(route.token_evidence), "]\n");
    if (!route.note.empty()) absl::StrAppend(&text, "    note: ", route.note, "\n");
  }
  if (!json) return text;
  out.EndArray().EndObject();
  return out.Finish();
}

}  // namespace hubperm
