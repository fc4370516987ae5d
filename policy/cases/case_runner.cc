// Copyright 2026 The hubperm Authors.

#include "policy/cases/case_runner.h"

#include <algorithm>
#include <array>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "policy/decide/check.h"
#include "policy/explain/explain.h"
#include "policy/explain/sequence_explanation.h"

namespace hubperm {
namespace {

// Where each of `c`'s request keys is written (the repo's is set per check).
std::array<SourcePos, kArgCount> KeyPositions(const Case& c) {
  std::array<SourcePos, kArgCount> at;
  auto set = [&at](Arg arg, const absl::optional<Name>& name) {
    if (name.has_value()) at[static_cast<int>(arg)] = name->pos;
  };
  set(Arg::kHttp, c.http);
  set(Arg::kOperation, c.operation);
  set(Arg::kPermission, c.permission);
  set(Arg::kFromError, c.from_error);
  set(Arg::kOrg, c.org);
  set(Arg::kUser, c.user);
  set(Arg::kGroup, c.group);
  set(Arg::kTo, c.to);
  return at;
}

// The request of `c` with `repo` as its repo ("" for none), in the case keys' dialect.
RequestInput InputOf(const Case& c, const std::string& repo) {
  RequestInput input;
  if (c.http.has_value()) {
    input.http = c.http->text;
    input.body.emplace();
    for (const BodyField& f : c.body) input.body->fields.emplace_back(f.key.text, f.value.text);
  }
  if (c.operation.has_value()) input.operation = c.operation->text;
  if (c.permission.has_value()) input.permission = c.permission->text;
  if (c.from_error.has_value()) input.error = c.from_error->text;
  input.target.dialect = Dialect::kCaseKeys;
  input.target.repo = repo;
  input.target.repo_type = c.repo_type;
  if (c.org.has_value()) input.target.org = c.org->text;
  if (c.user.has_value()) input.target.user = c.user->text;
  if (c.group.has_value()) input.target.group = c.group->text;
  if (c.to.has_value()) input.target.to = c.to->text;
  input.target.write = c.write;
  input.target.exist_ok = c.exist_ok;
  if (c.at.has_value()) input.at = *c.at;
  return input;
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
        check.at = KeyPositions(c);
        check.at[static_cast<int>(Arg::kToken)] = row.token.pos;
        const Arg column_arg = m.axis == MatrixAxis::kRepos        ? Arg::kRepo
                               : m.axis == MatrixAxis::kOperations ? Arg::kOperation
                                                                   : Arg::kPermission;
        check.at[static_cast<int>(column_arg)] = m.columns[i].pos;
        if (m.axis != MatrixAxis::kRepos && !c.repos.empty()) check.at[static_cast<int>(Arg::kRepo)] = c.repos[0].pos;
        check.input = InputOf(c, m.axis == MatrixAxis::kRepos ? column : (c.repos.empty() ? "" : c.repos[0].text));
        if (m.axis == MatrixAxis::kOperations) check.input.operation = column;
        if (m.axis == MatrixAxis::kPermissions) check.input.permission = column;
        check.expect = row.cells[i].expect;
        check.status = row.cells[i].status;
        checks.push_back(std::move(check));
      }
    }
    return checks;
  }
  std::vector<Name> repos = c.repos;
  if (repos.empty()) repos.emplace_back();
  const bool expanded = c.tokens.size() > 1 || repos.size() > 1 || c.rule();
  for (const Name& token : c.tokens) {
    for (size_t r = 0; r < repos.size(); ++r) {
      const Name& repo = repos[r];
      CaseCheck check;
      check.name = c.name.text;
      if (expanded) {
        absl::StrAppend(&check.name, " [", token.text, repo.text.empty() ? "" : absl::StrCat(", ", repo.text), "]");
      }
      check.pos = c.name.pos;
      check.token = token.text;
      check.at = KeyPositions(c);
      check.at[static_cast<int>(Arg::kToken)] = token.pos;
      check.at[static_cast<int>(Arg::kRepo)] = repo.pos;
      check.input = InputOf(c, repo.text);
      if (r < c.repo_types.size()) check.input.target.repo_type = c.repo_types[r];  // a rule's repo
      check.expect = c.expect;
      check.status = c.status;
      checks.push_back(std::move(check));
    }
  }
  return checks;
}

// The sequence of `check` (AsksSequence), decided against the world, or why not; `*where` as ResolveCheck.
absl::StatusOr<SequenceExplanation> ExplainSequenceCheck(const Snapshot& s, const World& world, const CaseCheck& check,
                                                        SourcePos* where) {
  if (where != nullptr) *where = check.pos;
  absl::optional<Arg> culprit;
  absl::StatusOr<SequenceDescription> sequence = ParseSequenceInput(check.input, &culprit);
  if (!sequence.ok()) {
    // Blamed on the argument at fault when it is written in the case, else on the operation.
    const Arg blamed = culprit.has_value() && check.at[static_cast<int>(*culprit)].known() ? *culprit : Arg::kOperation;
    if (where != nullptr && check.at[static_cast<int>(blamed)].known()) *where = check.at[static_cast<int>(blamed)];
    return sequence.status();
  }
  if (!s.FindToken(check.token).has_value() && where != nullptr && check.at[static_cast<int>(Arg::kToken)].known()) {
    *where = check.at[static_cast<int>(Arg::kToken)];
  }
  return ExplainSequence(s, world, check.token, *sequence);
}

absl::StatusOr<ResolvedRequest> ResolveCheck(const Snapshot& s, const CaseCheck& check, SourcePos* where) {
  if (where != nullptr) *where = check.pos;
  absl::StatusOr<RequestDescription> description = ParseRequest(check.input);
  if (!description.ok()) return description.status();
  absl::optional<Arg> culprit;
  absl::StatusOr<ResolvedRequest> resolved = Resolve(s, check.token, *description, &culprit);
  if (!resolved.ok() && culprit.has_value() && where != nullptr && check.at[static_cast<int>(*culprit)].known()) {
    *where = check.at[static_cast<int>(*culprit)];
  }
  return resolved;
}

void CheckCaseRequests(const Snapshot& s, const World& world, Diagnostics* diagnostics) {
  // `label` names the case in messages: "case 'x'", or what a token's purpose is called.
  auto check_case = [&](const Case& c, bool purpose) {
    // A key that is wrong for every check of the case (a repo column, the org) is reported once.
    absl::flat_hash_set<std::string> reported;
    for (const CaseCheck& check : ExpandCase(c)) {
      SourcePos where;
      absl::Status request = AsksSequence(check.input) ? ExplainSequenceCheck(s, world, check, &where).status()
                                                       : ResolveCheck(s, check, &where).status();
      if (request.ok()) continue;
      // Blamed on one key: the case's name; else the check's, which says which token and column.
      const std::string label = purpose ? c.name.text
                                        : absl::StrCat("case '", where == check.pos ? check.name : c.name.text, "'");
      const std::string message = absl::StrCat(label, ": the request is invalid: ", request.message());
      if (reported.insert(absl::StrCat(where.file, ":", where.line, ":", where.column, " ", message)).second) {
        diagnostics->Error(where, message);
      }
    }
  };
  for (const Case& c : world.cases) check_case(c, false);
  for (const Token& token : world.tokens) {
    for (const Case& c : token.purpose) check_case(c, true);
  }
}

CaseResult RunCheck(const Snapshot& s, const World& world, const Case& c, const CaseCheck& asked, absl::Time at) {
  // The case's own `at:` wins over the run's moment.
  CaseCheck check = asked;
  if (!c.at.has_value()) check.input.at = at;
  CaseResult result;
  result.name = check.name;
  result.pos = check.pos;
  result.token = check.token;
  // The verdict: allowed, the Hub's status, and the sides that deny (none for a 404 of a repo that does
  // not exist or a 409, which no side decides).
  bool allowed = false;
  int status = 200;
  std::vector<Side> actual;
  if (AsksSequence(check.input)) {
    absl::StatusOr<SequenceExplanation> sequence = ExplainSequenceCheck(s, world, check, &result.pos);
    if (!sequence.ok()) {
      result.invalid = true;
      result.failure = absl::StrCat("the request is invalid: ", sequence.status().message());
      return result;
    }
    result.explanation = RenderSequence(*sequence);
    allowed = sequence->allowed;
    status = sequence->status;
    const StepResult& deciding = sequence->steps[sequence->deciding_step - 1];
    if (deciding.explanation.has_value()) {
      result.decision = deciding.explanation->decision;
      if (!allowed && deciding.state == StepState::kRefused) actual = result.decision.DeniedBy();
    }
  } else {
    absl::StatusOr<ResolvedRequest> request = ResolveCheck(s, check, &result.pos);
    if (!request.ok()) {
      result.invalid = true;
      result.failure = absl::StrCat("the request is invalid: ", request.status().message());
      return result;
    }
    const Explanation explanation = Explain(s, *request, Check(s, request->request));
    result.decision = explanation.decision;
    result.explanation = RenderExplanation(explanation);
    allowed = result.decision.allowed;
    status = result.decision.status;
    actual = result.decision.DeniedBy();
  }
  std::vector<std::string> problems;
  if (allowed != (check.expect == Effect::kAllow)) {
    problems.push_back(absl::StrCat("expected ", NameOf(check.expect), ", got ", allowed ? "allow" : "deny"));
  }
  if (check.status.has_value() && *check.status != status) {
    problems.push_back(absl::StrCat("expected status ", *check.status, ", got ", status));
  }
  if (!c.denied_by.empty()) {
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

std::vector<CaseResult> RunCase(const Snapshot& snapshot, const World& world, const Case& c, absl::Time at) {
  std::vector<CaseResult> results;
  for (const CaseCheck& check : ExpandCase(c)) results.push_back(RunCheck(snapshot, world, c, check, at));
  return results;
}

}  // namespace hubperm
