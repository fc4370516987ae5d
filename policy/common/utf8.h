// Copyright 2026 The hubperm Authors.
//
// policy/common/utf8.h: just enough UTF-8 for fixture files: is this byte sequence well-formed, and how
// does a line look in a terminal.
//
// Fixture files must be UTF-8 (the loader refuses anything else, naming the bad byte); diagnostics still
// show such a line, through `Printable` and `CaretIndent` (policy/common/escape.h).

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

// The code point of `character`, one well-formed UTF-8 sequence (Utf8SequenceLength > 0).
char32_t DecodeUtf8(absl::string_view character);

// Calls `visit(sequence, not_utf8)` for each character of `text`, in order: a well-formed UTF-8
// sequence (not_utf8 == false), or one byte that is not well-formed UTF-8 (not_utf8 == true).
template <typename Visit>
void ForEachSequence(absl::string_view text, Visit visit) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = Utf8SequenceLength(text, i);
    const size_t taken = length == 0 ? 1 : length;
    visit(text.substr(i, taken), length == 0);
    i += taken;
  }
}

// Calls `visit(character, bad)` for each character of `text`, in order: a well-formed UTF-8 sequence
// (bad == false), or one byte that is not well-formed UTF-8 or is a forbidden control character
// (bad == true; IsForbiddenControl tells which).
template <typename Visit>
void ForEachCharacter(absl::string_view text, Visit visit) {
  ForEachSequence(text, [&](absl::string_view c, bool not_utf8) {
    visit(c, not_utf8 || IsForbiddenControl(static_cast<unsigned char>(c[0])));
  });
}

}  // namespace hubperm

#endif  // HUBPERM_POLICY_COMMON_UTF8_H_
