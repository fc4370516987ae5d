// Copyright 2026 The hubperm Authors.

#include "policy/request/request_input.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "policy/model/vocabulary.h"
#include "policy/request/error_request.h"
#include "policy/request/method.h"
#include "policy/request/permission_form.h"

namespace hubperm {

namespace {

// Exactly one form, and a body only with the HTTP form.
absl::Status CheckForms(const RequestInput& input, absl::optional<Arg>* culprit) {
  const Dialect dialect = input.target.dialect;
  auto spell = [dialect](Arg arg) { return Spell(arg, dialect); };
  const int forms = !input.http.empty() + !input.operation.empty() + !input.permission.empty() + !input.error.empty();
  if (forms != 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        forms == 0 ? "no request: give " : "more than one request: give exactly one of ", spell(Arg::kHttp),
        " 'VERB PATH', ", spell(Arg::kOperation), " METHOD, ", spell(Arg::kPermission), " PERMISSION or ",
        spell(Arg::kFromError), " 'ERROR TEXT'"));
  }
  if (input.body.has_value() && input.http.empty()) {
    *culprit = Arg::kBody;
    return absl::InvalidArgumentError(absl::StrCat(spell(Arg::kBody), " goes with ", spell(Arg::kHttp)));
  }
  return absl::OkStatus();
}

}  // namespace

std::string InputText(const RequestInput& input) {
  std::string text = !input.http.empty()         ? input.http
                     : !input.operation.empty()  ? input.operation
                     : !input.permission.empty() ? absl::StrCat("permission ", input.permission)
                                                 : std::string("the pasted error's request");
  const TargetArgs& t = input.target;
  if (!t.repo.empty()) absl::StrAppend(&text, " ", t.repo);
  if (t.repo_type.has_value() && *t.repo_type != RepoType::kModel) absl::StrAppend(&text, " (", NameOf(*t.repo_type), ")");
  if (!t.org.empty()) absl::StrAppend(&text, " org ", t.org);
  if (!t.user.empty()) absl::StrAppend(&text, " user ", t.user);
  if (!t.group.empty()) absl::StrAppend(&text, " group ", t.group);
  if (!t.to.empty()) absl::StrAppend(&text, " -> ", t.to);
  if (t.exist_ok) absl::StrAppend(&text, " (exist_ok)");
  if (t.write) absl::StrAppend(&text, " (write)");
  return text;
}

bool AsksSequence(const RequestInput& input) {
  return !input.operation.empty() && input.http.empty() && input.permission.empty() && input.error.empty() &&
         SequenceOfMethod(input.operation, input.target) != nullptr;
}

absl::StatusOr<SequenceDescription> ParseSequenceInput(const RequestInput& input, absl::optional<Arg>* culprit) {
  absl::optional<Arg> ignored;
  if (absl::Status st = CheckForms(input, culprit != nullptr ? culprit : &ignored); !st.ok()) return st;
  absl::StatusOr<SequenceDescription> sequence = ParseSequenceRequest(input.operation, input.target, culprit);
  if (sequence.ok()) {
    sequence->at = input.at;
    for (SequenceStepRequest& step : sequence->steps) step.description.at = input.at;
  }
  return sequence;
}

namespace {

absl::StatusOr<RequestDescription> DescribeRequest(const RequestInput& input, absl::optional<Arg>* culprit) {
  const Dialect dialect = input.target.dialect;
  auto spell = [dialect](Arg arg) { return Spell(arg, dialect); };
  if (absl::Status st = CheckForms(input, culprit); !st.ok()) return st;
  const std::vector<Arg> given = GivenArgs(input.target);
  // Unless a check below blames another argument, an error is the form's own (its method, route, ...).
  auto blame = [culprit](Arg form, absl::StatusOr<RequestDescription> description) {
    if (!description.ok()) *culprit = form;
    return description;
  };
  if (!input.http.empty()) {
    if (!given.empty()) {
      *culprit = given.front();
      return absl::InvalidArgumentError(absl::StrCat(
          spell(given.front()), " goes with ", spell(Arg::kOperation), " or ", spell(Arg::kPermission), "; with ",
          spell(Arg::kHttp), ", the path and the body name the target"));
    }
    absl::StatusOr<RequestDescription> description =
        blame(Arg::kHttp, ParseHttpRequest(input.http, input.body.value_or(RequestBody())));
    if (description.ok()) description->dialect = dialect;
    return description;
  }
  if (!input.error.empty()) {
    if (!given.empty()) {
      *culprit = given.front();
      return absl::InvalidArgumentError(absl::StrCat(spell(Arg::kFromError),
                                                     " names the request itself: give no other request or target (not ",
                                                     spell(given.front()), ")"));
    }
    return blame(Arg::kFromError, ParseErrorRequest(input.error, dialect));
  }
  if (!input.operation.empty()) {
    if (AsksSequence(input)) {
      return absl::InvalidArgumentError(
          absl::StrCat(input.operation, " sends several requests: it is decided as its sequence (ParseSequenceInput)"));
    }
    if (input.target.exist_ok) {
      *culprit = Arg::kExistOk;
      return absl::InvalidArgumentError(absl::StrCat(input.operation, " takes no ", spell(Arg::kExistOk)));
    }
    return blame(Arg::kOperation, ParseMethodRequest(input.operation, input.target));
  }
  return blame(Arg::kPermission, ParsePermissionRequest(input.permission, input.target));
}

}  // namespace

absl::StatusOr<RequestDescription> ParseRequest(const RequestInput& input, absl::optional<Arg>* culprit) {
  absl::optional<Arg> ignored;
  absl::StatusOr<RequestDescription> description = DescribeRequest(input, culprit != nullptr ? culprit : &ignored);
  if (description.ok()) description->at = input.at;
  return description;
}

}  // namespace hubperm
