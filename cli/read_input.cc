// Copyright 2026 The hubperm Authors.

#include "cli/read_input.h"

#include <fstream>
#include <istream>
#include <sstream>

namespace hubperm {

absl::optional<std::string> ReadFileOrStdin(absl::string_view path, std::istream& in) {
  std::ostringstream text;
  if (path == "-") {
    text << in.rdbuf();
    return text.str();
  }
  std::ifstream file(std::string(path), std::ios::binary);
  if (!file) return absl::nullopt;
  text << file.rdbuf();
  return text.str();
}

}  // namespace hubperm
