// Copyright 2026 The hubperm Authors.

#include "cli/check_command.h"

#include <iostream>
#include <sstream>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"
#include "cli/read_input.h"
#include "cli/request_flags.h"

namespace hubperm {
namespace {

constexpr char kRequestForms[] = R"(REQUEST, one of four forms that ask the same engine the same question:
  --http 'VERB PATH' [--body TEXT | --body @FILE | --body -] [--content-type TYPE]
        an HTTP request as in the Hub API playground or curl, on any route of the Hub's OpenAPI
        description (hubperm routes lists them); PATH may be a full URL with a query string
        (?create_pr=1 makes a commit a pull request), revisions may be URL-encoded (refs%2Fpr%2F1),
        and the datasets/ and spaces/ prefixes select the repo type. The body comes inline, from a
        file (@FILE) or from stdin (-), in the forms the clients send: JSON (or YAML), a commit's
        NDJSON lines (a header, then one line per operation, each checked), or form-encoded fields
        (paths=a.json&expand=false). --content-type names the form (application/json,
        application/x-ndjson, application/x-www-form-urlencoded, ...); without it, it is recognized.
        The LFS batch API (POST /NS/NAME.git/info/lfs/objects/batch) is decided by the body's
        operation: an upload as a commit, a download as a read.
  --operation METHOD [--repo NS/NAME] [--repo-type model|dataset|space] [--org ORG] [--group GROUP]
                   [--to NS/NAME] [--write] [--exist-ok]
        any huggingface_hub HfApi method that calls one of those routes (list_repo_tree,
        super_squash_history, merge_pull_request, add_space_secret, restart_space, grant_access, ...)
        and its arguments, decided exactly as the route it calls; move_repo and duplicate_repo take
        --repo FROM --to TO; auth_check --write is auth_check(write=True); the *_space methods work on
        Spaces. A method that sends several requests (upload_file, upload_folder, create_commit,
        snapshot_download, create_repo --exist-ok, PreTrainedModel.push_to_hub, Dataset.push_to_hub,
        DiffusionPipeline.push_to_hub, ...) is decided as the client runs it: each request in order, with
        the client's fallbacks, and the verdict is whether the call succeeds (explain lists the steps
        and marks the one that fails; --format json: docs/sequence-json.md).
  --from-error 'TEXT' | --from-error @FILE | --from-error -
        what huggingface_hub printed for a failed request (from a file with @FILE, stdin with -): "403 Forbidden: ... Cannot
        access content at: URL", "404 Client Error ... Repository Not Found for url: URL", "Cannot
        access gated repo for url URL". hubperm finds the route of URL (the error has no verb: a 403 is
        taken as the write, anything else as the read, and the output says so), decides it, and says
        whether the world predicts the status the Hub answered, and if not, which fixture fact is
        likely wrong. For POST /api/repos/create, the Hub's message gives the type and namespace.
  --at TIME
        the moment the request is made (default: now), in RFC 3339 (2026-03-01T09:30:00Z) or as a date
        (2026-03-01): a token that has expired by then (its expires_at), or was not created yet (its
        created_at), gets 401 on every route.
  --permission PERMISSION (--repo NS/NAME | --org ORG | --user USER | --group GROUP) [--repo-type TYPE]
        may the token use a fine-grained permission on one target? hubperm asks it as the operation
        that needs exactly that permission there: repo.write on a repo is a commit, on an org or a
        user a new repo (of --repo-type), org.read lists an org's members, and so on.
)";


constexpr char kCheckHelp[] = R"(hubperm check FILES... --token NAME REQUEST [--format text|json] [--color auto|always|never]
hubperm check FILES... --batch FILE|- [--at TIME]

Decides one request and prints one line: ALLOW, or DENY with the status the Hub would answer, the
sides that deny (user, token, policy) and the deciding reason. With --format json, the whole decision
(docs/explanation-json.md).

Exit codes: 0 allowed, 1 denied, 2 bad input or usage (nothing is decided then), 3 a route of the
Hub's API that hubperm does not model (billing, papers, jobs, collections, ...): it prints
"NOT MODELED", the route and why (the route catalogue's reason), and decides nothing.

With --batch, the world is loaded once and FILE (or stdin, -) holds JSON lines, one request per line
with its token, in any form, keyed as a case is ({"token": "ci", "operation": "create_commit", "repo":
"acme/m"}); each non-blank line is answered by one JSON line on stdout, in order, as it is read: the
line number, its "id" if it has one, the verdict, the check line as text and the document --format json
prints (docs/batch-json.md). A bad line is answered with its errors (also on stderr, file:line:col)
and the batch goes on. The exit code is 2 if a line was bad, else 1 if one was denied, else 3 if one
was not modeled, else 0; stderr ends with the counts.

Examples:
  # The founding scenario, in each of the three request forms; each prints DENY 403 (token): ...
  hubperm check testdata/founding/world.yaml --token limited-test-token \
      --http 'POST /api/repos/create' --body '{"type": "model", "name": "x", "organization": "acme"}'
  hubperm check testdata/founding/world.yaml --token limited-test-token --operation create_repo --repo acme/x
  hubperm check testdata/founding/world.yaml --token limited-test-token --permission repo.write --org acme
  # Any valid token may call whoami: ALLOW, exit 0.
  hubperm check testdata/founding/world.yaml --token limited-test-token --operation whoami
  # A client method of several requests: create_repo(exist_ok=True) falls back to reading the repo.
  hubperm check testdata/sequences/world.yaml --token alice-fg-model --operation create_repo \
      --repo acme/model --exist-ok
  # What huggingface_hub printed, pasted: the request, the decision, and whether the world agrees.
  hubperm check testdata/founding/world.yaml --token limited-test-token \
      --from-error '403 Forbidden: None. Cannot access content at: https://huggingface.co/api/models/acme/token-test-model/commit/main.'
  # A route hubperm does not model: NOT MODELED and why, exit 3.
  hubperm check testdata/founding/world.yaml --token limited-test-token --http 'GET /api/jobs/hardware'
  # Many requests against the world loaded once: one JSON answer per line.
  hubperm check testdata/sequences/world.yaml --batch testdata/batch/requests.jsonl
)";


constexpr char kExplainHelp[] = R"(hubperm explain FILES... --token NAME REQUEST [--format text|json] [--color auto|always|never]
hubperm explain FILES... --batch FILE|- [--at TIME]

Decides one request and explains it: the user side, the token side and the org's token policy, each
with the rule that decided it and the fixture position of the grant; the status and message the Hub
would answer; the smallest change to the world that would allow it; and every rule the decision rests
on that the Hub does not document ("Assumed"). With --format json, the same as data
(docs/explanation-json.md).

Exit codes: 0 allowed, 1 denied, 2 bad input or usage (nothing is decided then), 3 a route hubperm
does not model (see check --help).

--batch FILE|- decides JSON lines of requests as check --batch does (see check --help,
docs/batch-json.md); each answer's "text" is then the whole explanation.

Examples:
  # Why may alice's token not create a model in her org? And what should she add to the token?
  hubperm explain testdata/founding/world.yaml --token limited-test-token \
      --http 'POST /api/repos/create' --body '{"type": "model", "name": "x", "organization": "acme"}'
  # The same, asked about the permission rather than the request.
  hubperm explain testdata/founding/world.yaml --token limited-test-token --permission repo.write --org acme
  # A commit to the model she may write through her resource group, as JSON for a script.
  hubperm explain testdata/founding/world.yaml --token limited-test-token \
      --operation create_commit --repo acme/token-test-model --format json
)";


// A client method of several requests, decided as the client runs it.
int RunSequence(const Options& o, CommandIo& io, const RequestInput& input) {
  const absl::StatusOr<SequenceDescription> sequence = ParseSequenceInput(input);
  if (!sequence.ok()) return Fail(io.err, io.err_style, sequence.status().message());
  const LoadResult loaded = Engine::Load(o.files, o.load);
  loaded.PrintIssues(io.err, io.err_style);
  if (!loaded.ok()) return FailFixtures(io.err, loaded.error_count(), "nothing was decided");
  const absl::StatusOr<SequenceExplanation> explanation = loaded.engine->ExplainSequence(o.token, *sequence);
  if (!explanation.ok()) return Fail(io.err, io.err_style, explanation.status().message());
  if (o.json()) {
    io.out << RenderSequenceJson(*explanation);
  } else if (o.command == "check") {
    io.out << RenderSequenceLine(*explanation, io.out_style) << "\n";
  } else {
    io.out << RenderSequence(*explanation, io.out_style);
  }
  return explanation->allowed ? kExitAllow : kExitDeny;
}

// The flags that state a request: with --batch, each line states its own.
constexpr Flag kRequestFlags[] = {Flag::kToken,     Flag::kHttp,       Flag::kBody, Flag::kContentType, Flag::kOperation,
                                  Flag::kPermission, Flag::kFromError, Flag::kRepo, Flag::kRepoType,    Flag::kOrg,
                                  Flag::kUser,      Flag::kGroup,      Flag::kTo,   Flag::kWrite,       Flag::kExistOk};

// `check --batch` and `explain --batch`: JSON lines of requests, decided against the world loaded once.
int RunBatchLines(const Options& o, CommandIo& io) {
  for (Flag flag : kRequestFlags) {
    if (o.has(flag)) {
      return Fail(io.err, io.err_style,
                  absl::StrCat("--batch reads the token and the request from each line; drop ", FlagName(flag),
                               " (docs/batch-json.md)"));
    }
  }
  if (o.has(Flag::kFormat) && !o.json()) {
    return Fail(io.err, io.err_style, "--batch writes JSON lines (docs/batch-json.md); drop --format text");
  }
  const bool from_stdin = o.batch == "-";
  std::istringstream file_lines;
  if (!from_stdin) {
    absl::StatusOr<std::string> text = ReadRegularFile(o.batch, kMaxFixtureBytes);
    if (!text.ok()) return Fail(io.err, io.err_style, text.status().message());
    file_lines.str(*std::move(text));
  }
  const LoadResult loaded = Engine::Load(o.files, o.load);
  loaded.PrintIssues(io.err, io.err_style);
  if (!loaded.ok()) return FailFixtures(io.err, loaded.error_count(), "nothing was decided");
  BatchOptions options;
  options.name = from_stdin ? "stdin" : o.batch;
  options.explain = o.command == "explain";
  options.at = o.At();
  options.flush_each_line = from_stdin;
  options.max_issues_per_line = o.load.max_issues_per_file;
  const BatchSummary summary =
      loaded.engine->RunBatch(from_stdin ? io.in : file_lines, options, io.out, io.err, io.err_style);
  io.err << "hubperm: " << summary.Text() << "\n";
  return summary.ExitCode();
}

// `check` and `explain`: one request decided, as one line or as the whole explanation.
int RunDecide(const Options& o, CommandIo& io) {
  if (o.files.empty()) {
    return Fail(io.err, io.err_style,
                absl::StrCat(o.command, " needs at least one fixture file (see hubperm ", o.command, " --help)"));
  }
  if (o.has(Flag::kBatch)) return RunBatchLines(o, io);
  if (o.token.empty()) return Fail(io.err, io.err_style, absl::StrCat(o.command, " needs --token NAME"));
  const absl::StatusOr<RequestInput> input = InputOfFlags(o, io.in);
  if (!input.ok()) return Fail(io.err, io.err_style, input.status().message());
  if (AsksSequence(*input)) return RunSequence(o, io, *input);
  const absl::StatusOr<RequestDescription> description = ParseRequest(*input);
  if (!description.ok()) return Fail(io.err, io.err_style, description.status().message());
  if (!description->modeled()) {
    io.out << (o.json() ? UnmodeledJson(*description)
                        : absl::StrCat("NOT MODELED ", UnmodeledText(*description), "\n"));
    return kExitUnmodeled;
  }
  const LoadResult loaded = Engine::Load(o.files, o.load);
  loaded.PrintIssues(io.err, io.err_style);
  if (!loaded.ok()) return FailFixtures(io.err, loaded.error_count(), "nothing was decided");
  const Engine& engine = *loaded.engine;
  const absl::StatusOr<ResolvedRequest> request = engine.Resolve(o.token, *description);
  if (!request.ok()) return Fail(io.err, io.err_style, request.status().message());
  const Explanation explanation = engine.Explain(*request, engine.Check(*request));
  const int exit_code = explanation.decision.allowed ? kExitAllow : kExitDeny;
  const bool one_line = o.command == "check";
  if (!request->asked.error.has_value()) {
    if (o.json()) {
      io.out << engine.ExplanationJson(explanation);
    } else {
      io.out << (one_line ? RenderCheckLine(explanation, io.out_style) + "\n" : RenderExplanation(explanation, io.out_style));
    }
    return exit_code;
  }
  // Asked as a pasted error: whether the world predicts the Hub's answer, then the decision.
  const ErrorComparison comparison = CompareWithError(*request->asked.error, explanation);
  if (o.json()) {
    io.out << engine.ErrorComparisonJson(explanation, comparison);
  } else {
    io.out << RenderErrorComparison(explanation, comparison)
           << (one_line ? RenderCheckLine(explanation, io.out_style) + "\n" : RenderExplanation(explanation, io.out_style));
  }
  return exit_code;
}

// The flags of check and explain: the token, the request in any form, and the output.
std::vector<Flag> DecideFlags() {
  return {Flag::kToken, Flag::kHttp, Flag::kBody, Flag::kContentType,  Flag::kOperation, Flag::kPermission,
          Flag::kFromError, Flag::kRepo, Flag::kRepoType, Flag::kOrg, Flag::kUser,
          Flag::kGroup, Flag::kTo, Flag::kWrite, Flag::kExistOk, Flag::kAt, Flag::kMaxIssues, Flag::kMaxChecks, Flag::kFormat, Flag::kColor,
          Flag::kBatch, Flag::kSet};
}

}  // namespace

const Command& CheckCommand() {
  static const Command* command = new Command{"check", kCheckHelp, DecideFlags(), RunDecide};
  return *command;
}

const Command& ExplainCommand() {
  static const Command* command = new Command{"explain", kExplainHelp, DecideFlags(), RunDecide};
  return *command;
}

absl::string_view RequestFormsHelp() { return kRequestForms; }

}  // namespace hubperm
