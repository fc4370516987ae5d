// Copyright 2026 The hubperm Authors.

#include "policy/request/sequence_request.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "policy/common/escape.h"
#include "policy/request/route.h"

namespace hubperm {

const SequenceRow* SequenceOfMethod(absl::string_view method, const TargetArgs& args) {
  if (args.exist_ok) return BuiltinSequences().Find(absl::StrCat(method, "(exist_ok=True)"));
  return BuiltinSequences().Find(method);
}

absl::StatusOr<SequenceDescription> ParseSequenceRequest(absl::string_view method, const TargetArgs& args,
                                                         absl::optional<Arg>* culprit) {
  const SequenceRow* row = SequenceOfMethod(method, args);
  auto spell = [&](Arg arg) { return Spell(arg, args.dialect); };
  // The error is about `arg`.
  auto blame = [culprit](Arg arg, absl::Status status) {
    if (culprit != nullptr) *culprit = arg;
    return status;
  };
  if (row == nullptr) {
    if (args.exist_ok) {
      return blame(Arg::kExistOk, absl::InvalidArgumentError(absl::StrCat(method, " takes no ", spell(Arg::kExistOk))));
    }
    return absl::NotFoundError(absl::StrCat(method, " is not a sequence of requests"));
  }
  for (Arg arg : GivenArgs(args)) {
    if (arg == Arg::kRepo || arg == Arg::kRepoType || arg == Arg::kExistOk) continue;
    if (arg == Arg::kTo && row->takes_to) continue;
    return blame(arg, absl::InvalidArgumentError(absl::StrCat(method, " takes no ", spell(arg))));
  }
  auto repo_id = [&](Arg arg, const std::string& id) -> absl::Status {
    if (IsRepoId(id)) return absl::OkStatus();
    return blame(arg, absl::InvalidArgumentError(absl::StrCat(method, " needs ", spell(arg), " NAMESPACE/NAME",
                                                              id.empty() ? "" : absl::StrCat(", not ", QuoteValue(id)))));
  };
  if (absl::Status st = repo_id(Arg::kRepo, args.repo); !st.ok()) return st;
  if (!args.to.empty()) {
    if (absl::Status st = repo_id(Arg::kTo, args.to); !st.ok()) return st;
  }
  const size_t slash = args.repo.find('/');
  SequenceDescription out;
  out.row = row;
  out.method = row->method;
  out.repo = args.repo;
  out.to = args.to.empty() ? args.repo : args.to;
  out.dialect = args.dialect;
  if (row->type.has_value()) {
    if (args.repo_type.has_value() && *args.repo_type != *row->type) {
      return blame(Arg::kRepoType, absl::InvalidArgumentError(absl::StrCat(
                                       row->method, " works on ", NameOf(*row->type), "s; drop or change ",
                                       spell(Arg::kRepoType))));
    }
    out.type = *row->type;
  } else {
    out.type = args.repo_type.value_or(RepoType::kModel);
  }
  const std::string ns = args.repo.substr(0, slash);
  const std::string name = args.repo.substr(slash + 1);
  for (const SequenceStep& step : row->steps) {
    SequenceStepRequest request;
    request.step = &step;
    request.http = FillStep(step.http, out.type, out.repo, out.to);
    RequestBody body;
    switch (step.body) {
      case StepBody::kCreate:
        body = RequestBody::Json({{"type", std::string(NameOf(out.type))}, {"name", name}, {"organization", ns}});
        break;
      case StepBody::kLfsUpload:
        body = RequestBody::Json({{"operation", "upload"}});
        break;
      case StepBody::kDuplicateFiles:  // nested values: present, with no one value
        body = RequestBody::Json({{"target", ""}, {"files", ""}});
        break;
      case StepBody::kNone:
        break;
    }
    absl::StatusOr<RequestDescription> description = ParseHttpRequest(request.http, body);
    if (!description.ok()) {
      return absl::InternalError(absl::StrCat("sequences.yaml:", step.line, ": ", description.status().message()));
    }
    description->dialect = args.dialect;
    description->asked.method = row->method;  // the step is named for the method that sends it
    request.description = *std::move(description);
    out.steps.push_back(std::move(request));
  }
  return out;
}

}  // namespace hubperm
