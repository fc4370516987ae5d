// Copyright 2026 The hubperm Authors.

#include "cli/diff_command.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"
#include "policy/hubperm.h"

namespace hubperm {
namespace {

constexpr char kDiffHelp[] = R"(hubperm diff OLD_FILES... --to NEW_FILES... [--set PATH=VALUE]... [--format text|json|html]
hubperm diff FILES... --set PATH=VALUE [--set PATH=VALUE]...

What does a change to a world do to who may do what? Every (token, request) whose decision differs
between the old world and the new one: every operation hubperm models, on every repo, namespace, org
and resource group either world has, asked of each token as far as a changed fact can reach it. Access
gained and access lost are counted apart; each change comes with the deciding reasons of both answers
and the facts that changed under it (a role, a scope, a token policy or approval, a repo's group or
visibility, a token added or removed, ...).

  --to NEW_FILES...     the new world's files (every file after --to)
  --set PATH=VALUE      change one fact of the new world (without --to: of a copy of the old one);
                        repeat it for more. The paths (docs/what-if.md):
                          orgs.ORG.token_policy=require_approval   orgs.ORG.members.USER=write|none
                          orgs.ORG.resource_groups.GROUP.members.USER=admin
                          repos.NS/NAME.resource_group=GROUP       repos.NS/NAME.private=true
                          tokens.TOKEN.org_status.ORG=revoked      tokens.TOKEN=none
  --at TIME|now         the moment both worlds are asked at (token lifetimes); default: now
  --format html         one self-contained page, in the audit page's style

JSON (--format json, schema hubperm.diff/v1, docs/diff.md): "counts", "facts" (each with what it
did) and "tokens" (each token's changes: operation, targets, both answers with their reasons).

Exit codes: 0 nothing changed, 1 some decision changed, 2 bad input (fixtures with errors, a bad
--set).

Examples:
  hubperm diff testdata/diff/before.yaml --to testdata/diff/after.yaml
  hubperm diff testdata/audit/world.yaml --set orgs.acme.token_policy=require_approval
  hubperm diff testdata/audit/world.yaml --set tokens.ci-bot.org_status.acme=revoked --format json
)";

int RunDiff(const Options& o, CommandIo& io) {
  const bool has_to = o.to_at >= 0;
  std::vector<std::string> before(o.files.begin(), o.files.begin() + (has_to ? o.to_at : static_cast<int>(o.files.size())));
  if (before.empty()) return Fail(io.err, io.err_style, "diff needs the old world's files first (see hubperm diff --help)");
  if (!has_to && o.load.overrides.empty()) {
    return Fail(io.err, io.err_style, "diff needs the new world: --to NEW_FILES..., or --set PATH=VALUE to change the old one");
  }
  if (!o.json() && o.format != "text" && o.format != "html") {
    return Fail(io.err, io.err_style, absl::StrCat("--format must be text, json or html, not '", o.format, "'"));
  }
  std::vector<std::string> after = before;
  if (has_to) {
    after = {o.target_args.to};
    after.insert(after.end(), o.files.begin() + o.to_at, o.files.end());
  }
  LoadOptions before_options = o.load;
  before_options.overrides.clear();
  const LoadResult old_world = Engine::Load(before, before_options);
  const LoadResult new_world = Engine::Load(after, o.load);
  // Without --to the new world is the old one's files and the sets: its issues are the old world's and
  // the sets', so they are printed once, unless the sets mended what breaks the old world.
  const bool old_issues = has_to || (new_world.ok() && !old_world.ok());
  if (old_issues) old_world.PrintIssues(io.err, io.err_style);
  new_world.PrintIssues(io.err, io.err_style);
  if (!old_world.ok() || !new_world.ok()) {
    return FailFixtures(io.err, (old_issues ? old_world.error_count() : 0) + new_world.error_count(),
                        "nothing was compared");
  }
  DiffHeader header;
  header.before_files = before;
  header.after_files = after;
  header.sets = o.load.overrides;
  header.at = o.At();
  DiffOptions options;
  options.at = *header.at;
  const WorldPair pair(old_world.engine->snapshot(), new_world.engine->snapshot());
  const DiffResult diff = Diff(pair, options);
  const DiffReport report = SummarizeDiff(pair, diff);
  if (o.json()) {
    io.out << RenderDiffJson(pair, diff, report, header);
  } else if (o.format == "html") {
    io.out << RenderDiffHtml(pair, diff, report, header);
  } else {
    io.out << RenderDiffText(pair, diff, report, header, io.out_style);
  }
  return diff.changed == 0 ? kExitAllow : kExitDeny;
}

}  // namespace

const Command& DiffCommand() {
  static const Command* command = new Command{
      "diff", kDiffHelp, {Flag::kTo, Flag::kSet, Flag::kAt, Flag::kMaxIssues, Flag::kMaxChecks, Flag::kFormat, Flag::kColor},
      RunDiff};
  return *command;
}

}  // namespace hubperm
