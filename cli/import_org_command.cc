// Copyright 2026 The hubperm Authors.

#include "cli/import_org_command.h"

#include <iostream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"
#include "cli/imported_fixture.h"

namespace hubperm {
namespace {

constexpr char kImportOrgHelp[] = R"(hubperm import-org DIR [--plan PLAN] [--token-policy POLICY]

Turns the saved API responses of one organization (what `hubperm fetch-org ORG --out DIR` saves) into
one fixture world of the org on stdout: its members with their org roles, its resource groups with
their members, roles and auto-join, its repos with visibility, gating and group, its service accounts
and their tokens, and the tokens of every whoami-v2 response saved under DIR/api/whoami-v2/. The
world holds no case: keep your cases in their own files, so a re-import (which gives a byte-identical
file for the same responses) leaves them working:

  hubperm import-org acme-dump > acme.yaml
  hubperm test acme.yaml acme-cases.yaml
  hubperm audit acme.yaml --format html > acme-audit.html

DIR's layout (docs/org-import.md), one file per response, at the path of its URL:
  api/organizations/ORG/members/page-N.json                 GET /api/organizations/ORG/members
  api/organizations/ORG/resource-groups/page-N.json         GET .../resource-groups
  api/organizations/ORG/settings/repositories/page-N.json   GET .../settings/repositories
  api/organizations/ORG/service-accounts/page-N.json        GET .../service-accounts
  api/organizations/ORG/service-accounts/ID.json            GET .../service-accounts/ID
  api/models/NS/NAME.json (datasets/, spaces/)              GET /api/models/NS/NAME (its gating)
  api/whoami-v2/ANY.json                                    GET /api/whoami-v2, one per token: each
                                                            member can save their own

The org's plan and token policy are not in the responses: set them with the flags, or they are taken
from a whoami-v2 response, else the plan is inferred from what the org uses and the policy is
allow_all [assumed]. The fixture's header says which.

It never stores a secret: the responses name tokens and do not contain them, a value shaped like a
token or key is an error at its position, and issues name fields, never values. Issues go to stderr
as file:line:col: message; unknown keys are warnings (the Hub adds fields over time).

  --plan free|team|enterprise                           the org's plan
  --token-policy allow_all|fine_grained_only|require_approval   the org's token policy
  --max-issues N                                        issues shown per file (default 50)

Exit codes: 0 imported (warnings allowed), 2 bad input: DIR unreadable or not of the layout, or an
error in a response.
)";

int RunImportOrg(const Options& o, CommandIo& io) {
  if (o.files.size() != 1) {
    return Fail(io.err, io.err_style, "import-org reads one directory of saved responses: give DIR (see --help)");
  }
  absl::StatusOr<OrgResponses> responses = ReadOrgResponses(o.files[0]);
  if (!responses.ok()) return Fail(io.err, io.err_style, responses.status().message());
  for (const std::string& path : responses->not_in_layout) {
    io.err << EscapeUnsafe(path) << ": warning: not a response of the layout (docs/org-import.md); ignored\n";
  }
  OrgImportOptions options;
  options.plan = o.plan;
  options.token_policy = o.token_policy;
  options.max_issues_per_file = o.load.max_issues_per_file;
  const OrgImport import = ImportOrg(*std::move(responses), options);
  io.err << RenderResponseIssues(import.responses.files, import.diagnostics);
  return PrintImportedFixture(io, import.diagnostics.error_count(), QuotePath(o.files[0]),
                              [&] { return RenderOrgFixture(import); });
}

}  // namespace

const Command& ImportOrgCommand() {
  static const Command* command = new Command{
      "import-org", kImportOrgHelp, {Flag::kPlan, Flag::kTokenPolicy, Flag::kMaxIssues, Flag::kColor}, RunImportOrg};
  return *command;
}

}  // namespace hubperm
