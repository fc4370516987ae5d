// Copyright 2026 The hubperm Authors.

#include "cli/fetch_org_command.h"

#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"
#include "fetch/org_fetcher.h"

namespace hubperm {
namespace {

constexpr char kFetchOrgHelp[] = R"(hubperm fetch-org ORG --out DIR [--token-file FILE] [--whoami-only]

Saves what the Hub's API says about organization ORG into DIR, one file per response, in the layout
`hubperm import-org DIR` reads (docs/org-import.md):

  GET /api/whoami-v2                                the token's own user and token
  GET /api/organizations/ORG/members                every page (Link: rel="next")
  GET /api/organizations/ORG/resource-groups        team and enterprise plans
  GET /api/organizations/ORG/settings/repositories
  GET /api/organizations/ORG/service-accounts (and each one's tokens)    enterprise plans
  GET /api/models/ORG/NAME (datasets, spaces)       each repo's gating

The token comes from HF_TOKEN, or from --token-file FILE (its first line); it is sent only to
HF_ENDPOINT (default https://huggingface.co) and is never written: not to DIR, not to a message. It
must be an admin's of ORG: the Hub shows the members' roles and the repository settings to admins
only. A fine-grained token needs, on org ORG: org.read (members, groups, service accounts) and
repo.content.read (each private repo's info).

Every member can add their own tokens to the audit without sharing them: each runs
  HF_TOKEN=their-token hubperm fetch-org ORG --out DIR --whoami-only
which saves only their token's whoami-v2 response (DIR/api/whoami-v2/USER-TOKEN.json).

Requests are retried on 429 and 5xx, waiting what Retry-After says or a doubling backoff (at most 6
attempts; 3 when no answer comes at all); a 401 or 403 stops with what is missing. Progress goes to stderr. Nothing in DIR changes
unless every response came; then the org's files are replaced and other whoami-v2 files are kept.
Files are written readable by their owner only (the members listing holds emails).

  --out DIR           where to save (created if missing)
  --token-file FILE   read the token from FILE instead of HF_TOKEN
  --whoami-only       save only the token's whoami-v2 response

Exit codes: 0 saved, 2 bad usage, no token, or the Hub refused or failed (the message says what).

Example:
  HF_TOKEN=hf_... hubperm fetch-org acme --out acme-dump
  hubperm import-org acme-dump > acme.yaml
  hubperm audit acme.yaml --format html > acme-audit.html
)";

int RunFetchOrg(const Options& o, CommandIo& io) {
  if (o.files.size() != 1) return Fail(io.err, io.err_style, "fetch-org fetches one organization: give ORG (see --help)");
  const std::string& org = o.files[0];
  if (const std::string problem = NameProblem(NameKind::kOrg, org); !problem.empty()) {
    return Fail(io.err, io.err_style, absl::StrCat("ORG ", QuoteValue(org), " is not an organization's name: ", problem));
  }
  if (o.out.empty()) return Fail(io.err, io.err_style, "fetch-org needs --out DIR: where to save the responses");
  FetchOrgOptions options;
  options.org = org;
  options.out_dir = o.out;
  options.whoami_only = o.whoami_only;
  if (!o.token_file.empty()) {
    absl::StatusOr<std::string> text = ReadRegularFile(o.token_file, 64 << 10);
    if (!text.ok()) return Fail(io.err, io.err_style, text.status().message());
    options.token = std::string(absl::StripAsciiWhitespace(absl::string_view(*text).substr(0, text->find('\n'))));
    if (options.token.empty()) return Fail(io.err, io.err_style, absl::StrCat(QuotePath(o.token_file), " holds no token"));
  } else if (const char* token = std::getenv("HF_TOKEN"); token != nullptr) {
    options.token = token;
  }
  if (options.token.empty()) {
    return Fail(io.err, io.err_style, "no token: set HF_TOKEN to an admin's token of the org, or give --token-file FILE");
  }
  if (const char* endpoint = std::getenv("HF_ENDPOINT"); endpoint != nullptr && *endpoint != '\0') {
    options.endpoint = endpoint;
    while (!options.endpoint.empty() && options.endpoint.back() == '/') options.endpoint.pop_back();
  }
  absl::StatusOr<FetchReport> report = FetchOrg(options, io.err);
  if (!report.ok()) {
    return Fail(io.err, io.err_style, absl::StrCat(report.status().message(), "; nothing in ", QuotePath(o.out), " changed"));
  }
  if (o.whoami_only) {
    io.err << "fetch-org: saved " << QuotePath(report->whoami_file) << "\n";
  } else {
    io.err << "fetch-org: saved " << report->files << " responses of " << org << " in " << QuotePath(o.out) << " ("
           << report->requests << " requests, " << report->retries << " retried); next: hubperm import-org "
           << QuotePath(o.out) << "\n";
  }
  return kExitAllow;
}

}  // namespace

const Command& FetchOrgCommand() {
  static const Command* command = new Command{
      "fetch-org", kFetchOrgHelp, {Flag::kOut, Flag::kTokenFile, Flag::kWhoamiOnly, Flag::kColor}, RunFetchOrg};
  return *command;
}

}  // namespace hubperm
