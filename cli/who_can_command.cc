// Copyright 2026 The hubperm Authors.

#include "cli/who_can_command.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"
#include "cli/request_flags.h"
#include "policy/hubperm.h"

namespace hubperm {
namespace {

constexpr char kWhoCanHelp[] = R"(hubperm who-can FILES... REQUEST [--format text|json]
hubperm who-can FILES... --level see|read|write --repo NS/NAME [--repo-type TYPE]

Who may make a request? It is asked without a token, in any form check takes (--http with --body,
--operation, --permission, --from-error, and their target flags), and decided for every token of the
world as `hubperm check` decides it: the tokens allowed; those denied by one side only (the user side,
the token side or the org's policy: one change away), with the side and the Hub's status; how many
more are denied; and the users whose own side allows it, who could make a token that may.

  --level see|read|write   a shorthand for a repo: see is repo_info, read hf_hub_download, write
                           create_commit (each as the client runs it); a repo's settings and deletion
                           are decided as write

JSON (--format json, schema hubperm.who_can/v1): "request", "allowed" and "denied" (each token with
"owner", "status" and "denied_by"), "users".

Exit codes: 0 some token may, 1 no token may, 2 bad input (fixtures with errors, a request that does
not resolve, a route hubperm does not model).

Examples:
  hubperm who-can testdata/audit/world.yaml --operation create_commit --repo acme/token-test-model
  hubperm who-can testdata/audit/world.yaml --level read --repo acme/eval-set --repo-type dataset
  hubperm who-can testdata/founding/world.yaml --http 'POST /api/repos/create' \
      --body '{"type": "model", "name": "x", "organization": "acme"}' --format json
)";

int RunWhoCan(const Options& o, CommandIo& io) {
  if (o.files.empty()) return Fail(io.err, io.err_style, "who-can needs at least one fixture file (see hubperm who-can --help)");
  Options asked = o;
  if (!o.level.empty()) {
    if (!o.http.empty() || !o.operation.empty() || !o.permission.empty() || !o.from_error.empty()) {
      return Fail(io.err, io.err_style, "--level is a request of its own: give it with --repo, without another request form");
    }
    if (o.target_args.repo.empty()) return Fail(io.err, io.err_style, "--level needs --repo NS/NAME");
    asked.operation = *LevelMethod(o.level);  // --level takes only the levels LevelMethod knows
  }
  const absl::StatusOr<RequestInput> input = InputOfFlags(asked, io.in);
  if (!input.ok()) return Fail(io.err, io.err_style, input.status().message());
  const LoadResult loaded = Engine::Load(o.files, o.load);
  loaded.PrintIssues(io.err, io.err_style);
  if (!loaded.ok()) return FailFixtures(io.err, loaded.error_count(), "nothing was decided");
  const absl::StatusOr<WhoCanResult> who = loaded.engine->WhoCan(*input);
  if (!who.ok()) return Fail(io.err, io.err_style, who.status().message());
  const std::string request = InputText(*input);
  io.out << (o.json() ? RenderWhoCanJson(*who, request) : RenderWhoCanText(*who, request));
  return who->allowed() > 0 ? kExitAllow : kExitDeny;
}

}  // namespace

const Command& WhoCanCommand() {
  static const Command* command = new Command{
      "who-can", kWhoCanHelp,
      {Flag::kHttp, Flag::kBody, Flag::kContentType, Flag::kOperation, Flag::kPermission, Flag::kFromError, Flag::kRepo,
       Flag::kRepoType, Flag::kOrg, Flag::kUser, Flag::kGroup, Flag::kTo, Flag::kWrite, Flag::kExistOk, Flag::kLevel,
       Flag::kAt, Flag::kMaxIssues, Flag::kMaxChecks, Flag::kFormat, Flag::kColor, Flag::kSet},
      RunWhoCan};
  return *command;
}

}  // namespace hubperm
