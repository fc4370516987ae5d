// Copyright 2026 The hubperm Authors.
//
// cli/read_input.h: the whole of a file named on the command line, or of stdin for "-", bounded.

#ifndef HUBPERM_CLI_READ_INPUT_H_
#define HUBPERM_CLI_READ_INPUT_H_

#include <cstddef>
#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "policy/hubperm.h"

namespace hubperm {

// The text of the file at `path`, or of `in` when `path` is "-", read as ReadRegularFile and ReadStream
// (policy/common/read_file.h) do: kNotFound when the file cannot be opened (the caller words that
// error: which argument named it), kFailedPrecondition for a directory, a FIFO or a device,
// kResourceExhausted when the input is larger than `max_bytes`.
absl::StatusOr<std::string> ReadFileOrStdin(absl::string_view path, std::istream& in,
                                            size_t max_bytes = kMaxInputBytes);

}  // namespace hubperm

#endif  // HUBPERM_CLI_READ_INPUT_H_
