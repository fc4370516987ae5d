// Copyright 2026 The hubperm Authors.

#include "cli/import_command.h"

#include <iostream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"
#include "cli/imported_fixture.h"
#include "cli/read_input.h"

namespace hubperm {
namespace {

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


int RunImportWhoami(const Options& o, CommandIo& io) {
  if (o.files.size() > 1) return Fail(io.err, io.err_style, "import-whoami reads one response: give one FILE.json, or - for stdin");
  const bool from_stdin = o.files.empty() || o.files[0] == "-";
  const std::string name = from_stdin ? "<stdin>" : o.files[0];
  absl::StatusOr<std::string> text = ReadFileOrStdin(from_stdin ? "-" : name, io.in);
  if (!text.ok()) return Fail(io.err, io.err_style, text.status().message());
  WhoamiImportOptions import_options;
  import_options.token_name = o.name;
  const WhoamiImport import = ImportWhoami(name, *std::move(text), import_options);
  io.err << RenderImportIssues(import);
  return PrintImportedFixture(io, import.diagnostics.error_count(), name,
                              [&] { return RenderImportedFixture(import); });
}

}  // namespace

const Command& ImportWhoamiCommand() {
  static const Command* command =
      new Command{"import-whoami", kImportHelp, {Flag::kName, Flag::kColor}, RunImportWhoami};
  return *command;
}

}  // namespace hubperm
