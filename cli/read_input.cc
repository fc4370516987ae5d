// Copyright 2026 The hubperm Authors.

#include "cli/read_input.h"

#include <fstream>
#include <istream>

#include "absl/strings/str_cat.h"

namespace hubperm {
namespace {

// Reads `in` to its end, or until it has given more than `max_bytes`.
absl::StatusOr<std::string> ReadBounded(std::istream& in, absl::string_view name, size_t max_bytes) {
  std::string text;
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat(name, " is larger than ", max_bytes >> 20, " MiB; hubperm reads no input that large"));
    }
  }
  return text;
}

}  // namespace

absl::StatusOr<std::string> ReadFileOrStdin(absl::string_view path, std::istream& in, size_t max_bytes) {
  if (path == "-") return ReadBounded(in, "stdin", max_bytes);
  std::ifstream file(std::string(path), std::ios::binary);
  if (!file) return absl::NotFoundError(absl::StrCat("cannot read '", path, "'"));
  return ReadBounded(file, absl::StrCat("'", path, "'"), max_bytes);
}

}  // namespace hubperm
