// Copyright 2026 The hubperm Authors.

#include "policy/common/utf8.h"

#include "absl/strings/str_format.h"

namespace hubperm {

size_t Utf8SequenceLength(absl::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const auto continuation = [&](size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
  const unsigned char b = byte(i);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    if (!continuation(i + 1) || !continuation(i + 2)) return 0;
    if (b == 0xE0 && byte(i + 1) < 0xA0) return 0;   // overlong
    if (b == 0xED && byte(i + 1) >= 0xA0) return 0;  // a UTF-16 surrogate
    return 3;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3)) return 0;
    if (b == 0xF0 && byte(i + 1) < 0x90) return 0;   // overlong
    if (b == 0xF4 && byte(i + 1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;  // 0x80-0xC1 and 0xF5-0xFF never start a character
}

bool IsForbiddenControl(unsigned char byte) {
  return (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F;
}

std::string Printable(absl::string_view line) {
  std::string out;
  out.reserve(line.size());
  ForEachCharacter(line, [&](absl::string_view c, bool escaped) {
    if (escaped) {
      absl::StrAppendFormat(&out, "\\x%02X", static_cast<unsigned char>(c[0]));
    } else {
      out.append(c.data(), c.size());
    }
  });
  return out;
}

std::string CaretIndent(absl::string_view line, int column) {
  std::string out;
  int current = 1;
  ForEachCharacter(line, [&](absl::string_view c, bool escaped) {
    if (current++ >= column) return;
    if (escaped) {
      out.append(4, ' ');
    } else {
      out.push_back(c == "\t" ? '\t' : ' ');
    }
  });
  if (column > current) out.append(column - current, ' ');
  return out;
}

}  // namespace hubperm
