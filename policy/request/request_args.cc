// Copyright 2026 The hubperm Authors.

#include "policy/request/request_args.h"

#include <array>

namespace hubperm {
namespace {

struct ArgSpelling {
  Arg arg;
  absl::string_view flag;      // Dialect::kFlags
  absl::string_view case_key;  // Dialect::kCaseKeys (docs/fixture-format.md, "case")
  absl::string_view json_key;  // Dialect::kJsonKeys (docs/batch-json.md)
};

// One row per Arg, in enum order (checked below).
constexpr std::array<ArgSpelling, kArgCount> kSpellings = {{
    {Arg::kToken,     "--token",      "token:",      "\"token\""},
    {Arg::kHttp,      "--http",       "http:",       "\"http\""},
    {Arg::kBody,      "--body",       "body:",       "\"body\""},
    {Arg::kOperation, "--operation",  "operation:",  "\"operation\""},
    {Arg::kPermission, "--permission", "permission:", "\"permission\""},
    {Arg::kFromError, "--from-error", "from_error:", "\"from_error\""},
    {Arg::kRepo,      "--repo",       "repo:",       "\"repo\""},
    {Arg::kRepoType,  "--repo-type",  "repo_type:",  "\"repo_type\""},
    {Arg::kOrg,       "--org",        "org:",        "\"org\""},
    {Arg::kUser,      "--user",       "user:",       "\"user\""},
    {Arg::kGroup,     "--group",      "group:",      "\"group\""},
    {Arg::kTo,        "--to",         "to:",         "\"to\""},
    {Arg::kWrite,     "--write",      "write:",      "\"write\""},
    {Arg::kExistOk,   "--exist-ok",   "exist_ok:",   "\"exist_ok\""},
}};

constexpr bool RowsInEnumOrder() {
  for (size_t i = 0; i < kSpellings.size(); ++i) {
    if (static_cast<size_t>(kSpellings[i].arg) != i) return false;
  }
  return true;
}
static_assert(RowsInEnumOrder(), "kSpellings rows must follow the Arg enum's order");

}  // namespace

absl::string_view Spell(Arg arg, Dialect dialect) {
  const ArgSpelling& row = kSpellings[static_cast<size_t>(arg)];
  switch (dialect) {
    case Dialect::kFlags:
      return row.flag;
    case Dialect::kCaseKeys:
      return row.case_key;
    case Dialect::kJsonKeys:
      return row.json_key;
  }
  return row.flag;
}

std::vector<Arg> GivenArgs(const TargetArgs& args) {
  std::vector<Arg> given;
  if (!args.repo.empty()) given.push_back(Arg::kRepo);
  if (args.repo_type.has_value()) given.push_back(Arg::kRepoType);
  if (!args.org.empty()) given.push_back(Arg::kOrg);
  if (!args.user.empty()) given.push_back(Arg::kUser);
  if (!args.group.empty()) given.push_back(Arg::kGroup);
  if (!args.to.empty()) given.push_back(Arg::kTo);
  if (args.write) given.push_back(Arg::kWrite);
  if (args.exist_ok) given.push_back(Arg::kExistOk);
  return given;
}

}  // namespace hubperm
