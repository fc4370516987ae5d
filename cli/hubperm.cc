// Copyright 2026 The hubperm Authors.

#include "cli/hubperm.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/audit_command.h"
#include "cli/check_command.h"
#include "cli/command.h"
#include "cli/fail.h"
#include "cli/flags.h"
#include "cli/import_command.h"
#include "cli/import_org_command.h"
#include "cli/mint_command.h"
#include "cli/who_can_command.h"
#include "cli/diff_command.h"
#include "cli/fetch_org_command.h"
#include "cli/routes_command.h"
#include "cli/safe_output.h"
#include "cli/test_command.h"
#include "cli/validate_command.h"

namespace hubperm {
namespace {

constexpr char kVersion[] = "hubperm 0.1.0";

constexpr char kUsage[] = R"(hubperm: would this Hugging Face Hub token be allowed to do this?

Usage:
  hubperm check    FILES... --token NAME REQUEST    one line: ALLOW, or DENY and why
  hubperm explain  FILES... --token NAME REQUEST    both sides, the Hub's answer, assumptions, the fix
  hubperm validate FILES...                         report every error and warning in the fixtures
  hubperm test     FILES... [--filter PATTERN] [--junit FILE] [--coverage [--min PERCENT]]
                                                    run the cases and rules: N passed, N failed
  hubperm routes   [--filter TEXT]                  every route of the Hub's API: how hubperm decides it
  hubperm audit    FILES... [--format text|json|html]
                                                    every token: effective access and findings
  hubperm import-whoami [FILE.json | -] [--name NAME]
                                                    a token's whoami-v2 response -> fixture YAML
  hubperm fetch-org ORG --out DIR                   save an org's API responses (HF_TOKEN: an admin's)
  hubperm import-org DIR                            an org's saved responses -> one fixture world
  hubperm mint     FILES... --for INTENTS.yaml | --from-log FILE [--owner USER]
                                                    the smallest fine-grained token for what a job does
  hubperm who-can  FILES... REQUEST | --level see|read|write --repo NS/NAME
                                                    every token that may, and the users who could make one
  hubperm diff     OLD_FILES... --to NEW_FILES... | FILES... --set PATH=VALUE...
                                                    every decision a change to the world changes
  hubperm --version | --help | help COMMAND | COMMAND --help

Options:
  --format text|json    text for people (the default); json for tools: check and explain print the
                        decision as documented in docs/explanation-json.md, validate its issues,
                        test its results, routes the route table, audit its report (audit also
                        takes html: one self-contained page), mint its token (docs/mint.md)
  --color auto|always|never
                        colour the verdicts (auto, the default: only on a terminal, and never when
                        the NO_COLOR environment variable is set)
  --max-issues N        print at most N issues per fixture file (default 50), then how many more
  --max-checks N        let the cases expand to at most N checks in all (default 100000)
  --set PATH=VALUE      what-if: change one fact of the world before deciding (check, explain, audit,
                        test, validate, who-can, mint, diff), e.g.
                        --set orgs.acme.token_policy=require_approval; repeatable (docs/what-if.md)

Limits: hubperm reads regular files (or - for stdin) of at most 1 GiB for fixtures and 64 MiB for
other inputs, and escapes control characters in everything it prints; every bound, and how to raise
the ones a user may need to, is in docs/limits.md.

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


// Every command, in the order `hubperm --help` lists them.
const std::vector<const Command*>& Commands() {
  static const auto* commands = new std::vector<const Command*>{
      &CheckCommand(), &ExplainCommand(), &ValidateCommand(), &TestCommand(),
      &RoutesCommand(), &AuditCommand(), &ImportWhoamiCommand(), &ImportOrgCommand(), &FetchOrgCommand(),
      &MintCommand(), &WhoCanCommand(), &DiffCommand(),
  };
  return *commands;
}

const Command* FindCommand(absl::string_view name) {
  for (const Command* c : Commands()) {
    if (c->name == name) return c;
  }
  return nullptr;
}

// The flags of `o` that its command does not take, as an error message, or "".
std::string CheckFlagsFit(const Options& o, const Command& command) {
  for (Flag flag : o.given) {
    if (std::find(command.flags.begin(), command.flags.end(), flag) == command.flags.end()) {
      return absl::StrCat(FlagName(flag), " does not apply to ", command.name, " (see hubperm ", command.name, " --help)");
    }
  }
  return "";
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
  const Style out_style = WantsColour(o.color, terminal.out_is_terminal, terminal.no_color) ? Style::Ansi() : Style::Plain();
  const Style err_style = WantsColour(o.color, terminal.err_is_terminal, terminal.no_color) ? Style::Ansi() : Style::Plain();
  // Everything a command prints passes through these: no input reaches the terminal as a control.
  SafeOutput safe_out(out, out_style.colour());
  SafeOutput safe_err(err, err_style.colour());
  CommandIo io{in, safe_out.stream(), safe_err.stream(), out_style, err_style};
  // `hubperm help [COMMAND]` is `hubperm [COMMAND] --help`.
  if (o.command == "help") {
    if (o.files.size() > 1) return Fail(io.err, io.err_style, "help takes at most one command");
    o.command = o.files.empty() ? "" : o.files[0];
    o.files.clear();
    o.help = true;
  }
  const Command* command = FindCommand(o.command);
  if (o.help) {
    if (command != nullptr) {
      const bool decides = command->name == "check" || command->name == "explain";
      io.out << command->help << (decides ? absl::StrCat("\n", RequestFormsHelp()) : "");
      return kExitAllow;
    }
    if (o.command.empty()) {
      io.out << kUsage;
      return kExitAllow;
    }
  }
  if (!problem.empty()) return Fail(io.err, io.err_style, absl::StrCat(problem, " (see hubperm --help)"));
  if (command == nullptr) {
    std::vector<absl::string_view> names;
    for (const Command* c : Commands()) names.push_back(c->name);
    if (o.command.empty()) return Fail(io.err, io.err_style, "no command (see hubperm --help)");
    return Fail(io.err, io.err_style,
                absl::StrCat("unknown command ", QuoteValue(o.command), DidYouMean(o.command, names), " (commands: ",
                             absl::StrJoin(names, ", "), ")"));
  }
  if (const std::string misfit = CheckFlagsFit(o, *command); !misfit.empty()) return Fail(io.err, io.err_style, misfit);
  if (o.format == "html" && command->name != "audit" && command->name != "diff") {
    return Fail(io.err, io.err_style,
                absl::StrCat("--format html applies to audit and diff only; ", command->name, " takes text or json"));
  }
  return command->run(o, io);
}

}  // namespace hubperm
