// Copyright 2026 The hubperm Authors.

#include "policy/request/request_spec.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "policy/common/suggest.h"

namespace hubperm {
namespace {

absl::Status Unknown(absl::string_view kind, absl::string_view name, const std::vector<absl::string_view>& known) {
  return absl::NotFoundError(absl::StrCat("unknown ", kind, " '", name, "'", DidYouMean(name, known)));
}

}  // namespace

std::vector<absl::string_view> GivenFlags(const TargetArgs& args) {
  std::vector<absl::string_view> flags;
  if (!args.repo.empty()) flags.push_back("--repo");
  if (args.repo_type.has_value()) flags.push_back("--repo-type");
  if (!args.org.empty()) flags.push_back("--org");
  if (!args.user.empty()) flags.push_back("--user");
  if (!args.group.empty()) flags.push_back("--group");
  if (!args.to.empty()) flags.push_back("--to");
  if (args.write) flags.push_back("--write");
  return flags;
}

absl::StatusOr<std::string> DestinationNamespace(Operation operation, absl::string_view to) {
  const size_t slash = to.find('/');
  if (slash == absl::string_view::npos || slash == 0 || slash + 1 == to.size() ||
      to.find('/', slash + 1) != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(GetOperationInfo(operation).name, "'s destination '", to, "' must be NAMESPACE/NAME, as huggingface_hub requires"));
  }
  return std::string(to.substr(0, slash));
}

std::string UnmodeledText(const CatalogueRoute& route) {
  return absl::StrCat(route.Name(), " is not modeled: ", route.reason, " (", route.Where(), ")");
}

absl::StatusOr<Request> ResolveRequest(const Snapshot& s, absl::string_view token_name, const RequestSpec& spec) {
  if (!spec.modeled()) return absl::FailedPreconditionError(UnmodeledText(*spec.route));
  Request r;
  r.operation = spec.operation;
  absl::optional<TokenId> token = s.FindToken(token_name);
  if (!token.has_value()) return Unknown("token", token_name, s.TokenNames());
  r.token = *token;
  const OperationInfo& op = GetOperationInfo(spec.operation);

  auto resolve_group = [&]() -> absl::Status {
    if (spec.group.empty()) return absl::OkStatus();
    absl::optional<GroupId> group = s.FindGroup(spec.group);
    if (!group.has_value()) return Unknown("resource group", spec.group, s.GroupNames());
    r.group = *group;
    return absl::OkStatus();
  };

  // The namespace a repo is created in (create_repo) or moved to (move_repo); "" is the token owner's.
  auto resolve_namespace = [&]() -> absl::Status {
    const std::string ns = spec.ns.empty() ? s.user(s.token(r.token).owner).name : spec.ns;
    const absl::optional<OrgId> org = s.FindOrg(ns);
    const absl::optional<UserId> user = s.FindUser(ns);
    if (spec.ns_kind == NamespaceKind::kUser && !user.has_value()) {
      if (org.has_value()) return absl::InvalidArgumentError(absl::StrCat("'", ns, "' is an org, not a user (use --org ", ns, ")"));
      return Unknown("user", ns, s.UserNames());
    }
    if (spec.ns_kind == NamespaceKind::kOrg && !org.has_value()) {
      if (user.has_value()) return absl::InvalidArgumentError(absl::StrCat("'", ns, "' is a user, not an org (use --user ", ns, ")"));
      return Unknown("org", ns, s.OrgNames());
    }
    if (org.has_value()) {
      r.ns_org = *org;
    } else if (user.has_value()) {
      r.ns_user = *user;
    } else {
      std::vector<absl::string_view> known = s.OrgNames();
      for (absl::string_view u : s.UserNames()) known.push_back(u);
      return Unknown("namespace", ns, known);
    }
    return absl::OkStatus();
  };

  switch (op.target) {
    case TargetKind::kNone:
      break;
    case TargetKind::kRepo: {
      // A bare name (delete_repo without 'organization') is in the token owner's namespace.
      const std::string id = spec.repo.find('/') == std::string::npos
                                 ? absl::StrCat(s.user(s.token(r.token).owner).name, "/", spec.repo)
                                 : spec.repo;
      absl::optional<RepoId> repo = s.FindRepo(spec.repo_type, id);
      if (!repo.has_value()) {
        // The Hub answers 404 for a repo that does not exist; hubperm only knows the world it was given.
        for (RepoType other : {RepoType::kModel, RepoType::kDataset, RepoType::kSpace}) {
          if (other != spec.repo_type && s.FindRepo(other, id).has_value()) {
            return absl::NotFoundError(absl::StrCat("unknown ", NameOf(spec.repo_type), " '", id, "'; '",
                                                    id, "' is a ", NameOf(other),
                                                    " (use the ", NameOf(other), "s/ route or --repo-type ",
                                                    NameOf(other), ")"));
          }
        }
        return Unknown(NameOf(spec.repo_type), id, s.RepoIds(spec.repo_type));
      }
      r.repo = *repo;
      if (op.creates_at_destination) {
        // move_repo: the destination namespace; the repo keeps its type.
        if (spec.ns.empty()) return absl::InvalidArgumentError(absl::StrCat(op.name, " needs the destination NS/NAME"));
        r.create_type = spec.repo_type;
        if (absl::Status st = resolve_namespace(); !st.ok()) return st;
      }
      if (spec.operation == Operation::kMoveRepoToGroup) {
        if (spec.group.empty()) return absl::InvalidArgumentError("moving a repo into a group needs the group");
        if (absl::Status st = resolve_group(); !st.ok()) return st;
        const Snapshot::RepoRecord& record = s.repo(r.repo);
        if (s.group(r.group).org != record.ns_org) {
          // A resource group holds repos of its own org only [doc: "resource groups ... of an organization"].
          return absl::InvalidArgumentError(absl::StrCat(
              "resource group '", spec.group, "' belongs to org '", s.org(s.group(r.group).org).name,
              "'; ", id, " is not in that org's namespace, so it cannot move into the group"));
        }
      }
      break;
    }
    case TargetKind::kNamespace: {
      r.create_type = spec.repo_type;
      if (absl::Status st = resolve_namespace(); !st.ok()) return st;
      if (absl::Status st = resolve_group(); !st.ok()) return st;
      if (r.group != kNoId && s.group(r.group).org != r.ns_org) {
        return absl::InvalidArgumentError(absl::StrCat("resource group '", spec.group, "' does not belong to '",
                                                       r.ns_org != kNoId ? s.org(r.ns_org).name : s.user(r.ns_user).name, "'"));
      }
      break;
    }
    case TargetKind::kOrg: {
      absl::optional<OrgId> org = s.FindOrg(spec.org);
      if (!org.has_value() && s.FindUser(spec.org).has_value()) {
        return absl::InvalidArgumentError(absl::StrCat("'", spec.org, "' is a user, not an org"));
      }
      if (!org.has_value()) return Unknown("org", spec.org, s.OrgNames());
      r.org = *org;
      break;
    }
    case TargetKind::kGroup: {
      if (spec.group.empty()) return absl::InvalidArgumentError("this request needs a resource group");
      if (absl::Status st = resolve_group(); !st.ok()) return st;
      break;
    }
  }
  return r;
}

}  // namespace hubperm
