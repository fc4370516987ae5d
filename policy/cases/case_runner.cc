// Copyright 2026 The hubperm Authors.

#include "policy/cases/case_runner.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/decide/check.h"
#include "policy/explain/explain.h"
#include "policy/request/request_form.h"

namespace hubperm {
namespace {

absl::StatusOr<RequestSpec> SpecFor(const Case& c, const std::string& repo) {
  RequestForm form;
  if (c.http.has_value()) {
    form.http = c.http->text;
    form.body.emplace();
    for (const BodyField& f : c.body) form.body->emplace_back(f.key.text, f.value.text);
  }
  if (c.operation.has_value()) form.operation = c.operation->text;
  if (c.permission.has_value()) form.permission = c.permission->text;
  form.target.repo = repo;
  form.target.repo_type = c.repo_type;
  if (c.org.has_value()) form.target.org = c.org->text;
  if (c.user.has_value()) form.target.user = c.user->text;
  if (c.group.has_value()) form.target.group = c.group->text;
  if (c.to.has_value()) form.target.to = c.to->text;
  return ParseRequestForm(form);
}

CaseResult RunOne(const Snapshot& s, const Case& c, const std::string& token, const std::string& repo,
                  bool expanded) {
  CaseResult result;
  result.name = c.name.text;
  if (expanded) {
    absl::StrAppend(&result.name, " [", token, repo.empty() ? "" : absl::StrCat(", ", repo), "]");
  }
  result.pos = c.name.pos;
  absl::StatusOr<RequestSpec> spec = SpecFor(c, repo);
  absl::StatusOr<Request> request = spec.ok() ? ResolveRequest(s, token, *spec) : spec.status();
  if (!request.ok()) {
    result.failure = absl::StrCat("the request is invalid: ", request.status().message());
    return result;
  }
  const Decision d = Check(s, *request);
  result.explanation = RenderExplanation(s, *request, d);
  std::vector<std::string> problems;
  if (d.allowed != (c.expect == Effect::kAllow)) {
    problems.push_back(absl::StrCat("expected ", NameOf(c.expect), ", got ", d.allowed ? "allow" : "deny"));
  }
  if (c.status.has_value() && *c.status != d.status) {
    problems.push_back(absl::StrCat("expected status ", *c.status, ", got ", d.status));
  }
  if (!c.denied_by.empty()) {
    std::vector<Side> actual;
    if (!d.user.allowed) actual.push_back(Side::kUser);
    if (!d.token.allowed) actual.push_back(Side::kToken);
    if (!d.policy.allowed) actual.push_back(Side::kPolicy);
    std::vector<Side> expected = c.denied_by;
    std::sort(expected.begin(), expected.end());
    if (expected != actual) {
      auto names = [](const std::vector<Side>& sides) {
        std::vector<absl::string_view> out;
        for (Side side : sides) out.push_back(NameOf(side));
        return out.empty() ? std::string("nothing") : absl::StrJoin(out, ", ");
      };
      problems.push_back(absl::StrCat("expected denied by ", names(expected), ", got ", names(actual)));
    }
  }
  if (c.because.has_value() && !absl::StrContains(result.explanation, c.because->text)) {
    problems.push_back(absl::StrCat("the explanation does not contain '", c.because->text, "'"));
  }
  result.passed = problems.empty();
  result.failure = absl::StrJoin(problems, "; ");
  return result;
}

}  // namespace

std::vector<CaseResult> RunCase(const Snapshot& snapshot, const Case& c) {
  std::vector<CaseResult> results;
  std::vector<std::string> repos;
  for (const Name& repo : c.repos) repos.push_back(repo.text);
  if (repos.empty()) repos.push_back("");
  const bool expanded = c.tokens.size() > 1 || repos.size() > 1;
  for (const Name& token : c.tokens) {
    for (const std::string& repo : repos) results.push_back(RunOne(snapshot, c, token.text, repo, expanded));
  }
  return results;
}

}  // namespace hubperm
