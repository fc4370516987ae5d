// Copyright 2026 The hubperm Authors.

#include "policy/cases/case_runner.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/decide/check.h"
#include "policy/explain/explain.h"

namespace hubperm {
namespace {

// The request form of `c` with `repo` as its repo ("" for none).
RequestForm FormOf(const Case& c, const std::string& repo) {
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
  return form;
}

std::vector<absl::string_view> SideNames(const std::vector<Side>& sides) {
  std::vector<absl::string_view> out;
  for (Side side : sides) out.push_back(NameOf(side));
  if (out.empty()) out.push_back("nothing");
  return out;
}

}  // namespace

std::vector<CaseCheck> ExpandCase(const Case& c) {
  std::vector<CaseCheck> checks;
  if (c.matrix.has_value()) {
    const CaseMatrix& m = *c.matrix;
    for (const CaseMatrix::Row& row : m.rows) {
      for (size_t i = 0; i < row.cells.size() && i < m.columns.size(); ++i) {
        const std::string& column = m.columns[i].text;
        CaseCheck check;
        check.name = absl::StrCat(c.name.text, " [", row.token.text, ", ", column, "]");
        check.pos = row.cells[i].pos;
        check.token = row.token.text;
        check.form = FormOf(c, m.axis == MatrixAxis::kRepos ? column : (c.repos.empty() ? "" : c.repos[0].text));
        if (m.axis == MatrixAxis::kOperations) check.form.operation = column;
        if (m.axis == MatrixAxis::kPermissions) check.form.permission = column;
        check.expect = row.cells[i].expect;
        check.status = row.cells[i].status;
        checks.push_back(std::move(check));
      }
    }
    return checks;
  }
  std::vector<std::string> repos;
  for (const Name& repo : c.repos) repos.push_back(repo.text);
  if (repos.empty()) repos.push_back("");
  const bool expanded = c.tokens.size() > 1 || repos.size() > 1;
  for (const Name& token : c.tokens) {
    for (const std::string& repo : repos) {
      CaseCheck check;
      check.name = c.name.text;
      if (expanded) absl::StrAppend(&check.name, " [", token.text, repo.empty() ? "" : absl::StrCat(", ", repo), "]");
      check.pos = c.name.pos;
      check.token = token.text;
      check.form = FormOf(c, repo);
      check.expect = c.expect;
      check.status = c.status;
      checks.push_back(std::move(check));
    }
  }
  return checks;
}

absl::StatusOr<Request> ResolveCheck(const Snapshot& s, const CaseCheck& check) {
  absl::StatusOr<RequestSpec> spec = ParseRequestForm(check.form);
  if (!spec.ok()) return spec.status();
  return ResolveRequest(s, check.token, *spec);
}

void CheckCaseRequests(const Snapshot& s, const World& world, Diagnostics* diagnostics) {
  for (const Case& c : world.cases) {
    for (const CaseCheck& check : ExpandCase(c)) {
      absl::StatusOr<Request> request = ResolveCheck(s, check);
      if (!request.ok()) {
        diagnostics->Error(check.pos, absl::StrCat("case '", check.name, "': the request is invalid: ",
                                                   request.status().message()));
      }
    }
  }
}

CaseResult RunCheck(const Snapshot& s, const Case& c, const CaseCheck& check) {
  CaseResult result;
  result.name = check.name;
  result.pos = check.pos;
  result.token = check.token;
  absl::StatusOr<Request> request = ResolveCheck(s, check);
  if (!request.ok()) {
    result.invalid = true;
    result.failure = absl::StrCat("the request is invalid: ", request.status().message());
    return result;
  }
  result.parts.push_back(CheckPart(s, *request, Part::kTarget));
  if (GetOperationInfo(request->operation).creates_at_destination) {
    result.parts.push_back(CheckPart(s, *request, Part::kDestination));
  }
  const Decision d = result.parts.size() == 2 ? MergeParts(result.parts[0], result.parts[1]) : result.parts[0];
  result.explanation = RenderExplanation(s, *request, d);
  std::vector<std::string> problems;
  if (d.allowed != (check.expect == Effect::kAllow)) {
    problems.push_back(absl::StrCat("expected ", NameOf(check.expect), ", got ", d.allowed ? "allow" : "deny"));
  }
  if (check.status.has_value() && *check.status != d.status) {
    problems.push_back(absl::StrCat("expected status ", *check.status, ", got ", d.status));
  }
  if (!c.denied_by.empty()) {
    std::vector<Side> actual;
    if (!d.user.allowed) actual.push_back(Side::kUser);
    if (!d.token.allowed) actual.push_back(Side::kToken);
    if (!d.policy.allowed) actual.push_back(Side::kPolicy);
    std::vector<Side> expected = c.denied_by;
    std::sort(expected.begin(), expected.end());
    if (expected != actual) {
      problems.push_back(absl::StrCat("expected denied by ", absl::StrJoin(SideNames(expected), ", "), ", got ",
                                      absl::StrJoin(SideNames(actual), ", ")));
    }
  }
  if (c.because.has_value() && !absl::StrContains(result.explanation, c.because->text)) {
    problems.push_back(absl::StrCat("the explanation does not contain '", c.because->text, "'"));
  }
  result.passed = problems.empty();
  result.failure = absl::StrJoin(problems, "; ");
  return result;
}

std::vector<CaseResult> RunCase(const Snapshot& snapshot, const Case& c) {
  std::vector<CaseResult> results;
  for (const CaseCheck& check : ExpandCase(c)) results.push_back(RunCheck(snapshot, c, check));
  return results;
}

}  // namespace hubperm
