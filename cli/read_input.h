// Copyright 2026 The hubperm Authors.
//
// cli/read_input.h: the whole of a file named on the command line, or of stdin for "-".

#ifndef HUBPERM_CLI_READ_INPUT_H_
#define HUBPERM_CLI_READ_INPUT_H_

#include <iosfwd>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/optional.h"

namespace hubperm {

// The text of the file at `path`, or of `in` when `path` is "-"; nullopt when the file cannot be opened
// (the caller words the error: which argument named it).
absl::optional<std::string> ReadFileOrStdin(absl::string_view path, std::istream& in);

}  // namespace hubperm

#endif  // HUBPERM_CLI_READ_INPUT_H_
