// Copyright 2026 The hubperm Authors.
//
// cli/request_flags.h: the request a command line states (--http and --body, --operation, --permission,
// --from-error, the target flags, --at), for check, explain and who-can.

#ifndef HUBPERM_CLI_REQUEST_FLAGS_H_
#define HUBPERM_CLI_REQUEST_FLAGS_H_

#include <istream>

#include "absl/status/statusor.h"
#include "cli/flags.h"
#include "policy/hubperm.h"

namespace hubperm {

// The request the flags of `o` state, in whichever form they use: the pipeline's input, with the body
// and the error text read from the command line, a file (@FILE) or stdin (-).
absl::StatusOr<RequestInput> InputOfFlags(const Options& o, std::istream& in);

}  // namespace hubperm

#endif  // HUBPERM_CLI_REQUEST_FLAGS_H_
