// Copyright 2026 The hubperm Authors.
//
// policy/common/diagnostics.h: problems with the user's input, every one of them.
//
// hubperm has two error channels (as cel-cpp does): an `absl::Status` for "could not run" (a file that
// cannot be read, an internal bug), and `Diagnostics` for everything wrong with what the user wrote. A
// loader adds every problem it finds and carries on, so one run reports them all; the caller stops
// before compiling when `has_errors()`.
//
// Rendered, an issue reads as compilers print theirs:
//   world.yaml:7:14: error: unknown org role 'wirte'; valid: no_access, read, contributor, write, admin
//       members: {alice: wirte}
//                        ^

#ifndef HUBPERM_POLICY_COMMON_DIAGNOSTICS_H_
#define HUBPERM_POLICY_COMMON_DIAGNOSTICS_H_

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "policy/common/source.h"
#include "policy/common/style.h"

namespace hubperm {

enum class Severity { kError, kWarning };

struct Issue {
  Severity severity;
  SourcePos pos;
  std::string message;
};

// How many issues of one file a Diagnostics keeps and prints by default (`--max-issues`); the others
// are counted and summed up as "and N more". A file with an error on every line would otherwise make
// output (and memory) grow with the file. docs/limits.md.
inline constexpr int kDefaultMaxIssuesPerFile = 50;
// The widest source line printed under an issue, in characters: a longer line is shown as a window of
// this width around the issue's column, cut ends marked "...", the caret still under the column.
inline constexpr int kExcerptWidth = 160;
// The longest message printed, in characters (a safety net: messages quote input values cut shorter).
inline constexpr int kMaxMessageChars = 1000;

// An ordered list of issues. Not thread-safe; owned by one load.
class Diagnostics {
 public:
  // Keeps at most `max_per_file` issues of each file (at least 1), the first ones added.
  explicit Diagnostics(int max_per_file = kDefaultMaxIssuesPerFile);

  void Error(SourcePos pos, std::string message) { Add(Severity::kError, pos, std::move(message)); }
  void Warning(SourcePos pos, std::string message) { Add(Severity::kWarning, pos, std::move(message)); }
  void Add(Severity severity, SourcePos pos, std::string message);

  // Whether `file` has as many issues as are kept: another is only counted, so a caller may skip
  // composing an expensive message (a "did you mean" over thousands of names).
  bool Full(int file) const;
  // The issues kept; error_count() and warning_count() count the others too.
  const std::vector<Issue>& issues() const { return issues_; }
  int max_per_file() const { return max_per_file_; }
  // How many issues were added past the bound, and not kept.
  int omitted_count() const;
  // The issues sorted by file and position (stable for equal positions), the order Render prints.
  std::vector<const Issue*> Sorted() const;
  bool has_errors() const;
  int error_count() const;
  int warning_count() const;

  // Writes every issue kept, sorted by file and position (stable for equal positions), each as
  // "file:line:col: error|warning: message", then the source line (at most kExcerptWidth characters of
  // it) and a caret under the column; after a file's issues, how many more were not kept. `style`
  // colours the severity and the caret. Time linear in the files' size plus the issues printed.
  void Print(const SourceFiles& files, const Style& style, std::ostream& out) const;
  // The same as a string.
  std::string Render(const SourceFiles& files, const Style& style = Style::Plain()) const;

 private:
  struct Omitted {
    int errors = 0;
    int warnings = 0;
  };
  int max_per_file_;
  std::vector<Issue> issues_;
  std::map<int, int> kept_;         // file -> issues kept
  std::map<int, Omitted> omitted_;  // file -> issues not kept
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_DIAGNOSTICS_H_
