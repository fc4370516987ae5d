// Copyright 2026 The hubperm Authors.

#include "testdata/fixture_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace hubperm {

std::vector<std::string> YamlFilesIn(const std::string& dir, Descend descend) {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  std::error_code error;
  auto add = [&](const fs::directory_entry& entry) {
    // Runfiles are symlinks: is_regular_file follows them.
    if (entry.path().extension() == ".yaml" && entry.is_regular_file(error)) paths.push_back(entry.path().string());
  };
  if (descend == Descend::kYes) {
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::follow_directory_symlink, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      add(*it);
    }
  } else {
    for (auto it = fs::directory_iterator(dir, error); !error && it != fs::directory_iterator(); it.increment(error)) {
      add(*it);
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace hubperm
