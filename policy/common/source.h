// Copyright 2026 The hubperm Authors.
//
// policy/common/source.h: where a fact came from, for error messages and explanations.
//
// Every node the loader reads keeps a `SourcePos` (file, 1-based line and column), so an error says
// "world.yaml:9:18: ..." and a decision says "resource group token-test-group gives alice write at
// world.yaml:9:18". `SourceFiles` owns the files' names and text; a position names its file by index,
// so positions are small, trivially copyable values.

#ifndef HUBPERM_POLICY_COMMON_SOURCE_H_
#define HUBPERM_POLICY_COMMON_SOURCE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace hubperm {

// A position in one of the files of a `SourceFiles`. Line and column are 1-based; a default-constructed
// position is "unknown" (for facts that come from no file, such as defaults).
struct SourcePos {
  int file = -1;
  int line = 0;
  int column = 0;

  bool known() const { return file >= 0; }
  friend bool operator==(const SourcePos& a, const SourcePos& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column;
  }
};

// Where each line of one text starts, found in one pass, so the lines of many positions are found in
// time linear in the text plus logarithmic per position (not a scan from the start for each).
class LineIndex {
 public:
  explicit LineIndex(absl::string_view text);
  // The text of the 1-based `line` without its line break, or "" when out of range.
  absl::string_view Line(int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  absl::string_view text_;
  std::vector<size_t> starts_;
};

// The files a world was loaded from: their names as given and their text. Append-only.
class SourceFiles {
 public:
  // Adds a file and returns its index for `SourcePos::file`. `text` is the whole file, or an excerpt of
  // it that starts at line `first_line` (one line of a JSON lines input): positions in it count lines
  // from the file's start, as messages show them.
  int Add(std::string name, std::string text, int first_line = 1);

  int size() const { return static_cast<int>(files_.size()); }
  absl::string_view name(int file) const { return files_[file].name; }
  absl::string_view text(int file) const { return files_[file].text; }
  // The line of the file that `text(file)` starts with.
  int first_line(int file) const { return files_[file].first_line; }

  // "name:line:col" for a known position (the name with its control characters escaped), "name" when only the file is known, "<unknown>" otherwise.
  std::string Format(const SourcePos& pos) const;

  // The text of `pos`'s line without its line break, or "" when unknown or out of range.
  absl::string_view Line(const SourcePos& pos) const;

 private:
  struct File {
    std::string name;
    std::string text;
    int first_line = 1;
  };
  std::vector<File> files_;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_SOURCE_H_
