// Copyright 2026 The hubperm Authors.

#include "policy/common/diagnostics.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "policy/common/utf8.h"

namespace hubperm {

bool Diagnostics::has_errors() const { return error_count() > 0; }

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(issues_.begin(), issues_.end(),
                                        [](const Issue& i) { return i.severity == Severity::kError; }));
}

int Diagnostics::warning_count() const { return static_cast<int>(issues_.size()) - error_count(); }

std::vector<const Issue*> Diagnostics::Sorted() const {
  std::vector<const Issue*> sorted;
  sorted.reserve(issues_.size());
  for (const Issue& issue : issues_) sorted.push_back(&issue);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Issue* a, const Issue* b) {
    return std::tie(a->pos.file, a->pos.line, a->pos.column) <
           std::tie(b->pos.file, b->pos.line, b->pos.column);
  });
  return sorted;
}

std::string Diagnostics::Render(const SourceFiles& files, const Style& style) const {
  std::string out;
  for (const Issue* issue : Sorted()) {
    const bool error = issue->severity == Severity::kError;
    absl::StrAppend(&out, files.Format(issue->pos), ": ",
                    style.Paint(error ? Tone::kDeny : Tone::kWarning, error ? "error:" : "warning:"), " ",
                    issue->message, "\n");
    absl::string_view line = files.Line(issue->pos);
    if (line.empty()) continue;
    absl::StrAppend(&out, "    ", Printable(line), "\n    ", CaretIndent(line, issue->pos.column),
                    style.Paint(Tone::kAllow, "^"), "\n");
  }
  return out;
}

}  // namespace hubperm
