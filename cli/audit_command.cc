// Copyright 2026 The hubperm Authors.

#include "cli/audit_command.h"

#include <algorithm>
#include <iostream>
#include <thread>

#include "cli/allocator.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"

namespace hubperm {
namespace {

constexpr char kAuditHelp[] = R"(hubperm audit FILES... [--at TIME] [--expiring-within DAYS] [--older-than DAYS]
                      [--jobs N] [--format text|json|html] [--color auto|always|never]

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
  error    expired            the token expired (expires_at) before the audit's moment: 401 everywhere
  warning  expiring           it expires within --expiring-within DAYS (default 30)
  warning  no-expiry          it never expires (created_at recorded, no expires_at)
  warning  old                it was created more than --older-than DAYS ago (default 365)
Each fix is an edit of the token (add or remove scoped permissions, make it fine-grained, approve it,
rotate it, delete it); hubperm's tests apply every fix and check that its finding goes away.

  --at TIME       the moment of the audit (default: now), RFC 3339 or a date; a token's lifetime is
                  judged then (its access is what it reaches while valid)
  --expiring-within DAYS, --older-than DAYS   the hygiene thresholds (defaults 30 and 365)
  --jobs N        audit tokens on N threads (default: the machine's cores); the report is the same,
                  byte for byte, for any N

  --format json   the report as data (schema hubperm.audit/v1, docs/audit-json.md)
  --format html   one self-contained page (no network): the findings, a token x repo matrix coloured
                  by effective level, and hubperm's explanation of a cell on click

Exit codes: 0 no error finding, 1 some error finding, 2 bad input (fixtures with errors, no token).

Examples:
  hubperm audit testdata/founding/world.yaml
  hubperm audit testdata/audit/world.yaml --format html > audit.html
  hubperm audit my-org/*.yaml --format json | jq '.findings[] | select(.severity == "error")'
)";


int RunAudit(const Options& o, CommandIo& io) {
  if (o.files.empty()) return Fail(io.err, io.err_style, "audit needs at least one fixture file (see hubperm audit --help)");
  const LoadResult loaded = Engine::Load(o.files, o.load);
  loaded.PrintIssues(io.err, io.err_style);
  if (!loaded.ok()) return FailFixtures(io.err, loaded.error_count(), "nothing was audited");
  const Engine& engine = *loaded.engine;
  if (engine.world().tokens.empty()) return Fail(io.err, io.err_style, "the fixtures define no token to audit");
  AuditOptions options;
  options.at = o.At();
  options.expiring_within = absl::Hours(24) * o.expiring_within_days;
  options.older_than = absl::Hours(24) * o.older_than_days;
  options.jobs = o.jobs > 0 ? o.jobs : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  UseLargePages();  // the report of a large world is hundreds of MiB of fresh memory (cli/allocator.h)
  const AuditReport report = engine.Audit(options);
  if (o.format == "json") {
    io.out << RenderAuditJson(engine.snapshot(), report);
  } else if (o.format == "html") {
    io.out << RenderAuditHtml(engine.snapshot(), report);
  } else {
    io.out << RenderAuditText(engine.snapshot(), report, io.out_style);
  }
  return report.count(FindingSeverity::kError) > 0 ? kExitDeny : kExitAllow;
}

}  // namespace

const Command& AuditCommand() {
  static const Command* command = new Command{"audit", kAuditHelp, {Flag::kAt, Flag::kExpiringWithin, Flag::kOlderThan, Flag::kJobs, Flag::kMaxIssues, Flag::kMaxChecks, Flag::kFormat, Flag::kColor, Flag::kSet}, RunAudit};
  return *command;
}

}  // namespace hubperm
