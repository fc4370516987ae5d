// Copyright 2026 The hubperm Authors.

#include "policy/request/method.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/escape.h"
#include "policy/common/suggest.h"
#include "policy/request/sequence_table.h"

namespace hubperm {

std::vector<absl::string_view> KnownMethods() {
  std::vector<absl::string_view> names;
  for (const std::string& m : BuiltinCatalogue().methods()) names.push_back(m);
  for (const SequenceRow& row : BuiltinSequences().rows()) {
    if (std::find(names.begin(), names.end(), row.method) == names.end()) names.push_back(row.method);
  }
  return names;
}

absl::StatusOr<const CatalogueRoute*> RouteOfMethod(absl::string_view method, const TargetArgs& args) {
  const std::string name = args.write ? absl::StrCat(method, "(write=True)") : std::string(method);
  const std::vector<const CatalogueRoute*> rows = BuiltinCatalogue().RoutesOfMethod(name);
  if (rows.empty()) {
    if (args.write && !BuiltinCatalogue().RoutesOfMethod(method).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(method, " takes no ", Spell(Arg::kWrite, args.dialect)));
    }
    if (method == "push_to_hub") {
      std::vector<std::string> entries;
      for (const SequenceRow& row : BuiltinSequences().rows()) {
        if (absl::EndsWith(row.method, ".push_to_hub")) entries.push_back(absl::StrCat(row.method, " (", row.library, ")"));
      }
      return absl::NotFoundError(absl::StrCat("push_to_hub is a method of several libraries; name the one: ",
                                              absl::StrJoin(entries, ", ")));
    }
    const std::vector<std::string> near = NearestNames(method, KnownMethods(), 3);
    return absl::NotFoundError(absl::StrCat("unknown huggingface_hub method ", QuoteValue(method), "; the nearest known: ",
                                            absl::StrJoin(near, ", "), " (hubperm routes lists every method and its route)"));
  }
  // The row of the asked repo type (model by default, as in huggingface_hub; a Space for the *_space
  // methods, which take no repo_type), or one serving every type.
  const bool space_method = absl::EndsWith(method, "_space");
  if (space_method && args.repo_type.has_value() && *args.repo_type != RepoType::kSpace) {
    return absl::InvalidArgumentError(absl::StrCat(method, " works on spaces; drop or change ",
                                                   Spell(Arg::kRepoType, args.dialect)));
  }
  const RepoType wanted = args.repo_type.value_or(space_method ? RepoType::kSpace : RepoType::kModel);
  for (const CatalogueRoute* r : rows) {
    if (!r->type.has_value() || r->type == wanted) return r;
  }
  if (!args.repo_type.has_value() && rows.size() == 1) return rows[0];
  std::vector<std::string> types;
  for (const CatalogueRoute* r : rows) types.push_back(absl::StrCat(NameOf(*r->type), "s"));
  const absl::string_view repo_type = Spell(Arg::kRepoType, args.dialect);
  return absl::InvalidArgumentError(absl::StrCat(method, " works on ", absl::StrJoin(types, " and "),
                                                 args.repo_type.has_value() ? absl::StrCat("; drop or change ", repo_type)
                                                                            : absl::StrCat("; give ", repo_type)));
}

absl::StatusOr<RequestDescription> ParseMethodRequest(absl::string_view method, const TargetArgs& args) {
  absl::StatusOr<const CatalogueRoute*> route = RouteOfMethod(method, args);
  if (!route.ok()) return route.status();
  RequestDescription spec;
  spec.dialect = args.dialect;
  spec.asked.form = RequestForm::kMethod;
  spec.asked.route = *route;
  spec.asked.method = std::string(method);
  if (!(*route)->operation.has_value()) return spec;  // not modeled: the caller answers with the reason
  spec.operation = *(*route)->operation;
  spec.repo_type = (*route)->type.value_or(
      args.repo_type.value_or(absl::EndsWith(method, "_space") ? RepoType::kSpace : RepoType::kModel));
  const OperationInfo& op = GetOperationInfo(spec.operation);
  const TargetKind target = op.target;
  auto spell = [&](Arg arg) { return Spell(arg, args.dialect); };
  auto need = [&](bool present, Arg arg, absl::string_view value) -> absl::Status {
    if (present) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrCat(method, " needs ", spell(arg), " ", value));
  };
  // Which arguments the method takes; any other one given is an error, not silently dropped.
  auto takes = [&](Arg arg) {
    switch (arg) {
      case Arg::kRepo:
      case Arg::kRepoType:
        return target == TargetKind::kRepo || target == TargetKind::kNamespace;
      case Arg::kOrg:
        return target == TargetKind::kOrg;
      case Arg::kGroup:
        return target == TargetKind::kNamespace || target == TargetKind::kGroup;
      case Arg::kTo:
        return op.creates_at_destination;
      case Arg::kWrite:
        return true;  // checked by RouteOfMethod
      default:
        return false;  // kUser: the permission form's only
    }
  };
  for (Arg arg : GivenArgs(args)) {
    if (takes(arg)) continue;
    if (arg == Arg::kUser) {
      return absl::InvalidArgumentError(
          absl::StrCat(spell(Arg::kUser), " goes with ", spell(Arg::kPermission), ", not with a method"));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        method, " takes no ", spell(arg),
        target == TargetKind::kNamespace && arg == Arg::kOrg
            ? absl::StrCat(" (the namespace is in ", spell(Arg::kRepo), " NS/NAME)")
            : ""));
  }
  switch (target) {
    case TargetKind::kNone:
      break;
    case TargetKind::kRepo:
      if (absl::Status st = need(!args.repo.empty(), Arg::kRepo, "NAMESPACE/NAME"); !st.ok()) return st;
      spec.repo = args.repo;
      if (op.creates_at_destination) {
        if (absl::Status st = need(!args.to.empty(), Arg::kTo, absl::StrCat("NAMESPACE/NAME (where ", op.name, " puts the repo)"));
            !st.ok()) {
          return st;
        }
        absl::StatusOr<std::string> ns = DestinationNamespace(spec.operation, args.to);
        if (!ns.ok()) return ns.status();
        spec.ns = *ns;
      }
      break;
    case TargetKind::kNamespace: {
      if (absl::Status st = need(!args.repo.empty(), Arg::kRepo, "NAMESPACE/NAME (the repo to create)"); !st.ok()) return st;
      const size_t slash = args.repo.find('/');
      spec.ns = slash == std::string::npos ? "" : args.repo.substr(0, slash);
      spec.group = args.group;
      break;
    }
    case TargetKind::kOrg:
      if (absl::Status st = need(!args.org.empty(), Arg::kOrg, "NAME"); !st.ok()) return st;
      spec.org = args.org;
      break;
    case TargetKind::kGroup:
      if (absl::Status st = need(!args.group.empty(), Arg::kGroup, "NAME"); !st.ok()) return st;
      spec.group = args.group;
      break;
  }
  return spec;
}

}  // namespace hubperm
