// Copyright 2026 The hubperm Authors.

#include "policy/common/diagnostics.h"

#include <algorithm>
#include <ostream>
#include <sstream>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "policy/common/escape.h"
#include "policy/common/utf8.h"

namespace hubperm {
namespace {

// The part of `line` shown under an issue at the 1-based character `column`: all of it when it has at
// most `width` characters, else `width` characters around the column.
struct Excerpt {
  absl::string_view text;
  int column = 1;  // the issue's column within `text`
  bool cut_before = false;
  bool cut_after = false;
};

Excerpt ExcerptAround(absl::string_view line, int column, int width) {
  // Two passes over the line, no allocation: a line may be megabytes long.
  int characters = 0;
  ForEachCharacter(line, [&](absl::string_view, bool) { ++characters; });
  if (characters <= width) return Excerpt{line, column};
  int first = std::max(1, std::min(column, characters) - width / 2);
  const int last = std::min(characters, first + width - 1);
  first = std::max(1, last - width + 1);
  size_t begin = 0, end = line.size();
  int index = 0;
  ForEachCharacter(line, [&](absl::string_view c, bool) {
    ++index;
    const size_t offset = static_cast<size_t>(c.data() - line.data());
    if (index == first) begin = offset;
    if (index == last + 1) end = offset;
  });
  Excerpt excerpt;
  excerpt.text = line.substr(begin, end - begin);
  excerpt.column = column - first + 1;
  excerpt.cut_before = first > 1;
  excerpt.cut_after = last < characters;
  return excerpt;
}

std::string CutMessage(const std::string& message) {
  int characters = 0;
  size_t end = message.size();
  ForEachCharacter(message, [&](absl::string_view c, bool) {
    if (characters++ == kMaxMessageChars && end == message.size()) end = static_cast<size_t>(c.data() - message.data());
  });
  if (end == message.size()) return message;
  return absl::StrCat(message.substr(0, end), "... (message cut at ", kMaxMessageChars, " characters)");
}

std::string Count(int n, absl::string_view what) { return absl::StrCat(n, " more ", what, n == 1 ? "" : "s"); }

}  // namespace

Diagnostics::Diagnostics(int max_per_file) : max_per_file_(std::max(1, max_per_file)) {}

void Diagnostics::Add(Severity severity, SourcePos pos, std::string message) {
  int& kept = kept_[pos.file];
  if (kept >= max_per_file_) {
    Omitted& omitted = omitted_[pos.file];
    (severity == Severity::kError ? omitted.errors : omitted.warnings) += 1;
    return;
  }
  ++kept;
  issues_.push_back(Issue{severity, pos, std::move(message)});
}

bool Diagnostics::Full(int file) const {
  const auto it = kept_.find(file);
  return it != kept_.end() && it->second >= max_per_file_;
}

int Diagnostics::omitted_count() const {
  int n = 0;
  for (const auto& [file, omitted] : omitted_) n += omitted.errors + omitted.warnings;
  return n;
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

int Diagnostics::error_count() const {
  int n = static_cast<int>(std::count_if(issues_.begin(), issues_.end(),
                                         [](const Issue& i) { return i.severity == Severity::kError; }));
  for (const auto& [file, omitted] : omitted_) n += omitted.errors;
  return n;
}

int Diagnostics::warning_count() const {
  int n = static_cast<int>(std::count_if(issues_.begin(), issues_.end(),
                                         [](const Issue& i) { return i.severity == Severity::kWarning; }));
  for (const auto& [file, omitted] : omitted_) n += omitted.warnings;
  return n;
}

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

void Diagnostics::Print(const SourceFiles& files, const Style& style, std::ostream& out) const {
  std::map<int, LineIndex> indexes;  // built once per file with an issue
  const std::vector<const Issue*> sorted = Sorted();
  for (size_t i = 0; i < sorted.size(); ++i) {
    const Issue* issue = sorted[i];
    const bool error = issue->severity == Severity::kError;
    out << files.Format(issue->pos) << ": "
        << style.Paint(error ? Tone::kDeny : Tone::kWarning, error ? "error:" : "warning:") << " "
        << EscapeUnsafe(CutMessage(issue->message)) << "\n";
    const int file = issue->pos.file;
    if (file >= 0 && file < files.size() && issue->pos.line > 0) {
      auto it = indexes.find(file);
      if (it == indexes.end()) it = indexes.emplace(file, LineIndex(files.text(file))).first;
      const absl::string_view line = it->second.Line(issue->pos.line - files.first_line(file) + 1);
      if (!line.empty()) {
        const Excerpt excerpt = ExcerptAround(line, issue->pos.column, kExcerptWidth);
        const absl::string_view before = excerpt.cut_before ? "..." : "";
        out << "    " << before << Printable(excerpt.text) << (excerpt.cut_after ? "..." : "") << "\n    "
            << std::string(before.size(), ' ') << CaretIndent(excerpt.text, excerpt.column)
            << style.Paint(Tone::kAllow, "^") << "\n";
      }
    }
    const bool last_of_file = i + 1 == sorted.size() || sorted[i + 1]->pos.file != file;
    const auto omitted = omitted_.find(file);
    if (last_of_file && omitted != omitted_.end()) {
      std::string more;
      if (omitted->second.errors > 0) more = Count(omitted->second.errors, "error");
      if (omitted->second.warnings > 0) {
        absl::StrAppend(&more, more.empty() ? "" : " and ", Count(omitted->second.warnings, "warning"));
      }
      const std::string where = file >= 0 && file < files.size() ? files.Format(SourcePos{file, 0, 0}) : "<unknown>";
      out << where << ": " << more << " not shown (at most " << max_per_file_
          << " issues per file; --max-issues N shows more)\n";
    }
  }
}

std::string Diagnostics::Render(const SourceFiles& files, const Style& style) const {
  std::ostringstream out;
  Print(files, style, out);
  return out.str();
}

}  // namespace hubperm
