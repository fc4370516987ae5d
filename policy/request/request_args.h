// Copyright 2026 The hubperm Authors.
//
// policy/request/request_args.h: the arguments of a request, and how its asker spells them.
//
// The same request comes from the command line (`--operation create_repo --repo acme/x`) or from a YAML
// case (`operation: create_repo`, `repo: acme/x`). The request pipeline words every error about the
// arguments in the asker's own spelling, the Dialect: a case's error names the case's keys
// ("repo: goes with operation: or permission:"), the CLI's its flags ("--repo goes with ...").
//
//   TargetArgs args;
//   args.dialect = Dialect::kCaseKeys;
//   Spell(Arg::kRepo, args.dialect);  // "repo:"

#ifndef HUBPERM_POLICY_REQUEST_REQUEST_ARGS_H_
#define HUBPERM_POLICY_REQUEST_REQUEST_ARGS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "policy/model/vocabulary.h"

namespace hubperm {

// Where a request's arguments come from.
enum class Dialect : uint8_t {
  kFlags,     // the command line: "--repo"
  kCaseKeys,  // a YAML case: "repo:"
  kJsonKeys,  // a line of a batch (`check --batch`, docs/batch-json.md): "\"repo\""
};

// Every argument a request may have, in any form.
enum class Arg : uint8_t {
  kToken,       // the token asking
  kHttp,        // "VERB PATH"
  kBody,        // the HTTP form's body
  kOperation,   // a huggingface_hub method
  kPermission,  // a fine-grained permission
  kFromError,   // an error huggingface_hub printed
  kRepo,
  kRepoType,
  kOrg,
  kUser,
  kGroup,
  kTo,
  kWrite,       // auth_check(write=True)
  kExistOk,     // create_repo(exist_ok=True)
};
inline constexpr int kArgCount = static_cast<int>(Arg::kExistOk) + 1;

// `arg` as `dialect` spells it: "--repo-type" on the command line, "repo_type:" in a case, "\"repo_type\""
// in a batch line.
absl::string_view Spell(Arg arg, Dialect dialect);

// What a request's flags (or a case's keys) say about its target, before the request is described.
struct TargetArgs {
  std::string repo;                     // "ns/name"; for create_repo, the repo to create
  absl::optional<RepoType> repo_type;
  std::string org;
  std::string user;                     // the permission form only
  std::string group;                    // a resource group
  std::string to;                       // "ns/name": where move_repo and duplicate_repo put the repo
  bool write = false;                   // auth_check(write=True)
  bool exist_ok = false;                // create_repo(exist_ok=True): a sequence (sequence_request.h)
  Dialect dialect = Dialect::kFlags;    // how errors name these
};

// The target arguments `args` holds, in the order of the Arg enum.
std::vector<Arg> GivenArgs(const TargetArgs& args);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_REQUEST_REQUEST_ARGS_H_
