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

namespace hubperm {

// More than any body, pasted error or whoami-v2 response: reading stops there (/dev/zero, a runaway pipe).
inline constexpr size_t kMaxInputBytes = size_t{64} << 20;

// The text of the file at `path`, or of `in` when `path` is "-". kNotFound when the file cannot be
// opened (the caller words that error: which argument named it); kResourceExhausted, with the reason,
// when the input is larger than `max_bytes`.
absl::StatusOr<std::string> ReadFileOrStdin(absl::string_view path, std::istream& in,
                                            size_t max_bytes = kMaxInputBytes);

}  // namespace hubperm

#endif  // HUBPERM_CLI_READ_INPUT_H_
