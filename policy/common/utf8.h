// Copyright 2026 The hubperm Authors.
//
// policy/common/utf8.h: just enough UTF-8 for fixture files: is this byte sequence well-formed, and how
// does a line look in a terminal.
//
// Fixture files must be UTF-8 (the loader refuses anything else, naming the bad byte); diagnostics still
// show such a line, so `Printable` escapes what a terminal cannot show and keeps carets aligned.

#ifndef HUBPERM_POLICY_COMMON_UTF8_H_
#define HUBPERM_POLICY_COMMON_UTF8_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace hubperm {

// The length (1-4) of the well-formed UTF-8 sequence that starts at `text[i]`, or 0 when the bytes there
// are not one: a stray continuation byte, a truncated sequence, an overlong form, a UTF-16 surrogate or a
// code point above U+10FFFF. Requires i < text.size().
size_t Utf8SequenceLength(absl::string_view text, size_t i);

// Whether the character starting at `text[i]` (one byte) is a control character YAML does not allow in a
// file: C0 controls other than tab, line feed and carriage return, and DEL.
bool IsForbiddenControl(unsigned char byte);

// Calls `visit(character, bad)` for each character of `text`, in order: a well-formed UTF-8 sequence
// (bad == false), or one byte that is not well-formed UTF-8 or is a forbidden control character
// (bad == true; IsForbiddenControl tells which).
template <typename Visit>
void ForEachCharacter(absl::string_view text, Visit visit) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = Utf8SequenceLength(text, i);
    const bool bad = length == 0 || IsForbiddenControl(static_cast<unsigned char>(text[i]));
    const size_t taken = bad ? 1 : length;
    visit(text.substr(i, taken), bad);
    i += taken;
  }
}

// `line` as a terminal can show it: bytes that are not well-formed UTF-8, and forbidden control
// characters, are written as `\xHH`.
std::string Printable(absl::string_view line);

// The blanks to print before a caret so it stands under the 1-based character `column` of `line` as
// `Printable` shows it: one per character (each counted one cell wide), four per escaped byte, and the
// line's own tabs kept as tabs. A column past the end of the line gets one blank per missing character.
std::string CaretIndent(absl::string_view line, int column);

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_UTF8_H_
