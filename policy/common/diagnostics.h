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

// An ordered list of issues. Not thread-safe; owned by one load.
class Diagnostics {
 public:
  void Error(SourcePos pos, std::string message) {
    issues_.push_back(Issue{Severity::kError, pos, std::move(message)});
  }
  void Warning(SourcePos pos, std::string message) {
    issues_.push_back(Issue{Severity::kWarning, pos, std::move(message)});
  }

  const std::vector<Issue>& issues() const { return issues_; }
  // The issues sorted by file and position (stable for equal positions), the order Render prints.
  std::vector<const Issue*> Sorted() const;
  bool has_errors() const;
  int error_count() const;
  int warning_count() const;

  // Every issue, sorted by file and position (stable for equal positions), each as
  // "file:line:col: error|warning: message", then the source line and a caret under the column.
  // `style` colours the severity and the caret.
  std::string Render(const SourceFiles& files, const Style& style = Style::Plain()) const;

 private:
  std::vector<Issue> issues_;
};

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_DIAGNOSTICS_H_
