// Copyright 2026 The hubperm Authors.
//
// testdata/fixture_files.h: for tests, the fixture files under testdata/ and their text.
//
// Tests run in Bazel's runfiles tree, where testdata/ (the `fixtures` filegroup) sits under the working
// directory, so paths here are relative ("testdata/spec").

#ifndef HUBPERM_TESTDATA_FIXTURE_FILES_H_
#define HUBPERM_TESTDATA_FIXTURE_FILES_H_

#include <string>
#include <vector>

namespace hubperm {

enum class Descend { kNo, kYes };

// The paths of the `.yaml` files in `dir` (and, with Descend::kYes, in every folder below it), sorted;
// empty when `dir` cannot be read.
std::vector<std::string> YamlFilesIn(const std::string& dir, Descend descend = Descend::kNo);

// The whole content of the file at `path`, or "" when it cannot be read.
std::string ReadFileOrEmpty(const std::string& path);

}  // namespace hubperm

#endif  // HUBPERM_TESTDATA_FIXTURE_FILES_H_
