// Copyright 2026 The hubperm Authors.

#include "cli/mint_command.h"

#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/exit_codes.h"
#include "cli/fail.h"
#include "cli/read_input.h"
#include "policy/hubperm.h"

namespace hubperm {
namespace {

constexpr char kMintHelp[] = R"(hubperm mint FILES... (--for INTENTS.yaml | --from-log FILE) [--owner USER]
                    [--prefer repo|group|org] [--name NAME] [--compare TOKEN] [--at TIME]
                    [--format text|json]

Prints the smallest fine-grained token for USER under which everything a job does is allowed: a fixture
entry (YAML) to paste into the world and to create on the Hub, with why each permission is there. Every
intent is decided with the minted token before it is printed (docs/mint.md).

What the job does, one of:
  --for INTENTS.yaml  a list of requests in any form, keyed as a case or a batch line is, without a token:
                        - {operation: upload_folder, repo: acme/m}
                        - {http: POST /api/repos/create, body: {type: model, name: x, organization: acme}}
                        - {permission: repo.write, org: acme}
  --from-log FILE     the requests a job made: JSON lines of `check --batch`'s format (their token names
                      the owner), or the log of the client recorder (tools/clients/recorder.py), whose
                      requests to the Hub are the intents

Minimal: removing any one permission denies some intent, and no scope is broader than an intent needs:
a repo's scope by default, the namespace's when a create needs it.
  --owner USER           whose token it is (default, with --from-log: the owner of the log's tokens)
  --prefer group|org     scope what a repo needs on its resource group, or on its org, instead
  --name NAME            the token's name (default: USER-minted)
  --compare TOKEN        how a token of the world differs from the minted one: its excess permissions
                         and scopes, what it lacks, and the intents it denies (its owner is the default
                         --owner)

An intent the owner's user side forbids is an error naming the role that is missing (no token can fix
it); so is one no fine-grained permission allows (creating in another user's namespace). Under an org's
require_approval policy, the output says an admin must approve the token. A route hubperm does not
model is a warning: it is not decided.

Exit codes: 0 minted, 2 bad input: fixtures or intents with errors, an intent no token can allow (then
nothing is printed on stdout).

Examples:
  hubperm mint testdata/founding/world.yaml --owner alice --for testdata/mint/founding.yaml
  hubperm mint testdata/founding/world.yaml --owner alice --for testdata/mint/founding.yaml --prefer group
  hubperm mint world.yaml --from-log job-requests.jsonl --format json | jq .scopes
  hubperm mint testdata/audit/world.yaml --compare ci-classic --for ci-job.yaml
)";

ScopePreference PreferenceOf(const std::string& prefer) {
  if (prefer == "group") return ScopePreference::kGroup;
  if (prefer == "org") return ScopePreference::kOrg;
  return ScopePreference::kRepo;
}

// The owner a log's batch lines name, through their tokens: one user, or an error.
absl::StatusOr<std::string> OwnerOfLog(const Engine& engine, const std::vector<Intent>& intents) {
  absl::flat_hash_map<absl::string_view, absl::string_view> owner_of;
  for (const Token& token : engine.world().tokens) owner_of[token.name.text] = token.owner.text;
  std::set<std::string> owners;
  for (const Intent& intent : intents) {
    if (intent.token.empty()) continue;
    const auto owner = owner_of.find(intent.token);
    if (owner == owner_of.end()) {
      return absl::NotFoundError(absl::StrCat("the log names token ", QuoteValue(intent.token), ", which the world lacks; give --owner"));
    }
    owners.insert(std::string(owner->second));
  }
  if (owners.empty()) return absl::InvalidArgumentError("the log names no token: give --owner USER");
  if (owners.size() > 1) {
    return absl::InvalidArgumentError(absl::StrCat("the log's tokens belong to ", owners.size(), " users (",
                                                   absl::StrJoin(owners, ", "), "): give --owner USER"));
  }
  return *owners.begin();
}

// The last line when the intents keep a token from being minted: "N WHAT" (`one`, or `many` for N > 1).
int FailIntents(std::ostream& err, int errors, absl::string_view one, absl::string_view many) {
  err << "hubperm: " << errors << " " << (errors == 1 ? one : many) << "; nothing was minted\n";
  return kExitBadInput;
}

int RunMint(const Options& o, CommandIo& io) {
  if (o.files.empty()) return Fail(io.err, io.err_style, "mint needs at least one fixture file (see hubperm mint --help)");
  if (o.intents.empty() == o.from_log.empty()) {
    return Fail(io.err, io.err_style, "mint needs exactly one of --for INTENTS.yaml and --from-log FILE");
  }
  const LoadResult loaded = Engine::Load(o.files, o.load);
  loaded.PrintIssues(io.err, io.err_style);
  if (!loaded.ok()) return FailFixtures(io.err, loaded.error_count(), "nothing was minted");
  const Engine& engine = *loaded.engine;

  const std::string& path = o.intents.empty() ? o.from_log : o.intents;
  absl::StatusOr<std::string> text = ReadFileOrStdin(path, io.in, o.intents.empty() ? kMaxFixtureBytes : kMaxInputBytes);
  if (!text.ok()) {
    return Fail(io.err, io.err_style,
                text.status().code() == absl::StatusCode::kNotFound
                    ? absl::StrCat("cannot read ", o.intents.empty() ? "--from-log " : "--for ", QuotePath(path))
                    : std::string(text.status().message()));
  }
  SourceFiles files;
  Diagnostics diagnostics(o.load.max_issues_per_file);
  const std::string name = path == "-" ? "stdin" : path;
  const Intents read = o.intents.empty() ? ReadRequestLog(name, *text, &files, &diagnostics)
                                         : ReadIntentsFile(name, *std::move(text), &files, &diagnostics);
  if (diagnostics.has_errors()) {
    diagnostics.Print(files, io.err_style, io.err);
    return FailIntents(io.err, diagnostics.error_count(), "error in the intents", "errors in the intents");
  }
  const Token* compared = nullptr;
  if (!o.compare.empty()) {
    std::vector<absl::string_view> names;
    for (const Token& token : engine.world().tokens) {
      if (token.name.text == o.compare) compared = &token;
      names.push_back(token.name.text);
    }
    if (compared == nullptr) {
      return Fail(io.err, io.err_style, absl::StrCat("--compare: unknown token ", QuoteValue(o.compare), DidYouMean(o.compare, names)));
    }
    if (compared->kind != TokenKind::kUser) {
      return Fail(io.err, io.err_style, absl::StrCat("--compare: token ", QuoteValue(o.compare), " is not a user access token; mint makes those"));
    }
    if (!o.owner.empty() && o.owner != compared->owner.text) {
      return Fail(io.err, io.err_style, absl::StrCat("--compare: token ", QuoteValue(o.compare), " is ", QuoteValue(compared->owner.text),
                                                     "'s, not ", QuoteValue(o.owner), "'s"));
    }
  }
  std::string owner = compared != nullptr ? compared->owner.text : o.owner;
  if (owner.empty()) {
    if (o.from_log.empty()) return Fail(io.err, io.err_style, "mint --for needs --owner USER: whose token it is");
    absl::StatusOr<std::string> from_log = OwnerOfLog(engine, read.intents);
    if (!from_log.ok()) return Fail(io.err, io.err_style, from_log.status().message());
    owner = *from_log;
  }
  bool known = false;
  std::vector<absl::string_view> users;
  for (const Name& user : engine.world().users) {
    known = known || user.text == owner;
    users.push_back(user.text);
  }
  if (!known) {
    return Fail(io.err, io.err_style, absl::StrCat("unknown user ", QuoteValue(owner), DidYouMean(owner, users)));
  }

  MintOptions options;
  options.prefer = PreferenceOf(o.prefer);
  options.token_name = o.name;
  options.at = o.at.has_value() ? *o.at : Request::kAnyMoment;
  const MintResult minted = engine.Mint(owner, read.intents, options, &diagnostics);
  if (diagnostics.has_errors()) {
    diagnostics.Print(files, io.err_style, io.err);
    return FailIntents(io.err, diagnostics.error_count(), "error in the intents", "errors in the intents");
  }
  diagnostics = MintProblems(minted, read.intents);
  diagnostics.Print(files, io.err_style, io.err);
  if (diagnostics.has_errors()) return FailIntents(io.err, diagnostics.error_count(), "intent no token can allow", "intents no token can allow");
  if (read.other_hosts > 0) {
    io.err << "hubperm: " << read.other_hosts << " request" << (read.other_hosts == 1 ? "" : "s")
           << " of the log went to hosts other than the Hub (storage): no token permission concerns them\n";
  }
  absl::optional<MintComparison> comparison;
  if (compared != nullptr) {
    comparison = Compare(engine.world(), engine.snapshot(), *compared, read.intents, minted, options);
  }
  const MintComparison* compare = comparison.has_value() ? &*comparison : nullptr;
  io.out << (o.json() ? RenderMintJson(minted, read.intents, files, compare)
                      : RenderMintedFixture(minted, read.intents, files, compare));
  return kExitAllow;
}

}  // namespace

const Command& MintCommand() {
  static const Command* command = new Command{
      "mint", kMintHelp,
      {Flag::kFor, Flag::kFromLog, Flag::kOwner, Flag::kPrefer, Flag::kName, Flag::kCompare, Flag::kAt, Flag::kMaxIssues, Flag::kMaxChecks,
       Flag::kFormat, Flag::kColor, Flag::kSet},
      RunMint};
  return *command;
}

}  // namespace hubperm
