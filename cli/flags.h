// Copyright 2026 The hubperm Authors.
//
// cli/flags.h: every flag of every `hubperm` command, in one table (flags.cc), and the parsed options.
//
// A flag is spelled one way everywhere (`--repo-type`, also `--repo-type=model`); the table says whether
// it takes a value and where the value goes. Which commands take which flags is the commands' own list
// (command.h); ParseArgs reads the whole line, reporting the first problem.

#ifndef HUBPERM_CLI_FLAGS_H_
#define HUBPERM_CLI_FLAGS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "absl/types/optional.h"
#include "policy/hubperm.h"

namespace hubperm {

enum class Flag : uint8_t {
  kToken,
  kHttp,
  kBody,
  kContentType,
  kOperation,
  kPermission,
  kFromError,
  kRepo,
  kRepoType,
  kOrg,
  kUser,
  kGroup,
  kTo,
  kWrite,
  kExistOk,
  kFormat,
  kColor,
  kFilter,
  kJunit,
  kCoverage,
  kName,
  kClient,
  kAt,
  kExpiringWithin,
  kOlderThan,
  kMaxIssues,
  kMaxChecks,
  kPlan,
  kTokenPolicy,
  kOut,
  kTokenFile,
  kWhoamiOnly,
  kBatch,
  kJobs,
  kOwner,
  kFor,
  kFromLog,
  kPrefer,
  kCompare,
  kLevel,
  kSet,
  kMin,
};

// "--repo-type".
absl::string_view FlagName(Flag flag);
// The flag spelled `name`, or nullopt.
absl::optional<Flag> FindFlag(absl::string_view name);
// Every flag's name, and --help, for "did you mean".
std::vector<absl::string_view> AllFlagNames();

// The command line, parsed.
struct Options {
  std::string command;
  std::vector<std::string> files;
  std::vector<Flag> given;  // the flags given, in order, for the per-command check
  bool help = false;
  std::string token;
  std::string http;
  std::string body;
  bool has_body = false;
  std::string content_type;
  std::string client;  // routes --client  // --content-type: the body's format; "" recognizes it
  std::string operation;
  std::string permission;
  std::string from_error;  // --from-error TEXT, @FILE, or - for stdin
  TargetArgs target_args;  // --repo, --repo-type, --org, --user, --group, --to, --write
  std::string format = "text";  // text, json, or (audit) html
  std::string color = "auto";
  std::string filter;
  std::string junit;
  std::string name;
  bool coverage = false;
  absl::optional<double> min_coverage;  // test --min PERCENT
  absl::optional<absl::Time> at;  // --at: the moment asked; unset is now (At())
  int expiring_within_days = 30;  // audit --expiring-within DAYS
  int older_than_days = 365;      // audit --older-than DAYS
  LoadOptions load;               // --max-issues, --max-checks (docs/limits.md); --set: load.overrides
  absl::optional<OrgPlan> plan;   // import-org --plan
  absl::optional<TokenPolicy> token_policy;  // import-org --token-policy
  std::string out;                // fetch-org --out DIR
  std::string token_file;         // fetch-org --token-file FILE
  bool whoami_only = false;       // fetch-org --whoami-only
  std::string batch;              // check/explain --batch FILE, or - for stdin
  int jobs = 0;                   // audit --jobs N; 0: the machine's cores
  std::string owner;              // mint --owner USER
  std::string intents;            // mint --for INTENTS.yaml
  std::string from_log;           // mint --from-log FILE
  std::string prefer = "repo";    // mint --prefer repo|group|org
  std::string compare;            // mint --compare TOKEN
  std::string level;              // who-can --level see|read|write
  // diff: how many of `files` came before --to (the old world's; --to's value and the files after it are
  // the new world's), or -1 without --to.
  int to_at = -1;

  bool json() const { return format == "json"; }
  // The moment requests are decided at: --at, or now.
  absl::Time At() const { return at.has_value() ? *at : absl::Now(); }
  bool has(Flag flag) const;
};

// Parses `args` into `*options`; returns the first problem, or "" when there is none. It reads on after
// a problem, so that --help anywhere on the line still shows the help. `--flag=value` is `--flag value`.
std::string ParseArgs(const std::vector<std::string>& args, Options* options);

}  // namespace hubperm

#endif  // HUBPERM_CLI_FLAGS_H_
