// Copyright 2026 The hubperm Authors.
//
// cli/fail.h: how every hubperm command reports bad input on stderr, in one place:
//   hubperm: error: MESSAGE
//   hubperm: 3 errors in the fixtures; nothing was audited
// Both return kExitBadInput, so a command writes `return Fail(err, style, "...");`.

#ifndef HUBPERM_CLI_FAIL_H_
#define HUBPERM_CLI_FAIL_H_

#include <iosfwd>

#include "absl/strings/string_view.h"
#include "policy/hubperm.h"

namespace hubperm {

// Prints "hubperm: error: MESSAGE" ("error:" painted as a denial).
int Fail(std::ostream& err, const Style& style, absl::string_view message);

// Prints "hubperm: N error(s) in the fixtures; CONSEQUENCE" (after the fixtures' own issues).
int FailFixtures(std::ostream& err, int errors, absl::string_view consequence);

}  // namespace hubperm

#endif  // HUBPERM_CLI_FAIL_H_
