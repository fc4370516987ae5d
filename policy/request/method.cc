// Copyright 2026 The hubperm Authors.

#include "policy/request/method.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/common/suggest.h"

namespace hubperm {
namespace {

struct Method {
  absl::string_view name;
  Operation operation;
  absl::optional<RepoType> type;  // fixed by the method, or nullopt: --repo-type
};

using O = Operation;
constexpr absl::optional<RepoType> kAny = absl::nullopt;

// huggingface_hub's HfApi methods, each with the operation it performs (spec §6).
const std::array<Method, 25> kMethods = {{
    {"hf_hub_download", O::kDownloadFile, kAny},
    {"model_info", O::kRepoInfo, RepoType::kModel},
    {"dataset_info", O::kRepoInfo, RepoType::kDataset},
    {"space_info", O::kRepoInfo, RepoType::kSpace},
    {"repo_info", O::kRepoInfo, kAny},
    {"create_repo", O::kCreateRepo, kAny},
    {"delete_repo", O::kDeleteRepo, kAny},
    {"move_repo", O::kMoveRepo, kAny},
    {"update_repo_settings", O::kUpdateRepoSettings, kAny},
    {"create_commit", O::kCreateCommit, kAny},
    {"upload_file", O::kCreateCommit, kAny},
    {"upload_folder", O::kCreateCommit, kAny},
    {"delete_file", O::kCreateCommit, kAny},
    {"create_pull_request", O::kCreatePullRequest, kAny},
    {"create_branch", O::kCreateBranch, kAny},
    {"delete_branch", O::kDeleteBranch, kAny},
    {"create_tag", O::kCreateTag, kAny},
    {"create_discussion", O::kCreateDiscussion, kAny},
    {"comment_discussion", O::kCommentDiscussion, kAny},
    {"list_pending_access_requests", O::kListAccessRequests, kAny},
    {"accept_access_request", O::kHandleAccessRequest, kAny},
    {"reject_access_request", O::kHandleAccessRequest, kAny},
    {"list_organization_members", O::kListOrgMembers, kAny},
    {"whoami", O::kWhoami, kAny},
    {"auth_check", O::kRepoInfo, kAny},
}};

}  // namespace

std::vector<absl::string_view> KnownMethods() {
  std::vector<absl::string_view> names;
  for (const Method& m : kMethods) names.push_back(m.name);
  return names;
}

std::vector<absl::string_view> MethodsOf(Operation operation) {
  std::vector<absl::string_view> names;
  for (const Method& m : kMethods) {
    if (m.operation == operation) names.push_back(m.name);
  }
  return names;
}

absl::StatusOr<RequestSpec> ParseMethodRequest(absl::string_view method, const TargetArgs& args) {
  const Method* found = nullptr;
  for (const Method& m : kMethods) {
    if (m.name == method) found = &m;
  }
  if (found == nullptr) {
    const std::vector<absl::string_view> known = KnownMethods();
    std::vector<std::string> near = ClosestNames(method, known, 3);
    return absl::NotFoundError(absl::StrCat("unknown huggingface_hub method '", method, "'",
                                            near.empty() ? "" : absl::StrCat("; did you mean ", absl::StrJoin(near, ", "), "?"),
                                            " (known: ", absl::StrJoin(known, ", "), ")"));
  }
  RequestSpec spec;
  spec.operation = found->operation;
  if (found->type.has_value() && args.repo_type.has_value() && *args.repo_type != *found->type) {
    return absl::InvalidArgumentError(absl::StrCat(method, " works on ", NameOf(*found->type), "s; drop --repo-type"));
  }
  spec.repo_type = found->type.value_or(args.repo_type.value_or(RepoType::kModel));
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
        if (absl::Status st = need(!args.to.empty(), "--to NAMESPACE/NAME (where the repo moves)"); !st.ok()) return st;
        absl::StatusOr<std::string> ns = MoveDestination(args.to);
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
