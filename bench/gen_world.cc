// Copyright 2026 The hubperm Authors.
//
// gen_world: writes a synthetic world (bench/synthetic_world.h) as one fixture YAML file, for benchmarks
// and for trying hubperm (check, audit) on an organization-sized world.
//
//   bazel run -c opt //bench:gen_world -- --tier=M --seed=1 > /tmp/m.yaml
//   bazel run -c opt //bench:gen_world -- --tier=S --repos=5000 --tokens=800 --out=/tmp/s.yaml
//
// --tier picks the base size (S, M or L; default S); --users, --orgs, --groups, --repos and --tokens
// override its counts, and the share flags its mix (bench/synthetic_world.h: WorldSize). The same flags
// always write the same file.

#include <fstream>
#include <iostream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "bench/synthetic_world.h"
#include "policy/load/world_writer.h"

namespace {

constexpr char kUsage[] =
    "usage: gen_world [--tier=S|M|L] [--seed=N] [--users=N] [--orgs=N] [--groups=N] [--repos=N] [--tokens=N]\n"
    "                 [--users-in-orgs=SHARE] [--paid-orgs=SHARE] [--repos-in-orgs=SHARE] [--repos-in-groups=SHARE]\n"
    "                 [--private-repos=SHARE] [--gated-repos=SHARE] [--classic-read-tokens=SHARE]\n"
    "                 [--classic-write-tokens=SHARE] [--dead-scopes=SHARE] [--max-scopes-per-token=N] [--out=FILE]\n";

int Usage(const std::string& problem) {
  std::cerr << "gen_world: " << problem << "\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string tier = "S", out;
  uint32_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    if (absl::ConsumePrefix(&arg, "--tier=")) tier = std::string(arg);
  }
  absl::optional<hubperm::WorldSize> size = hubperm::TierSize(tier);
  if (!size.has_value()) {
    return Usage("unknown tier '" + tier + "'; known: " + absl::StrJoin(hubperm::TierNames(), ", "));
  }
  struct CountFlag {
    const char* prefix;
    int* value;
  };
  const CountFlag counts[] = {{"--users=", &size->users},   {"--orgs=", &size->orgs},
                              {"--groups=", &size->groups}, {"--repos=", &size->repos},
                              {"--tokens=", &size->tokens}};
  // The mix: shares in [0, 1] (see WorldSize).
  struct ShareFlag {
    const char* prefix;
    double* value;
  };
  const ShareFlag shares[] = {{"--users-in-orgs=", &size->users_in_orgs},
                              {"--paid-orgs=", &size->paid_orgs},
                              {"--repos-in-orgs=", &size->repos_in_orgs},
                              {"--repos-in-groups=", &size->repos_in_groups},
                              {"--private-repos=", &size->private_repos},
                              {"--gated-repos=", &size->gated_repos},
                              {"--classic-read-tokens=", &size->classic_read_tokens},
                              {"--classic-write-tokens=", &size->classic_write_tokens},
                              {"--dead-scopes=", &size->dead_scopes}};
  for (int i = 1; i < argc; ++i) {
    absl::string_view arg = argv[i];
    bool known = absl::ConsumePrefix(&arg, "--tier=");
    for (const ShareFlag& flag : shares) {
      if (!absl::ConsumePrefix(&arg, flag.prefix)) continue;
      if (!absl::SimpleAtod(arg, flag.value) || !(*flag.value >= 0 && *flag.value <= 1)) {
        return Usage(std::string(flag.prefix) + " takes a share between 0 and 1, not '" + std::string(arg) + "'");
      }
      known = true;
    }
    if (absl::ConsumePrefix(&arg, "--max-scopes-per-token=")) {
      if (!absl::SimpleAtoi(arg, &size->max_scopes_per_token) || size->max_scopes_per_token < 1) {
        return Usage("--max-scopes-per-token takes a count of at least 1, not '" + std::string(arg) + "'");
      }
      known = true;
    }
    if (absl::ConsumePrefix(&arg, "--seed=")) {
      if (!absl::SimpleAtoi(arg, &seed)) return Usage("--seed takes a number, not '" + std::string(arg) + "'");
      known = true;
    } else if (absl::ConsumePrefix(&arg, "--out=")) {
      out = std::string(arg);
      known = true;
    }
    for (const CountFlag& flag : counts) {
      if (!absl::ConsumePrefix(&arg, flag.prefix)) continue;
      if (!absl::SimpleAtoi(arg, flag.value) || *flag.value < 0) {
        return Usage(std::string(flag.prefix) + " takes a count, not '" + std::string(arg) + "'");
      }
      known = true;
    }
    if (!known) return Usage("unknown argument '" + std::string(argv[i]) + "'");
  }
  const std::string yaml = hubperm::WriteFixture(hubperm::SyntheticWorld(*size, seed));
  if (out.empty()) {
    std::cout << yaml;
    return std::cout.good() ? 0 : 1;
  }
  std::ofstream file(out, std::ios::binary);
  file << yaml;
  if (!file.good()) {
    std::cerr << "gen_world: cannot write '" << out << "'\n";
    return 1;
  }
  return 0;
}
