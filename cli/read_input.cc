// Copyright 2026 The hubperm Authors.

#include "cli/read_input.h"

namespace hubperm {

absl::StatusOr<std::string> ReadFileOrStdin(absl::string_view path, std::istream& in, size_t max_bytes) {
  if (path == "-") return ReadStream(in, "stdin", max_bytes);
  return ReadRegularFile(path, max_bytes);
}

}  // namespace hubperm
