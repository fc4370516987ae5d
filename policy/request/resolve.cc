// Copyright 2026 The hubperm Authors.

#include "policy/request/resolve.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "policy/common/escape.h"
#include "policy/common/suggest.h"
#include "policy/model/names.h"

namespace hubperm {
namespace {

absl::Status Unknown(absl::string_view kind, absl::string_view name, const std::vector<absl::string_view>& known) {
  return absl::NotFoundError(absl::StrCat("unknown ", kind, " ", QuoteValue(name), DidYouMean(name, known)));
}

// The fields of a description a resolution can fail on.
enum class Field : uint8_t { kNone, kToken, kRepo, kNamespace, kOrg, kGroup };

// The argument that gave `field` in `d`'s form.
Arg ArgOf(Field field, const RequestDescription& d) {
  if (field == Field::kToken) return Arg::kToken;
  switch (d.asked.form) {
    case RequestForm::kHttp:
      return Arg::kHttp;
    case RequestForm::kError:
      return Arg::kFromError;
    case RequestForm::kMethod:
    case RequestForm::kPermission:
      break;
  }
  const bool destination = GetOperationInfo(d.operation).creates_at_destination;
  switch (field) {
    case Field::kNamespace:
      if (d.asked.form == RequestForm::kMethod) return destination ? Arg::kTo : Arg::kRepo;
      return d.ns_kind == NamespaceKind::kUser ? Arg::kUser : Arg::kOrg;
    case Field::kOrg:
      return Arg::kOrg;
    case Field::kGroup:
      return Arg::kGroup;
    default:
      return Arg::kRepo;
  }
}

class Resolver {
 public:
  Resolver(const Snapshot& s, const RequestDescription& d) : s_(s), d_(d) {}

  absl::StatusOr<Request> Run(absl::string_view token_name) {
    Request& r = r_;
    r.operation = d_.operation;
    absl::optional<TokenId> token = s_.FindToken(token_name);
    if (!token.has_value()) return Blame(Field::kToken, Unknown("token", token_name, s_.TokenNames()));
    r.token = *token;
    if (absl::Status st = CheckNames(); !st.ok()) return st;
    const OperationInfo& op = GetOperationInfo(d_.operation);
    switch (op.target) {
      case TargetKind::kNone:
        break;
      case TargetKind::kRepo:
        if (absl::Status st = RepoTarget(op); !st.ok()) return st;
        break;
      case TargetKind::kNamespace: {
        r.create_type = d_.repo_type;
        if (absl::Status st = Namespace(); !st.ok()) return st;
        if (absl::Status st = Group(); !st.ok()) return st;
        if (r.group != kNoId && s_.group(r.group).org != r.ns_org) {
          return Blame(Field::kGroup, absl::InvalidArgumentError(absl::StrCat(
              "resource group ", QuoteValue(d_.group), " does not belong to '",
              r.ns_org != kNoId ? s_.org(r.ns_org).name : s_.user(r.ns_user).name, "'")));
        }
        break;
      }
      case TargetKind::kOrg: {
        absl::optional<OrgId> org = s_.FindOrg(d_.org);
        if (!org.has_value() && s_.FindUser(d_.org).has_value()) {
          return Blame(Field::kOrg, absl::InvalidArgumentError(absl::StrCat(QuoteValue(d_.org), " is a user, not an org")));
        }
        if (!org.has_value()) return Blame(Field::kOrg, Unknown("org", d_.org, s_.OrgNames()));
        r.org = *org;
        break;
      }
      case TargetKind::kGroup:
        if (d_.group.empty()) return Blame(Field::kGroup, absl::InvalidArgumentError("this request needs a resource group"));
        if (absl::Status st = Group(); !st.ok()) return st;
        break;
    }
    return r;
  }

  // The field the resolution failed on, kNone when it did not or on none in particular.
  Field culprit() const { return culprit_; }

 private:
  absl::Status Blame(Field field, absl::Status status) {
    culprit_ = field;
    return status;
  }

  std::string Owner() const { return s_.user(s_.token(r_.token).owner).name; }

  // The names the request gives, against the Hub's naming rules (policy/model/names.h): a name the Hub
  // would refuse is bad input, named by its field, before it is looked up or printed.
  absl::Status CheckNames() {
    auto invalid = [&](Field field, absl::string_view what, absl::string_view name, const std::string& problem) {
      return problem.empty() ? absl::OkStatus()
                             : Blame(field, absl::InvalidArgumentError(
                                                absl::StrCat("invalid ", what, " ", QuoteValue(name), ": ", problem)));
    };
    if (!d_.repo.empty()) {
      const bool bare = d_.repo.find('/') == std::string::npos;
      const std::string problem = bare ? NameProblem(NameKind::kRepoName, d_.repo) : RepoIdProblem(d_.repo);
      if (absl::Status st = invalid(Field::kRepo, bare ? "repo name" : "repo id", d_.repo, problem); !st.ok()) return st;
    }
    if (!d_.ns.empty()) {
      if (absl::Status st = invalid(Field::kNamespace, "namespace", d_.ns, NameProblem(NameKind::kUser, d_.ns)); !st.ok()) {
        return st;
      }
    }
    if (!d_.org.empty()) {
      if (absl::Status st = invalid(Field::kOrg, "org", d_.org, NameProblem(NameKind::kOrg, d_.org)); !st.ok()) return st;
    }
    if (!d_.group.empty()) {
      const std::string problem = NameProblem(NameKind::kResourceGroup, d_.group);
      if (absl::Status st = invalid(Field::kGroup, "resource group", d_.group, problem); !st.ok()) return st;
    }
    return absl::OkStatus();
  }

  absl::Status Group() {
    if (d_.group.empty()) return absl::OkStatus();
    absl::optional<GroupId> group = s_.FindGroup(d_.group);
    if (!group.has_value()) return Blame(Field::kGroup, Unknown("resource group", d_.group, s_.GroupNames()));
    r_.group = *group;
    return absl::OkStatus();
  }

  // The namespace a repo is created in (create_repo) or goes to (move_repo, duplicate_repo); "" is the
  // token owner's.
  absl::Status Namespace() {
    const std::string ns = d_.ns.empty() ? Owner() : d_.ns;
    const absl::optional<OrgId> org = s_.FindOrg(ns);
    const absl::optional<UserId> user = s_.FindUser(ns);
    if (d_.ns_kind == NamespaceKind::kUser && !user.has_value()) {
      if (org.has_value()) {
        return Blame(Field::kNamespace, absl::InvalidArgumentError(absl::StrCat(
                                            "'", ns, "' is an org, not a user (use ", Spell(Arg::kOrg, d_.dialect), " ",
                                            ns, ")")));
      }
      return Blame(Field::kNamespace, Unknown("user", ns, s_.UserNames()));
    }
    if (d_.ns_kind == NamespaceKind::kOrg && !org.has_value()) {
      if (user.has_value()) {
        return Blame(Field::kNamespace, absl::InvalidArgumentError(absl::StrCat(
                                            "'", ns, "' is a user, not an org (use ", Spell(Arg::kUser, d_.dialect),
                                            " ", ns, ")")));
      }
      return Blame(Field::kNamespace, Unknown("org", ns, s_.OrgNames()));
    }
    if (org.has_value()) {
      r_.ns_org = *org;
    } else if (user.has_value()) {
      r_.ns_user = *user;
    } else {
      std::vector<absl::string_view> known = s_.OrgNames();
      for (absl::string_view u : s_.UserNames()) known.push_back(u);
      return Blame(Field::kNamespace, Unknown("namespace", ns, known));
    }
    return absl::OkStatus();
  }

  absl::Status RepoTarget(const OperationInfo& op) {
    // A bare name (delete_repo without 'organization') is in the token owner's namespace.
    const std::string id = d_.repo.find('/') == std::string::npos ? absl::StrCat(Owner(), "/", d_.repo) : d_.repo;
    absl::optional<RepoId> repo = s_.FindRepo(d_.repo_type, id);
    if (!repo.has_value()) {
      // The Hub answers 404 for a repo that does not exist; hubperm only knows the world it was given.
      for (RepoType other : {RepoType::kModel, RepoType::kDataset, RepoType::kSpace}) {
        if (other != d_.repo_type && s_.FindRepo(other, id).has_value()) {
          const std::string how = d_.asked.form == RequestForm::kHttp || d_.asked.form == RequestForm::kError
                                      ? absl::StrCat("the ", NameOf(other), "s/ route")
                                      : absl::StrCat(Spell(Arg::kRepoType, d_.dialect), " ", NameOf(other));
          return Blame(Field::kRepo, absl::NotFoundError(absl::StrCat("unknown ", NameOf(d_.repo_type), " '", id,
                                                                      "'; '", id, "' is a ", NameOf(other), " (use ",
                                                                      how, ")")));
        }
      }
      return Blame(Field::kRepo, Unknown(NameOf(d_.repo_type), id, s_.RepoIds(d_.repo_type)));
    }
    r_.repo = *repo;
    if (op.creates_at_destination) {
      // move_repo, duplicate_repo: the destination namespace; the copy keeps the repo's type.
      if (d_.ns.empty()) return absl::InvalidArgumentError(absl::StrCat(op.name, " needs the destination NS/NAME"));
      r_.create_type = d_.repo_type;
      if (absl::Status st = Namespace(); !st.ok()) return st;
    }
    if (d_.operation == Operation::kMoveRepoToGroup) {
      if (d_.group.empty()) return Blame(Field::kGroup, absl::InvalidArgumentError("moving a repo into a group needs the group"));
      if (absl::Status st = Group(); !st.ok()) return st;
      if (s_.group(r_.group).org != s_.repo(r_.repo).ns_org) {
        // A resource group holds repos of its own org only [doc: "resource groups ... of an organization"].
        return Blame(Field::kGroup, absl::InvalidArgumentError(absl::StrCat(
            "resource group '", d_.group, "' belongs to org '", s_.org(s_.group(r_.group).org).name, "'; ", id,
            " is not in that org's namespace, so it cannot move into the group")));
      }
    }
    return absl::OkStatus();
  }

  const Snapshot& s_;
  const RequestDescription& d_;
  Request r_;
  Field culprit_ = Field::kNone;
};

}  // namespace

absl::StatusOr<ResolvedRequest> Resolve(const Snapshot& snapshot, absl::string_view token_name,
                                        const RequestDescription& description,
                                        absl::optional<Arg>* culprit) {
  if (!description.modeled()) return absl::FailedPreconditionError(UnmodeledText(description));
  Resolver resolver(snapshot, description);
  absl::StatusOr<Request> request = resolver.Run(token_name);
  if (!request.ok()) {
    if (culprit != nullptr && resolver.culprit() != Field::kNone) *culprit = ArgOf(resolver.culprit(), description);
    return request.status();
  }
  request->at = description.at;
  return ResolvedRequest{*request, description.asked};
}

}  // namespace hubperm
