// Copyright 2026 The hubperm Authors.

#include "policy/common/source.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace hubperm {

int SourceFiles::Add(std::string name, std::string text) {
  files_.push_back(File{std::move(name), std::move(text)});
  return size() - 1;
}

std::string SourceFiles::Format(const SourcePos& pos) const {
  if (pos.file < 0 || pos.file >= size()) return "<unknown>";
  if (pos.line <= 0) return std::string(name(pos.file));
  return absl::StrCat(name(pos.file), ":", pos.line, ":", pos.column);
}

absl::string_view SourceFiles::Line(const SourcePos& pos) const {
  if (pos.file < 0 || pos.file >= size() || pos.line <= 0) return "";
  absl::string_view text = this->text(pos.file);
  size_t start = 0;
  for (int line = 1; line < pos.line; ++line) {
    size_t newline = text.find('\n', start);
    if (newline == absl::string_view::npos) return "";
    start = newline + 1;
  }
  size_t end = text.find('\n', start);
  absl::string_view line = text.substr(start, end == absl::string_view::npos ? end : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace hubperm
