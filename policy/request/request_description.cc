// Copyright 2026 The hubperm Authors.

#include "policy/request/request_description.h"

#include "absl/strings/str_cat.h"
#include "policy/common/escape.h"
#include "policy/common/json_writer.h"

namespace hubperm {

std::string AskedAs::Name(Operation operation) const {
  if (!method.empty()) return method;
  if (route != nullptr && !route->methods.empty()) return route->methods[0];
  return std::string(GetOperationInfo(operation).name);
}

std::string AskedAs::RouteName() const {
  // The route by name only: its line in routes.yaml is for `hubperm routes`, not for explanations that
  // would change whenever the catalogue grows.
  return route == nullptr ? "" : route->Name();
}

std::string AskedAs::AssumedRule(Operation operation) const {
  if (route == nullptr) return "";
  const OperationInfo& op = GetOperationInfo(operation);
  if (route->user_evidence > op.user_evidence || route->token_evidence > op.token_evidence) {
    return absl::StrCat("that ", route->Name(), " needs what ", op.name, " needs is assumed (the route catalogue)");
  }
  return "";
}

std::pair<absl::string_view, absl::string_view> UnmodeledReason(const RequestDescription& d) {
  if (!d.asked.unmodeled.empty()) return {d.asked.unmodeled, BuiltinCatalogue().Reason(d.asked.unmodeled)};
  return {d.asked.route->unmodeled, d.asked.route->reason};
}

std::string UnmodeledText(const RequestDescription& description) {
  const CatalogueRoute& route = *description.asked.route;
  return absl::StrCat(route.Name(), " is not modeled: ", UnmodeledReason(description).second, " (", route.Where(), ")");
}

void WriteUnmodeledJson(const RequestDescription& description, JsonWriter* json) {
  const CatalogueRoute& route = *description.asked.route;
  const auto [key, reason] = UnmodeledReason(description);
  json->BeginObject()
      .Key("schema").String("hubperm.unmodeled/v1")
      .Key("route").String(route.Name())
      .Key("unmodeled").String(key)
      .Key("reason").String(reason)
      .Key("at").String(route.Where())
      .EndObject();
}

std::string UnmodeledJson(const RequestDescription& description) {
  JsonWriter json;
  WriteUnmodeledJson(description, &json);
  return json.Finish();
}

bool IsRepoId(absl::string_view id) {
  const size_t slash = id.find('/');
  return slash != absl::string_view::npos && slash > 0 && slash + 1 < id.size() &&
         id.find('/', slash + 1) == absl::string_view::npos;
}

absl::StatusOr<std::string> DestinationNamespace(Operation operation, absl::string_view to) {
  if (!IsRepoId(to)) {
    return absl::InvalidArgumentError(absl::StrCat(GetOperationInfo(operation).name, "'s destination ", QuoteValue(to),
                                                   " must be NAMESPACE/NAME, as huggingface_hub requires"));
  }
  return std::string(to.substr(0, to.find('/')));
}

}  // namespace hubperm
