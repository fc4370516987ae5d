// Copyright 2026 The hubperm Authors.

#include "policy/common/source.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "policy/common/escape.h"

namespace hubperm {

int SourceFiles::Add(std::string name, std::string text, int first_line) {
  files_.push_back(File{std::move(name), std::move(text), first_line});
  return size() - 1;
}

std::string SourceFiles::Format(const SourcePos& pos) const {
  if (pos.file < 0 || pos.file >= size()) return "<unknown>";
  const std::string file = EscapeUnsafe(name(pos.file));
  if (pos.line <= 0) return file;
  return absl::StrCat(file, ":", pos.line, ":", pos.column);
}

absl::string_view SourceFiles::Line(const SourcePos& pos) const {
  if (pos.file < 0 || pos.file >= size() || pos.line <= 0) return "";
  return LineIndex(text(pos.file)).Line(pos.line - first_line(pos.file) + 1);
}

LineIndex::LineIndex(absl::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = text.find('\n'); i != absl::string_view::npos; i = text.find('\n', i + 1)) {
    if (i + 1 < text.size()) starts_.push_back(i + 1);
  }
}

absl::string_view LineIndex::Line(int line) const {
  if (line <= 0 || line > line_count()) return "";
  const size_t start = starts_[line - 1];
  if (start >= text_.size()) return "";
  const size_t end = text_.find('\n', start);
  absl::string_view text = text_.substr(start, end == absl::string_view::npos ? end : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

}  // namespace hubperm
