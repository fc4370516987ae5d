// Copyright 2026 The hubperm Authors.

#include "cli/routes.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/json_writer.h"
#include "policy/explain/decision_names.h"
#include "policy/model/operation.h"
#include "policy/request/method.h"
#include "policy/request/route.h"

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

std::string RenderRoutes(absl::string_view filter, bool json, int* count) {
  const std::string needle = absl::AsciiStrToLower(filter);
  JsonWriter out;
  std::string text;
  if (json) out.BeginObject().Key("schema").String("hubperm.routes/v1").Key("routes").BeginArray();
  *count = 0;
  for (const RouteRow& route : AllRoutes()) {
    const OperationInfo& op = GetOperationInfo(route.operation);
    const std::vector<absl::string_view> methods = MethodsOf(route.operation);
    const std::string haystack = absl::AsciiStrToLower(
        absl::StrCat(route.method, " ", route.path, " ", op.name, " ", absl::StrJoin(methods, " ")));
    if (!absl::StrContains(haystack, needle)) continue;
    ++*count;
    const std::string user = absl::StrCat(UserNeedText(op.user_need), op.creates_at_destination
                                                                           ? ", and what create_repo needs at the destination"
                                                                           : "");
    if (json) {
      out.BeginObject()
          .Key("method").String(route.method)
          .Key("path").String(route.path)
          .Key("operation").String(op.name)
          .Key("huggingface_hub").BeginArray();
      for (absl::string_view m : methods) out.String(m);
      out.EndArray()
          .Key("target").String(DecisionName(op.target))
          .Key("user_needs").String(user)
          .Key("user_evidence").String(EvidenceName(op.user_evidence))
          .Key("permissions").BeginArray();
      for (const std::string& p : PermissionNames(op.permissions)) out.String(p);
      out.EndArray()
          .Key("token_needs").String(TokenNeeds(op))
          .Key("token_evidence").String(EvidenceName(op.token_evidence))
          .EndObject();
    } else {
      absl::StrAppend(&text, route.method, " ", route.path, "\n    ", op.name,
                      methods.empty() ? "" : absl::StrCat(" (huggingface_hub: ", absl::StrJoin(methods, ", "), ")"),
                      "\n    user: ", user, " [", EvidenceName(op.user_evidence), "]; token: ", TokenNeeds(op), " [",
                      EvidenceName(op.token_evidence), "]\n");
    }
  }
  if (!json) return text;
  out.EndArray().EndObject();
  return out.Finish();
}

}  // namespace hubperm
