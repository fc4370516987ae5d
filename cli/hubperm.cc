// Copyright 2026 The hubperm Authors.

#include "cli/hubperm.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/audit_command.h"
#include "cli/fail.h"
#include "cli/import_command.h"
#include "cli/routes.h"
#include "cli/test_command.h"
#include "policy/cases/case_runner.h"
#include "policy/common/style.h"
#include "policy/common/suggest.h"
#include "policy/compile/snapshot.h"
#include "policy/decide/check.h"
#include "policy/common/json_writer.h"
#include "policy/explain/error_comparison.h"
#include "policy/explain/explain.h"
#include "policy/explain/explain_json.h"
#include "policy/load/fixtures.h"
#include "policy/request/request_input.h"
#include "policy/request/resolve.h"
#include "policy/request/route.h"

namespace hubperm {
namespace {

constexpr char kVersion[] = "hubperm 0.1.0";

constexpr char kUsage[] = R"(hubperm: would this Hugging Face Hub token be allowed to do this?

Usage:
  hubperm check    FILES... --token NAME REQUEST    one line: ALLOW, or DENY and why
  hubperm explain  FILES... --token NAME REQUEST    both sides, the Hub's answer, assumptions, the fix
  hubperm validate FILES...                         report every error and warning in the fixtures
  hubperm test     FILES... [--filter PATTERN] [--junit FILE] [--coverage]
                                                    run the cases of the fixtures: N passed, N failed
  hubperm routes   [--filter TEXT]                  every route of the Hub's API: how hubperm decides it
  hubperm audit    FILES... [--format text|json|html]
                                                    every token: effective access and findings
  hubperm import-whoami [FILE.json | -] [--name NAME]
                                                    a token's whoami-v2 response -> fixture YAML
  hubperm --version | --help | help COMMAND | COMMAND --help

Options:
  --format text|json    text for people (the default); json for tools: check and explain print the
                        decision as documented in docs/explanation-json.md, validate its issues,
                        test its results, routes the route table, audit its report (audit also
                        takes html: one self-contained page)
  --color auto|always|never
                        colour the verdicts (auto, the default: only on a terminal, and never when
                        the NO_COLOR environment variable is set)

REQUEST is one of:
  --http 'VERB PATH' [--body JSON | --body @FILE | --body -]
        as in the Hub API playground or curl, e.g. --http 'POST /api/repos/create'
        --body '{"type": "model", "name": "x", "organization": "acme"}'
  --operation METHOD [--repo NS/NAME] [--repo-type model|dataset|space] [--org ORG] [--group GROUP]
                   [--to NS/NAME] [--write]
        a huggingface_hub HfApi method, e.g. --operation create_commit --repo acme/m
  --from-error 'TEXT' | --from-error @FILE | --from-error -
        the error huggingface_hub printed (403, 404, gated): its request, and whether the world
        predicts the Hub's answer
  --permission PERMISSION (--repo NS/NAME | --org ORG | --user USER | --group GROUP) [--repo-type TYPE]
        a fine-grained permission on one target, e.g. --permission repo.write --org acme

Exit codes: 0 allowed (validate: no errors; test: every case passed), 1 denied (test: a case failed),
2 bad input or usage, 3 (check, explain) a route of the Hub's API that hubperm does not model.

Example (the founding scenario):
  hubperm explain testdata/founding/world.yaml --token limited-test-token \
      --http 'POST /api/repos/create' \
      --body '{"type": "model", "name": "whatever_you_want", "organization": "acme"}'
)";

// The request forms, as `check --help` and `explain --help` describe them.
constexpr char kRequestForms[] = R"(REQUEST, one of four forms that ask the same engine the same question:
  --http 'VERB PATH' [--body JSON | --body @FILE | --body -]
        an HTTP request as in the Hub API playground or curl, on any route of the Hub's OpenAPI
        description (hubperm routes lists them); PATH may be a full URL with a query string
        (?create_pr=1 makes a commit a pull request), revisions may be URL-encoded (refs%2Fpr%2F1),
        and the datasets/ and spaces/ prefixes select the repo type. The body (JSON or YAML) comes
        inline, from a file (@FILE) or from stdin (-).
  --operation METHOD [--repo NS/NAME] [--repo-type model|dataset|space] [--org ORG] [--group GROUP]
                   [--to NS/NAME] [--write]
        any huggingface_hub HfApi method that calls one of those routes (upload_file, list_repo_tree,
        super_squash_history, merge_pull_request, add_space_secret, restart_space, grant_access, ...)
        and its arguments, decided exactly as the route it calls; move_repo and duplicate_repo take
        --repo FROM --to TO; auth_check --write is auth_check(write=True).
  --from-error 'TEXT' | --from-error @FILE | --from-error -
        what huggingface_hub printed for a failed request (from a file with @FILE, stdin with -): "403 Forbidden: ... Cannot
        access content at: URL", "404 Client Error ... Repository Not Found for url: URL", "Cannot
        access gated repo for url URL". hubperm finds the route of URL (the error has no verb: a 403 is
        taken as the write, anything else as the read, and the output says so), decides it, and says
        whether the world predicts the status the Hub answered, and if not, which fixture fact is
        likely wrong. For POST /api/repos/create, the Hub's message gives the type and namespace.
  --permission PERMISSION (--repo NS/NAME | --org ORG | --user USER | --group GROUP) [--repo-type TYPE]
        may the token use a fine-grained permission on one target? hubperm asks it as the operation
        that needs exactly that permission there: repo.write on a repo is a commit, on an org or a
        user a new repo (of --repo-type), org.read lists an org's members, and so on.
)";

constexpr char kCheckHelp[] = R"(hubperm check FILES... --token NAME REQUEST [--format text|json] [--color auto|always|never]

Decides one request and prints one line: ALLOW, or DENY with the status the Hub would answer, the
sides that deny (user, token, policy) and the deciding reason. With --format json, the whole decision
(docs/explanation-json.md).

Exit codes: 0 allowed, 1 denied, 2 bad input or usage (nothing is decided then), 3 a route of the
Hub's API that hubperm does not model (billing, papers, jobs, collections, ...): it prints
"NOT MODELED", the route and why (the route catalogue's reason), and decides nothing.

Examples:
  # The founding scenario, in each of the three request forms; each prints DENY 403 (token): ...
  hubperm check testdata/founding/world.yaml --token limited-test-token \
      --http 'POST /api/repos/create' --body '{"type": "model", "name": "x", "organization": "acme"}'
  hubperm check testdata/founding/world.yaml --token limited-test-token --operation create_repo --repo acme/x
  hubperm check testdata/founding/world.yaml --token limited-test-token --permission repo.write --org acme
  # Any valid token may call whoami: ALLOW, exit 0.
  hubperm check testdata/founding/world.yaml --token limited-test-token --operation whoami
  # What huggingface_hub printed, pasted: the request, the decision, and whether the world agrees.
  hubperm check testdata/founding/world.yaml --token limited-test-token \
      --from-error '403 Forbidden: None. Cannot access content at: https://huggingface.co/api/models/acme/token-test-model/commit/main.'
  # A route hubperm does not model: NOT MODELED and why, exit 3.
  hubperm check testdata/founding/world.yaml --token limited-test-token --http 'GET /api/jobs/hardware'
)";

constexpr char kExplainHelp[] = R"(hubperm explain FILES... --token NAME REQUEST [--format text|json] [--color auto|always|never]

Decides one request and explains it: the user side, the token side and the org's token policy, each
with the rule that decided it and the fixture position of the grant; the status and message the Hub
would answer; the smallest change to the world that would allow it; and every rule the decision rests
on that the Hub does not document ("Assumed"). With --format json, the same as data
(docs/explanation-json.md).

Exit codes: 0 allowed, 1 denied, 2 bad input or usage (nothing is decided then), 3 a route hubperm
does not model (see check --help).

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

constexpr char kValidateHelp[] = R"(hubperm validate FILES... [--format text|json] [--color auto|always|never]

Loads the fixtures as one world and reports every error and warning, each as file:line:col: message
with the source line, then a count. An error (an unknown key, a name nothing defines, a role the Hub
does not have, ...) makes the world unusable; a warning (an unknown permission string, a scope that
grants nothing) does not. With --format json, the issues as data (schema hubperm.validate/v1).

Exit codes: 0 no errors (warnings allowed), 2 errors or unreadable files.

Examples:
  hubperm validate testdata/founding/world.yaml
  # Several files make one world: names may refer across files.
  hubperm validate testdata/spec/world.yaml testdata/spec/user_side.yaml testdata/spec/token_side.yaml
  hubperm validate testdata/founding/world.yaml --format json
)";

constexpr char kTestHelp[] = R"(hubperm test FILES... [--filter PATTERN] [--junit FILE] [--coverage] [--format text|json]
                     [--color auto|always|never]

Loads the files as one world and runs its cases (`cases:`, docs/fixture-format.md): each case names a
token (or rows of tokens in a matrix), a request in one of the three forms, and what must happen:
expect allow|deny, and optionally the status, the sides that deny (denied_by) and a text the
explanation must contain (because). A case with `tokens: [a, b]` and `repos: [x, y]` runs once per
token and repo; a `matrix:` runs once per cell. For every check that fails, prints
  FAIL file:line:col: NAME: what did not hold
followed by the full explanation of what happened, then "N passed, N failed".

  --filter PATTERN  run only the checks whose name matches: a glob (* and ?) against the whole name
                    ("founding*", "* [r-wes, *]"), or else a substring. An expanded check is named
                    "case [token, repo]" or "case [token, column]".
  --junit FILE      also write the results as JUnit XML (one testsuite per file, the explanation in
                    each failure), for CI systems to display.
  --coverage        also report which tokens, roles (org and resource-group memberships, accepted
                    gated-access requests), grants (token permissions and scopes) and org token
                    policies decided some check, and list those that never did: assumptions no case
                    writes down. With --filter, only the checks run count.
  --format json     the results (and coverage) as data, schema hubperm.test/v1 (docs/test-json.md).

Exit codes: 0 every check passed, 1 some check failed, 2 bad input: fixtures with errors, a case whose
request does not resolve (reported as file:line:col: error at the key to blame, and counted as
invalid; the other cases still run), no case to run (none written, or none matching --filter), or a
--junit file that cannot be written.

Examples:
  # The founding scenario's cases: 3 passed, 0 failed.
  hubperm test testdata/founding/world.yaml
  # The spec's tables (one file per section, one world), only the matrix cells of token r-wes.
  hubperm test testdata/spec/world.yaml testdata/spec/user_side.yaml testdata/spec/token_side.yaml \
      testdata/spec/policy.yaml testdata/spec/evidence.yaml --filter '* [r-wes, *]'
  # Which facts of the founding world does no case exercise?
  hubperm test testdata/founding/world.yaml --coverage
)";

constexpr char kRoutesHelp[] = R"(hubperm routes [--filter TEXT] [--format text|json]

Lists the route catalogue (policy/request/routes.yaml, built in): every operation of the Hub's OpenAPI
description, and the routes huggingface_hub calls that the description lacks. For each: the
huggingface_hub methods that call it (the --operation form), what it acts on, and either the operation
hubperm decides it as, with what the user needs and which token permissions on what, each marked for
this route as the spec marks facts: doc (the Hub documents it), seen (real Hub responses show it) or
assumed (hubperm's stated choice); or, for a route hubperm does not model, why. --filter keeps the
routes whose verb, path, operation, reason or method names contain TEXT, in any case. --format json:
schema hubperm.routes/v2.

Exit codes: 0, 2 on bad usage.

Examples:
  hubperm routes
  # Which routes write to a repo's branches?
  hubperm routes --filter branch
  hubperm routes --filter create_repo --format json
  # Which routes does hubperm not model because of billing?
  hubperm routes --filter billing
)";

constexpr char kAuditHelp[] = R"(hubperm audit FILES... [--format text|json|html] [--color auto|always|never]

Loads the files as one world and audits every token: what it can actually do (the user side, the token
side and the org's token policy together) and what is wrong with it.

Effective access, per token and namespace (the owner's, their orgs', and those the token's scopes
reach), each level decided as `hubperm check` decides it:
  write  create_commit          read  hf_hub_download          see  model_info
  create repos (naming no resource group, or into one), list members, change member roles, manage
  resource groups; and, elsewhere, reading public repos (except in orgs whose token policy blocks it).
It is computed from each token's reach (its owner's namespaces and its scopes), not by asking about
every repo, so it stays fast on large worlds.

Findings, each with its severity, the token, the evidence (file:line:col) and the fix:
  error    will-fail          the user may do it through a resource-group role, the fine-grained token
                              does not cover it: it will get 403 (the founding scenario)
  error    blocked-by-policy  the org's token policy blocks the token: pending, denied, not requested,
                              revoked, or a classic token under fine_grained_only
  warning  classic-write      a classic write token: everything its owner may do, everywhere
  warning  broad-org-write    repo.write on a whole org where the user may write only some repos
  warning  dead-scope         permissions the user side can never use where they are scoped: a repo
                              they cannot write, an org they left, a group they are not in
  info     does-nothing       nothing beyond reading public repos, which any token can
Each fix is an edit of the token (add or remove scoped permissions, make it fine-grained, approve it,
delete it); hubperm's tests apply every fix and check that its finding goes away.

  --format json   the report as data (schema hubperm.audit/v1, docs/audit-json.md)
  --format html   one self-contained page (no network): the findings, a token x repo matrix coloured
                  by effective level, and hubperm's explanation of a cell on click

Exit codes: 0 no error finding, 1 some error finding, 2 bad input (fixtures with errors, no token).

Examples:
  hubperm audit testdata/founding/world.yaml
  hubperm audit testdata/audit/world.yaml --format html > audit.html
  hubperm audit my-org/*.yaml --format json | jq '.findings[] | select(.severity == "error")'
)";

constexpr char kImportHelp[] = R"(hubperm import-whoami [FILE.json | -] [--name NAME]

Turns the JSON the Hub answers to GET /api/whoami-v2 (what huggingface_hub's whoami() returns, or
`curl -H "Authorization: Bearer $HF_TOKEN" https://huggingface.co/api/whoami-v2`) into fixture YAML on
stdout: the user, their org roles and resource-group roles, and the token with its role and its
fine-grained permissions, so the real token can be checked offline. Reads FILE.json, or stdin when the
file is - or absent.

It never stores a secret: the response names the token but does not contain it, and the old
organization API tokens some responses carry (orgs[].apiToken) are skipped. Issues go to stderr as
file:line:col: message, without the source line (a response is often one line, and may hold secrets).

What the response does not say, the import states:
  - repos named by the token's scopes are listed with the fixture defaults (public, not gated): set
    private, gated and resource_group as they are on the Hub;
  - an org the token is scoped to but the user is not a member of is added without members;
  - orgs[].securityRestrictions: token-revoked records the token as revoked by the org; token-policy
    makes the org fine_grained_only for a classic token, or require_approval with the token pending for
    a fine-grained one [assumed: the response does not tell pending from denied]; mfa, sso and ip are
    not modeled (a warning);
  - a resource-group scope is named through the user's own groups (orgs[].resourceGroups); a scope on a
    group the user is not in is left out (a warning);
  - unknown keys and unknown permission strings are warnings: the Hub adds them over time.

  --name NAME   the token's name in the fixture (default: its displayName)

Exit codes: 0 imported (warnings allowed), 2 bad input: an unreadable file, or an error in the
response (not JSON, not a user's, token role god, a missing or mistyped field).

Examples:
  hubperm import-whoami whoami.json > alice-token.yaml
  curl -s -H "Authorization: Bearer $HF_TOKEN" https://huggingface.co/api/whoami-v2 \
      | hubperm import-whoami - --name ci-token > ci-token.yaml
  hubperm check ci-token.yaml --token ci-token --operation create_commit --repo acme/token-test-model
)";

// One row per command: its name, help, and the options it takes besides --help.
struct Command {
  absl::string_view name;
  absl::string_view help;
  std::vector<absl::string_view> options;
};

const std::vector<Command>& Commands() {
  static const auto* commands = new std::vector<Command>{
      {"check", kCheckHelp,
       {"--token", "--http", "--body", "--operation", "--permission", "--from-error", "--repo", "--repo-type", "--org",
        "--user", "--group", "--to", "--write", "--format", "--color"}},
      {"explain", kExplainHelp,
       {"--token", "--http", "--body", "--operation", "--permission", "--from-error", "--repo", "--repo-type", "--org",
        "--user", "--group", "--to", "--write", "--format", "--color"}},
      {"validate", kValidateHelp, {"--format", "--color"}},
      {"test", kTestHelp, {"--filter", "--junit", "--coverage", "--format", "--color"}},
      {"routes", kRoutesHelp, {"--filter", "--format", "--color"}},
      {"audit", kAuditHelp, {"--format", "--color"}},
      {"import-whoami", kImportHelp, {"--name", "--color"}},
  };
  return *commands;
}

const Command* FindCommand(absl::string_view name) {
  for (const Command& c : Commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

struct Options {
  std::string command;
  std::vector<std::string> files;
  std::vector<std::string> given;  // the options given, in order, for the per-command check
  std::string token;
  std::string http;
  std::string body;
  bool has_body = false;
  std::string operation;
  std::string permission;
  std::string from_error;  // --from-error TEXT, @FILE, or - for stdin
  TargetArgs target_args;
  std::string format = "text";  // text, json, or (audit) html
  bool json() const { return format == "json"; }
  std::string color = "auto";
  std::string filter;
  std::string junit;
  std::string name;
  bool coverage = false;
  bool help = false;
};

// Every option of every command, for "did you mean".
std::vector<absl::string_view> AllFlags() {
  std::vector<absl::string_view> flags = {"--help"};
  for (const Command& c : Commands()) {
    for (absl::string_view flag : c.options) {
      if (std::find(flags.begin(), flags.end(), flag) == flags.end()) flags.push_back(flag);
    }
  }
  return flags;
}

// Parses `args`; returns the first error message, or "" on success. It reads on after an error, so that
// `--help` anywhere on the line still shows the help. `--flag=value` is `--flag value`.
std::string ParseArgs(const std::vector<std::string>& raw, Options* o) {
  std::string first_problem;
  std::vector<std::string> args;
  for (const std::string& a : raw) {
    const size_t eq = a.find('=');
    if (a.rfind("--coverage=", 0) == 0 || a.rfind("--help=", 0) == 0 || a.rfind("--write=", 0) == 0) {
      if (first_problem.empty()) first_problem = absl::StrCat(a.substr(0, eq), " takes no value");
      args.push_back(a.substr(0, eq));
    } else if (absl::StartsWith(a, "--") && eq != std::string::npos) {
      args.push_back(a.substr(0, eq));
      args.push_back(a.substr(eq + 1));
    } else {
      args.push_back(a);
    }
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* into) -> std::string {
      if (i + 1 >= args.size()) return absl::StrCat(a, " needs a value");
      *into = args[++i];
      return "";
    };
    std::string problem;
    if (absl::StartsWith(a, "--") && a != "--help") {
      if (std::find(o->given.begin(), o->given.end(), a) != o->given.end() && first_problem.empty()) {
        first_problem = absl::StrCat(a, " is given twice; give it once");
      }
      o->given.push_back(a);
    }
    if (a == "--help" || a == "-h") {
      o->help = true;
    } else if (a == "--token") {
      problem = value(&o->token);
    } else if (a == "--http") {
      problem = value(&o->http);
    } else if (a == "--body") {
      problem = value(&o->body);
      o->has_body = true;
    } else if (a == "--operation") {
      problem = value(&o->operation);
    } else if (a == "--permission") {
      problem = value(&o->permission);
    } else if (a == "--repo") {
      problem = value(&o->target_args.repo);
    } else if (a == "--org") {
      problem = value(&o->target_args.org);
    } else if (a == "--user") {
      problem = value(&o->target_args.user);
    } else if (a == "--group") {
      problem = value(&o->target_args.group);
    } else if (a == "--filter") {
      problem = value(&o->filter);
    } else if (a == "--junit") {
      problem = value(&o->junit);
    } else if (a == "--name") {
      problem = value(&o->name);
    } else if (a == "--coverage") {
      o->coverage = true;
    } else if (a == "--write") {
      o->target_args.write = true;
    } else if (a == "--from-error") {
      problem = value(&o->from_error);
    } else if (a == "--to") {
      problem = value(&o->target_args.to);
    } else if (a == "--format") {
      std::string format;
      problem = value(&format);
      if (problem.empty() && format != "text" && format != "json" && format != "html") {
        problem = absl::StrCat("--format must be text or json (or html, for audit), not '", format, "'");
      }
      o->format = format;
    } else if (a == "--color") {
      problem = value(&o->color);
      if (problem.empty() && o->color != "auto" && o->color != "always" && o->color != "never") {
        problem = absl::StrCat("--color must be auto, always or never, not '", o->color, "'");
      }
    } else if (a == "--repo-type") {
      std::string type;
      problem = value(&type);
      if (problem.empty()) {
        o->target_args.repo_type = ParseName<RepoType>(type);
        if (!o->target_args.repo_type.has_value()) problem = absl::StrCat("--repo-type must be model, dataset or space, not '", type, "'");
      }
    } else if (absl::StartsWith(a, "-") && a != "-") {
      problem = absl::StrCat("unknown option '", a, "'", DidYouMean(a, AllFlags()));
    } else if (o->command.empty()) {
      o->command = a;
    } else {
      o->files.push_back(a);
    }
    if (first_problem.empty()) first_problem = problem;
  }
  return first_problem;
}

// The options of `o` that its command does not take, as an error message, or "".
std::string CheckOptionsFit(const Options& o, const Command& command) {
  for (const std::string& flag : o.given) {
    if (std::find(command.options.begin(), command.options.end(), flag) == command.options.end()) {
      return absl::StrCat(flag, " does not apply to ", command.name, " (see hubperm ", command.name, " --help)");
    }
  }
  return "";
}

// Reads the value of --body or --from-error (`what`: "body" or "error"): inline text, @FILE, or - for stdin.
absl::StatusOr<std::string> ReadTextArg(absl::string_view what, const std::string& body, std::istream& in) {
  std::ostringstream buffer;
  if (body == "-") {
    buffer << in.rdbuf();
  } else if (absl::StartsWith(body, "@")) {
    std::ifstream file(body.substr(1), std::ios::binary);
    if (!file) return absl::NotFoundError(absl::StrCat("cannot read ", what, " file '", body.substr(1), "'"));
    buffer << file.rdbuf();
  } else {
    return body;
  }
  return buffer.str();
}

// Loads and validates the fixtures; prints every issue to `err`. Null on any error.
std::shared_ptr<const Snapshot> LoadWorld(const std::vector<std::string>& paths, const Style& style, std::ostream& err,
                                          int* errors, int* warnings) {
  Fixtures fixtures = LoadFixtures(paths);
  err << fixtures.RenderIssues(style);
  *errors = fixtures.error_count();
  *warnings = fixtures.diagnostics.warning_count();
  if (!fixtures.ok()) return nullptr;
  return Snapshot::Compile(fixtures.world, std::move(fixtures.files));
}


// `validate --format json`: the files, the counts and every issue, in the order the text lists them.
std::string ValidateJson(const Fixtures& fixtures, const std::vector<std::string>& paths) {
  JsonWriter json;
  json.BeginObject().Key("schema").String("hubperm.validate/v1").Key("files").BeginArray();
  for (const std::string& path : paths) json.String(path);
  json.EndArray()
      .Key("errors").Int(fixtures.error_count())
      .Key("warnings").Int(fixtures.diagnostics.warning_count())
      .Key("issues").BeginArray();
  for (const std::string& message : fixtures.read_errors) {
    json.BeginObject().Key("severity").String("error").Key("at").Null().Key("message").String(message).EndObject();
  }
  for (const Issue* issue : fixtures.diagnostics.Sorted()) {
    json.BeginObject().Key("severity").String(issue->severity == Severity::kError ? "error" : "warning").Key("at");
    WritePosition(fixtures.files, issue->pos, &json);
    json.Key("message").String(issue->message).EndObject();
  }
  json.EndArray().EndObject();
  return json.Finish();
}

// The styles of stdout and stderr: what --color says, given the terminal and NO_COLOR.
struct Styles {
  Style out = Style::Plain();
  Style err = Style::Plain();
};

int RunValidate(const Options& o, const Styles& styles, std::ostream& out, std::ostream& err) {
  if (o.files.empty()) return Fail(err, styles.err, "validate needs at least one fixture file");
  Fixtures fixtures = LoadFixtures(o.files);
  // A world without errors compiles; then every case's requests must resolve against it.
  const bool world_ok = fixtures.ok();
  if (world_ok) {
    CheckCaseRequests(*Snapshot::Compile(fixtures.world, fixtures.files), fixtures.world, &fixtures.diagnostics);
  }
  if (o.json()) {
    out << ValidateJson(fixtures, o.files);
    return fixtures.ok() ? kExitAllow : kExitBadInput;
  }
  err << fixtures.RenderIssues(styles.err);
  const int errors = fixtures.error_count();
  const int warnings = fixtures.diagnostics.warning_count();
  if (!world_ok && !fixtures.world.cases.empty()) {
    // A case's request names things of the world: it can be resolved only against a world without errors.
    err << "hubperm: the requests of the cases are checked once the world has no errors\n";
  }
  const std::string error_count = absl::StrCat(errors, errors == 1 ? " error" : " errors");
  out << absl::StrCat(o.files.size(), o.files.size() == 1 ? " file: " : " files: ",
                      errors > 0 ? styles.out.Paint(Tone::kDeny, error_count) : error_count, ", ", warnings,
                      warnings == 1 ? " warning" : " warnings")
      << "\n";
  return errors > 0 ? kExitBadInput : kExitAllow;
}

// The request the flags of `o` state, in whichever form they use: the pipeline's input, with the
// body and the error text read from the command line, a file (@FILE) or stdin (-).
absl::StatusOr<RequestDescription> ParseRequestFlags(const Options& o, std::istream& in) {
  RequestInput input;
  input.http = o.http;
  input.operation = o.operation;
  input.permission = o.permission;
  input.target = o.target_args;
  input.target.dialect = Dialect::kFlags;
  if (o.has_body) {
    input.body = Body();
    if (!o.http.empty()) {  // else refused by ParseRequest, unread
      absl::StatusOr<std::string> text = ReadTextArg("body", o.body, in);
      if (!text.ok()) return text.status();
      absl::StatusOr<Body> body = ParseBody(*text);
      if (!body.ok()) return body.status();
      input.body = *std::move(body);
    }
  }
  if (!o.from_error.empty()) {
    absl::StatusOr<std::string> text = ReadTextArg("error", o.from_error, in);
    if (!text.ok()) return text.status();
    input.error = *std::move(text);
  }
  return ParseRequest(input);
}

// The answer for a route hubperm does not model: its reason, exit code 3.
int AnswerUnmodeled(const Options& o, const CatalogueRoute& route, std::ostream& out) {
  if (o.json()) {
    JsonWriter json;
    json.BeginObject()
        .Key("schema").String("hubperm.unmodeled/v1")
        .Key("route").String(route.Name())
        .Key("unmodeled").String(route.unmodeled)
        .Key("reason").String(route.reason)
        .Key("at").String(route.Where())
        .EndObject();
    out << json.Finish();
  } else {
    out << "NOT MODELED " << UnmodeledText(route) << "\n";
  }
  return kExitUnmodeled;
}

int RunDecide(const Options& o, const Styles& styles, std::istream& in, std::ostream& out, std::ostream& err) {
  if (o.files.empty()) {
    return Fail(err, styles.err, absl::StrCat(o.command, " needs at least one fixture file (see hubperm ", o.command, " --help)"));
  }
  if (o.token.empty()) return Fail(err, styles.err, absl::StrCat(o.command, " needs --token NAME"));
  const absl::StatusOr<RequestDescription> description = ParseRequestFlags(o, in);
  if (!description.ok()) return Fail(err, styles.err, description.status().message());
  if (!description->modeled()) return AnswerUnmodeled(o, *description->asked.route, out);

  int errors = 0, warnings = 0;
  std::shared_ptr<const Snapshot> snapshot = LoadWorld(o.files, styles.err, err, &errors, &warnings);
  if (snapshot == nullptr) {
    return FailFixtures(err, errors, "nothing was decided");
  }
  const absl::StatusOr<ResolvedRequest> request = Resolve(*snapshot, o.token, *description);
  if (!request.ok()) return Fail(err, styles.err, request.status().message());
  const Explanation explanation = Explain(*snapshot, *request, Check(*snapshot, request->request));
  const Decision& decision = explanation.decision;
  const AskedAs& asked = request->asked;
  const int exit_code = decision.allowed ? kExitAllow : kExitDeny;
  if (!asked.error.has_value()) {
    if (o.json()) {
      out << RenderExplanationJson(*snapshot, explanation);
    } else if (o.command == "check") {
      out << RenderCheckLine(explanation, styles.out) << "\n";
    } else {
      out << RenderExplanation(explanation, styles.out);
    }
    return exit_code;
  }
  const HubError& error = *asked.error;
  const ErrorComparison comparison = CompareWithError(error, explanation);
  if (o.json()) {
    JsonWriter json;
    json.BeginObject()
        .Key("schema").String("hubperm.from_error/v1")
        .Key("error").BeginObject()
        .Key("status").Int(error.status)
        .Key("kind").String(HubErrorKindName(error.kind))
        .Key("url").String(error.url)
        .Key("message").String(error.message)
        .EndObject()
        .Key("request").String(asked.http)
        .Key("other_verbs").BeginArray();
    for (const std::string& verb : asked.other_verbs) json.String(verb);
    json.EndArray().Key("agrees").Bool(comparison.agrees).Key("comparison").String(comparison.text).Key("decision");
    WriteDecisionJson(*snapshot, explanation, &json);
    json.EndObject();
    out << json.Finish();
    return exit_code;
  }
  out << "Request: " << asked.http << "\n";
  for (const std::string& verb : asked.other_verbs) {
    out << "  (assumed from the status; the same URL with " << verb << " is decided otherwise: --http '" << verb
        << " " << error.url << "')\n";
  }
  out << comparison.text << "\n";
  out << (o.command == "check" ? RenderCheckLine(explanation, styles.out) + "\n" : RenderExplanation(explanation, styles.out));
  return exit_code;
}

}  // namespace

int RunHubperm(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
               const Terminal& terminal) {
  if (args.size() == 1 && args[0] == "--version") {
    out << kVersion << "\n";
    return kExitAllow;
  }
  if (args.empty()) {
    err << kUsage;
    return kExitBadInput;
  }
  Options o;
  const std::string problem = ParseArgs(args, &o);
  Styles styles;
  if (WantsColour(o.color, terminal.out_is_terminal, terminal.no_color)) styles.out = Style::Ansi();
  if (WantsColour(o.color, terminal.err_is_terminal, terminal.no_color)) styles.err = Style::Ansi();
  // `hubperm help [COMMAND]` is `hubperm [COMMAND] --help`.
  if (o.command == "help") {
    if (o.files.size() > 1) return Fail(err, styles.err, "help takes at most one command");
    o.command = o.files.empty() ? "" : o.files[0];
    o.files.clear();
    o.help = true;
  }
  const Command* command = FindCommand(o.command);
  if (o.help) {
    if (command != nullptr) {
      const bool decides = command->name == "check" || command->name == "explain";
      out << command->help << (decides ? absl::StrCat("\n", kRequestForms) : "");
      return kExitAllow;
    }
    if (o.command.empty()) {
      out << kUsage;
      return kExitAllow;
    }
  }
  if (!problem.empty()) return Fail(err, styles.err, absl::StrCat(problem, " (see hubperm --help)"));
  if (command == nullptr) {
    std::vector<absl::string_view> names;
    for (const Command& c : Commands()) names.push_back(c.name);
    if (o.command.empty()) return Fail(err, styles.err, "no command (see hubperm --help)");
    return Fail(err, styles.err,
                absl::StrCat("unknown command '", o.command, "'", DidYouMean(o.command, names), " (commands: ",
                             absl::StrJoin(names, ", "), ")"));
  }
  if (const std::string misfit = CheckOptionsFit(o, *command); !misfit.empty()) return Fail(err, styles.err, misfit);
  if (command->name == "validate") return RunValidate(o, styles, out, err);
  if (command->name == "test") {
    return RunTest(TestOptions{o.files, o.filter, o.junit, o.coverage, o.json()}, styles.out, styles.err, out, err);
  }
  if (o.format == "html" && command->name != "audit") {
    return Fail(err, styles.err, absl::StrCat("--format html applies to audit only; ", command->name, " takes text or json"));
  }
  if (command->name == "audit") return RunAudit(AuditOptions{o.files, o.format}, styles.out, styles.err, out, err);
  if (command->name == "import-whoami") {
    return RunImportWhoami(ImportOptions{o.files, o.name}, styles.err, in, out, err);
  }
  if (command->name == "routes") {
    if (!o.files.empty()) return Fail(err, styles.err, absl::StrCat("routes takes no files, not '", o.files[0], "'"));
    int count = 0;
    const std::string listing = RenderRoutes(o.filter, o.json(), &count);
    out << listing;
    if (!o.json() && count == 0) out << "no route matches '" << o.filter << "'\n";
    return kExitAllow;
  }
  return RunDecide(o, styles, in, out, err);
}

}  // namespace hubperm
