// Copyright 2026 The hubperm Authors.
//
// cli/exit_codes.h: hubperm's exit codes, stable for scripts.

#ifndef HUBPERM_CLI_EXIT_CODES_H_
#define HUBPERM_CLI_EXIT_CODES_H_

namespace hubperm {

inline constexpr int kExitAllow = 0;     // check/explain: allowed; validate: no errors; test: all passed
inline constexpr int kExitDeny = 1;      // check/explain: denied; test: some case failed
inline constexpr int kExitBadInput = 2;  // bad usage, unreadable or invalid fixtures, unknown names
inline constexpr int kExitUnmodeled = 3; // check/explain: a route of the Hub's API that hubperm does not model

}  // namespace hubperm

#endif  // HUBPERM_CLI_EXIT_CODES_H_
