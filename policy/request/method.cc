// Copyright 2026 The hubperm Authors.

#include "policy/request/method.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/suggest.h"

namespace hubperm {

std::vector<absl::string_view> KnownMethods() {
  std::vector<absl::string_view> names;
  for (const std::string& m : BuiltinCatalogue().methods()) names.push_back(m);
  return names;
}

absl::StatusOr<const CatalogueRoute*> RouteOfMethod(absl::string_view method, const TargetArgs& args) {
  const std::string name = args.write ? absl::StrCat(method, "(write=True)") : std::string(method);
  const std::vector<const CatalogueRoute*> rows = BuiltinCatalogue().RoutesOfMethod(name);
  if (rows.empty()) {
    if (args.write && !BuiltinCatalogue().RoutesOfMethod(method).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(method, " takes no --write"));
    }
    const std::vector<std::string> near = NearestNames(method, KnownMethods(), 3);
    return absl::NotFoundError(absl::StrCat("unknown huggingface_hub method '", method, "'; the nearest known: ",
                                            absl::StrJoin(near, ", "), " (hubperm routes lists every method and its route)"));
  }
  // The row of the asked repo type (model by default, as in huggingface_hub), or one serving every type.
  const RepoType wanted = args.repo_type.value_or(RepoType::kModel);
  for (const CatalogueRoute* r : rows) {
    if (!r->type.has_value() || r->type == wanted) return r;
  }
  if (!args.repo_type.has_value() && rows.size() == 1) return rows[0];
  std::vector<std::string> types;
  for (const CatalogueRoute* r : rows) types.push_back(absl::StrCat(NameOf(*r->type), "s"));
  return absl::InvalidArgumentError(absl::StrCat(method, " works on ", absl::StrJoin(types, " and "),
                                                 args.repo_type.has_value() ? "; drop or change --repo-type" : "; give --repo-type"));
}

absl::StatusOr<RequestSpec> ParseMethodRequest(absl::string_view method, const TargetArgs& args) {
  absl::StatusOr<const CatalogueRoute*> route = RouteOfMethod(method, args);
  if (!route.ok()) return route.status();
  RequestSpec spec;
  spec.route = *route;
  spec.method = std::string(method);
  if (!(*route)->operation.has_value()) return spec;  // not modeled: the caller answers with the reason
  spec.operation = *(*route)->operation;
  spec.repo_type = (*route)->type.value_or(args.repo_type.value_or(RepoType::kModel));
  const OperationInfo& op = GetOperationInfo(spec.operation);
  const TargetKind target = op.target;
  auto need = [&](bool present, absl::string_view flag) -> absl::Status {
    if (present) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrCat(method, " needs ", flag));
  };
  // Which arguments the method takes; any other one given is an error, not silently dropped.
  auto takes = [&](absl::string_view flag) {
    if (flag == "--repo" || flag == "--repo-type") return target == TargetKind::kRepo || target == TargetKind::kNamespace;
    if (flag == "--org") return target == TargetKind::kOrg;
    if (flag == "--group") return target == TargetKind::kNamespace || target == TargetKind::kGroup;
    if (flag == "--to") return op.creates_at_destination;
    if (flag == "--write") return true;  // checked by RouteOfMethod
    return false;  // --user: the permission form's only
  };
  for (absl::string_view flag : GivenFlags(args)) {
    if (takes(flag)) continue;
    if (flag == "--user") return absl::InvalidArgumentError("--user goes with --permission, not with a method");
    return absl::InvalidArgumentError(absl::StrCat(method, " takes no ", flag,
                                                   target == TargetKind::kNamespace && flag == "--org"
                                                       ? " (the namespace is in --repo NS/NAME)"
                                                       : ""));
  }
  switch (target) {
    case TargetKind::kNone:
      break;
    case TargetKind::kRepo:
      if (absl::Status st = need(!args.repo.empty(), "--repo NAMESPACE/NAME"); !st.ok()) return st;
      spec.repo = args.repo;
      if (op.creates_at_destination) {
        if (absl::Status st = need(!args.to.empty(), absl::StrCat("--to NAMESPACE/NAME (where ", op.name, " puts the repo)")); !st.ok()) return st;
        absl::StatusOr<std::string> ns = DestinationNamespace(spec.operation, args.to);
        if (!ns.ok()) return ns.status();
        spec.ns = *ns;
      }
      break;
    case TargetKind::kNamespace: {
      if (absl::Status st = need(!args.repo.empty(), "--repo NAMESPACE/NAME (the repo to create)"); !st.ok()) return st;
      const size_t slash = args.repo.find('/');
      spec.ns = slash == std::string::npos ? "" : args.repo.substr(0, slash);
      spec.group = args.group;
      break;
    }
    case TargetKind::kOrg:
      if (absl::Status st = need(!args.org.empty(), "--org NAME"); !st.ok()) return st;
      spec.org = args.org;
      break;
    case TargetKind::kGroup:
      if (absl::Status st = need(!args.group.empty(), "--group NAME"); !st.ok()) return st;
      spec.group = args.group;
      break;
  }
  return spec;
}

}  // namespace hubperm
